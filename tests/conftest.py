"""Shared fixtures: real servers for end-to-end tests (started once per test session)."""

import pytest

from tests import servers


@pytest.fixture(scope="session")
def assistant(tmp_path_factory):
    """A running action server and Rasa server, on free ports, with their own SQLite store."""
    if not servers.MODEL.exists():
        pytest.fail("No trained model: run `make train` (make test does it).")
    workdir = tmp_path_factory.mktemp("assistant")
    actions = servers.action_server(workdir).start()
    rasa = servers.rasa_server(workdir, actions.port, workdir / "conversations.db").start()
    rasa.workdir, rasa.actions = workdir, actions
    yield rasa
    rasa.stop()
    actions.stop()
