"""The load: N simulated students, each playing conversations back to back over the REST channel.

Closed loop, no think time: a student sends the next message as soon as the previous answer is
in, so N is the number of messages in flight and throughput = N / mean latency. That is the
harshest reading of "N concurrent conversations" (a real student pauses for seconds).
"""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

import aiohttp

from bench.conversations import CONVERSATIONS

REQUEST_TIMEOUT = 30.0


@dataclass
class Sample:
    start: float     # seconds since the run started
    latency: float   # seconds
    ok: bool
    error: Optional[str] = None
    text: str = ""


@dataclass
class Result:
    """One run: one bot, one concurrency."""

    concurrency: int
    duration: float
    samples: List[Sample] = field(default_factory=list)
    # CPU seconds the Rasa server (and the action server) used during warm-up + window, and the
    # messages answered meanwhile: CPU per message barely depends on how busy the machine is.
    cpu_seconds: List[float] = field(default_factory=list)
    cpu_messages: int = 0

    @property
    def ok(self) -> List[float]:
        return sorted(s.latency for s in self.samples if s.ok)

    @property
    def errors(self) -> int:
        return sum(1 for s in self.samples if not s.ok)

    def error_kinds(self) -> Dict[str, int]:
        kinds: Dict[str, int] = {}
        for s in self.samples:
            if not s.ok:
                kinds[s.error or "?"] = kinds.get(s.error or "?", 0) + 1
        return kinds

    def percentile(self, p: float) -> float:
        values = self.ok
        if not values:
            return float("nan")
        # Nearest rank: the value below which p% of the answers fall.
        rank = max(1, min(len(values), int(round(p / 100 * len(values) + 0.5))))
        return values[rank - 1]

    def summary(self) -> Dict[str, Any]:
        values = self.ok
        # Throughput counts the answers that came back inside the window only.
        answered = sum(1 for s in self.samples if s.ok and s.start + s.latency <= self.duration)
        return {
            "concurrency": self.concurrency,
            "messages": len(self.samples),
            "errors": self.errors,
            "error_kinds": self.error_kinds(),
            "throughput": answered / self.duration if self.duration else 0.0,
            "p50_ms": 1000 * statistics.median(values) if values else None,
            "p95_ms": 1000 * self.percentile(95) if values else None,
            "p99_ms": 1000 * self.percentile(99) if values else None,
            "mean_ms": 1000 * statistics.fmean(values) if values else None,
            "duration_s": self.duration,
            "cpu_ms_per_message": [round(1000 * c / self.cpu_messages, 2)
                                   for c in self.cpu_seconds] if self.cpu_messages else None,
        }


async def _send(session: aiohttp.ClientSession, url: str, sender: str, text: str) -> Optional[str]:
    """One message; returns None when answered, else what went wrong."""
    try:
        async with session.post(url, json={"sender": sender, "message": text}) as response:
            if response.status != 200:
                return f"HTTP {response.status}"
            replies = await response.json(content_type=None)
    except asyncio.TimeoutError:
        return "timeout"
    except aiohttp.ClientError as error:
        return type(error).__name__
    if not isinstance(replies, list) or not replies:
        return "no answer"
    return None


async def run(port: int, concurrency: int, duration: float, tag: str,
              warmup: float = 3.0) -> Result:
    """`concurrency` students for `warmup` (not measured) then `duration` seconds."""
    url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"
    connector = aiohttp.TCPConnector(limit=concurrency + 5, force_close=False)
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
    result = Result(concurrency, duration)
    run_id = uuid.uuid4().hex[:6]

    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        began = time.perf_counter()
        measure_from = began + warmup
        stop_at = measure_from + duration

        async def student(index: int) -> None:
            played = 0
            while True:
                conversation = CONVERSATIONS[(index + played) % len(CONVERSATIONS)]
                sender = f"bench-{tag}-{run_id}-{index}-{played}"
                played += 1
                for text in conversation:
                    start = time.perf_counter()
                    if start >= stop_at:
                        return
                    error = await _send(session, url, sender, text)
                    end = time.perf_counter()
                    result.cpu_messages += 1
                    if start >= measure_from:
                        result.samples.append(Sample(start - measure_from, end - start,
                                                     error is None, error, text))

        await asyncio.gather(*(student(i) for i in range(concurrency)))
    return result
