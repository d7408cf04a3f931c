"""Deadline reminders on Telegram: a job-queue job that sends the reminders that are due.

Every REMINDERS_INTERVAL seconds (60), the job
1. asks the action server what is due now (GET /reminders/due: the subscriptions and the schedule
   live there, actions/reminders.py; the bridge needs no database);
2. claims each reminder before sending it (POST /reminders/sent): a reminder already claimed, by
   this bridge before a restart or by another one, is skipped, so none is ever sent twice;
3. has Rasa say it (Rasa's HTTP API, trigger_intent EXTERNAL_deadline_reminder): the text and its
   "Stop this reminder" button come from domain/reminders.yml, in the conversation's language, and
   the reminder becomes part of the conversation ("stop this reminder" then refers to it);
4. sends Rasa's messages to the chat, as the conversation's answers are sent;
5. gives the claim back (POST /reminders/unsent) when nothing reached the student, so that the
   next run tries again.

Needs RASA_API_TOKEN (Rasa started with --enable-api --auth-token, the same token guarding the
action server's /reminders/*); without it the job is not scheduled. REMINDERS_NOW fixes the clock
(tests, demos): an ISO date-time with its offset, e.g. 2027-05-17T09:00:00+02:00.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Dict, List, Mapping, Optional
from urllib.parse import quote

import httpx
from telegram.error import Forbidden, TelegramError
from telegram.ext import Application

from telegram_bridge.handlers import deliver
from telegram_bridge.rendering import plan
from telegram_bridge.settings import SettingsError, positive_number
from telegram_bridge.state import BridgeState, Context

logger = logging.getLogger(__name__)

EXTERNAL_INTENT = "EXTERNAL_deadline_reminder"
JOB_NAME = "deadline-reminders"
ACTIONS_URL = "http://localhost:5055"
Due = Dict[str, Any]


class ReminderError(Exception):
    """The action server or Rasa did not answer as expected."""


@dataclass(frozen=True)
class ReminderSettings:
    api_token: str = field(default="", repr=False)  # RASA_API_TOKEN: a secret
    actions_url: str = ACTIONS_URL
    rasa_url: str = "http://localhost:5005"
    interval: float = 60.0  # seconds between two runs of the job
    first: float = 5.0  # seconds after start-up of the first run (catches up what was missed)
    timeout: float = 20.0
    fixed_now: Optional[datetime] = None  # REMINDERS_NOW: an injected clock

    @property
    def enabled(self) -> bool:
        return bool(self.api_token)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "ReminderSettings":
        fixed = env.get("REMINDERS_NOW") or None
        fixed_now = None
        if fixed:
            try:
                fixed_now = datetime.fromisoformat(fixed)
            except ValueError:
                raise SettingsError(f"REMINDERS_NOW must be an ISO date-time, not {fixed!r}.") from None
            if fixed_now.tzinfo is None:
                raise SettingsError("REMINDERS_NOW needs a UTC offset, e.g. 2027-05-17T09:00:00+02:00.")
        return cls(
            api_token=(env.get("RASA_API_TOKEN") or "").strip(),
            actions_url=(env.get("ACTIONS_URL") or ACTIONS_URL).rstrip("/"),
            rasa_url=(env.get("RASA_URL") or "http://localhost:5005").rstrip("/"),
            interval=positive_number(env, "REMINDERS_INTERVAL", 60.0),
            first=positive_number(env, "REMINDERS_FIRST", 5.0),
            fixed_now=fixed_now,
        )

    def now(self) -> datetime:
        return self.fixed_now or datetime.now(timezone.utc)


class ReminderClient:
    """The action server's /reminders/* and Rasa's trigger_intent, one result shape each."""

    def __init__(self, settings: ReminderSettings, client: Optional[httpx.AsyncClient] = None) -> None:
        self.settings = settings
        self._client = client or httpx.AsyncClient(
            timeout=httpx.Timeout(settings.timeout, connect=min(settings.timeout, 5.0)),
            trust_env=False)  # our own servers: never through a proxy from the environment
        self._auth = {"Authorization": f"Bearer {settings.api_token}"}

    async def _request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        try:
            return await self._client.request(method, url, **kwargs)
        except httpx.HTTPError as error:
            raise ReminderError(f"{type(error).__name__} on {method} {url.split('?')[0]}") from error

    async def due(self, now: datetime) -> List[Due]:
        response = await self._request("GET", f"{self.settings.actions_url}/reminders/due",
                                       params={"now": now.isoformat()}, headers=self._auth)
        if response.status_code != 200:
            raise ReminderError(f"/reminders/due answered {response.status_code}")
        return list(response.json().get("due") or [])

    async def claim(self, item: Due, now: datetime) -> bool:
        response = await self._request("POST", f"{self.settings.actions_url}/reminders/sent",
                                       json={**_key(item), "now": now.isoformat()},
                                       headers=self._auth)
        if response.status_code not in (200, 409):
            raise ReminderError(f"/reminders/sent answered {response.status_code}")
        return bool(response.json().get("claimed"))

    async def release(self, item: Due) -> None:
        try:
            await self._request("POST", f"{self.settings.actions_url}/reminders/unsent",
                                json=_key(item), headers=self._auth)
        except ReminderError as error:  # it stays claimed: at worst, this one is not sent
            logger.error("Reminder %s could not be released for a retry: %s", _key(item), error)

    async def say(self, item: Due) -> List[Dict[str, Any]]:
        """Rasa's messages for this reminder, in the conversation's language."""
        url = (f"{self.settings.rasa_url}/conversations/{quote(item['sender'], safe='')}"
               "/trigger_intent")
        body = {"name": EXTERNAL_INTENT, "entities": {
            "deadline": item["deadline"], "deadline_date": item["date"],
            "days_left": item["days_left"]}}
        response = await self._request("POST", url, json=body, params={
            "token": self.settings.api_token, "include_events": "NONE"})
        if response.status_code != 200:
            raise ReminderError(f"Rasa's trigger_intent answered {response.status_code}")
        messages = response.json().get("messages")
        if not isinstance(messages, list):
            raise ReminderError("Rasa's trigger_intent returned no messages")
        return [m for m in messages if isinstance(m, dict)]

    async def aclose(self) -> None:
        await self._client.aclose()


def _key(item: Due) -> Dict[str, Any]:
    return {"subscription": item["subscription"], "date": item["date"], "offset": item["offset"]}


class ReminderJob:
    """The job's callback; one run sends every reminder due at the (injectable) clock's now."""

    def __init__(self, settings: ReminderSettings, client: Optional[ReminderClient] = None,
                 clock: Optional[Callable[[], datetime]] = None) -> None:
        self.settings = settings
        self.client = client or ReminderClient(settings)
        self.clock = clock or settings.now

    async def __call__(self, context: Context) -> None:
        await self.run(context.bot, context.bot_data)

    async def run(self, bot, state: BridgeState) -> int:
        """Sends what is due; returns how many reminders reached their chat."""
        now = self.clock()
        try:
            items = await self.client.due(now)
        except ReminderError as error:
            logger.warning("Reminders: cannot ask the action server what is due (%s).", error)
            return 0
        (logger.info if items else logger.debug)("Reminders: %d due at %s.", len(items), now.isoformat())
        sent = 0
        for item in items:
            try:
                if not await self.client.claim(item, now):
                    logger.info("Reminder %s was already sent: skipped.", _key(item))
                    continue
            except ReminderError as error:
                logger.warning("Reminders: cannot claim %s (%s); next run.", _key(item), error)
                return sent
            try:
                messages = await self.client.say(item)
            except ReminderError as error:
                logger.warning("Reminders: Rasa cannot say %s (%s); next run.", _key(item), error)
                await self.client.release(item)
                return sent  # Rasa is down: the others wait for the next run too
            if await self._deliver(bot, state, item, messages):
                sent += 1
        return sent

    async def _deliver(self, bot, state: BridgeState, item: Due, messages) -> bool:
        chat_id = int(item["chat_id"])
        outgoing = plan(messages, state.payloads)
        if not outgoing:
            logger.warning("Chat %s: Rasa said nothing for reminder %s; next run.", chat_id, _key(item))
            await self.client.release(item)
            return False
        delivered = 0
        try:
            async with state.locks(chat_id):  # never in the middle of an answer to this chat
                for message in outgoing:
                    await deliver(bot, chat_id, message)
                    delivered += 1
        except Forbidden as error:  # blocked, or removed from the group: retrying cannot help
            logger.info("Chat %s: reminder %s not delivered, the bot may not write there (%s).",
                        chat_id, _key(item), error)
            return False
        except TelegramError as error:
            if delivered == 0:
                logger.warning("Chat %s: reminder %s not delivered (%s); next run.",
                               chat_id, _key(item), error)
                await self.client.release(item)
            else:  # part of it reached the student: never send it twice
                logger.warning("Chat %s: reminder %s only partly delivered (%s).",
                               chat_id, _key(item), error)
            return delivered > 0
        logger.info("Chat %s: reminder sent (%s, %s days before %s).", chat_id, item["deadline"],
                    item["offset"], item["date"])
        return True

    async def aclose(self) -> None:
        await self.client.aclose()


def schedule(application: Application, settings: Optional[ReminderSettings]) -> Optional[ReminderJob]:
    """Adds the reminder job to the application's job queue, when reminders are configured."""
    if settings is None or not settings.enabled:
        logger.info("Reminders off: set RASA_API_TOKEN (Rasa's HTTP API) to send them.")
        return None
    if application.job_queue is None:
        raise RuntimeError("python-telegram-bot's job queue is missing: install its job-queue extra.")
    job = ReminderJob(settings)
    application.job_queue.run_repeating(job, interval=settings.interval, first=settings.first,
                                        name=JOB_NAME, job_kwargs={"max_instances": 1,
                                                                   "coalesce": True})
    logger.info("Reminders on: every %g s from %s.", settings.interval, settings.actions_url)
    return job


async def close(application: Application) -> None:
    """post_shutdown: closes the job's HTTP client."""
    if application.job_queue is None:
        return
    for scheduled in application.job_queue.get_jobs_by_name(JOB_NAME):
        if isinstance(scheduled.callback, ReminderJob):
            await scheduled.callback.aclose()
