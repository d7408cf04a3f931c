"""Retention: deletes every conversation whose last message is older than N days.

    make purge DAYS=90                      # the SQLite store of `make run` (TRACKER_DB)
    python -m scripts.purge --days 90 --url postgresql://user:pass@host/rasa
    python -m scripts.purge --days 90 --dry-run

Meant to run daily (cron or a Kubernetes CronJob). Conversations are deleted whole, never in part,
so what remains is always a coherent conversation.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import List, Optional

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


def purge(url: str, days: float, dry_run: bool = False, now: Optional[float] = None) -> int:
    """Deletes the expired conversations; returns how many there were."""
    cutoff = (now if now is not None else time.time()) - days * 86400
    engine = sa.create_engine(url)
    if not sa.inspect(engine).has_table("events"):
        return 0
    with engine.begin() as connection:
        senders = expired_senders(connection, cutoff)
        if not dry_run:
            for sender in senders:
                connection.execute(sa.text("DELETE FROM events WHERE sender_id = :s"), {"s": sender})
    engine.dispose()
    return len(senders)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=float, required=True, help="keep conversations active "
                        "within this many days")
    parser.add_argument("--db", help="SQLite file (default: $TRACKER_DB or var/conversations.db)")
    parser.add_argument("--url", help="SQLAlchemy URL of the tracker store (PostgreSQL in production)")
    parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    args = parser.parse_args(argv)
    if args.days < 0:
        parser.error("--days must be positive")
    count = purge(database_url(args.url, args.db), args.days, args.dry_run)
    verb = "would delete" if args.dry_run else "deleted"
    print(f"{verb} {count} conversation(s) inactive for more than {args.days:g} days")
    return 0


if __name__ == "__main__":
    sys.exit(main())
