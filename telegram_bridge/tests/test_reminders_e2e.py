"""End-to-end deadline reminders: students on the local Telegram Bot API stand-in, the real bridge
process with its job queue, the real Rasa server (HTTP API on, with a token) and action server.

Injected clocks: the action server lives on 1 April 2027, 10 am Paris (ACTIONS_NOW: when students
subscribe); each bridge process gets its own REMINDERS_NOW, and a "restart" is a new bridge process
on the same databases. The knowledge base is a copy where the Eiffel deadline is confirmed for
20 May 2027 (test data: reminders on 6 and 18 May, 9 am) and the DSE date is not confirmed until a
test adds it.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import sys
import time
from pathlib import Path
from typing import List

import pytest
import yaml

from telegram_bridge.tests import servers
from telegram_bridge.tests.conftest import Student, texts, titles
from telegram_bridge.tests.fake_bot_api import Call, FakeBotApi

pytestmark = pytest.mark.e2e

TOKEN = "reminders-e2e-token"
SUBSCRIBED_AT = "2027-04-01T10:00:00+02:00"
SOURCED = {"source": "https://www.example.org/test-only", "as_of": "2027",
           "verified_on": "2027-03-01"}


def confirm(kb: Path, deadline_id: str, closes: str) -> None:
    """What staff do: a dated session under the deadline in deadlines.yml."""
    path = kb / "deadlines.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entry = next(d for d in data["deadlines"] if d["id"] == deadline_id)
    entry["sessions"].append({"session": "test", "closes": closes, **SOURCED})
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


class Assistant:
    """The action server and Rasa server, on one knowledge base copy and two SQLite files."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.kb = workdir / "knowledge"
        shutil.copytree(servers.ROOT / "actions" / "knowledge", self.kb)
        confirm(self.kb, "eiffel", "2027-05-20")
        self.reminders_db = workdir / "reminders.db"
        shared = {"REMINDERS_DB_URL": f"sqlite:///{self.reminders_db}", "RASA_API_TOKEN": TOKEN}
        port = servers.free_port()
        self.actions = servers.Server(
            "actions", [str(servers.RASA_BIN / "python"), "-m", "actions", "--port", str(port)],
            servers.base_env(ACTIONS_KB_DIR=str(self.kb), ACTIONS_NOW=SUBSCRIBED_AT, **shared),
            lambda: servers.http_ok(f"http://127.0.0.1:{port}/health"), workdir, port)
        rasa_port = servers.free_port()
        self.rasa = servers.Server(
            "rasa", [str(servers.RASA_BIN / "rasa"), "run", "--model", str(servers.MODEL),
                     "--endpoints", "endpoints.yml", "--credentials", "credentials.yml",
                     "--port", str(rasa_port), "--enable-api", "--auth-token", TOKEN],
            servers.base_env(ACTION_ENDPOINT_URL=f"http://127.0.0.1:{port}/webhook",
                             TRACKER_DB=str(workdir / "conversations.db"), **shared),
            lambda: servers.http_ok(f"http://127.0.0.1:{rasa_port}/"), workdir, rasa_port)

    def subscriptions(self, sender: str) -> List[str]:
        with sqlite3.connect(self.reminders_db) as db:
            return [row[0] for row in db.execute(
                "SELECT deadline_id FROM reminder_subscriptions WHERE sender = ? ORDER BY id",
                (sender,))]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    if not servers.MODEL.exists():
        pytest.fail("No trained model: run `make train` (make test does it).")
    found = Assistant(tmp_path_factory.mktemp("reminders"))
    found.actions.start()
    try:
        found.rasa.start()
    except Exception:
        found.actions.stop()
        raise
    yield found
    found.rasa.stop()
    found.actions.stop()


@pytest.fixture(scope="module")
def telegram():
    """This module's own Bot API stand-in: no other test's bridge polls it."""
    api = FakeBotApi().start()
    yield api
    api.stop()


class Bridge:
    """`python -m telegram_bridge` with the reminder job on, its clock fixed at `now`."""

    def __init__(self, assistant: Assistant, telegram: FakeBotApi, now: str) -> None:
        mark = telegram.mark()
        self.process = servers.Server(
            f"bridge-{now.replace(':', '')}",
            [sys.executable, "-m", "telegram_bridge"],
            servers.base_env(TELEGRAM_BOT_TOKEN=telegram.token, TELEGRAM_BASE_URL=telegram.base_url,
                             RASA_URL=f"http://127.0.0.1:{assistant.rasa.port}",
                             ACTIONS_URL=f"http://127.0.0.1:{assistant.actions.port}",
                             RASA_API_TOKEN=TOKEN, REMINDERS_NOW=now, REMINDERS_INTERVAL="0.5",
                             REMINDERS_FIRST="0.2", LOG_LEVEL="DEBUG"),
            lambda: bool(telegram.calls("getUpdates", since=mark)), assistant.workdir)

    def __enter__(self) -> "Bridge":
        self.process.start(timeout=60)
        return self

    def __exit__(self, *exc) -> None:
        self.process.stop()

    def runs(self) -> int:
        return len(re.findall(r"Reminders: \d+ due at", self.process.log()))

    def wait_runs(self, more: int = 3, timeout: float = 30.0) -> None:
        """Until the job has run `more` more times (proof it looked, and found nothing)."""
        target, deadline = self.runs() + more, time.monotonic() + timeout
        while self.runs() < target:
            assert time.monotonic() < deadline, f"the reminder job did not run:\n{self.process.log()[-2000:]}"
            time.sleep(0.2)


def reminders_to(telegram: FakeBotApi, student: Student) -> List[Call]:
    return [c for c in telegram.calls("sendMessage", student.chat_id) if "🔔 R" in c.text
            and ("Rappel :" in c.text or "Reminder:" in c.text)]


