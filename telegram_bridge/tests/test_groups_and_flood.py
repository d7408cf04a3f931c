"""Unit tests: group chats (answer only when mentioned or replied to), flood control, chat locks."""

import asyncio

import pytest
from telegram import Message

from telegram_bridge.flood import ChatLocks, FloodControl
from telegram_bridge.rendering import is_addressed, strip_mention

BOT_ID, BOT_NAME = 7000000001, "imt_test_bot"
STUDENT = {"id": 11, "is_bot": False, "first_name": "Camille"}


def message(text, chat_type="supergroup", entities=(), reply_to_bot=False, **content):
    data = {"message_id": 2, "date": 0, "from": STUDENT,
            "chat": {"id": -100 if chat_type != "private" else 11, "type": chat_type, "title": "Promo"},
            **content}
    if text is not None:
        data["text"] = text
    if entities:
        data["entities"] = list(entities)
    if reply_to_bot:
        data["reply_to_message"] = {"message_id": 1, "date": 0, "chat": data["chat"], "text": "…",
                                    "from": {"id": BOT_ID, "is_bot": True, "first_name": "Bot"}}
    return Message.de_json(data, None)


def mention(text, name=BOT_NAME):
    offset = text.index("@" + name)
    return {"type": "mention", "offset": offset, "length": len(name) + 1}


def test_private_chats_are_always_answered():
    assert is_addressed(message("bonjour", chat_type="private"), BOT_NAME, BOT_ID)


def test_groups_only_when_mentioned_or_replied_to():
    plain = "quelqu'un sait où est la BU ?"
    assert not is_addressed(message(plain), BOT_NAME, BOT_ID)
    text = "@imt_test_bot où est la BU ?"
    assert is_addressed(message(text, entities=[mention(text)]), BOT_NAME, BOT_ID)
    assert is_addressed(message(plain, reply_to_bot=True), BOT_NAME, BOT_ID)
    other = "@some_other_bot où est la BU ?"
    assert not is_addressed(message(other, entities=[mention(other, "some_other_bot")]), BOT_NAME, BOT_ID)


def test_a_text_mention_of_the_bot_counts():
    text = "Bot, où est la BU ?"
    entity = {"type": "text_mention", "offset": 0, "length": 3,
              "user": {"id": BOT_ID, "is_bot": True, "first_name": "Bot"}}
    assert is_addressed(message(text, entities=[entity]), BOT_NAME, BOT_ID)


def test_a_sticker_in_a_group_only_when_replying_to_the_bot():
    sticker = {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 512,
               "height": 512, "is_animated": False, "is_video": False}
    assert not is_addressed(message(None, sticker=sticker), BOT_NAME, BOT_ID)
    assert is_addressed(message(None, sticker=sticker, reply_to_bot=True), BOT_NAME, BOT_ID)


@pytest.mark.parametrize("text, stripped", [
    ("@imt_test_bot où est la BU ?", "où est la BU ?"),
    ("où est la BU @imt_test_bot ?", "où est la BU ?"),
    ("@IMT_Test_Bot, hello", "hello"),
    ("@imt_test_bot_fan club", "@imt_test_bot_fan club"),
])
def test_the_mention_is_stripped(text, stripped):
    assert strip_mention(text, BOT_NAME) == stripped


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_flood_control_allows_n_messages_per_window_per_user():
    clock = Clock()
    flood = FloodControl(max_messages=3, window=10, clock=clock)
    assert [flood.allow(1) for _ in range(5)] == [True, True, True, False, False]
    assert flood.allow(2)  # another student is not affected
    clock.now += 5
    assert not flood.allow(1)
    clock.now += 5.01  # the first three messages leave the window
    assert [flood.allow(1) for _ in range(4)] == [True, True, True, False]


def test_flood_control_forgets_idle_users():
    clock = Clock()
    flood = FloodControl(max_messages=3, window=10, clock=clock)
    for user in range(999):
        flood.allow(user)
    clock.now += 11
    flood.allow(5000)  # the 1000th check sweeps idle users
    assert len(flood._seen) == 1


@pytest.mark.asyncio
async def test_chat_locks_keep_one_chats_order_and_let_other_chats_run():
    locks, events = ChatLocks(), []

    async def handle(chat, name, delay):
        async with locks(chat):
            events.append(f"start {name}")
            await asyncio.sleep(delay)
            events.append(f"end {name}")

    await asyncio.gather(handle(1, "a1", 0.05), handle(1, "a2", 0), handle(2, "b1", 0))
    assert events.index("end a1") < events.index("start a2")
    assert events.index("end b1") < events.index("end a1")  # chat 2 did not wait for chat 1
    assert len(locks) == 0  # nothing kept for idle chats
