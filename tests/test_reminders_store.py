"""The subscriptions database: survives a restart, claims a reminder only once, and forgets a
student with their conversation ("forget me", retention)."""

import time
from datetime import date, datetime, timedelta, timezone

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.reminder_store import ReminderStore, chat_id_of, forget, senders
from components.tracker_store import ForgettingSQLTrackerStore
from scripts.purge import database_url, main as purge_main, purge, purge_all

NOW = datetime(2027, 4, 1, 8, 0, tzinfo=timezone.utc)
DAY = date(2027, 5, 31)


def _url(tmp_path, name="reminders.db"):
    return f"sqlite:///{tmp_path / name}"


def test_subscriptions_survive_a_restart_and_subscribing_twice_keeps_the_first(tmp_path):
    store = ReminderStore(_url(tmp_path))
    first, new = store.subscribe("telegram-7", 7, "dse", "fr", NOW)
    assert new and first.created_at == NOW
    again, new = ReminderStore(_url(tmp_path)).subscribe("telegram-7", 7, "dse", "en",
                                                         NOW + timedelta(days=3))
    assert not new and again.id == first.id and again.created_at == NOW and again.language == "en"
    store.subscribe("telegram-7", 7, "eiffel", "en", NOW)
    store.subscribe("telegram-8", 8, "dse", "fr", NOW)
    restarted = ReminderStore(_url(tmp_path))
    assert [s.deadline_id for s in restarted.subscriptions("telegram-7")] == ["dse", "eiffel"]
    assert len(restarted.subscriptions()) == 3


def test_a_reminder_is_claimed_once_even_by_a_restarted_or_second_sender(tmp_path):
    store = ReminderStore(_url(tmp_path))
    subscription, _ = store.subscribe("telegram-7", 7, "dse", "fr", NOW)
    assert store.claim(subscription.id, DAY, 14, NOW)
    assert not store.claim(subscription.id, DAY, 14, NOW)
    assert not ReminderStore(_url(tmp_path)).claim(subscription.id, DAY, 14, NOW)
    assert store.claim(subscription.id, DAY, 2, NOW)  # the other offset is another reminder
    assert store.sent() == {(subscription.id, DAY, 14), (subscription.id, DAY, 2)}
    # Sending failed before anything reached the student: released, it can be claimed again.
    assert store.release(subscription.id, DAY, 2)
    assert store.claim(subscription.id, DAY, 2, NOW)


def test_a_stopped_subscription_cannot_be_claimed(tmp_path):
    store = ReminderStore(_url(tmp_path))
    subscription, _ = store.subscribe("telegram-7", 7, "dse", "fr", NOW)
    assert store.unsubscribe("telegram-7", "dse") == 1
    assert not store.claim(subscription.id, DAY, 14, NOW)
    assert store.unsubscribe("telegram-7", "dse") == 0


def test_stop_one_and_stop_all(tmp_path):
    store = ReminderStore(_url(tmp_path))
    for deadline in ("dse", "eiffel", "caf_summer"):
        store.subscribe("telegram-7", 7, deadline, "fr", NOW)
    store.subscribe("telegram-8", 8, "dse", "fr", NOW)
    assert store.unsubscribe("telegram-7", "eiffel") == 1
    assert [s.deadline_id for s in store.subscriptions("telegram-7")] == ["dse", "caf_summer"]
    assert store.unsubscribe("telegram-7") == 2
    assert store.subscriptions("telegram-7") == []
    assert len(store.subscriptions("telegram-8")) == 1  # someone else's are untouched


def test_chat_ids_come_from_the_bridge_sender_ids():
    assert chat_id_of("telegram-12345") == 12345
    assert chat_id_of("telegram--1001234") == -1001234  # a group
    assert chat_id_of("web-abc") is None and chat_id_of("telegram-x") is None


def test_forget_never_creates_a_database(tmp_path):
    assert forget("telegram-7", _url(tmp_path, "none.db")) == 0
    assert not (tmp_path / "none.db").exists()
    assert senders(_url(tmp_path, "none.db")) == {}


# --- "forget me" through Rasa's tracker store -----------------------------------------------------


