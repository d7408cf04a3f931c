"""Fixtures for the bridge's tests. Everything runs on 127.0.0.1: a fake Bot API, a fake or a real
Rasa (the project's action server and Rasa server, from .venv), and the real bridge process."""

from __future__ import annotations

import itertools
from typing import List, Optional

import pytest

from telegram_bridge.tests import servers
from telegram_bridge.tests.fake_bot_api import Call, FakeBotApi, user

_ids = itertools.count(1)


class Student:
    """One Telegram user in one chat, talking to the bridge through the fake Bot API."""

    def __init__(self, telegram: FakeBotApi, language_code: Optional[str] = "fr",
                 chat_type: str = "private") -> None:
        n = next(_ids)
        self.telegram, self.chat_type = telegram, chat_type
        self.user = user(500000 + n, language_code)
        self.chat_id = self.user["id"] if chat_type == "private" else -1000000000 - n
        self.sender = f"telegram-{self.chat_id}"

    def send(self, text: Optional[str] = None, **content) -> int:
        """Sends without waiting; returns the call-log mark to wait from."""
        mark = self.telegram.mark()
        self.last_message = self.telegram.message(self.chat_id, self.user, text, self.chat_type,
                                                  **content)
        return mark

    def say(self, text: Optional[str] = None, timeout: float = 60.0, **content) -> List[Call]:
        """Sends a message and returns the bot's messages in answer."""
        return self.telegram.wait_for_replies(self.chat_id, self.send(text, **content), timeout)

    def press(self, sent: Call, title: str, timeout: float = 60.0) -> List[Call]:
        mark = self.telegram.mark()
        self.last_query = self.telegram.press(self.user, sent, title)
        return self.telegram.wait_for_replies(self.chat_id, mark, timeout)


def texts(replies: List[Call]) -> str:
    return "\n".join(r.text for r in replies)


def titles(replies: List[Call]) -> List[str]:
    return [b["text"] for r in replies for b in r.buttons()]


@pytest.fixture(scope="session")
def assistant(tmp_path_factory):
    """The project's action server and Rasa server, with their own SQLite conversation store."""
    if not servers.MODEL.exists():
        pytest.fail("No trained model: run `make train` (make test does it).")
    workdir = tmp_path_factory.mktemp("assistant")
    actions = servers.action_server(workdir).start()
    rasa = servers.rasa_server(workdir, actions.port, workdir / "conversations.db").start()
    rasa.tracker_db, rasa.actions = workdir / "conversations.db", actions
    yield rasa
    rasa.stop()
    actions.stop()


@pytest.fixture(scope="session")
def telegram():
    api = FakeBotApi().start()
    yield api
    api.stop()


@pytest.fixture(scope="session")
def bridge(telegram, assistant, tmp_path_factory):
    """`python -m telegram_bridge`, long polling the fake Bot API, talking to the real Rasa."""
    process = servers.bridge(tmp_path_factory.mktemp("bridge"), telegram,
                             f"http://127.0.0.1:{assistant.port}").start(timeout=60)
    yield process
    process.stop()
