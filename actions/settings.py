"""Settings of the action server, read from the environment when asked (never at import time)."""

import os
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

# Days ahead that "what deadlines are coming up?" looks at.
UPCOMING_WINDOW_DAYS = 60
# kb-check lists entries whose verified_on is older than this.
STALE_AFTER_DAYS = 365


def kb_dir() -> Path:
    """Folder of the knowledge base YAML files (ACTIONS_KB_DIR, default actions/knowledge)."""
    return Path(os.environ.get("ACTIONS_KB_DIR") or Path(__file__).parent / "knowledge")


def timezone() -> ZoneInfo:
    """Deadlines are counted in the school's time zone, whatever the server's is."""
    return ZoneInfo(os.environ.get("ACTIONS_TIMEZONE") or "Europe/Paris")


def today() -> date:
    """Today in the school's time zone; ACTIONS_TODAY=YYYY-MM-DD (or ACTIONS_NOW) fixes the clock."""
    fixed = os.environ.get("ACTIONS_TODAY")
    if fixed:
        return date.fromisoformat(fixed)
    return now().date()  # ACTIONS_NOW, when set, fixes the day too


def public_url() -> str:
    """Base URL of the action server as students' links reach it (the checklist's calendar file):
    ACTIONS_PUBLIC_URL (e.g. https://assistant.example.org/actions), default
    http://localhost:<ACTION_PORT or 5055>."""
    default = f"http://localhost:{os.environ.get('ACTION_PORT') or 5055}"
    return (os.environ.get("ACTIONS_PUBLIC_URL") or default).rstrip("/")


# --- deadline reminders (actions/reminders.py, actions/reminder_store.py) ---------------------


def now() -> datetime:
    """Now, aware, in the school's time zone; ACTIONS_NOW=2027-05-17T09:00 fixes it (tests, demos).

    Without ACTIONS_NOW, a fixed ACTIONS_TODAY keeps the time of day and moves to that day, so
    `today()` and `now()` always agree.
    """
    zone = timezone()
    fixed = os.environ.get("ACTIONS_NOW")
    if fixed:
        moment = datetime.fromisoformat(fixed)
        return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)
    moment = datetime.now(zone)
    day = os.environ.get("ACTIONS_TODAY")
    if day:
        moment = datetime.combine(date.fromisoformat(day), moment.timetz())
    return moment


def reminders_db_url() -> str:
    """SQLAlchemy URL of the reminder subscriptions (REMINDERS_DB_URL): SQLite next to the
    conversations by default, the production database (PostgreSQL) in production."""
    return os.environ.get("REMINDERS_DB_URL") or "sqlite:///var/reminders.db"


def reminder_offsets() -> tuple:
    """Days before a deadline on which a reminder is sent (REMINDER_OFFSETS_DAYS, "14,2")."""
    raw = os.environ.get("REMINDER_OFFSETS_DAYS") or "14,2"
    try:
        days = {int(part) for part in raw.split(",") if part.strip()}
    except ValueError:
        raise ValueError(f"REMINDER_OFFSETS_DAYS must be days separated by commas, not {raw!r}") from None
    if not days or min(days) < 0:
        raise ValueError(f"REMINDER_OFFSETS_DAYS must list days of 0 or more, not {raw!r}")
    return tuple(sorted(days, reverse=True))


def reminder_send_time() -> time:
    """Time of day, in the school's time zone, reminders go out (REMINDER_SEND_TIME, "09:00")."""
    raw = os.environ.get("REMINDER_SEND_TIME") or "09:00"
    try:
        return time.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"REMINDER_SEND_TIME must be HH:MM, not {raw!r}") from None


def telegram_bot_link() -> str:
    """Where a student on the website finds the bot on Telegram (TELEGRAM_BOT_LINK, e.g.
    https://t.me/imt_mines_ales_bot); empty when not configured."""
    return (os.environ.get("TELEGRAM_BOT_LINK") or "").strip()


def reminders_api_token() -> str:
    """Shared secret of the bridge's calls to /reminders/* (the same RASA_API_TOKEN the bridge
    uses for Rasa's HTTP API); empty means those endpoints refuse every call."""
    return os.environ.get("RASA_API_TOKEN") or ""