def _tracker(sender, *events):
    tracker = DialogueStateTracker(sender, slots=[])
    for event in events:
        tracker.update(event)
    return tracker


async def test_forget_me_erases_the_students_subscriptions_with_the_conversation(tmp_path, monkeypatch):
    monkeypatch.setenv("REMINDERS_DB_URL", _url(tmp_path))
    reminders = ReminderStore(_url(tmp_path))
    reminders.subscribe("telegram-1", 1, "dse", "fr", NOW)
    reminders.subscribe("telegram-1", 1, "eiffel", "fr", NOW)
    reminders.subscribe("telegram-2", 2, "dse", "fr", NOW)
    store = ForgettingSQLTrackerStore(domain=Domain.empty(), db=str(tmp_path / "c.db"))
    tracker = _tracker("telegram-1", UserUttered("rappelle-moi le DSE"), ActionExecuted("action_remind_me"))
    await store.save(tracker)
    assert len(reminders.subscriptions("telegram-1")) == 2  # kept while the conversation is
    for event in (UserUttered("oui"), ActionExecuted("utter_forgotten"), BotUttered("C'est fait")):
        tracker.update(event)
    await store.save(tracker)
    assert await store.retrieve("telegram-1") is None
    assert reminders.subscriptions("telegram-1") == []
    assert [s.sender for s in reminders.subscriptions()] == ["telegram-2"]


# --- retention: scripts/purge.py -------------------------------------------------------------------


async def test_purge_deletes_the_subscriptions_of_purged_and_vanished_conversations(tmp_path):
    now = time.time()
    store = ForgettingSQLTrackerStore(domain=Domain.empty(), db=str(tmp_path / "c.db"))
    old, recent = UserUttered("vieux"), UserUttered("récent")
    old.timestamp, recent.timestamp = now - 100 * 86400, now - 10 * 86400
    await store.save(_tracker("telegram-1", old))
    await store.save(_tracker("telegram-2", recent))
    reminders = ReminderStore(_url(tmp_path))
    long_ago = datetime.fromtimestamp(now - 100 * 86400, tz=timezone.utc)
    reminders.subscribe("telegram-1", 1, "dse", "fr", long_ago)  # conversation purged below
    reminders.subscribe("telegram-2", 2, "dse", "fr", long_ago)  # conversation still active
    reminders.subscribe("telegram-3", 3, "dse", "fr", long_ago)  # conversation gone already
    reminders.subscribe("telegram-4", 4, "dse", "fr", datetime.now(timezone.utc))  # just made
    url = database_url(None, str(tmp_path / "c.db"))
    assert purge_all(url, 90, dry_run=True, now=now, reminders_url=_url(tmp_path)) == (1, 2)
    assert len(reminders.subscriptions()) == 4
    assert purge_all(url, 90, now=now, reminders_url=_url(tmp_path)) == (1, 2)
    assert sorted(s.sender for s in reminders.subscriptions()) == ["telegram-2", "telegram-4"]
    # Without a reminders URL, purge() leaves subscriptions alone (and still counts conversations).
    assert purge(url, 90, now=now) == 0


async def test_purge_command_reports_subscriptions(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("REMINDERS_DB_URL", _url(tmp_path))
    reminders = ReminderStore(_url(tmp_path))
    reminders.subscribe("telegram-9", 9, "dse", "fr", datetime(2020, 1, 1, tzinfo=timezone.utc))
    # No conversation store at that path: nothing to compare with, so no subscription is touched.
    assert purge_main(["--days", "90", "--db", str(tmp_path / "none.db")]) == 0
    assert "subscriptions of 0 student(s)" in capsys.readouterr().out
    store = ForgettingSQLTrackerStore(domain=Domain.empty(), db=str(tmp_path / "c.db"))
    await store.save(_tracker("telegram-1", UserUttered("bonjour")))
    assert purge_main(["--days", "90", "--db", str(tmp_path / "c.db")]) == 0
    out = capsys.readouterr().out
    assert "deleted 0 conversation(s)" in out and "subscriptions of 1 student(s)" in out
    assert reminders.subscriptions() == []
