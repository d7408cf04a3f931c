"""Builds the Application and runs it: long polling by default, a webhook when TELEGRAM_WEBHOOK_URL is set."""

from __future__ import annotations

import logging
import os
import sys
from typing import Optional
from urllib.parse import urlparse

from telegram import BotCommand, Update
from telegram.error import TelegramError
from telegram.ext import (AIORateLimiter, Application, CallbackQueryHandler, CommandHandler,
                          ContextTypes, MessageHandler, filters)

from telegram_bridge import reminders
from telegram_bridge.errors import error_handler
from telegram_bridge.handlers import on_button, on_command, on_non_text, on_text
from telegram_bridge.rasa_client import RasaClient
from telegram_bridge.settings import Settings, SettingsError
from telegram_bridge.state import BridgeState
from telegram_bridge.texts import load_commands, load_response

logger = logging.getLogger("telegram_bridge")

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]


async def post_init(application: Application) -> None:
    state: BridgeState = application.bot_data
    state.rasa = RasaClient(state.settings.rasa_url, state.settings.rasa_timeout)
    commands = list(state.commands.values())
    try:
        await application.bot.set_my_commands(
            [BotCommand(c.name, c.description["en"]) for c in commands])
        await application.bot.set_my_commands(
            [BotCommand(c.name, c.description["fr"]) for c in commands], language_code="fr")
    except TelegramError as error:  # the menu is a convenience: start without it
        logger.warning("Could not set the command menu: %s", error)
    logger.info("Bridge ready: @%s -> %s", application.bot.username, state.settings.rasa_url)


async def post_shutdown(application: Application) -> None:
    state: BridgeState = application.bot_data
    if state.rasa is not None:
        await state.rasa.aclose()
    await reminders.close(application)


def build_application(settings: Settings,
                      reminder_settings: Optional[reminders.ReminderSettings] = None) -> Application:
    """The Application with its handlers and, when configured, the deadline-reminder job
    (telegram_bridge/reminders.py); reads the domain's texts and the command menu now."""
    application = (
        Application.builder()
        .token(settings.token)
        .base_url(settings.base_url)
        .context_types(ContextTypes(bot_data=BridgeState))
        .rate_limiter(AIORateLimiter(max_retries=3))
        .concurrent_updates(True)  # chats run side by side; each chat's messages stay in order
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    state: BridgeState = application.bot_data
    state.settings = settings
    state.unavailable = load_response(settings.channel_texts_file, "utter_service_unavailable")
    state.commands = {c.name: c for c in load_commands(settings.commands_file)}
    state.flood.max_messages, state.flood.window = settings.flood_max, settings.flood_window

    new_messages = filters.UpdateType.MESSAGE  # edited messages and channel posts are ignored
    application.add_handler(CommandHandler(list(state.commands), on_command, filters=new_messages))
    application.add_handler(MessageHandler(new_messages & filters.TEXT, on_text))
    application.add_handler(
        MessageHandler(new_messages & ~filters.TEXT & ~filters.StatusUpdate.ALL, on_non_text))
    application.add_handler(CallbackQueryHandler(on_button))
    application.add_error_handler(error_handler)
    reminders.schedule(application, reminder_settings)
    return application


def configure_logging(level: str) -> None:
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        level=getattr(logging, level, logging.INFO))
    # httpx logs every request URL, and the Bot API's URLs contain the token.
    for noisy in ("httpx", "httpcore", "apscheduler"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def main() -> None:
    try:
        settings = Settings.from_env()
        reminder_settings = reminders.ReminderSettings.from_env(os.environ)
    except SettingsError as error:
        sys.exit(f"telegram_bridge: {error}")
    configure_logging(settings.log_level)
    application = build_application(settings, reminder_settings)
    if settings.webhook_url:
        logger.info("Webhook mode on %s:%d", settings.webhook_listen, settings.webhook_port)
        application.run_webhook(
            listen=settings.webhook_listen, port=settings.webhook_port,
            url_path=urlparse(settings.webhook_url).path.lstrip("/"),
            webhook_url=settings.webhook_url, secret_token=settings.webhook_secret,
            allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1)
    else:
        logger.info("Long polling %s", urlparse(settings.base_url).netloc)
        application.run_polling(allowed_updates=ALLOWED_UPDATES, bootstrap_retries=-1)
