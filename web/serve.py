"""Serves the web/ folder: the chat widget and its demo page (a mock school page).

    .venv/bin/python web/serve.py --port 8080 [--host 127.0.0.1] [--rasa-url http://localhost:5005]

Standard library only. Nothing is cached by the browser (edits show on reload), requests are not
logged (errors are), and ``{{RASA_URL}}`` in the HTML pages becomes the Rasa server's URL
(``--rasa-url``, else the RASA_URL environment variable, else http://localhost:5005).
"""

from __future__ import annotations

import argparse
import html
import os
import sys
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

WEB_DIR = Path(__file__).resolve().parent


class Handler(SimpleHTTPRequestHandler):
    rasa_url = "http://localhost:5005"
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map,
                      ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
                      ".html": "text/html; charset=utf-8", ".map": "application/json"}

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            return super().send_head()
        body = path.read_text(encoding="utf-8").replace(
            "{{RASA_URL}}", html.escape(self.rasa_url, quote=True)).encode("utf-8")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass  # quiet: one line per request drowns the Rasa logs in `make run`

    def log_error(self, format: str, *args) -> None:  # noqa: A002
        sys.stderr.write("web: " + (format % args) + "\n")


class _Body:
    """The file-like object send_head must return, for a body built in memory."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: int) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("WEB_PORT", 8080)))
    parser.add_argument("--host", default=os.environ.get("WEB_HOST", "127.0.0.1"))
    parser.add_argument("--rasa-url", default=os.environ.get("RASA_URL", "http://localhost:5005"))
    args = parser.parse_args(argv)
    handler = type("DemoHandler", (Handler,), {"rasa_url": args.rasa_url.rstrip("/")})
    server = ThreadingHTTPServer((args.host, args.port), partial(handler, directory=str(WEB_DIR)))
    server.daemon_threads = True
    print(f"web: demo page on http://{args.host}:{args.port}/ (assistant at {args.rasa_url})",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
