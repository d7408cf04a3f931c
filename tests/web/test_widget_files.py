"""The widget's files and helpers, without a browser: the origin check, the demo server, no HTML."""

from __future__ import annotations

import re
import threading
import urllib.error
import urllib.request
from functools import partial
from http.server import ThreadingHTTPServer

import pytest
import yaml

from components.socketio_channel import SocketIOInput, origin_allowed, parse_origins
from tests.servers import ROOT

WEB = ROOT / "web"


def test_allowed_origins_come_from_the_cors_variable_or_the_credentials(monkeypatch):
    monkeypatch.setenv("CORS_ORIGINS", "http://localhost:8080 http://127.0.0.1:8080/")
    channel = SocketIOInput.from_credentials({"session_persistence": True})
    assert channel.allowed_origins == ["http://localhost:8080", "http://127.0.0.1:8080"]
    assert channel.session_persistence is True
    channel = SocketIOInput.from_credentials({"cors_allowed_origins": ["https://www.imt-mines-ales.fr"]})
    assert channel.allowed_origins == ["https://www.imt-mines-ales.fr"]
    assert parse_origins("https://a.fr,https://b.fr") == ["https://a.fr", "https://b.fr"]


@pytest.mark.parametrize("origin, allowed, expected", [
    ("http://127.0.0.1:8080", ["http://127.0.0.1:8080"], True),
    ("http://evil.example", ["http://127.0.0.1:8080"], False),
    ("http://localhost:8080", ["http://127.0.0.1:8080"], False),  # another origin, same machine
    ("http://evil.example", [], False),                          # nothing configured: same origin only
    ("http://assistant.fr:5005", [], True),                      # same origin
    ("https://assistant.fr:5005", [], False),                    # same host, other scheme
    ("http://evil.example", ["*"], True),
    (None, ["http://127.0.0.1:8080"], True),                     # not a browser: no Origin header
])
def test_origin_check(origin, allowed, expected):
    assert origin_allowed(origin, allowed, host="assistant.fr:5005", scheme="http") is expected


def test_credentials_use_the_origin_checking_socketio_channel():
    """Rasa's own channel lets any web page open a WebSocket (it ignores --cors)."""
    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text())
    assert "socketio" not in credentials
    channel = credentials["components.socketio_channel.SocketIOInput"]
    assert channel["session_persistence"] is True
    assert channel["user_message_evt"] == "user_uttered"
    assert channel["bot_message_evt"] == "bot_uttered"


def test_widget_never_parses_text_as_html_and_loads_nothing_from_a_cdn():
    code = (WEB / "widget.js").read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in code, sink
    code_only = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    assert set(re.findall(r"https?://[\w.-]+", code_only)) == {
        "https://www.imt-mines-ales.fr", "http://www.w3.org"}  # the school's site, the SVG namespace
    client = (WEB / "vendor" / "socket.io.min.js").read_text()[:200]
    assert "Socket.IO v4." in client and "MIT" in client


@pytest.fixture
def demo_server():
    import importlib.util

    spec = importlib.util.spec_from_file_location("web_serve", WEB / "serve.py")
    serve = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(serve)
    handler = type("H", (serve.Handler,), {"rasa_url": "http://bot.example:5005"})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(WEB)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_demo_server_fills_in_the_assistant_url_and_disables_caching(demo_server):
    with urllib.request.urlopen(demo_server + "/") as response:
        page = response.read().decode()
        assert response.headers["Cache-Control"] == "no-store"
    assert 'data-server="http://bot.example:5005"' in page and "{{" not in page
    with urllib.request.urlopen(demo_server + "/widget.js") as response:
        assert response.headers["Content-Type"].startswith("text/javascript")
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(demo_server + "/../credentials.yml")
    assert error.value.code == 404
