"""Rasa's Redis lock store, with every ticket operation made atomic (several Rasa servers).

Rasa serialises the messages of one conversation with a ticket lock kept in the lock store: a
message takes a ticket, waits until its number is served, then gives it back. Rasa 3.6's
`RedisLockStore` does each step as "read the lock, change it in Python, write it back". Two
servers doing that at the same moment overwrite each other: a ticket vanishes, two messages hold
the same number and run together, or a server deletes the lock while another still waits on it
("Could not acquire lock", the message is dropped). Rasa acknowledged it (RasaHQ/rasa#9213); the
fix (ConcurrentRedisLockStore) was reverted from the open-source edition.

Here each read-change-write is one Redis transaction (WATCH / MULTI / EXEC, retried when another
server changed the lock in between), and giving a ticket back deletes the lock only if no one else
holds a ticket, in the same transaction. Same keys, same JSON, same configuration as `type: redis`
(url, port, password, db, key_prefix...), which it replaces in endpoints.production.yml.
Checked by tests/scale/test_lock_store.py and tests/scale/test_multi_server.py.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Callable, Optional, Text, Tuple, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

T = TypeVar("T")
# What a change returns: the lock to write back (None: delete it), whether to write at all, and a
# result for the caller.
Change = Callable[[Optional[TicketLock]], Tuple[Optional[TicketLock], bool, T]]


class _AtomicTickets:
    """Rasa's ticket operations, each one atomic `_atomically(conversation_id, change)` call."""

    def _atomically(self, conversation_id: Text, change: Change) -> T:
        raise NotImplementedError

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def take(lock: Optional[TicketLock]):
            lock = lock or self.create_lock(conversation_id)
            return lock, True, lock.issue_ticket(lock_lifetime)

        try:
            return self._atomically(conversation_id, take)
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}")

    def update_lock(self, conversation_id: Text) -> None:
        def drop_expired(lock: Optional[TicketLock]):
            if lock is None:
                return None, False, None
            lock.remove_expired_tickets()
            return lock, True, None

        self._atomically(conversation_id, drop_expired)

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        def give_back(lock: Optional[TicketLock]):
            if lock is None:
                return None, False, None
            lock.remove_ticket_for(ticket_number)
            return lock, True, None

        self._atomically(conversation_id, give_back)

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Gives the ticket back; deletes the lock in the same step if no one else holds one."""
        def give_back(lock: Optional[TicketLock]):
            if lock is None:
                return None, False, None
            lock.remove_ticket_for(ticket_number)
            if lock.is_someone_waiting():
                return lock, True, None
            return None, True, None

        self._atomically(conversation_id, give_back)


class AtomicRedisLockStore(_AtomicTickets, RedisLockStore):
    """`RedisLockStore` whose ticket operations cannot interleave across servers."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs: Any) -> None:
        # Rasa builds a custom lock store with its endpoint configuration: the same keys as
        # `type: redis` (url is the host).
        if endpoint_config is not None:
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs,
                      **kwargs}
        super().__init__(**kwargs)

    def _atomically(self, conversation_id: Text, change: Change) -> T:
        import redis

        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                    new_lock, write, result = change(lock)
                    pipe.multi()
                    if write and new_lock is None:
                        pipe.delete(key)
                    elif write:
                        pipe.set(key, new_lock.dumps())
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another server changed this lock meanwhile: read it again
