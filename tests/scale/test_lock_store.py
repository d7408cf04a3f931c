"""The Redis lock store of endpoints.production.yml keeps every ticket when servers race.

Two store instances (two servers) hammer one conversation's lock from two threads against a real
redis-server. Rasa's own RedisLockStore loses tickets here (about one in four on a 2-core machine:
two messages then hold the same number and run together) and deletes locks others still wait on;
components/lock_store.py must do neither.
"""

from __future__ import annotations

import threading
from typing import List

import pytest

from components.lock_store import AtomicRedisLockStore
from tests.scale import infra

pytestmark = pytest.mark.e2e
ROUNDS = 200


@pytest.fixture(scope="module")
def redis(tmp_path_factory):
    try:
        server = infra.Redis(tmp_path_factory.mktemp("redis"))
    except infra.Missing as missing:
        pytest.skip(f"not installed: {missing}")
    yield server.start()
    server.stop()


@pytest.fixture
def stores(redis, tmp_path):
    """Two handles on one Redis lock store, as two Rasa servers have."""
    return [AtomicRedisLockStore(host="127.0.0.1", port=redis.port, password=redis.password,
                                 db=1, key_prefix=f"test{id(tmp_path)}") for _ in range(2)]


def race(work, count: int = 2) -> None:
    threads = [threading.Thread(target=work, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_tickets_issued_at_once_by_two_servers_are_all_kept(stores):
    a, b = stores
    issued: List[List[int]] = [[], []]
    race(lambda n: issued[n].extend((a, b)[n].issue_ticket("burst") for _ in range(ROUNDS)))
    numbers = issued[0] + issued[1]
    assert len(set(numbers)) == 2 * ROUNDS, "two messages got the same ticket"
    assert sorted(t.number for t in a.get_lock("burst").tickets) == sorted(numbers)
    a.delete_lock("burst")


def test_a_lock_is_never_deleted_under_a_waiting_ticket(stores):
    """One server giving its ticket back must not delete the lock another just took a ticket on."""
    pair = stores
    vanished = [0, 0]

    def work(n: int) -> None:
        store = pair[n]
        for _ in range(ROUNDS):
            ticket = store.issue_ticket("handover")
            lock = store.get_lock("handover")
            if lock is None or ticket not in [t.number for t in lock.tickets]:
                vanished[n] += 1
            store.cleanup("handover", ticket)

    race(work)
    assert vanished == [0, 0]
    assert pair[0].get_lock("handover") is None  # every ticket given back: no lock left over