def _wait_reminder(telegram: FakeBotApi, student: Student) -> List[Call]:
    telegram.wait_for(lambda: reminders_to(telegram, student), timeout=30)
    return reminders_to(telegram, student)


# --- subscribing, listing, stopping, in both languages ---------------------------------------------


def test_subscribe_list_and_stop_in_both_languages(assistant, telegram):
    with Bridge(assistant, telegram, SUBSCRIBED_AT):
        camille = Student(telegram, "fr")
        replies = camille.say("rappelle-moi la date limite de la bourse Eiffel")
        text = texts(replies)
        assert "C'est noté : je vous rappellerai l'échéance « Bourse d'excellence Eiffel » du 20 mai 2027" in text
        assert "le 6 mai 2027 et 18 mai 2027, à 09:00 (Europe/Paris)" in text
        assert "Arrêter ce rappel" in titles(replies)

        alex = Student(telegram, "en")
        text = texts(alex.say("Remind me about the DSE deadline"))
        assert "not confirmed yet, and I won't remind you of a guessed date" in text
        text = texts(alex.say("Please remind me of the Eiffel scholarship deadline"))
        assert "I'll remind you of the deadline “Eiffel Excellence scholarship” on 20 May 2027" in text
        assert assistant.subscriptions(alex.sender) == ["dse", "eiffel"]

        replies = alex.say("What reminders do I have?")
        text = texts(replies)
        assert "• 20 May 2027 — Eiffel Excellence scholarship" in text
        assert "Waiting for a confirmed date" in text and "Dossier Social Étudiant" in text
        assert "Stop all reminders" in titles(replies)

        assert "Stopped: I won't send you any more reminders about “Eiffel Excellence scholarship”" in \
            texts(alex.say("stop the Eiffel reminder"))
        assert assistant.subscriptions(alex.sender) == ["dse"]
        assert "all your deadline reminders are stopped (1)" in texts(alex.say("stop all reminders"))
        assert assistant.subscriptions(alex.sender) == []

        assert "20 mai 2027 — Bourse d'excellence Eiffel" in texts(camille.say("quels rappels j'ai ?"))
        assert "tous vos rappels d'échéances sont arrêtés (1)" in texts(camille.say("arrête tous mes rappels"))
        assert assistant.subscriptions(camille.sender) == []


# --- the reminder: on time, once, across restarts -----------------------------------------------------


def test_a_reminder_is_sent_at_its_time_and_only_once_across_restarts(assistant, telegram):
    student = Student(telegram, "fr")
    with Bridge(assistant, telegram, SUBSCRIBED_AT):
        assert "C'est noté" in texts(student.say("rappelle-moi la date limite de la bourse Eiffel"))

    with Bridge(assistant, telegram, "2027-05-06T08:59:00+02:00") as bridge:  # a minute early
        bridge.wait_runs()
        assert reminders_to(telegram, student) == []

    with Bridge(assistant, telegram, "2027-05-06T09:00:00+02:00") as bridge:  # restart, on time
        [reminder] = _wait_reminder(telegram, student)
        assert reminder.text.startswith(
            "🔔 Rappel : « Bourse d'excellence Eiffel », échéance le 20 mai 2027, dans 14 jours.")
        assert "direction de l'action internationale" in reminder.text
        assert reminder.text.endswith("🔎 campusfrance.org")
        assert [b["text"] for b in reminder.buttons()] == ["Arrêter ce rappel"]
        bridge.wait_runs()
        assert len(reminders_to(telegram, student)) == 1  # the next runs do not send it again

    with Bridge(assistant, telegram, "2027-05-06T09:30:00+02:00") as bridge:  # restart again
        bridge.wait_runs()
        assert len(reminders_to(telegram, student)) == 1  # never twice
        # The stop button under the reminder works.
        [reminder] = reminders_to(telegram, student)
        assert "C'est arrêté" in texts(student.press(reminder, "Arrêter ce rappel"))
        assert assistant.subscriptions(student.sender) == []


def test_an_unconfirmed_deadline_is_scheduled_once_staff_add_its_date(assistant, telegram):
    student = Student(telegram, "en")
    with Bridge(assistant, telegram, SUBSCRIBED_AT):
        text = texts(student.say("Remind me about the DSE deadline"))
        assert "not confirmed yet" in text

    with Bridge(assistant, telegram, "2027-05-17T09:00:00+02:00") as bridge:
        bridge.wait_runs()
        assert reminders_to(telegram, student) == []  # no date, no reminder: nothing made up
        confirm(assistant.kb, "dse", "2027-05-31")  # staff confirm the date; no restart
        [reminder] = _wait_reminder(telegram, student)
        assert reminder.text.startswith(
            "🔔 Reminder: “Dossier Social Étudiant (Crous scholarship and housing)”, "
            "deadline 31 May 2027, in 14 days.")
        assert [b["text"] for b in reminder.buttons()] == ["Stop this reminder"]
        bridge.wait_runs()
        assert len(reminders_to(telegram, student)) == 1


# --- privacy -------------------------------------------------------------------------------------------


def test_forget_removes_the_students_subscriptions(assistant, telegram):
    student = Student(telegram, "fr")
    with Bridge(assistant, telegram, SUBSCRIBED_AT):
        student.say("rappelle-moi la date limite de la bourse Eiffel")
        assert assistant.subscriptions(student.sender) == ["eiffel"]
        [question] = [r for r in student.say("/forget") if r.buttons()]
        assert "C'est fait" in texts(student.press(question, "Oui, effacer"))
        assert assistant.subscriptions(student.sender) == []
