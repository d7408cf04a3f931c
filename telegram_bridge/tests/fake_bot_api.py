"""A local stand-in for the Telegram Bot API, on 127.0.0.1, for tests that run the real bridge.

It serves `{base_url}{token}/{method}` like api.telegram.org, with the Bot API's JSON shapes
(`{"ok": true, "result": ...}`, Message objects with message_id, date, chat...), so that
python-telegram-bot parses its answers as it would Telegram's. It checks what Telegram checks and
a bridge could get wrong (text length, empty text, callback data size) and records every call.

Tests inject updates (`message`, `press`), which the bridge receives through getUpdates long
polling, and read what the bot did with `calls` and `wait_for_replies`.
Runs tornado in a thread with its own event loop; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional

import logging

import tornado.httpserver
import tornado.netutil
import tornado.web

BOT_USER = {"id": 7000000001, "is_bot": True, "first_name": "IMT Mines Alès (test)",
            "username": "imt_test_bot", "can_join_groups": True,
            "can_read_all_group_messages": False, "supports_inline_queries": False}
TOKEN = "7000000001:TEST-token-for-the-fake-bot-api"
JSON_FIELDS = {"reply_markup", "commands", "scope", "allowed_updates", "reply_parameters",
               "link_preview_options", "entities", "caption_entities"}
INT_FIELDS = {"chat_id", "offset", "limit", "timeout", "message_id"}
MESSAGE_LIMIT = 4096
CALLBACK_DATA_LIMIT = 64
logging.getLogger("tornado.access").setLevel(logging.ERROR)  # its lines would show the token


@dataclass
class Call:
    method: str
    params: Dict[str, Any]
    at: float = field(default_factory=time.monotonic)

    @property
    def chat_id(self) -> Optional[int]:
        return self.params.get("chat_id")

    @property
    def text(self) -> str:
        return self.params.get("text") or ""

    def buttons(self) -> List[Dict[str, Any]]:
        markup = self.params.get("reply_markup") or {}
        return [button for row in markup.get("inline_keyboard", []) for button in row]


class BotApiError(Exception):
    def __init__(self, code: int, description: str, parameters: Optional[dict] = None) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


def user(user_id: int, language_code: Optional[str] = "fr", first_name: str = "Camille") -> dict:
    found = {"id": user_id, "is_bot": False, "first_name": first_name}
    if language_code:
        found["language_code"] = language_code
    return found


class FakeBotApi:
    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.port = 0
        self._calls: List[Call] = []
        self._changed = threading.Condition()
        self._updates: List[dict] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._chats: Dict[int, dict] = {}
        self._failures: Dict[str, List[BotApiError]] = {}
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._new_update: Optional[asyncio.Event] = None
        self._thread: Optional[threading.Thread] = None
        self._started = threading.Event()

    # --- lifecycle ------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    def start(self) -> "FakeBotApi":
        self._thread = threading.Thread(target=self._serve, name="fake-bot-api", daemon=True)
        self._thread.start()
        if not self._started.wait(10):
            raise RuntimeError("The fake Bot API did not start.")
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)

    def _serve(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        self._loop, self._new_update = loop, asyncio.Event()
        app = tornado.web.Application([(r"/bot([^/]+)/(\w+)", _MethodHandler, {"api": self})])
        sockets = tornado.netutil.bind_sockets(0, "127.0.0.1")
        server = tornado.httpserver.HTTPServer(app)
        server.add_sockets(sockets)
        self.port = sockets[0].getsockname()[1]
        self._started.set()
        try:
            loop.run_forever()
        finally:
            server.stop()
            loop.close()

    # --- what tests do --------------------------------------------------------------------------

    def push(self, **update: Any) -> int:
        """Queues one update (fields besides update_id); returns its update_id."""
        update = {"update_id": next(self._update_ids), **update}
        self._loop.call_soon_threadsafe(self._queue, update)
        return update["update_id"]

    def message(self, chat_id: int, sender: dict, text: Optional[str] = None,
                chat_type: str = "private", **content: Any) -> dict:
        """A student's message (text, or other content such as sticker=...) arriving in a chat."""
        chat = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = sender.get("first_name", "")
        else:
            chat["title"] = "Promo 2027"
        self._chats[chat_id] = chat
        message = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat,
                   "from": sender, **content}
        if text is not None:
            message["text"] = text
            if text.startswith("/"):
                command = text.split()[0]
                message["entities"] = [{"type": "bot_command", "offset": 0,
                                        "length": _utf16_len(command)}]
        self.push(message=message)
        return message

    def press(self, sender: dict, sent: Call, title: str) -> str:
        """The student presses the button titled `title` under the bot message `sent`."""
        button = next((b for b in sent.buttons() if b.get("text") == title), None)
        if button is None:
            raise AssertionError(f"No button {title!r}; buttons: {[b.get('text') for b in sent.buttons()]}")
        query_id = f"cq{next(self._update_ids)}"
        self.push(callback_query={"id": query_id, "from": sender, "chat_instance": "ci-1",
                                  "data": button["callback_data"], "message": sent.params["_result"]})
        return query_id

    def fail_next(self, method: str, code: int = 400, description: str = "Bad Request: test") -> None:
        """The next call of `method` fails with this Bot API error."""
        self._failures.setdefault(method, []).append(BotApiError(code, description))

    def calls(self, method: Optional[str] = None, chat_id: Optional[int] = None,
              since: int = 0) -> List[Call]:
        with self._changed:
            found = self._calls[since:]
        return [c for c in found if (method is None or c.method == method)
                and (chat_id is None or c.chat_id == chat_id)]

    def mark(self) -> int:
        """A position in the call log, for `since=`."""
        with self._changed:
            return len(self._calls)

    def wait_for(self, predicate: Callable[[], Any], timeout: float = 30.0) -> Any:
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                result = predicate()
                if result:
                    return result
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError("The bot did not do what the test waited for.")
                self._changed.wait(min(remaining, 0.2))

    def wait_for_replies(self, chat_id: int, since: int, timeout: float = 60.0,
                         quiet: float = 1.0) -> List[Call]:
        """The messages and photos sent to `chat_id` after `since`, once they stop coming."""
        sent = ("sendMessage", "sendPhoto")
        self.wait_for(lambda: [c for c in self.calls(chat_id=chat_id, since=since) if c.method in sent],
                      timeout)
        while True:
            replies = [c for c in self.calls(chat_id=chat_id, since=since) if c.method in sent]
            if time.monotonic() - replies[-1].at >= quiet:
                return replies
            time.sleep(0.1)

    # --- the Bot API ----------------------------------------------------------------------------

    def _record(self, method: str, params: Dict[str, Any]) -> Call:
        call = Call(method, params)
        with self._changed:
            self._calls.append(call)
            self._changed.notify_all()
        return call

    def _queue(self, update: dict) -> None:
        self._updates.append(update)
        self._new_update.set()

    async def call(self, token: str, method: str, params: Dict[str, Any]) -> Any:
        if token != self.token:
            raise BotApiError(401, "Unauthorized")
        call = self._record(method, params)
        failures = self._failures.get(method)
        if failures:
            raise failures.pop(0)
        handler = getattr(self, "_" + method, None)
        if handler is None:
            raise BotApiError(404, "Not Found")
        result = await handler(params)
        call.params["_result"] = result
        return result

    async def _getMe(self, params: dict) -> dict:
        return BOT_USER

    async def _getUpdates(self, params: dict) -> List[dict]:
        offset, limit = params.get("offset") or 0, params.get("limit") or 100
        timeout = float(params.get("timeout") or 0)
        self._updates = [u for u in self._updates if u["update_id"] >= offset]
        if not self._updates and timeout:
            self._new_update.clear()
            try:
                await asyncio.wait_for(self._new_update.wait(), timeout)
            except asyncio.TimeoutError:
                pass
        return self._updates[:limit]

    async def _deleteWebhook(self, params: dict) -> bool:
        return True

    async def _setWebhook(self, params: dict) -> bool:
        if not str(params.get("url", "")).startswith(("http://", "https://")):
            raise BotApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        return True

    async def _setMyCommands(self, params: dict) -> bool:
        for command in params.get("commands") or []:
            if not 1 <= len(command["command"]) <= 32 or not 1 <= len(command["description"]) <= 256:
                raise BotApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        return True

    async def _getMyCommands(self, params: dict) -> List[dict]:
        language = params.get("language_code") or ""
        for call in reversed(self.calls("setMyCommands")):
            if (call.params.get("language_code") or "") == language:
                return call.params.get("commands") or []
        return []

    async def _sendChatAction(self, params: dict) -> bool:
        self._chat(params)
        return True

    async def _answerCallbackQuery(self, params: dict) -> bool:
        return True

    async def _sendMessage(self, params: dict) -> dict:
        chat = self._chat(params)
        text = params.get("text") or ""
        if not text.strip():
            raise BotApiError(400, "Bad Request: message text is empty")
        if _utf16_len(text) > MESSAGE_LIMIT:
            raise BotApiError(400, "Bad Request: message is too long")
        self._check_keyboard(params.get("reply_markup"))
        return self._bot_message(chat, text=text, reply_markup=params.get("reply_markup"))

    async def _sendPhoto(self, params: dict) -> dict:
        chat = self._chat(params)
        photo = str(params.get("photo") or "")
        if not photo or "unreachable" in photo:
            raise BotApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        return self._bot_message(chat, photo=[{"file_id": "AgADfake", "file_unique_id": "fake1",
                                               "width": 320, "height": 240, "file_size": 2048}])

    async def _editMessageReplyMarkup(self, params: dict) -> Any:
        return True

    def _chat(self, params: dict) -> dict:
        chat_id = params.get("chat_id")
        if not isinstance(chat_id, int):
            raise BotApiError(400, "Bad Request: chat not found")
        return self._chats.get(chat_id) or {"id": chat_id, "type": "private", "first_name": "?"}

    def _bot_message(self, chat: dict, **content: Any) -> dict:
        message = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat,
                   "from": BOT_USER}
        message.update({k: v for k, v in content.items() if v is not None})
        return message

    @staticmethod
    def _check_keyboard(markup: Optional[dict]) -> None:
        for row in (markup or {}).get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode("utf-8")) <= CALLBACK_DATA_LIMIT:
                    raise BotApiError(400, "Bad Request: BUTTON_DATA_INVALID")


