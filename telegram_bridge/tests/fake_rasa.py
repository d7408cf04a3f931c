"""A stand-in for Rasa's REST channel, for the few tests that need answers real Rasa never gives
(a 4,500-character text, an image, a very slow answer). Stdlib http.server in a thread."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List

Responder = Callable[[Dict[str, Any]], List[Dict[str, Any]]]


def echo(request: Dict[str, Any]) -> List[Dict[str, Any]]:
    return [{"recipient_id": request["sender"], "text": f"echo: {request['message']}"}]


class FakeRasa:
    def __init__(self, responder: Responder = echo, delay: float = 0.0) -> None:
        self.responder, self.delay = responder, delay
        self.requests: List[Dict[str, Any]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._reply(200, b"Hello from Rasa: 3.6.21 (fake)", "text/plain")

            def do_POST(self) -> None:
                if self.path != "/webhooks/rest/webhook":
                    self._reply(404, b"{}", "application/json")
                    return
                request = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.requests.append(request)
                time.sleep(fake.delay)
                body = json.dumps(fake.responder(request)).encode()
                self._reply(200, body, "application/json")

            def _reply(self, status: int, body: bytes, content_type: str) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):  # the bridge gave up waiting
                    pass

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> "FakeRasa":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
