"""Robustness end to end: a dead action server, Rasa's API token, fuzzed input, a bounded soak."""

import json
import threading
import time
import urllib.error
import urllib.request
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from components.language import detect
from tests import servers
from tests.servers import say, texts

pytestmark = pytest.mark.e2e


def _post_raw(port, body: bytes, content_type="application/json"):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/webhooks/rest/webhook", data=body,
                                     headers={"Content-Type": content_type}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_action_server_down_gets_an_apology_not_silence(tmp_path):
    actions = servers.action_server(tmp_path).start()
    rasa = servers.rasa_server(tmp_path, actions.port, tmp_path / "c.db").start()
    sender = f"down-{uuid.uuid4().hex[:6]}"
    try:
        assert "Crous" in texts(say(rasa.port, sender, "how do I contact the Crous?"))
        actions.stop()
        replies = say(rasa.port, sender, "how do I reach the social worker?")
        text = texts(replies)
        assert "temporarily unavailable" in text and "imt-mines-ales.fr" in text
        assert detect(text, explicit=False).likely == "en"
        # Topics answered by Rasa alone still work while the action server is down.
        assert "259" in texts(say(rasa.port, sender, "where can I live? what are the rents?"))
        actions = servers.action_server(tmp_path, port=actions.port).start()
        assert "Social worker" in texts(say(rasa.port, sender, "how do I reach the social worker?"))
    finally:
        rasa.stop()
        actions.stop()


def test_http_api_requires_the_token(tmp_path):
    actions = servers.action_server(tmp_path).start()
    rasa = servers.rasa_server(tmp_path, actions.port, tmp_path / "c.db",
                               extra_args=["--enable-api", "--auth-token", "s3cret"]).start()
    try:
        say(rasa.port, "api-test", "Bonjour")
        url = f"http://127.0.0.1:{rasa.port}/conversations/api-test/tracker"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url, timeout=10)
        assert refused.value.code in (401, 403)
        with urllib.request.urlopen(url + "?token=s3cret", timeout=10) as response:
            assert json.loads(response.read())["sender_id"] == "api-test"
        # The channels stay open without a token.
        assert say(rasa.port, "api-test", "Hello")
    finally:
        rasa.stop()
        actions.stop()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=50),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children,
                                                                       max_size=4),
    max_leaves=10)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=st.one_of(
    st.binary(max_size=2000),
    st.fixed_dictionaries({"sender": st.text(max_size=40), "message": st.text(max_size=3000)}),
    st.fixed_dictionaries({"sender": json_values, "message": json_values, "metadata": json_values}),
    st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")),
))
def test_fuzzed_requests_never_break_the_server(assistant, body):
    payload = body if isinstance(body, bytes) else json.dumps(body).encode()
    status = _post_raw(assistant.port, payload)
    assert status < 500, f"{status} for {payload[:200]!r}"


def test_server_answers_normally_after_the_fuzzing(assistant):
    assert "Bonjour" in texts(say(assistant.port, f"after-{uuid.uuid4().hex[:6]}", "Bonjour"))


def test_soak_50_concurrent_conversations_for_a_bounded_time(assistant):
    """50 conversations at once for about a minute (bounded): no error, no lost message."""
    questions = ["Bonjour", "je cherche un logement", "how do I contact the Crous?",
                 "what is the CVEC?", "merci", "when is the deadline for the DSE?"]
    stop_at = time.monotonic() + 60
    sent, answered, errors = [0], [0], []
    lock = threading.Lock()

    def conversation(n):
        sender = f"soak-{n}-{uuid.uuid4().hex[:4]}"
        i = 0
        while time.monotonic() < stop_at and i < 200:
            try:
                replies = say(assistant.port, sender, questions[i % len(questions)], timeout=60)
                with lock:
                    sent[0] += 1
                    answered[0] += bool(replies and texts(replies).strip())
            except Exception as error:  # noqa: BLE001 - any failure is what we count
                with lock:
                    sent[0] += 1
                    errors.append(repr(error))
            i += 1

    rss_before = _rss_mb(assistant.process.pid)
    threads = [threading.Thread(target=conversation, args=(n,)) for n in range(50)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)
    assert not errors, errors[:3]
    assert sent[0] >= 50 and answered[0] == sent[0]
    growth = _rss_mb(assistant.process.pid) - rss_before
    print(f"soak: {sent[0]} messages, Rasa server memory {rss_before:.0f} MB, +{growth:.0f} MB")
    assert growth < 300, f"memory grew by {growth:.0f} MB during the soak"


def _rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def test_message_text_is_not_written_to_the_logs(assistant):
    secret = f"monsecret{uuid.uuid4().hex[:8]}"
    say(assistant.port, f"log-{uuid.uuid4().hex[:6]}", f"je cherche un logement {secret}")
    say(assistant.port, f"log-{uuid.uuid4().hex[:6]}", f"how do I contact the Crous {secret}")
    time.sleep(1)
    for log in (assistant.log_path, assistant.actions.log_path):
        assert secret not in log.read_text(errors="replace"), f"message text found in {log.name}"
