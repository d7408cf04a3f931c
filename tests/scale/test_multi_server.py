"""More than one machine, on loopback: two Rasa servers sharing PostgreSQL and Redis, behind nginx.

The layout of endpoints.production.yml and docs/deployment.md: two Rasa servers (one PostgreSQL
tracker store, one Redis lock store), two stateless action servers, nginx in front of each pair.
PostgreSQL, Redis and nginx are Debian's packages, started here with their own folders, free ports
and passwords (tests/scale/infra.py); the test is skipped, naming the package, when one is missing.
"""

from __future__ import annotations

import json
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List

import pytest

from components.language import detect
from tests import servers
from tests.scale import infra
from tests.servers import ROOT, say, texts

pytestmark = pytest.mark.e2e

ENDPOINTS = ROOT / "endpoints.production.yml"


def language_of(replies) -> str:
    return detect(texts(replies), explicit=False).likely


def new_sender(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def rasa_server(name: str, workdir: Path, port: int, env: Dict[str, str]) -> servers.Server:
    server = servers.Server(
        name, [str(servers.VENV_BIN / "rasa"), "run", "--model", str(servers.MODEL),
               "--endpoints", str(ENDPOINTS), "--credentials", "credentials.yml",
               "--port", str(port)],
        servers.base_env(**env), f"http://127.0.0.1:{port}/", workdir)
    server.port = port
    return server


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not servers.MODEL.exists():
        pytest.fail("No trained model: run `make train` (make test does it).")
    workdir = tmp_path_factory.mktemp("scale")
    started: List = []
    try:
        try:
            postgres = infra.PostgreSQL()
            redis = infra.Redis(workdir)
            action_ports = [servers.free_port(), servers.free_port()]
            rasa_ports = [servers.free_port(), servers.free_port()]
            nginx = infra.Nginx(workdir, rasa_ports, action_ports)
        except infra.Missing as missing:
            pytest.skip(f"not installed: {missing}")
        # Each is listed before it starts, so a failed start is stopped too.
        for service in (postgres, redis, nginx):
            started.append(service)
            service.start()
        # Reminder subscriptions live in PostgreSQL too: the action servers stay stateless copies,
        # and "forget me" on a Rasa server erases them there.
        reminders = (f"postgresql://{postgres.user}:{postgres.password}@127.0.0.1:"
                     f"{postgres.port}/{postgres.database}")
        actions = [servers.action_server(workdir, port=p, REMINDERS_DB_URL=reminders)
                   for p in action_ports]
        for number, server in enumerate(actions):
            server.log_path = workdir / f"actions-{number + 1}.log"
            started.append(server)
            server.start()
        env = {
            "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{nginx.actions_port}/webhook",
            "DB_HOST": "127.0.0.1", "DB_PORT": str(postgres.port),
            "DB_DATABASE": postgres.database, "DB_USER": postgres.user,
            "DB_PASSWORD": postgres.password,
            "REDIS_HOST": "127.0.0.1", "REDIS_PORT": str(redis.port),
            "REDIS_PASSWORD": redis.password,
            "REMINDERS_DB_URL": reminders,
        }
        rasas = [rasa_server(f"rasa-{n + 1}", workdir, port, env)
                 for n, port in enumerate(rasa_ports)]
        started += rasas
        # Both at once: each takes ~10-30 s to load the model.
        with ThreadPoolExecutor(2) as pool:
            list(pool.map(lambda s: s.start(timeout=240), rasas))
        yield {"postgres": postgres, "redis": redis, "nginx": nginx, "rasa": rasas,
               "actions": actions, "workdir": workdir}
    finally:
        for thing in reversed(started):
            thing.stop()


def stored_events(postgres: infra.PostgreSQL, sender: str) -> List[Dict]:
    """The conversation as PostgreSQL holds it, in stored order."""
    with postgres.connect() as connection, connection.cursor() as cursor:
        cursor.execute("SELECT id, type_name, action_name, data FROM events "
                       "WHERE sender_id = %s ORDER BY id", (sender,))
        return [{"id": i, "type": t, "action": a, "data": json.loads(d)}
                for i, t, a, d in cursor.fetchall()]


def user_texts(events: List[Dict]) -> List[str]:
    return [e["data"].get("text") for e in events if e["type"] == "user"]


def assert_turns_not_interleaved(events: List[Dict]) -> None:
    """Every user message's turn ends (action_listen) before the next user message starts."""
    users = [i for i, e in enumerate(events) if e["type"] == "user"]
    for before, after in zip(users, users[1:]):
        turn = events[before + 1:after]
        assert turn and turn[-1]["type"] == "action" and turn[-1]["action"] == "action_listen", \
            f"turn of {events[before]['data'].get('text')!r} interleaved: " \
            f"{[(e['type'], e['action']) for e in turn]}"
        assert any(e["type"] == "bot" for e in turn), "a message got no answer"


def test_a_conversation_continues_across_servers(cluster):
    """Language, history and the forget-me confirmation live in PostgreSQL, not in a server."""
    one, two = cluster["rasa"]
    balancer = cluster["nginx"].rasa_port
    sender = new_sender("across")
    assert language_of(say(one.port, sender, "Hello, I have a question about housing")) == "en"
    # No language evidence: server two must know, from PostgreSQL, that this conversation is in
    # English.
    assert language_of(say(two.port, sender, "CVEC ?")) == "en"
    lookup = texts(say(balancer, sender, "how do I contact the social worker"))
    assert "📇" in lookup and language_of([{"text": lookup}]) == "en"
    assert len(user_texts(stored_events(cluster["postgres"], sender))) == 3
    # Asked on one server, confirmed on the other.
    say(one.port, sender, "forget me please")
    assert "erased" in texts(say(two.port, sender, "yes"))
    assert stored_events(cluster["postgres"], sender) == []


def test_simultaneous_messages_of_one_conversation_are_processed_one_at_a_time(cluster):
    """A burst through nginx reaches both servers; the Redis lock serialises the conversation."""
    balancer = cluster["nginx"].rasa_port
    sender = new_sender("burst")
    say(balancer, sender, "Bonjour")
    messages = [f"merci {n}" if n % 2 else f"c'est quoi la cvec {n}" for n in range(8)]
    with ThreadPoolExecutor(len(messages)) as pool:
        replies = list(pool.map(lambda m: say(balancer, sender, m, timeout=90), messages))
    assert all(r and texts(r).strip() for r in replies), "a message got no answer"
    events = stored_events(cluster["postgres"], sender)
    stored = user_texts(events)
    assert sorted(stored) == sorted(["Bonjour"] + messages), f"lost or doubled: {stored}"
    assert_turns_not_interleaved(events)


def test_messages_are_processed_in_the_order_they_arrive(cluster):
    """Sent 100 ms apart while the earlier ones still wait for the lock: stored in sending order."""
    balancer = cluster["nginx"].rasa_port
    sender = new_sender("order")
    say(balancer, sender, "Hello")
    messages = [f"thanks {n}" for n in range(6)]

    def send(numbered):
        number, message = numbered
        time.sleep(0.1 * number)
        return say(balancer, sender, message, timeout=90)

    with ThreadPoolExecutor(len(messages)) as pool:
        replies = list(pool.map(send, enumerate(messages)))
    assert all(replies)
    events = stored_events(cluster["postgres"], sender)
    assert user_texts(events) == ["Hello"] + messages
    assert_turns_not_interleaved(events)


def test_stopping_one_server_loses_no_conversation(cluster):
    """Last: stops server two. nginx sends everything to server one; history and context stay."""
    one, two = cluster["rasa"]
    balancer = cluster["nginx"].rasa_port
    sender = new_sender("failover")
    for message in ("Hi, I'm an international student", "where can I live in Alès?",
                    "when is the deadline for the DSE?", "what about the CVEC?"):
        assert say(balancer, sender, message)  # round-robin: both servers took part
    before = stored_events(cluster["postgres"], sender)
    two.stop()
    replies = [say(balancer, sender, m) for m in ("ok", "CVEC ?", "how do I contact the CROUS",
                                                  "thanks")]
    assert all(replies), "a message was lost while a server was down"
    assert language_of(replies[1]) == "en"  # the conversation's language survived the server
    after = stored_events(cluster["postgres"], sender)
    assert after[:len(before)] == before, "history changed"
    assert user_texts(after)[len(user_texts(before)):] == ["ok", "CVEC ?",
                                                          "how do I contact the CROUS", "thanks"]
    assert_turns_not_interleaved(after)
