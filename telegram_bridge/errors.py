"""The one error handler: logs what went wrong (chat id, error; never message text) and goes on."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from telegram_bridge.state import Context

logger = logging.getLogger(__name__)


async def error_handler(update: object, context: Context) -> None:
    error = context.error
    chat_id = None
    if isinstance(update, Update) and update.effective_chat is not None:
        chat_id = update.effective_chat.id
    if isinstance(error, Forbidden):
        logger.info("Chat %s: the bot may not write there (blocked or removed): %s", chat_id, error)
    elif isinstance(error, RetryAfter):
        logger.warning("Chat %s: Telegram flood limit, retry after %s", chat_id, error.retry_after)
    elif isinstance(error, BadRequest):  # before NetworkError, its base class in PTB
        logger.warning("Chat %s: Telegram refused a request: %s", chat_id, error)
    elif isinstance(error, NetworkError):  # includes TimedOut
        logger.warning("Chat %s: network error talking to Telegram: %s", chat_id, error)
    elif isinstance(error, TelegramError):
        logger.warning("Chat %s: Telegram API error: %s", chat_id, error)
    else:
        logger.error("Chat %s: unexpected error while handling an update", chat_id, exc_info=error)
