"""Every setting of the bridge, read from the environment in one place (nothing else reads os.environ)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Optional

REPO_ROOT = Path(__file__).resolve().parent.parent
# The texts the bridge says itself (when Rasa cannot answer) live in the domain, not in Python.
CHANNEL_TEXTS_FILE = REPO_ROOT / "domain" / "channels.yml"
# The command menu (names, descriptions in both languages, the Rasa payload of each command).
COMMANDS_FILE = Path(__file__).resolve().parent / "commands.yml"

TELEGRAM_BASE_URL = "https://api.telegram.org/bot"
RASA_URL = "http://localhost:5005"


class SettingsError(ValueError):
    """A missing or malformed setting; the message says which one."""


@dataclass(frozen=True)
class Settings:
    token: str = field(repr=False)  # a secret: never in logs or reprs
    base_url: str = TELEGRAM_BASE_URL
    rasa_url: str = RASA_URL
    rasa_timeout: float = 12.0  # seconds before the student is told the assistant is unavailable
    flood_max: int = 10  # at most flood_max messages per user ...
    flood_window: float = 60.0  # ... in any flood_window seconds; the rest are dropped quietly
    webhook_url: Optional[str] = None  # set it to use a webhook instead of long polling
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    webhook_secret: Optional[str] = None
    log_level: str = "INFO"
    channel_texts_file: Path = CHANNEL_TEXTS_FILE
    commands_file: Path = COMMANDS_FILE

    @classmethod
    def from_env(cls, env: Optional[Mapping[str, str]] = None) -> "Settings":
        env = os.environ if env is None else env
        token = env.get("TELEGRAM_BOT_TOKEN", "").strip()
        if not token:
            raise SettingsError("TELEGRAM_BOT_TOKEN is not set (get one from @BotFather).")
        return cls(
            token=token,
            base_url=env.get("TELEGRAM_BASE_URL") or TELEGRAM_BASE_URL,
            rasa_url=(env.get("RASA_URL") or RASA_URL).rstrip("/"),
            rasa_timeout=positive_number(env, "RASA_TIMEOUT", 12.0),
            flood_max=int(positive_number(env, "TELEGRAM_FLOOD_MAX", 10)),
            flood_window=positive_number(env, "TELEGRAM_FLOOD_WINDOW", 60.0),
            webhook_url=env.get("TELEGRAM_WEBHOOK_URL") or None,
            webhook_listen=env.get("TELEGRAM_WEBHOOK_LISTEN") or "0.0.0.0",
            webhook_port=int(positive_number(env, "TELEGRAM_WEBHOOK_PORT", 8443)),
            webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET") or None,
            log_level=(env.get("LOG_LEVEL") or "INFO").upper(),
        )


def positive_number(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, not {raw!r}.") from None
    if value <= 0:
        raise SettingsError(f"{name} must be positive, not {raw!r}.")
    return value
