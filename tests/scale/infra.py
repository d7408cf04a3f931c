"""PostgreSQL, Redis and nginx started on loopback for one test session, from Debian's packages.

Each gets its own folder, free port and password; nothing touches the system's own instances or
their configuration. Debian packages: `postgresql`, `redis-server`, `nginx` (installed by .ci/run).
A missing binary raises `Missing`, which the tests turn into a skip naming the package.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import List, Optional

from tests import servers


class Missing(Exception):
    """A program the scale tests need is not installed."""


def _wait_for_port(port: int, timeout: float, process: Optional[subprocess.Popen] = None,
                   log: Optional[Path] = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"exited early: {process.args}\n"
                               + (log.read_text()[-2000:] if log and log.exists() else ""))
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on port {port} after {timeout}s")


class PostgreSQL:
    """A throw-away cluster: initdb + pg_ctl, password authentication, one database."""

    user, password, database = "rasa", "pg-secret", "conversations"

    def __init__(self) -> None:
        candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                            key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
        if not candidates:
            raise Missing("PostgreSQL (Debian package `postgresql`): no "
                          "/usr/lib/postgresql/*/bin/initdb")
        self.bin = Path(candidates[-1]).parent
        self.port = servers.free_port()
        # initdb refuses to run as root: then the cluster belongs to the `postgres` system user.
        self.run_as = "postgres" if os.geteuid() == 0 else None
        self.dir: Optional[Path] = None  # made by start(): outside pytest's folders, which the
        # `postgres` user cannot enter

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.run_as:
            runuser = shutil.which("runuser") or "/usr/sbin/runuser"
            command = [runuser, "-u", self.run_as, "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       timeout=120)

    def start(self) -> "PostgreSQL":
        try:
            return self._start()
        except BaseException:
            self.stop()  # nothing left running or on disk when the start fails
            raise

    def _start(self) -> "PostgreSQL":
        self.dir = Path(tempfile.mkdtemp(prefix="scale-pg-"))
        self.data, self.log = self.dir / "data", self.dir / "postgres.log"
        pwfile = self.dir / "pw"
        pwfile.write_text(self.password + "\n")
        if self.run_as:
            account = pwd.getpwnam(self.run_as)
            for path in (self.dir, pwfile):
                os.chown(path, account.pw_uid, account.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", self.user, f"--pwfile={pwfile}",
                  "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "-o",
                  f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off",
                  "start")
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user,
                                      password=self.password, dbname="postgres")
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE DATABASE {self.database}")
        connection.close()
        return self

    def connect(self):
        import psycopg2

        return psycopg2.connect(host="127.0.0.1", port=self.port, user=self.user,
                                password=self.password, dbname=self.database)

    def stop(self) -> None:
        if self.dir is None:
            return
        if (self.data / "postmaster.pid").exists():
            try:
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None


class Redis:
    """redis-server on a free port, with a password, nothing saved to disk."""

    password = "redis-secret"

    def __init__(self, workdir: Path) -> None:
        self.binary = shutil.which("redis-server")
        if not self.binary:
            raise Missing("Redis (Debian package `redis-server`): no redis-server on PATH")
        self.port = servers.free_port()
        self.workdir, self.log = workdir, workdir / "redis.log"
        self.process: Optional[subprocess.Popen] = None

    def start(self) -> "Redis":
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--requirepass", self.password, "--dir", str(self.workdir)],
            stdout=open(self.log, "ab"), stderr=subprocess.STDOUT)
        try:
            _wait_for_port(self.port, 30, self.process, self.log)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)


class Nginx:
    """One nginx balancing two upstream groups: the Rasa servers and the action servers."""

    def __init__(self, workdir: Path, rasa_ports: List[int], action_ports: List[int]) -> None:
        self.binary = shutil.which("nginx") or ("/usr/sbin/nginx"
                                                if os.path.exists("/usr/sbin/nginx") else None)
        if not self.binary:
            raise Missing("nginx (Debian package `nginx`): no nginx on PATH or in /usr/sbin")
        self.dir = workdir / "nginx"
        self.rasa_port, self.actions_port = servers.free_port(), servers.free_port()
        self.rasa_ports, self.action_ports = rasa_ports, action_ports
        self.process: Optional[subprocess.Popen] = None

    def config(self) -> str:
        def upstream(name: str, ports: List[int]) -> str:
            lines = "".join(f"    server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;\n"
                            for p in ports)
            return f"  upstream {name} {{\n{lines}    keepalive 16;\n  }}\n"

        def server(port: int, upstream_name: str) -> str:
            return (f"  server {{\n    listen 127.0.0.1:{port};\n    location / {{\n"
                    f"      proxy_pass http://{upstream_name};\n"
                    "      proxy_http_version 1.1;\n"
                    "      proxy_set_header Connection \"\";\n"
                    "      proxy_read_timeout 120s;\n"
                    # A server that refuses the connection is skipped; a request already sent
                    # (POST) is never sent twice.
                    "      proxy_next_upstream error timeout;\n"
                    "    }\n  }\n")

        d = self.dir
        user = "user root root;\n" if os.geteuid() == 0 else ""
        return (f"{user}worker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\n"
                "events { worker_connections 512; }\n"
                "http {\n  access_log off;\n"
                f"  client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n"
                f"  fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n"
                f"  scgi_temp_path {d}/scgi;\n"
                + upstream("rasa", self.rasa_ports) + upstream("actions", self.action_ports)
                + server(self.rasa_port, "rasa") + server(self.actions_port, "actions") + "}\n")

    def start(self) -> "Nginx":
        self.dir.mkdir(parents=True, exist_ok=True)
        conf = self.dir / "nginx.conf"
        conf.write_text(self.config())
        log = self.dir / "stderr.log"
        self.process = subprocess.Popen(
            [self.binary, "-p", str(self.dir), "-e", str(self.dir / "error.log"), "-c", str(conf),
             "-g", "daemon off;"], stdout=open(log, "ab"), stderr=subprocess.STDOUT)
        try:
            _wait_for_port(self.rasa_port, 30, self.process, log)
            _wait_for_port(self.actions_port, 30, self.process, log)
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
