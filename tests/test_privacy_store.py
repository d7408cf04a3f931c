"""Erasure and retention act on the real SQL tracker store."""

import time

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components.tracker_store import ForgettingSQLTrackerStore
from scripts.purge import database_url, purge


def _store(tmp_path):
    return ForgettingSQLTrackerStore(domain=Domain.empty(), db=str(tmp_path / "c.db"))


def _tracker(sender, *events):
    tracker = DialogueStateTracker(sender, slots=[])
    for event in events:
        tracker.update(event)
    return tracker


async def test_conversation_is_kept_until_the_student_confirms_forget_me(tmp_path):
    store = _store(tmp_path)
    tracker = _tracker("s1", ActionExecuted("action_listen"), UserUttered("bonjour"),
                       ActionExecuted("utter_greet"), BotUttered("Bonjour !"))
    await store.save(tracker)
    assert len((await store.retrieve("s1")).events) == 4
    tracker.update(UserUttered("oui"))
    tracker.update(ActionExecuted("utter_forgotten"))
    tracker.update(BotUttered("C'est fait"))
    await store.save(tracker)
    assert await store.retrieve("s1") is None
    # An unrelated conversation is untouched.
    await store.save(_tracker("s2", UserUttered("hello")))
    assert await store.retrieve("s2") is not None


async def test_an_older_forget_confirmation_does_not_erase_again(tmp_path):
    store = _store(tmp_path)
    tracker = _tracker("s1", UserUttered("oui"), ActionExecuted("utter_forgotten"),
                       UserUttered("hello again"), ActionExecuted("utter_greet"))
    await store.save(tracker)
    assert await store.retrieve("s1") is not None


def test_unset_database_variable_falls_back_to_the_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = ForgettingSQLTrackerStore(domain=Domain.empty(), db="${TRACKER_DB}")
    assert (tmp_path / "var" / "conversations.db").exists()
    assert store is not None


async def test_purge_deletes_only_conversations_inactive_for_longer_than_the_limit(tmp_path):
    store = _store(tmp_path)
    now = time.time()
    old, recent = UserUttered("vieux"), UserUttered("récent")
    old.timestamp, recent.timestamp = now - 100 * 86400, now - 10 * 86400
    await store.save(_tracker("old", old))
    await store.save(_tracker("recent", recent))
    url = database_url(None, str(tmp_path / "c.db"))
    assert purge(url, days=90, dry_run=True, now=now) == 1
    assert await store.retrieve("old") is not None
    assert purge(url, days=90, now=now) == 1
    assert await store.retrieve("old") is None
    assert await store.retrieve("recent") is not None


def test_purge_of_a_missing_store_is_a_no_op(tmp_path):
    assert purge(database_url(None, str(tmp_path / "none.db")), days=1) == 0


@pytest.mark.parametrize("days", ["-1"])
def test_purge_rejects_negative_days(days):
    from scripts.purge import main
    with pytest.raises(SystemExit):
        main(["--days", days])
