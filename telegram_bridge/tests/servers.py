"""Real servers for end-to-end tests: Rasa's action server and Rasa server (from the main venv,
.venv: this test suite runs in .venv-telegram and never imports rasa), and the bridge itself.

Same approach as tests/servers.py, copied because that module belongs to the other venv's suite.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable, Dict, List, Optional

ROOT = Path(__file__).resolve().parents[2]
RASA_BIN = ROOT / ".venv" / "bin"
MODEL = ROOT / "models" / "assistant.tar.gz"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, OSError):
        return False


def base_env(**extra: str) -> Dict[str, str]:
    env = dict(os.environ)
    env.update({"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
                "SQLALCHEMY_SILENCE_UBER_WARNING": "1", "PYTHONUNBUFFERED": "1",
                "NO_PROXY": "127.0.0.1,localhost", "no_proxy": "127.0.0.1,localhost"})
    env.update(extra)
    return env


class Server:
    """One child process; `start` waits until `ready()` is true."""

    def __init__(self, name: str, args: List[str], env: Dict[str, str],
                 ready: Callable[[], bool], log_dir: Path, port: int = 0) -> None:
        self.name, self.args, self.env, self.ready, self.port = name, args, env, ready, port
        self.log_path = log_dir / f"{name}.log"
        self.process: Optional[subprocess.Popen] = None

    def start(self, timeout: float = 240.0) -> "Server":
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen(self.args, cwd=ROOT, env=self.env, stdout=log,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited early; see {self.log_path}:\n{self.log()[-3000:]}")
            if self.ready():
                return self
            time.sleep(0.5)
        raise TimeoutError(f"{self.name} not ready after {timeout}s; see {self.log_path}")

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        if self.running:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def action_server(log_dir: Path) -> Server:
    port = free_port()
    return Server("actions", [str(RASA_BIN / "python"), "-m", "actions", "--port", str(port)],
                  base_env(), lambda: http_ok(f"http://127.0.0.1:{port}/health"), log_dir, port)


def rasa_server(log_dir: Path, action_port: int, tracker_db: Path) -> Server:
    port = free_port()
    args = [str(RASA_BIN / "rasa"), "run", "--model", str(MODEL), "--endpoints", "endpoints.yml",
            "--credentials", "credentials.yml", "--port", str(port)]
    env = base_env(ACTION_ENDPOINT_URL=f"http://127.0.0.1:{action_port}/webhook",
                   TRACKER_DB=str(tracker_db))
    return Server("rasa", args, env, lambda: http_ok(f"http://127.0.0.1:{port}/"), log_dir, port)


def bridge(log_dir: Path, telegram, rasa_url: str, name: str = "bridge",
           ready_after: str = "getUpdates", **env: str) -> Server:
    """`python -m telegram_bridge`, for real, against the fake Bot API `telegram`.

    Ready once it calls `ready_after`: getUpdates when long polling (after getMe, deleteWebhook and
    the command menu), setWebhook in webhook mode."""
    process_env = base_env(TELEGRAM_BOT_TOKEN=telegram.token, TELEGRAM_BASE_URL=telegram.base_url,
                           RASA_URL=rasa_url, **env)
    return Server(name, [sys.executable, "-m", "telegram_bridge"], process_env,
                  lambda: bool(telegram.calls(ready_after)), log_dir)
