"""Rasa's socket.io channel, with the two fixes the website's chat widget needs.

1. Allowed origins. Rasa 3.6 builds its socket.io server with ``cors_allowed_origins=[]``, which
   turns python-engineio's origin check off: ``rasa run --cors`` only adds CORS headers to HTTP
   responses (the long-polling transport), so any web page can still open a WebSocket to the
   assistant. This channel refuses a socket.io connection whose ``Origin`` is not allowed. The
   allowed origins come from the channel's ``cors_allowed_origins`` key in credentials.yml (a list,
   or a space-separated string), else from the ``CORS_ORIGINS`` environment variable (the one
   scripts/run.sh passes to ``--cors``); ``"*"`` allows every origin. With neither, only
   same-origin pages may connect. A client that sends no ``Origin`` (not a browser) is let in:
   origins are a browser protection, not an authentication (use ``jwt_key`` for that).
2. ``enter_room`` awaited. Rasa 3.6 calls ``sio.enter_room(...)`` without ``await``; since
   python-socketio 5.10 it is a coroutine, so the browser never joins its session's room and gets
   no answer (Rasa issue #13027). This channel awaits it when it is a coroutine, so it works with
   python-socketio 5.9.0 (sync) and later (async).

credentials.yml:  ``components.socketio_channel.SocketIOInput:`` with the same keys as ``socketio:``.
"""

from __future__ import annotations

import inspect
import logging
import os
import uuid
from typing import Any, Awaitable, Callable, Dict, Iterable, List, Optional, Text
from urllib.parse import urlsplit

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput as RasaSocketIOInput
from sanic import Blueprint

logger = logging.getLogger(__name__)

ORIGINS_ENV = "CORS_ORIGINS"


def parse_origins(value: Any) -> List[Text]:
    """A list of origins from a list or a space/comma-separated string, without trailing slashes."""
    if value is None:
        return []
    items: Iterable[Any] = value.replace(",", " ").split() if isinstance(value, str) else value
    return [str(item).strip().rstrip("/") for item in items if str(item).strip()]


def origin_allowed(origin: Optional[Text], allowed: List[Text], host: Optional[Text],
                   scheme: Text = "http") -> bool:
    """Whether a browser page from ``origin`` may talk to the assistant."""
    if not origin:
        return True
    origin = origin.rstrip("/")
    if "*" in allowed or origin in allowed:
        return True
    # Same origin: the page is served by the assistant's own host.
    return bool(host) and urlsplit(origin).netloc == host and urlsplit(origin).scheme == scheme


class SocketIOInput(RasaSocketIOInput):
    """socket.io channel that checks the page's origin and awaits ``enter_room``."""

    @classmethod
    def name(cls) -> Text:
        # Same name as Rasa's channel: trackers, metadata and the REST API see "socketio".
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "SocketIOInput":
        credentials = credentials or {}
        channel = super().from_credentials(credentials)
        configured = credentials.get("cors_allowed_origins")
        channel.allowed_origins = parse_origins(
            configured if configured is not None else os.environ.get(ORIGINS_ENV))
        return channel  # type: ignore[return-value]

    def __init__(self, *args: Any, allowed_origins: Optional[List[Text]] = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.allowed_origins = list(allowed_origins or [])

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        sio = self.sio
        assert sio is not None
        parent_connect = sio.handlers.get(self.namespace or "/", {}).get("connect")
        if not self.allowed_origins:
            logger.warning("socket.io: no allowed origins (%s or cors_allowed_origins): only "
                           "same-origin pages can use the chat widget.", ORIGINS_ENV)

        async def connect(sid: Text, environ: Dict, auth: Optional[Dict] = None) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            scheme = environ.get("wsgi.url_scheme", "http")
            if not origin_allowed(origin, self.allowed_origins, environ.get("HTTP_HOST"), scheme):
                logger.warning("socket.io: refused a connection from origin %s", origin)
                return False
            if parent_connect is None:
                return True
            return await parent_connect(sid, environ, auth)

        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            data = data if isinstance(data, dict) else {}
            if not data.get("session_id"):
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                joined = sio.enter_room(sid, data["session_id"], namespace=self.namespace)
                if inspect.isawaitable(joined):
                    await joined
            await sio.emit("session_confirm", data["session_id"], room=sid,
                           namespace=self.namespace)
            logger.debug(f"User {sid} joined session {data['session_id']}.")

        # Registering again replaces Rasa's handlers for these two events.
        sio.on("connect", connect, namespace=self.namespace)
        sio.on("session_request", session_request, namespace=self.namespace)
        return blueprint
