"""The callbacks: every update becomes one message to Rasa, and Rasa's answer goes back to the chat.

Rasa tracks the dialogue; the bridge keeps no conversation state (no ConversationHandler).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import AsyncIterator, Optional

from telegram import Bot, Message, ReplyParameters, Update
from telegram.constants import ChatAction, ChatType
from telegram.error import BadRequest, TelegramError

from telegram_bridge.rasa_client import RasaUnavailable
from telegram_bridge.rendering import (PARSE_MODE, Outgoing, as_text, is_addressed, lang_payload,
                                       language_for, payload_for_press, plan, sender_for,
                                       strip_mention)
from telegram_bridge.state import Context

logger = logging.getLogger(__name__)

NON_TEXT_PAYLOAD = "/non_text"
TYPING_EVERY = 4.5  # seconds; Telegram shows "typing..." for 5 s after each chat action


async def on_command(update: Update, context: Context) -> None:
    """/start, /help, /lang [fr|en], /contacts, /deadlines, /forget -> their Rasa payloads."""
    message = update.effective_message
    name = (message.text or "").split()[0].lstrip("/").split("@")[0].lower()
    command = context.bot_data.commands[name]
    payload = command.payload
    if name == "lang":
        payload = lang_payload(payload, context.args or [])
    await relay(update, context, payload)


async def on_text(update: Update, context: Context) -> None:
    """A typed message (or an unknown /command), sent to Rasa as text, never as a payload."""
    message = update.effective_message
    if not is_addressed(message, context.bot.username, context.bot.id):
        return
    text = as_text(strip_mention(message.text or "", context.bot.username))
    if text:
        await relay(update, context, text)


async def on_non_text(update: Update, context: Context) -> None:
    """Photos, voice notes, stickers, documents, locations...: Rasa says it reads text only."""
    if is_addressed(update.effective_message, context.bot.username, context.bot.id):
        await relay(update, context, NON_TEXT_PAYLOAD)


async def on_button(update: Update, context: Context) -> None:
    """A button press: answered at once (the button stops spinning), then its payload goes to Rasa."""
    query = update.callback_query
    await query.answer()
    message = query.message if isinstance(query.message, Message) else None
    payload = payload_for_press(query.data, message, context.bot_data.payloads)
    if payload is None or update.effective_chat is None:
        logger.info("Chat %s: a button press with unknown data was ignored.",
                    update.effective_chat.id if update.effective_chat else None)
        return
    await relay(update, context, payload)


async def relay(update: Update, context: Context, text: str) -> None:
    """Sends one message to Rasa for this chat and delivers Rasa's answer, in order, per chat."""
    state = context.bot_data
    chat, user = update.effective_chat, update.effective_user
    if user is not None and not state.flood.allow(user.id):
        logger.info("Chat %s: flood control dropped a message of user %s.", chat.id, user.id)
        return
    language = language_for(user.language_code if user else None)
    async with state.locks(chat.id):
        logger.info("Chat %s: %d characters to Rasa.", chat.id, len(text))
        logger.debug("Chat %s: to Rasa: %r", chat.id, text)
        try:
            async with typing(context.bot, chat.id):
                replies = await state.rasa.send(sender_for(chat.id), text, language)
        except RasaUnavailable as error:
            logger.warning("Chat %s: Rasa unavailable (%s); the student is told so.", chat.id, error)
            await context.bot.send_message(chat.id, state.unavailable.pick(language),
                                           parse_mode=PARSE_MODE)
            return
        outgoing = plan(replies, state.payloads)
        logger.info("Chat %s: %d messages from Rasa, %d to Telegram (%d characters).", chat.id,
                    len(replies), len(outgoing), sum(len(o.text or "") for o in outgoing))
        if not outgoing:
            logger.warning("Chat %s: Rasa answered nothing.", chat.id)
        quote = update.effective_message if chat.type != ChatType.PRIVATE else None
        for item in outgoing:
            await deliver(context.bot, chat.id, item, quote)
            quote = None


async def deliver(bot: Bot, chat_id: int, item: Outgoing, quote: Optional[Message] = None) -> None:
    """One planned message; in groups the first one replies to the student's message."""
    reply_to = (ReplyParameters(quote.message_id, allow_sending_without_reply=True)
                if quote is not None else None)
    if item.photo:
        try:
            await bot.send_photo(chat_id, item.photo, reply_parameters=reply_to)
            return
        except BadRequest as error:  # Telegram could not fetch the image: send its link instead
            logger.info("Chat %s: image not sent as a photo (%s); sending its link.", chat_id, error)
            await bot.send_message(chat_id, item.photo, reply_parameters=reply_to)
            return
    logger.debug("Chat %s: to Telegram: %r", chat_id, item.text)
    await bot.send_message(chat_id, item.text, parse_mode=PARSE_MODE, reply_markup=item.keyboard,
                           reply_parameters=reply_to)


@contextlib.asynccontextmanager
async def typing(bot: Bot, chat_id: int) -> AsyncIterator[None]:
    """Shows "typing..." now, and again every few seconds, while Rasa thinks."""
    done = asyncio.Event()

    async def keep_typing() -> None:
        while not done.is_set():
            try:
                await bot.send_chat_action(chat_id, ChatAction.TYPING)
            except TelegramError as error:  # cosmetic: never worth failing the message for
                logger.debug("Chat %s: chat action failed: %s", chat_id, error)
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(done.wait(), TYPING_EVERY)

    task = asyncio.create_task(keep_typing())
    await asyncio.sleep(0)  # the first chat action starts before the request to Rasa
    try:
        yield
    finally:
        done.set()  # an action already on its way finishes (no half-sent request), then it stops
        await task
