"""From Rasa's messages to Telegram's, and from Telegram's updates to Rasa's payloads.

Pure functions and small in-memory tables; nothing here talks to the network.

Parse mode: none. Rasa's texts go out as plain text, so `<`, `&`, `*`, `_` or `[` in a reply can
never break a message or be read as markup (Telegram still makes URLs and phone numbers clickable).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity
from telegram.constants import ChatType

MESSAGE_LIMIT = 4096  # Telegram's maximum message length (UTF-16 code units)
CALLBACK_DATA_LIMIT = 64  # bytes
PARSE_MODE = None  # plain text: nothing to escape, nothing to break


def language_for(language_code: Optional[str]) -> str:
    """Telegram's IETF language tag -> the assistant's language: fr for French, else en."""
    return "fr" if (language_code or "").lower().split("-")[0] == "fr" else "en"


def sender_for(chat_id: int) -> str:
    """One Rasa conversation per Telegram chat."""
    return f"telegram-{chat_id}"


# --- Splitting long texts -----------------------------------------------------------------------

def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _longest_prefix(text: str, limit: int) -> int:
    """Number of characters of `text` that fit in `limit` UTF-16 code units."""
    if _utf16_len(text) <= limit:
        return len(text)
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return index
    return len(text)


def split_text(text: str, limit: int = MESSAGE_LIMIT) -> List[str]:
    """Cuts `text` into messages of at most `limit`, at a paragraph, else a line, else a word break.

    A break is used only if it keeps at least half a message before it (no tiny messages), trying
    paragraph, line and word breaks in that order; a single word longer than a message is cut hard.
    """
    chunks: List[str] = []
    rest = text.strip()
    while rest:
        fit = _longest_prefix(rest, limit)
        if fit == len(rest):
            chunks.append(rest)
            break
        window = rest[:fit + 1]  # a break right after the last fitting character is fine too
        cut = 0
        for separator in ("\n\n", "\n", " "):
            position = window.rfind(separator)
            if position >= fit // 2:
                cut = position
                break
        if not cut:
            for separator in ("\n\n", "\n", " "):
                cut = max(window.rfind(separator), 0)
                if cut:
                    break
        if not cut:
            cut = fit
        chunk = rest[:cut].rstrip()
        if chunk:
            chunks.append(chunk)
        rest = rest[cut:].lstrip()
    return chunks


# --- Buttons ------------------------------------------------------------------------------------

class PayloadStore:
    """Maps Rasa payloads to Telegram callback data (at most 64 bytes).

    Short payloads travel as they are. A longer one travels as "#" + a hash, remembered here (the
    most recent `capacity` ones, in memory): a button older than that, or pressed after a restart,
    is answered by sending its title to Rasa instead (see `payload_for_press`).
    """

    PREFIX = "#"

    def __init__(self, capacity: int = 10_000) -> None:
        self.capacity = capacity
        self._table: "OrderedDict[str, str]" = OrderedDict()

    def data_for(self, payload: str) -> str:
        if len(payload.encode("utf-8")) <= CALLBACK_DATA_LIMIT and not payload.startswith(self.PREFIX):
            return payload
        key = self.PREFIX + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:40]
        self._table[key] = payload
        self._table.move_to_end(key)
        while len(self._table) > self.capacity:
            self._table.popitem(last=False)
        return key

    def payload_for(self, data: str) -> Optional[str]:
        if not data.startswith(self.PREFIX):
            return data
        return self._table.get(data)


def build_keyboard(buttons: Iterable[Dict[str, Any]],
                   store: PayloadStore) -> Optional[InlineKeyboardMarkup]:
    """Rasa buttons -> an inline keyboard, one button per row (titles are often long on a phone)."""
    rows = []
    for button in buttons or []:
        title = str(button.get("title") or "").strip()
        if not title:
            continue
        if button.get("url"):
            rows.append([InlineKeyboardButton(title, url=str(button["url"]))])
        elif button.get("payload"):
            rows.append([InlineKeyboardButton(title, callback_data=store.data_for(str(button["payload"])))])
    return InlineKeyboardMarkup(rows) if rows else None


def payload_for_press(data: Optional[str], message: Optional[Message],
                      store: PayloadStore) -> Optional[str]:
    """What to send Rasa for a button press: its payload, else (forgotten hash) the button's title."""
    if not data:
        return None
    payload = store.payload_for(data)
    if payload is not None:
        return payload
    markup = message.reply_markup if isinstance(message, Message) else None
    for row in (markup.inline_keyboard if markup else ()):
        for button in row:
            if button.callback_data == data:
                return button.text
    return None


# --- Rasa messages -> Telegram messages ---------------------------------------------------------

@dataclass(frozen=True)
class Outgoing:
    """One Telegram message to send: a text (with an optional keyboard) or a photo."""

    text: Optional[str] = None
    keyboard: Optional[InlineKeyboardMarkup] = None
    photo: Optional[str] = None


def plan(replies: Sequence[Dict[str, Any]], store: PayloadStore,
         limit: int = MESSAGE_LIMIT) -> List[Outgoing]:
    """Rasa's messages, in order, as Telegram messages.

    A long text becomes several messages, the buttons going with the last one; an `image` becomes a
    photo (sendPhoto with its URL); buttons sent without a text join the message before them.
    Other fields (`custom`, `attachment`) have no Telegram rendering and are skipped.
    """
    out: List[Outgoing] = []
    for reply in replies:
        keyboard = build_keyboard(reply.get("buttons") or [], store)
        chunks = split_text(str(reply.get("text") or ""), limit)
        if chunks:
            out.extend(Outgoing(text=chunk) for chunk in chunks[:-1])
            out.append(Outgoing(text=chunks[-1], keyboard=keyboard))
        elif keyboard and out and out[-1].text and out[-1].keyboard is None:
            out[-1] = Outgoing(text=out[-1].text, keyboard=keyboard)
        if reply.get("image"):
            out.append(Outgoing(photo=str(reply["image"])))
    return out


# --- Commands -----------------------------------------------------------------------------------

_LANGUAGE_WORDS = {"fr": "fr", "french": "fr", "francais": "fr", "français": "fr",
                   "en": "en", "english": "en", "anglais": "en"}


def lang_payload(base_payload: str, args: Sequence[str]) -> str:
    """/lang toggles the language; /lang fr or /lang en picks one."""
    language = _LANGUAGE_WORDS.get(args[0].lower()) if args else None
    if language is None:
        return base_payload
    return base_payload + json.dumps({"language": language}, separators=(",", ":"))


def as_text(text: str) -> str:
    """A typed message is text, never an intent payload: a leading slash is dropped."""
    return text.strip().lstrip("/").strip()


# --- Group chats --------------------------------------------------------------------------------

def is_addressed(message: Message, bot_username: str, bot_id: int) -> bool:
    """In a private chat, always; in a group, only when the bot is mentioned or replied to."""
    if message.chat.type == ChatType.PRIVATE:
        return True
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return True
    mention = "@" + bot_username.lower()
    entities = {**message.parse_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION]),
                **message.parse_caption_entities([MessageEntity.MENTION, MessageEntity.TEXT_MENTION])}
    for entity, text in entities.items():
        if entity.type == MessageEntity.MENTION and text.lower() == mention:
            return True
        if entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot_id:
            return True
    return False


def strip_mention(text: str, bot_username: str) -> str:
    """'@imt_bot where is the library?' -> 'where is the library?'"""
    without = re.sub(rf"(?i)@{re.escape(bot_username)}\b[,:]?", " ", text)
    return re.sub(r"[ \t]+", " ", without).strip()
