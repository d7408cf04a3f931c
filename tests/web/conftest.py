"""Fixtures for the website widget tests: the real servers, the demo page, a headless Chromium.

The browser is Debian's chromium (apt package ``chromium``), driven by Playwright for Python; no
browser is downloaded (``playwright install`` is never needed). ``CHROMIUM`` overrides its path.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from tests import servers

ROOT = servers.ROOT
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Screenshots the tests take, for people to look at (git-ignored).
ARTIFACTS = Path(os.environ.get("WEB_ARTIFACTS", ROOT / "tests" / "artifacts" / "web"))
CHANNEL = "components.socketio_channel.SocketIOInput"


def widget_credentials(path: Path) -> Path:
    """The project's credentials.yml, with the origin-checking socket.io channel the widget needs.

    Once credentials.yml names that channel itself this is a plain copy.
    """
    credentials = yaml.safe_load((ROOT / "credentials.yml").read_text()) or {}
    if "socketio" in credentials:
        credentials[CHANNEL] = credentials.pop("socketio")
    path.write_text(yaml.safe_dump(credentials))
    return path


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    """Action server, Rasa server (REST + socket.io) and the demo page, on free ports.

    Only the demo page's origin (http://127.0.0.1:<port>) may use the socket.io channel.
    ``stack.stop_rasa()`` / ``stack.start_rasa()`` stop it and start it again on the same port.
    """
    if not servers.MODEL.exists():
        pytest.fail("No trained model: run `make train` (make test does it).")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"No browser at {CHROMIUM}: `apt-get install chromium` (or set CHROMIUM).")
    workdir = tmp_path_factory.mktemp("web")
    web_port = servers.free_port()
    origin = f"http://127.0.0.1:{web_port}"
    credentials = widget_credentials(workdir / "credentials.yml")
    actions = servers.action_server(workdir).start()
    rasa_port = servers.free_port()

    def new_rasa() -> servers.Server:
        return servers.rasa_server(workdir, actions.port, workdir / "conversations.db",
                                   port=rasa_port, CORS_ORIGINS=origin,
                                   extra_args=["--credentials", str(credentials), "--cors", origin])

    web = servers.Server("web", [sys.executable, str(ROOT / "web" / "serve.py"), "--port",
                                 str(web_port), "--rasa-url", f"http://127.0.0.1:{rasa_port}"],
                         servers.base_env(), f"{origin}/", workdir)
    web.start(timeout=20)
    state = SimpleNamespace(rasa=new_rasa().start(), actions=actions, web=web, origin=origin,
                            web_port=web_port, rasa_port=rasa_port, workdir=workdir)

    def start_rasa() -> None:
        state.rasa = new_rasa().start()

    state.stop_rasa, state.start_rasa = (lambda: state.rasa.stop()), start_rasa
    yield state
    for server in (state.rasa, web, actions):
        server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS,
                                              headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile (empty localStorage) with a desktop-sized window."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="fr-FR")
    ctx.set_default_timeout(30_000)
    yield ctx
    ctx.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
