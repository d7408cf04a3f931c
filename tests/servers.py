"""Starts the real action server and Rasa server on free ports, for end-to-end tests."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
MODEL = ROOT / "models" / "assistant.tar.gz"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


class Server:
    """One child process, stopped with the test session."""

    def __init__(self, name: str, args: List[str], env: Dict[str, str], ready_url: str,
                 log_dir: Path) -> None:
        self.name, self.args, self.env, self.ready_url = name, args, env, ready_url
        self.log_path = log_dir / f"{name}.log"
        self.process: Optional[subprocess.Popen] = None

    def start(self, timeout: float = 180.0) -> "Server":
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(self.args, cwd=ROOT, env=self.env, stdout=log,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited early; see {self.log_path}:\n"
                                   + self.log_path.read_text()[-3000:])
            if _get(self.ready_url):
                return self
            time.sleep(0.5)
        raise TimeoutError(f"{self.name} not ready after {timeout}s; see {self.log_path}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def base_env(**extra: str) -> Dict[str, str]:
    env = dict(os.environ)
    env.update({"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
                "SQLALCHEMY_SILENCE_UBER_WARNING": "1", "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return env


def action_server(log_dir: Path, port: Optional[int] = None, **env: str) -> Server:
    port = port or free_port()
    server = Server("actions", [str(VENV_BIN / "python"), "-m", "actions", "--port", str(port)],
                    base_env(**env), f"http://127.0.0.1:{port}/health", log_dir)
    server.port = port
    return server


def rasa_server(log_dir: Path, action_port: int, tracker_db: Path, port: Optional[int] = None,
                extra_args: Optional[List[str]] = None, **env: str) -> Server:
    port = port or free_port()
    args = [str(VENV_BIN / "rasa"), "run", "--model", str(MODEL), "--endpoints", "endpoints.yml",
            "--credentials", "credentials.yml", "--port", str(port)] + (extra_args or [])
    server = Server("rasa", args,
                    base_env(ACTION_ENDPOINT_URL=f"http://127.0.0.1:{action_port}/webhook",
                             TRACKER_DB=str(tracker_db), **env),
                    f"http://127.0.0.1:{port}/", log_dir)
    server.port = port
    return server


def say(port: int, sender: str, message: str, metadata: Optional[Dict[str, Any]] = None,
        timeout: float = 30.0) -> List[Dict[str, Any]]:
    """One message through the REST channel; returns the bot's messages."""
    body: Dict[str, Any] = {"sender": sender, "message": message}
    if metadata is not None:
        body["metadata"] = metadata
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook", data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode())


def texts(replies: List[Dict[str, Any]]) -> str:
    return "\n".join(r.get("text", "") for r in replies)
