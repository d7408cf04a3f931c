"""Retention: deletes every conversation whose last message is older than N days.

    make purge DAYS=90                      # the SQLite store of `make run` (TRACKER_DB)
    python -m scripts.purge --days 90 --url postgresql://user:pass@host/rasa
    python -m scripts.purge --days 90 --dry-run

Meant to run daily (cron or a Kubernetes CronJob). Conversations are deleted whole, never in part,
so what remains is always a coherent conversation.

Deadline-reminder subscriptions (actions/reminder_store.py, REMINDERS_DB_URL or --reminders-url)
go with their conversation: those of every conversation deleted here, and those whose conversation
is gone already and whose last reminder activity (subscribing, a reminder sent) is older than the
limit. A reminder sent is a message of the conversation, so it keeps the conversation active.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import List, Optional, Set, Tuple

import sqlalchemy as sa

DEFAULT_DB = "var/conversations.db"


def database_url(url: Optional[str], db: Optional[str]) -> str:
    if url:
        return url
    return f"sqlite:///{db or os.environ.get('TRACKER_DB') or DEFAULT_DB}"


def expired_senders(connection, cutoff: float) -> List[str]:
    rows = connection.execute(sa.text(
        "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"),
        {"cutoff": cutoff})
    return [row[0] for row in rows]


def purge(url: str, days: float, dry_run: bool = False, now: Optional[float] = None,
          reminders_url: Optional[str] = None) -> int:
    """Deletes the expired conversations; returns how many there were."""
    return purge_all(url, days, dry_run, now, reminders_url)[0]


def purge_all(url: str, days: float, dry_run: bool = False, now: Optional[float] = None,
              reminders_url: Optional[str] = None) -> Tuple[int, int]:
    """Deletes the expired conversations and, when `reminders_url` is given, the reminder
    subscriptions that go with them; returns (conversations, subscriptions)."""
    cutoff = (now if now is not None else time.time()) - days * 86400
    engine = sa.create_engine(url)
    senders: List[str] = []
    kept: Optional[Set[str]] = None  # None: no conversation store to compare with
    if sa.inspect(engine).has_table("events"):
        with engine.begin() as connection:
            senders = expired_senders(connection, cutoff)
            kept = {row[0] for row in connection.execute(
                sa.text("SELECT DISTINCT sender_id FROM events"))} - set(senders)
            if not dry_run:
                for sender in senders:
                    connection.execute(sa.text("DELETE FROM events WHERE sender_id = :s"),
                                       {"s": sender})
    engine.dispose()
    subscriptions = 0
    if reminders_url:
        subscriptions = purge_subscriptions(reminders_url, senders, kept, cutoff, dry_run)
    return len(senders), subscriptions


def purge_subscriptions(reminders_url: str, expired: List[str], kept: Optional[Set[str]],
                        cutoff: float, dry_run: bool = False) -> int:
    """Subscriptions of the expired conversations, and of conversations gone already (not in
    `kept`, the ones still stored) whose last reminder activity is older than `cutoff`; returns
    how many senders' subscriptions. Without a conversation store (kept None), only the former."""
    from actions import reminder_store

    activity = reminder_store.senders(reminders_url)
    expired_set = set(expired)
    gone = [sender for sender, latest in activity.items() if sender in expired_set
            or (kept is not None and sender not in kept and latest.timestamp() < cutoff)]
    if gone and not dry_run:
        reminder_store.ReminderStore(reminders_url).delete_senders(gone)
    return len(gone)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=float, required=True, help="keep conversations active "
                        "within this many days")
    parser.add_argument("--db", help="SQLite file (default: $TRACKER_DB or var/conversations.db)")
    parser.add_argument("--url", help="SQLAlchemy URL of the tracker store (PostgreSQL in production)")
    parser.add_argument("--reminders-url", help="SQLAlchemy URL of the reminder subscriptions "
                        "(default: $REMINDERS_DB_URL or sqlite:///var/reminders.db)")
    parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    args = parser.parse_args(argv)
    if args.days < 0:
        parser.error("--days must be positive")
    from actions import settings

    count, subscriptions = purge_all(database_url(args.url, args.db), args.days, args.dry_run,
                                     reminders_url=args.reminders_url or settings.reminders_db_url())
    verb = "would delete" if args.dry_run else "deleted"
    print(f"{verb} {count} conversation(s) inactive for more than {args.days:g} days")
    print(f"{verb} the reminder subscriptions of {subscriptions} student(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
