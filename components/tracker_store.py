"""The SQL tracker store, plus the right to be forgotten.

Rasa has no API to delete a conversation, and it saves the whole tracker after every message, so
deleting rows from an action would be undone a moment later. Deletion therefore happens here, at
save time: when the turn being saved contains `utter_forgotten` (the reply that confirms an erasure),
every stored event of that conversation is deleted and nothing is written back.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Text

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)

FORGET_MARKER = "utter_forgotten"
DEFAULT_DB = "var/conversations.db"


def asked_to_forget(tracker: DialogueStateTracker) -> bool:
    """True when the latest turn ends with the erasure confirmation."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == FORGET_MARKER:
            return True
    return False


class ForgettingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore that erases a conversation when the student confirms "forget me"."""

    def __init__(self, *args: Any, db: Text = DEFAULT_DB, **kwargs: Any) -> None:
        # endpoints.yml reads ${TRACKER_DB}; Rasa leaves the placeholder as it is when the
        # variable is unset, which would create a file literally named "${TRACKER_DB}".
        if not db or db.startswith("${"):
            db = DEFAULT_DB
            Path(db).parent.mkdir(parents=True, exist_ok=True)
        super().__init__(*args, db=db, **kwargs)

    async def save(self, tracker: DialogueStateTracker) -> None:
        if asked_to_forget(tracker):
            deleted = self.forget(tracker.sender_id)
            logger.info("Conversation erased at the student's request (%d events).", deleted)
            return
        await super().save(tracker)

    def forget(self, sender_id: Text) -> int:
        """Deletes every stored event of one conversation; returns how many."""
        with self.session_scope() as session:
            deleted = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == sender_id)
                .delete(synchronize_session=False)
            )
            session.commit()
        return int(deleted)
