"""The SQL tracker store, plus the right to be forgotten.

Rasa has no API to delete a conversation, and it saves the whole tracker after every message, so
deleting rows from an action would be undone a moment later. Deletion therefore happens here, at
save time: when the turn being saved contains `utter_forgotten` (the reply that confirms an erasure),
every stored event of that conversation is deleted and nothing is written back.

Speed (measured in docs/performance.md): on SQLite, Rasa opens a new connection for every query
(SQLAlchemy 1.4's default for a file) and waits for the disk on every commit. Here connections are
pooled, the database runs in WAL mode with `synchronous=NORMAL` (a commit no longer waits for the
disk; a power cut can lose the last commits, never corrupt the file), and `secure_delete` keeps
"forget me" real: erased rows are overwritten, then checkpointed out of the WAL file.
PostgreSQL keeps Rasa's own pool settings (SQL_POOL_SIZE, SQL_MAX_OVERFLOW).
On both, the three queries of every message (read the conversation, count what is stored, insert
the new events) are built once as SQL statements instead of ORM queries rebuilt on every call: the
same SQL, the same rows, a third of the store's time (the ORM was most of it).
"""

from __future__ import annotations

import itertools
import json
import logging
from pathlib import Path
from typing import Any, Dict, Iterator, Optional, Text

import sqlalchemy as sa
import sqlalchemy.orm
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, Event, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from components import speedups  # noqa: F401  (Rasa 3.6 hot-path fixes, applied on import)

logger = logging.getLogger(__name__)

FORGET_MARKER = "utter_forgotten"
DEFAULT_DB = "var/conversations.db"
# Set on every new SQLite connection.
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",      # readers never block the writer; persistent in the file
    "PRAGMA synchronous=NORMAL",    # with WAL: no disk wait at commit, still crash-safe
    "PRAGMA busy_timeout=5000",     # another process writing (a second worker, purge): wait
    "PRAGMA secure_delete=ON",      # erased conversations are overwritten, not just unlinked
)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _statements() -> Dict[Text, Any]:
    """The SQL Rasa's SQLTrackerStore runs, built once: the latest session's events, their count."""
    events = SQLTrackerStore.SQLEvent.__table__
    sender = sa.bindparam("sender_id")
    session_start = (sa.select(sa.func.max(events.c.timestamp))
                     .where(events.c.sender_id == sender,
                            events.c.type_name == SessionStarted.type_name)
                     .scalar_subquery())
    latest = sa.and_(events.c.sender_id == sender,
                     sa.or_(events.c.timestamp >= session_start, session_start.is_(None)))
    return {
        "latest": sa.select(events.c.data).where(latest).order_by(events.c.id),
        "all": sa.select(events.c.data).where(events.c.sender_id == sender)
                 .order_by(events.c.id),
        "count": sa.select(sa.func.count()).select_from(events).where(latest),
        "insert": events.insert(),
    }


STATEMENTS = _statements()


def _row(sender_id: Text, event: Event) -> Dict[Text, Any]:
    """An event as Rasa's SQLTrackerStore stores it."""
    data = event.as_dict()
    return {"sender_id": sender_id, "type_name": event.type_name,
            "timestamp": data.get("timestamp"), "action_name": data.get("name"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "data": json.dumps(data)}


def forget_reminders(sender_id: Text) -> int:
    """Erasure covers the student's deadline reminders too (actions/reminder_store.py, in the
    database REMINDERS_DB_URL names, as for the action server). A failure is logged loudly: the
    conversation itself is erased all the same."""
    try:
        from actions import reminder_store, settings  # the action server's package, same repo

        deleted = reminder_store.forget(sender_id, settings.reminders_db_url())
    except Exception:  # noqa: BLE001 - the conversation is gone already; say so and go on
        logger.exception("Reminder subscriptions of an erased conversation could NOT be deleted.")
        return 0
    if deleted:
        logger.info("Reminder subscriptions erased with the conversation (%d).", deleted)
    return deleted


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
        if self.engine.dialect.name == "sqlite":
            self._tune_sqlite()

    def _tune_sqlite(self) -> None:
        """A pooled engine with the pragmas above, instead of one connection per query."""
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, poolclass=sa.pool.QueuePool, pool_size=5,
                                       max_overflow=10,
                                       connect_args={"check_same_thread": False})
        sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self.sessionmaker = sqlalchemy.orm.sessionmaker(bind=self.engine)

    async def save(self, tracker: DialogueStateTracker) -> None:
        if asked_to_forget(tracker):
            deleted = self.forget(tracker.sender_id)
            logger.info("Conversation erased at the student's request (%d events).", deleted)
            forget_reminders(tracker.sender_id)
            return
        await self.stream_events(tracker)
        with self.session_scope() as session:
            rows = [_row(tracker.sender_id, event)
                    for event in self._additional_events(session, tracker)]
            if rows:
                session.execute(STATEMENTS["insert"], rows)
            session.commit()

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator[Event]:
        """The tracker's events not stored yet (those after the stored part of this session)."""
        stored = session.execute(STATEMENTS["count"], {"sender_id": tracker.sender_id}).scalar()
        return itertools.islice(tracker.events, stored, len(tracker.events))

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool
                        ) -> Optional[DialogueStateTracker]:
        statement = STATEMENTS["all" if fetch_events_from_all_sessions else "latest"]
        with self.session_scope() as session:
            rows = session.execute(statement, {"sender_id": sender_id}).fetchall()
        events = [json.loads(data) for (data,) in rows]
        if self.domain and events:
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        return None

    def forget(self, sender_id: Text) -> int:
        """Deletes every stored event of one conversation; returns how many."""
        with self.session_scope() as session:
            deleted = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == sender_id)
                .delete(synchronize_session=False)
            )
            session.commit()
            if self.engine.dialect.name == "sqlite":
                # The erased rows' old pages may still sit in the WAL file: write them out now.
                session.execute(sa.text("PRAGMA wal_checkpoint(TRUNCATE)"))
        return int(deleted)
