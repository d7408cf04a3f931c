"""The reminder job's decisions, without any network: what it claims, sends, skips and gives back.

The action server and Rasa are replaced by an in-memory client with the same methods, Telegram by
a bot object recording send_message; the end-to-end test (test_reminders_e2e.py) runs the real ones.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

import pytest
from telegram.error import BadRequest, Forbidden

from telegram_bridge.reminders import ReminderError, ReminderJob, ReminderSettings
from telegram_bridge.settings import SettingsError
from telegram_bridge.state import BridgeState

NOW = datetime(2027, 5, 17, 7, 0, tzinfo=timezone.utc)


def item(subscription: int = 1, chat_id: int = 501, deadline: str = "dse") -> Dict[str, Any]:
    return {"subscription": subscription, "sender": f"telegram-{chat_id}", "chat_id": chat_id,
            "deadline": deadline, "language": "fr", "date": "2027-05-31", "offset": 14,
            "days_left": 14, "send_at": "2027-05-17T09:00:00+02:00"}


def reminder(deadline: str = "dse") -> List[Dict[str, Any]]:
    return [{"recipient_id": "x", "text": f"🔔 Rappel : {deadline}",
             "buttons": [{"title": "Arrêter ce rappel",
                          "payload": f'/stop_reminder{{"deadline":"{deadline}"}}'}]}]


class FakeClient:
    """The action server's claims (a set, like the UNIQUE constraint) and Rasa's answers."""

    def __init__(self, due: List[Dict[str, Any]], rasa_down: bool = False) -> None:
        self._due, self.rasa_down = due, rasa_down
        self.claimed: set = set()
        self.released: List[tuple] = []
        self.said: List[str] = []
        self.asked_at: List[datetime] = []

    @staticmethod
    def key(entry):
        return entry["subscription"], entry["date"], entry["offset"]

    async def due(self, now):
        self.asked_at.append(now)
        return [d for d in self._due if self.key(d) not in self.claimed]

    async def claim(self, entry, now):
        if self.key(entry) in self.claimed:
            return False
        self.claimed.add(self.key(entry))
        return True

    async def release(self, entry):
        self.claimed.discard(self.key(entry))
        self.released.append(self.key(entry))

    async def say(self, entry):
        if self.rasa_down:
            raise ReminderError("ConnectError")
        self.said.append(entry["sender"])
        return reminder(entry["deadline"])

    async def aclose(self):
        pass


class FakeBot:
    def __init__(self, fail: Optional[Exception] = None) -> None:
        self.fail = fail
        self.sent: List[Dict[str, Any]] = []

    async def send_message(self, chat_id, text, **kwargs):
        if self.fail is not None:
            raise self.fail
        self.sent.append({"chat_id": chat_id, "text": text, **kwargs})


def job(client: FakeClient) -> ReminderJob:
    return ReminderJob(ReminderSettings(api_token="t"), client=client, clock=lambda: NOW)


@pytest.mark.asyncio
async def test_a_due_reminder_is_claimed_said_by_rasa_and_sent_with_its_stop_button():
    client, bot = FakeClient([item()]), FakeBot()
    assert await job(client).run(bot, BridgeState()) == 1
    [message] = bot.sent
    assert message["chat_id"] == 501 and message["text"] == "🔔 Rappel : dse"
    button = message["reply_markup"].inline_keyboard[0][0]
    assert (button.text, button.callback_data) == ("Arrêter ce rappel", '/stop_reminder{"deadline":"dse"}')
    assert client.asked_at == [NOW]  # the injected clock is what the action server is asked about


@pytest.mark.asyncio
async def test_the_next_run_and_a_restarted_job_send_nothing_again():
    client, bot = FakeClient([item()]), FakeBot()
    await job(client).run(bot, BridgeState())
    assert await job(client).run(bot, BridgeState()) == 0  # a new job object: a restart
    assert len(bot.sent) == 1


@pytest.mark.asyncio
async def test_a_reminder_claimed_elsewhere_is_skipped():
    client, bot = FakeClient([item()]), FakeBot()
    client.claimed.add(FakeClient.key(item()))

    async def stale_due(now):  # the action server answered before the other bridge claimed it
        return [item()]

    client.due = stale_due
    assert await job(client).run(bot, BridgeState()) == 0
    assert bot.sent == [] and client.said == []


@pytest.mark.asyncio
async def test_rasa_down_gives_the_claim_back_for_the_next_run():
    client, bot = FakeClient([item(1), item(2, 502)], rasa_down=True), FakeBot()
    assert await job(client).run(bot, BridgeState()) == 0
    assert client.released == [(1, "2027-05-31", 14)] and client.claimed == set()
    client.rasa_down = False
    assert await job(client).run(bot, BridgeState()) == 2


@pytest.mark.asyncio
async def test_a_telegram_error_before_delivery_gives_the_claim_back():
    client = FakeClient([item()])
    await job(client).run(FakeBot(fail=BadRequest("Bad Request: test")), BridgeState())
    assert client.claimed == set()
    bot = FakeBot()
    assert await job(client).run(bot, BridgeState()) == 1 and len(bot.sent) == 1


@pytest.mark.asyncio
async def test_a_chat_that_blocked_the_bot_is_not_retried():
    client = FakeClient([item()])
    await job(client).run(FakeBot(fail=Forbidden("Forbidden: bot was blocked by the user")), BridgeState())
    assert client.claimed == {FakeClient.key(item())}  # kept: never retried


@pytest.mark.asyncio
async def test_action_server_down_sends_nothing():
    class Down(FakeClient):
        async def due(self, now):
            raise ReminderError("ConnectError")

    bot = FakeBot()
    assert await job(Down([])).run(bot, BridgeState()) == 0 and bot.sent == []


def test_settings_from_the_environment():
    settings = ReminderSettings.from_env({
        "RASA_API_TOKEN": "s3cret", "ACTIONS_URL": "http://actions:5055/", "REMINDERS_INTERVAL": "30",
        "REMINDERS_NOW": "2027-05-17T09:00:00+02:00"})
    assert settings.enabled and settings.actions_url == "http://actions:5055"
    assert settings.interval == 30 and settings.now() == NOW
    assert "s3cret" not in repr(settings)
    assert not ReminderSettings.from_env({}).enabled  # no token: no reminders
    with pytest.raises(SettingsError, match="REMINDERS_NOW"):
        ReminderSettings.from_env({"REMINDERS_NOW": "2027-05-17T09:00"})  # which time zone?
    with pytest.raises(SettingsError, match="REMINDERS_INTERVAL"):
        ReminderSettings.from_env({"REMINDERS_INTERVAL": "0"})