class _MethodHandler(tornado.web.RequestHandler):
    def initialize(self, api: FakeBotApi) -> None:
        self.api = api

    async def get(self, token: str, method: str) -> None:
        await self._answer(token, method, {k: self.get_argument(k) for k in self.request.query_arguments})

    async def post(self, token: str, method: str) -> None:
        content_type = self.request.headers.get("Content-Type", "")
        if content_type.startswith("application/json"):
            params = json.loads(self.request.body or b"{}")
        else:  # form-encoded or multipart, as python-telegram-bot sends
            params = {k: self.get_body_argument(k) for k in self.request.body_arguments}
            params.update({k: self.get_query_argument(k) for k in self.request.query_arguments})
        await self._answer(token, method, params)

    async def _answer(self, token: str, method: str, params: Dict[str, Any]) -> None:
        for key in list(params):
            value = params[key]
            if key in JSON_FIELDS and isinstance(value, str):
                params[key] = json.loads(value)
            elif key in INT_FIELDS and isinstance(value, str):
                try:
                    params[key] = int(value)
                except ValueError:
                    pass
        try:
            body = {"ok": True, "result": await self.api.call(token, method, params)}
        except BotApiError as error:
            self.set_status(error.code)
            body = {"ok": False, "error_code": error.code, "description": error.description}
            if error.parameters:
                body["parameters"] = error.parameters
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(body))


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
