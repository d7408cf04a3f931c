"""Rasa's REST channel, refusing malformed requests with a 400 instead of crashing with a 500.

Same URL (/webhooks/rest/webhook) and same behaviour for well-formed requests. Rasa's own channel
calls `request.json.get(...)`, which fails with a server error on an empty body, a JSON list, or a
message that is not text.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic.exceptions import InvalidUsage
from sanic.request import Request

MAX_SENDER_LENGTH = 255  # the tracker store's sender_id column


def _body(request: Request) -> Dict[Text, Any]:
    body = request.json
    if not isinstance(body, dict):
        raise InvalidUsage('Expected a JSON object such as {"sender": "...", "message": "..."}.')
    return body


class RestInput(RasaRestInput):
    """REST channel with input validation."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    async def _extract_sender(self, request: Request) -> Optional[Text]:
        sender = _body(request).get("sender")
        if isinstance(sender, (int, float)) and not isinstance(sender, bool):
            sender = str(sender)
        if not isinstance(sender, str) or not sender.strip():
            raise InvalidUsage('"sender" must be a non-empty string.')
        if len(sender) > MAX_SENDER_LENGTH or "\x00" in sender:
            raise InvalidUsage(f'"sender" must be at most {MAX_SENDER_LENGTH} characters.')
        return sender

    def _extract_message(self, request: Request) -> Optional[Text]:
        message = _body(request).get("message")
        if message is None:
            return ""
        if not isinstance(message, str):
            raise InvalidUsage('"message" must be a string.')
        return message.replace("\x00", "")

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        metadata = _body(request).get("metadata")
        return metadata if isinstance(metadata, dict) else None
