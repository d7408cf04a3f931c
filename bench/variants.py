"""This project's speed changes, each one removable, to measure what it buys.

Changes, in the order they were made (docs/performance.md):
    sqlite              pooled SQLite connections, WAL, synchronous=NORMAL (tracker store)
    sql                 the store's three statements built once instead of ORM queries
    validate-once ...   the fixes of components/speedups.py, by name (speedups.FIXES)

`undo({...})` puts Rasa's own code back for the ones named, in this process. A Rasa server loads
`bench.variants.TrackerStore` (endpoints file written by `endpoints_file`) to run without the
changes listed in its BENCH_WITHOUT environment variable.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterable, List

from components import speedups, tracker_store  # importing applies components/speedups.py

STORE_CHANGES = ("sqlite", "sql")
CHANGES: List[str] = list(STORE_CHANGES) + list(speedups.FIXES)


def undo(changes: Iterable[str]) -> None:
    from rasa.core.tracker_store import SQLTrackerStore

    changes = set(changes)
    unknown = changes - set(CHANGES)
    if unknown:
        raise ValueError(f"unknown change(s) {sorted(unknown)}; known: {CHANGES}")
    speedups.revert(changes & set(speedups.FIXES))
    store = tracker_store.ForgettingSQLTrackerStore
    if "sql" in changes:
        for name in ("_retrieve", "_additional_events"):
            if name in store.__dict__:
                delattr(store, name)

        async def save(self: Any, tracker: Any) -> None:
            if tracker_store.asked_to_forget(tracker):
                self.forget(tracker.sender_id)
                return
            await SQLTrackerStore.save(self, tracker)

        store.save = save
    if "sqlite" in changes:
        store._tune_sqlite = lambda self: None


def endpoints_file(folder: Path) -> Path:
    """endpoints.yml with this module's tracker store."""
    source = (Path(__file__).resolve().parent.parent / "endpoints.yml").read_text()
    text = source.replace("components.tracker_store.ForgettingSQLTrackerStore",
                          "bench.variants.TrackerStore")
    if text == source:
        raise RuntimeError("endpoints.yml does not name components.tracker_store's store")
    path = folder / "endpoints-variants.yml"
    path.write_text(text)
    return path


undo(c for c in os.environ.get("BENCH_WITHOUT", "").split(",") if c)


class TrackerStore(tracker_store.ForgettingSQLTrackerStore):
    """The project's tracker store, in a server that may run without some changes."""
