"""What every callback shares, kept in `context.bot_data` (typed through ContextTypes)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, Optional

from telegram.ext import CallbackContext, ExtBot

from telegram_bridge.flood import ChatLocks, FloodControl
from telegram_bridge.rasa_client import RasaClient
from telegram_bridge.rendering import PayloadStore
from telegram_bridge.settings import Settings
from telegram_bridge.texts import Command, LocalisedText


@dataclass
class BridgeState:
    settings: Optional[Settings] = None
    rasa: Optional[RasaClient] = None  # created in post_init, closed in post_shutdown
    unavailable: Optional[LocalisedText] = None  # utter_service_unavailable, from the domain
    commands: Dict[str, Command] = field(default_factory=dict)  # by command name
    payloads: PayloadStore = field(default_factory=PayloadStore)
    flood: FloodControl = field(default_factory=FloodControl)
    locks: ChatLocks = field(default_factory=ChatLocks)


Context = CallbackContext[ExtBot, dict, dict, BridgeState]
