"""Per-user flood control and per-chat ordering.

Flood control: at most `max_messages` messages (texts, commands, button presses, photos...) per user
in any `window` seconds. Messages over the limit are dropped quietly (logged with the user id only):
the student is not answered until the window frees up, and Rasa never sees the flood.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from typing import Callable, Deque, Dict


class FloodControl:
    def __init__(self, max_messages: int = 10, window: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_messages, self.window, self._clock = max_messages, window, clock
        self._seen: Dict[int, Deque[float]] = {}
        self._checks = 0

    def allow(self, user_id: int) -> bool:
        """Records one message of `user_id`; False when it is over the limit (and not counted)."""
        now = self._clock()
        self._checks += 1
        if self._checks % 1000 == 0:
            self._forget_idle(now)
        times = self._seen.setdefault(user_id, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        if len(times) >= self.max_messages:
            return False
        times.append(now)
        return True

    def _forget_idle(self, now: float) -> None:
        for user_id in [u for u, times in self._seen.items() if not times or now - times[-1] >= self.window]:
            del self._seen[user_id]


class ChatLocks:
    """One lock per chat, so a chat's replies go out in order while other chats run concurrently."""

    def __init__(self) -> None:
        self._locks: Dict[int, asyncio.Lock] = {}
        self._users: Dict[int, int] = {}

    def __call__(self, chat_id: int) -> "_ChatLock":
        return _ChatLock(self, chat_id)

    def __len__(self) -> int:
        return len(self._locks)


class _ChatLock:
    def __init__(self, locks: ChatLocks, chat_id: int) -> None:
        self._locks, self._chat_id = locks, chat_id

    async def __aenter__(self) -> None:
        locks = self._locks
        lock = locks._locks.setdefault(self._chat_id, asyncio.Lock())
        locks._users[self._chat_id] = locks._users.get(self._chat_id, 0) + 1
        try:
            await lock.acquire()
        except BaseException:  # cancelled while waiting
            self._leave()
            raise

    async def __aexit__(self, *exc_info: object) -> None:
        self._locks._locks[self._chat_id].release()
        self._leave()

    def _leave(self) -> None:
        locks = self._locks
        locks._users[self._chat_id] -= 1
        if not locks._users[self._chat_id]:  # nobody holds or waits for it: forget the chat
            del locks._users[self._chat_id], locks._locks[self._chat_id]
