"""The action server's endpoints for the Telegram bridge's reminder job (no SQL in the bridge).

    GET  /reminders/due?now=2027-05-17T09:00:00+02:00   what to send now
    POST /reminders/sent    {"subscription": 3, "date": "2027-05-31", "offset": 14}
                            claims it before sending: 200 {"claimed": true}, or 409 if it already
                            was (another bridge, or before a restart): then it is not sent
    POST /reminders/unsent  same body: gives a claim back when sending failed, to retry later

Every call needs `Authorization: Bearer $RASA_API_TOKEN` (the token the bridge also uses for
Rasa's HTTP API); without a token set, they are all refused. `now` is the bridge's clock, so one
clock decides (tests inject it).
"""

from __future__ import annotations

import hmac
from datetime import date, datetime
from typing import Any, Dict, Optional, Tuple

from sanic import Sanic, response
from sanic.request import Request

from actions import settings
from actions.reminders import due_now, store


def authorised(request: Request) -> bool:
    token = settings.reminders_api_token()
    given = request.headers.get("Authorization", "")
    return bool(token) and hmac.compare_digest(given.encode(), f"Bearer {token}".encode())


def parse_now(raw: Optional[str]) -> datetime:
    if not raw:
        return settings.now()
    moment = datetime.fromisoformat(raw)
    if moment.tzinfo is None:
        raise ValueError("now needs a time zone offset")
    return moment


def due_payload(now: datetime) -> Dict[str, Any]:
    zone = settings.timezone()
    return {
        "now": now.isoformat(),
        "due": [
            {"subscription": item.subscription.id, "sender": item.subscription.sender,
             "chat_id": item.subscription.chat_id, "deadline": item.subscription.deadline_id,
             "language": item.subscription.language, "date": item.deadline_date.isoformat(),
             "offset": item.offset, "days_left": item.days_left,
             "send_at": item.send_at.astimezone(zone).isoformat()}
            for item in due_now(now)
        ],
    }


def _key(body: Any) -> Tuple[int, date, int]:
    if not isinstance(body, dict):
        raise ValueError("a JSON object is required")
    return int(body["subscription"]), date.fromisoformat(str(body["date"])), int(body["offset"])


def add_routes(app: Sanic) -> None:
    @app.get("/reminders/due")
    async def reminders_due(request: Request):
        if not authorised(request):
            return response.json({"error": "unauthorised"}, status=401)
        try:
            now = parse_now(request.args.get("now"))
        except ValueError as error:
            return response.json({"error": f"now: {error}"}, status=400)
        return response.json(due_payload(now))

    @app.post("/reminders/sent")
    async def reminders_sent(request: Request):
        if not authorised(request):
            return response.json({"error": "unauthorised"}, status=401)
        try:
            key = _key(request.json)
            now = parse_now((request.json or {}).get("now"))
        except (KeyError, TypeError, ValueError) as error:
            return response.json({"error": f"bad request: {error}"}, status=400)
        claimed = store().claim(*key, now)
        return response.json({"claimed": claimed}, status=200 if claimed else 409)

    @app.post("/reminders/unsent")
    async def reminders_unsent(request: Request):
        if not authorised(request):
            return response.json({"error": "unauthorised"}, status=401)
        try:
            key = _key(request.json)
        except (KeyError, TypeError, ValueError) as error:
            return response.json({"error": f"bad request: {error}"}, status=400)
        return response.json({"released": store().release(*key)})

