"""Reminder subscriptions, in a SQL database that survives restarts.

SQLite by default (`sqlite:///var/reminders.db`, next to the conversations); in production the
same kind of SQLAlchemy URL as the tracker store (REMINDERS_DB_URL, e.g. PostgreSQL). Two tables:

- `reminder_subscriptions`: who (Rasa sender id and Telegram chat id) wants reminders of which
  deadline, in which language, since when. One row per (sender, deadline).
- `reminders_sent`: one row per reminder claimed for sending, UNIQUE (subscription, deadline date,
  offset): a reminder is claimed *before* it is sent, so two bridges, or a bridge restarted after
  a crash, can never send the same one twice.

Used by the action server (subscribe, list, stop, the bridge's /reminders/* endpoints), by the
tracker store ("forget me" deletes a student's subscriptions) and by scripts/purge.py.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set, Tuple

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

logger = logging.getLogger(__name__)

TELEGRAM_PREFIX = "telegram-"  # the bridge's Rasa sender ids: telegram-<chat id>

metadata = sa.MetaData()
subscriptions_table = sa.Table(
    "reminder_subscriptions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("sender", sa.String(255), nullable=False, index=True),
    sa.Column("chat_id", sa.BigInteger, nullable=False),
    sa.Column("deadline_id", sa.String(64), nullable=False),
    sa.Column("language", sa.String(8), nullable=False),
    sa.Column("created_at", sa.DateTime, nullable=False),  # UTC
    sa.UniqueConstraint("sender", "deadline_id", name="uq_subscription_sender_deadline"),
)
sent_table = sa.Table(
    "reminders_sent", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("subscription_id", sa.Integer,
              sa.ForeignKey("reminder_subscriptions.id", ondelete="CASCADE"), nullable=False),
    sa.Column("deadline_date", sa.Date, nullable=False),
    sa.Column("offset_days", sa.Integer, nullable=False),
    sa.Column("sent_at", sa.DateTime, nullable=False),  # UTC; when it was claimed
    sa.UniqueConstraint("subscription_id", "deadline_date", "offset_days", name="uq_reminder_sent"),
)

SentKey = Tuple[int, date, int]  # (subscription id, deadline date, offset in days)


def chat_id_of(sender: str) -> Optional[int]:
    """The Telegram chat of a bridge conversation ("telegram-12345" -> 12345), else None."""
    if not sender.startswith(TELEGRAM_PREFIX):
        return None
    try:
        return int(sender[len(TELEGRAM_PREFIX):])
    except ValueError:
        return None


def _utc(moment: datetime) -> datetime:
    """Stored naive in UTC (SQLite has no time zones)."""
    if moment.tzinfo is None:
        raise ValueError("an aware datetime is required")
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


@dataclass(frozen=True)
class Subscription:
    id: int
    sender: str
    chat_id: int
    deadline_id: str
    language: str
    created_at: datetime  # aware, UTC


def _subscription(row) -> Subscription:
    return Subscription(row.id, row.sender, row.chat_id, row.deadline_id, row.language,
                        row.created_at.replace(tzinfo=timezone.utc))


def _sqlite_file(url: str) -> Optional[Path]:
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


_engines: Dict[str, sa.engine.Engine] = {}


def _engine(url: str) -> sa.engine.Engine:
    if url not in _engines:
        path = _sqlite_file(url)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, future=True)
        if path is not None:
            sa.event.listen(engine, "connect", _sqlite_pragmas)
        _engines[url] = engine
    return _engines[url]


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=5000")  # the action server, Rasa and purge share the file
    cursor.execute("PRAGMA secure_delete=ON")  # a deleted subscription is overwritten, not unlinked
    cursor.close()


class ReminderStore:
    """The subscriptions and the reminders already sent. Creates its tables when missing."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)
        metadata.create_all(self.engine, checkfirst=True)

    # --- subscriptions ---------------------------------------------------------------------------

    def subscribe(self, sender: str, chat_id: int, deadline_id: str, language: str,
                  now: datetime) -> Tuple[Subscription, bool]:
        """(the subscription, True if new). Subscribing again keeps the first one (and its
        schedule), in the language of the conversation now."""
        for _ in range(2):  # a second try only if the same student subscribed twice at once
            with self.engine.begin() as connection:
                row = connection.execute(
                    sa.select(subscriptions_table).where(
                        subscriptions_table.c.sender == sender,
                        subscriptions_table.c.deadline_id == deadline_id)).first()
                if row is not None:
                    connection.execute(subscriptions_table.update()
                                       .where(subscriptions_table.c.id == row.id)
                                       .values(language=language, chat_id=chat_id))
                    return replace(_subscription(row), language=language, chat_id=chat_id), False
            try:
                with self.engine.begin() as connection:
                    result = connection.execute(subscriptions_table.insert().values(
                        sender=sender, chat_id=chat_id, deadline_id=deadline_id,
                        language=language, created_at=_utc(now)))
            except IntegrityError:
                continue
            created = _utc(now).replace(tzinfo=timezone.utc)
            return Subscription(result.inserted_primary_key[0], sender, chat_id, deadline_id,
                                language, created), True
        raise RuntimeError(f"could not subscribe {sender} to {deadline_id}")

    def subscriptions(self, sender: Optional[str] = None) -> List[Subscription]:
        """A student's subscriptions (all of them when sender is None), oldest first."""
        query = sa.select(subscriptions_table).order_by(subscriptions_table.c.id)
        if sender is not None:
            query = query.where(subscriptions_table.c.sender == sender)
        with self.engine.connect() as connection:
            return [_subscription(row) for row in connection.execute(query)]

    def set_language(self, sender: str, language: str) -> None:
        with self.engine.begin() as connection:
            connection.execute(subscriptions_table.update()
                               .where(subscriptions_table.c.sender == sender)
                               .values(language=language))

    def unsubscribe(self, sender: str, deadline_id: Optional[str] = None) -> int:
        """Deletes one subscription (or all of the sender's) with its history; returns how many."""
        where = [subscriptions_table.c.sender == sender]
        if deadline_id is not None:
            where.append(subscriptions_table.c.deadline_id == deadline_id)
        with self.engine.begin() as connection:
            ids = [row.id for row in connection.execute(
                sa.select(subscriptions_table.c.id).where(*where))]
            return self._delete_ids(connection, ids)

    def delete_senders(self, senders: Iterable[str]) -> int:
        """Deletes every subscription of these senders (erasure, retention)."""
        senders = list(senders)
        if not senders:
            return 0
        with self.engine.begin() as connection:
            ids = [row.id for row in connection.execute(
                sa.select(subscriptions_table.c.id)
                .where(subscriptions_table.c.sender.in_(senders)))]
            return self._delete_ids(connection, ids)

    @staticmethod
    def _delete_ids(connection, ids: List[int]) -> int:
        if not ids:
            return 0
        # Explicitly: SQLite enforces ON DELETE CASCADE only when asked to.
        connection.execute(sent_table.delete().where(sent_table.c.subscription_id.in_(ids)))
        connection.execute(subscriptions_table.delete().where(subscriptions_table.c.id.in_(ids)))
        return len(ids)

    # --- reminders sent --------------------------------------------------------------------------

    def sent(self) -> Set[SentKey]:
        with self.engine.connect() as connection:
            return {(row.subscription_id, row.deadline_date, row.offset_days)
                    for row in connection.execute(sa.select(sent_table))}

    def claim(self, subscription_id: int, deadline_date: date, offset_days: int,
              now: datetime) -> bool:
        """Records a reminder as sent, before sending it; False if it already was (or the
        subscription is gone): then it must not be sent."""
        try:
            with self.engine.begin() as connection:
                exists = connection.execute(sa.select(subscriptions_table.c.id).where(
                    subscriptions_table.c.id == subscription_id)).first()
                if exists is None:
                    return False
                connection.execute(sent_table.insert().values(
                    subscription_id=subscription_id, deadline_date=deadline_date,
                    offset_days=offset_days, sent_at=_utc(now)))
        except IntegrityError:
            return False
        return True

    def release(self, subscription_id: int, deadline_date: date, offset_days: int) -> bool:
        """Undoes a claim whose sending failed before anything reached the student."""
        with self.engine.begin() as connection:
            result = connection.execute(sent_table.delete().where(
                sent_table.c.subscription_id == subscription_id,
                sent_table.c.deadline_date == deadline_date,
                sent_table.c.offset_days == offset_days))
        return result.rowcount > 0


