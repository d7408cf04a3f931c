"""Processes the benchmark starts and watches: the servers, trainings, memory, cold start."""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

from tests import servers
from tests.servers import ROOT, VENV_BIN

RASA = str(VENV_BIN / "rasa")


class Server(servers.Server):
    """tests/servers.py's Server, started in a chosen folder (the reference bot runs in its own)."""

    def __init__(self, *args, cwd: Path = ROOT, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.cwd = cwd
        self.started_at: Optional[float] = None

    def start(self, timeout: float = 300.0) -> "Server":
        log = open(self.log_path, "ab")
        self.started_at = time.perf_counter()
        self.process = subprocess.Popen(self.args, cwd=self.cwd, env=self.env, stdout=log,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited early; see {self.log_path}:\n"
                                   + self.log_path.read_text()[-3000:])
            if servers._get(self.ready_url, timeout=1.0):
                return self
            time.sleep(0.1)
        raise TimeoutError(f"{self.name} not ready after {timeout}s; see {self.log_path}")


def first_answer(port: int, started_at: float, timeout: float = 120.0) -> float:
    """Seconds from the server's command to its first answer on the REST channel."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if servers.say(port, "bench-cold-start", "Bonjour", timeout=30.0):
                return time.perf_counter() - started_at
        except (urllib.error.URLError, ConnectionError, OSError, json.JSONDecodeError):
            pass
        time.sleep(0.1)
    raise TimeoutError(f"no answer on port {port} after {timeout}s")


def reminders_env(folder: Path) -> Dict[str, str]:
    """The reminder subscriptions in the run's folder, not in the project's var/."""
    return {"REMINDERS_DB_URL": f"sqlite:///{folder / 'reminders.db'}"}


def our_server(log_dir: Path, action_port: int, db: Path, port: int,
               endpoints: Optional[Path] = None, **env: str) -> Server:
    args = [RASA, "run", "--model", str(servers.MODEL), "--endpoints",
            str(endpoints or ROOT / "endpoints.yml"), "--credentials", "credentials.yml",
            "--port", str(port)]
    server = Server("rasa-ours", args,
                    servers.base_env(ACTION_ENDPOINT_URL=f"http://127.0.0.1:{action_port}/webhook",
                                     TRACKER_DB=str(db), **{**reminders_env(log_dir), **env}),
                    f"http://127.0.0.1:{port}/", log_dir)
    server.port = port
    return server


def reference_server(log_dir: Path, bot: Path, port: int) -> Server:
    model = sorted((bot / "models").glob("*.tar.gz"))[-1]
    args = [RASA, "run", "--model", str(model), "--endpoints", str(bot / "endpoints.yml"),
            "--credentials", str(bot / "credentials.yml"), "--port", str(port)]
    server = Server("rasa-reference", args, servers.base_env(), f"http://127.0.0.1:{port}/",
                    log_dir, cwd=bot)
    server.port = port
    return server


def timed(args: List[str], cwd: Path, log: Path, **env: str) -> float:
    """Runs a command to completion; returns its wall time in seconds."""
    start = time.perf_counter()
    with open(log, "ab") as out:
        subprocess.run(args, cwd=cwd, env=servers.base_env(**env), stdout=out,
                       stderr=subprocess.STDOUT, check=True)
    return time.perf_counter() - start


def train_ours(workdir: Path) -> float:
    """A full training of the assistant (no cache), as `make train` runs it."""
    return timed([RASA, "train", "--domain", "domain", "--config", "config.yml", "--data", "data",
                  "--out", str(workdir / "models"), "--fixed-model-name", "bench", "--force"],
                 ROOT, workdir / "train-ours.log", RASA_CACHE_DIRECTORY=str(workdir / "cache"))


def init_reference(workdir: Path) -> tuple:
    """Rasa's starter bot, created and trained here; returns (folder, seconds)."""
    bot = workdir / "reference-bot"
    bot.mkdir()
    seconds = timed([RASA, "init", "--no-prompt", "--init-dir", str(bot)], bot,
                    workdir / "train-reference.log",
                    RASA_CACHE_DIRECTORY=str(workdir / "reference-cache"))
    return bot, seconds


# --- memory -------------------------------------------------------------------------------------

def _children(pid: int) -> List[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found


def process_tree(pid: int) -> List[int]:
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo += _children(current)
    return tree


def _kib(path: str, key: str) -> int:
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time used so far by a process and its children (live ones)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for p in process_tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            pass
    return total / ticks


def memory_mib(pid: int) -> Dict[str, float]:
    """Resident memory of a process and its children: RSS (sum) and PSS (shared pages split)."""
    pids = process_tree(pid)
    rss = sum(_kib(f"/proc/{p}/status", "VmRSS:") for p in pids)
    pss = sum(_kib(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids)
    return {"rss": rss / 1024, "pss": pss / 1024, "processes": len(pids)}


class MemoryWatch:
    """Samples a process tree's memory in the background; keeps the peak."""

    def __init__(self, pid: int, every: float = 0.5) -> None:
        self.pid, self.every = pid, every
        self.peak = {"rss": 0.0, "pss": 0.0, "processes": 0}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            now = memory_mib(self.pid)
            for key in self.peak:
                self.peak[key] = max(self.peak[key], now[key])
            self._stop.wait(self.every)

    def __enter__(self) -> "MemoryWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
