"""Settings of the action server, read from the environment when asked (never at import time)."""

import os
from datetime import date, datetime
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
    """Today in the school's time zone; ACTIONS_TODAY=YYYY-MM-DD fixes the clock (tests, demos)."""
    fixed = os.environ.get("ACTIONS_TODAY")
    if fixed:
        return date.fromisoformat(fixed)
    return datetime.now(timezone()).date()