def forget(sender: str, url: str) -> int:
    """Deletes a sender's subscriptions, for "forget me"; never creates a database to do so."""
    path = _sqlite_file(url)
    if path is not None and not path.exists():
        return 0
    engine = _engine(url)
    if not sa.inspect(engine).has_table(subscriptions_table.name):
        return 0
    return ReminderStore(url).delete_senders([sender])


def senders(url: str) -> Dict[str, datetime]:
    """Every sender with a subscription, with the latest of its subscriptions' creation and its
    reminders' sending (aware, UTC): its last reminder activity. {} when there is no database."""
    path = _sqlite_file(url)
    if path is not None and not path.exists():
        return {}
    engine = _engine(url)
    if not sa.inspect(engine).has_table(subscriptions_table.name):
        return {}
    latest: Dict[str, datetime] = {}
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(subscriptions_table.c.sender, subscriptions_table.c.created_at,
                      sent_table.c.sent_at)
            .select_from(subscriptions_table.outerjoin(
                sent_table, sent_table.c.subscription_id == subscriptions_table.c.id)))
        for sender, created_at, sent_at in rows:
            moment = max(created_at, sent_at) if sent_at is not None else created_at
            moment = moment.replace(tzinfo=timezone.utc)
            if sender not in latest or moment > latest[sender]:
                latest[sender] = moment
    return latest
