"""The one client to Rasa's REST channel. Every failure comes out as `RasaUnavailable`."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Optional

import httpx

logger = logging.getLogger(__name__)

WEBHOOK_PATH = "/webhooks/rest/webhook"
Reply = Dict[str, Any]


class RasaUnavailable(Exception):
    """Rasa did not answer in time, or answered something that is not a list of messages."""


class RasaClient:
    """Sends one student message to Rasa and returns Rasa's messages (dicts with text, buttons...)."""

    def __init__(self, base_url: str, timeout: float = 12.0,
                 client: Optional[httpx.AsyncClient] = None) -> None:
        self.timeout = timeout
        self._client = client or httpx.AsyncClient(
            base_url=base_url, timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            # Rasa is on our own network: never route it through a proxy from the environment.
            trust_env=False)

    async def send(self, sender: str, message: str, language: Optional[str] = None) -> List[Reply]:
        body: Dict[str, Any] = {"sender": sender, "message": message}
        if language:
            body["metadata"] = {"language": language}
        try:
            response = await asyncio.wait_for(self._client.post(WEBHOOK_PATH, json=body),
                                              timeout=self.timeout)
            response.raise_for_status()
            replies = response.json()
        except asyncio.TimeoutError as error:
            raise RasaUnavailable(f"no answer within {self.timeout:g} s") from error
        except httpx.HTTPError as error:
            raise RasaUnavailable(f"{type(error).__name__}: {error}") from error
        except ValueError as error:
            raise RasaUnavailable("answer is not JSON") from error
        if not isinstance(replies, list):
            raise RasaUnavailable("answer is not a list of messages")
        return [reply for reply in replies if isinstance(reply, dict)]

    async def aclose(self) -> None:
        await self._client.aclose()
