"""Where the time of one message goes, phase by phase, in a Rasa agent run in this process.

    .venv/bin/python -m bench.profile                         # as the server runs today
    .venv/bin/python -m bench.profile --without lr-layout     # undo one change: what it buys
    .venv/bin/python -m bench.profile --without all --pyinstrument

It starts the action server on a free port, loads models/assistant.tar.gz with endpoints.yml and a
temporary SQLite store, plays the benchmark's conversations, and reports per message the CPU time
of Rasa's thread in each phase (CPU time, so other people's processes on a shared machine disturb it
little), plus wall-clock medians per message. `--without` undoes this project's changes (names in
bench/variants.py; `all` for every one).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import logging
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

from tests import servers

def parse_args(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="times each conversation is played")
    parser.add_argument("--without", default="",
                        help="changes to undo, comma-separated (see bench/variants.py), or all")
    parser.add_argument("--pyinstrument", action="store_true",
                        help="also print a pyinstrument call tree (pip install pyinstrument)")
    return parser.parse_args(argv)


class Phases:
    """CPU time of this thread spent in wrapped functions, by label."""

    def __init__(self) -> None:
        self.cpu: Dict[str, float] = {}

    def wrap(self, owner: Any, name: str, label: str) -> None:
        function = getattr(owner, name)
        cpu = self.cpu

        if asyncio.iscoroutinefunction(function):
            @functools.wraps(function)
            async def wrapper(*args: Any, **kwargs: Any) -> Any:
                start = time.thread_time()
                try:
                    return await function(*args, **kwargs)
                finally:
                    cpu[label] = cpu.get(label, 0.0) + time.thread_time() - start
        else:
            @functools.wraps(function)
            def wrapper(*args: Any, **kwargs: Any) -> Any:
                start = time.thread_time()
                try:
                    return function(*args, **kwargs)
                finally:
                    cpu[label] = cpu.get(label, 0.0) + time.thread_time() - start
        setattr(owner, name, wrapper)


async def play(agent: Any, rounds: int) -> Dict[str, List[float]]:
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    from bench.conversations import CONVERSATIONS

    walls: Dict[str, List[float]] = {}
    for round_ in range(rounds):
        for number, conversation in enumerate(CONVERSATIONS):
            for text in conversation:
                start = time.perf_counter()
                await agent.handle_message(UserMessage(text, CollectingOutputChannel(),
                                                       f"profile-{round_}-{number}"))
                walls.setdefault(text, []).append(time.perf_counter() - start)
    return walls


async def profile(args: argparse.Namespace, workdir: Path) -> None:
    from rasa.core.agent import load_agent
    from rasa.core.utils import AvailableEndpoints
    import rasa.core.actions.action as action
    import rasa.core.processor as processor
    import rasa.utils.endpoints as endpoints
    from components import tracker_store

    phases = Phases()
    phases.wrap(processor.MessageProcessor, "handle_message", "whole message")
    phases.wrap(processor.MessageProcessor, "parse_message", "NLU graph")
    phases.wrap(processor.MessageProcessor, "_predict_next_with_tracker",
                "policies (all predictions)")
    phases.wrap(tracker_store.ForgettingSQLTrackerStore, "retrieve", "store: read conversation")
    phases.wrap(tracker_store.ForgettingSQLTrackerStore, "save", "store: save new events")
    phases.wrap(action.RemoteAction, "run", "custom actions (whole)")
    phases.wrap(action.RemoteAction, "_validate_action_result", "custom actions: check reply")
    phases.wrap(endpoints.EndpointConfig, "request", "custom actions: HTTP call")

    agent = await load_agent(model_path=str(servers.MODEL),
                             endpoints=AvailableEndpoints.read_endpoints("endpoints.yml"))
    await play(agent, 1)  # warm-up: lazy loads, first connections
    phases.cpu.clear()
    profiler = None
    if args.pyinstrument:
        from pyinstrument import Profiler
        profiler = Profiler(interval=0.0005)
        profiler.start()
    walls = await play(agent, args.rounds)
    if profiler:
        profiler.stop()
    count = sum(len(v) for v in walls.values())
    everything = [w for v in walls.values() for w in v]
    print(f"\n{count} messages; without: {', '.join(sorted(args.without)) or 'nothing'}")
    print(f"wall-clock median per message: {1000 * statistics.median(everything):.1f} ms "
          f"(mean {1000 * statistics.fmean(everything):.1f} ms)")
    print("CPU time of Rasa's thread per message, by phase (phases overlap: the HTTP call is "
          "inside the custom actions):")
    for label, seconds in sorted(phases.cpu.items(), key=lambda kv: -kv[1]):
        print(f"  {1000 * seconds / count:6.2f} ms  {label}")
    print("wall-clock median by message:")
    for text, values in walls.items():
        print(f"  {1000 * statistics.median(values):6.1f} ms  {text}")
    if profiler:
        print(profiler.output_text(unicode=False, color=False))


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    for name, value in servers.base_env().items():
        os.environ.setdefault(name, value)
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)
    from bench import variants

    args.without = set(variants.CHANGES) if args.without == "all" else \
        {w for w in args.without.split(",") if w}
    variants.undo(args.without)
    workdir = Path(tempfile.mkdtemp(prefix="profile-"))
    from bench.procs import reminders_env

    os.environ.update(reminders_env(workdir))
    actions = servers.action_server(workdir).start()
    os.environ["ACTION_ENDPOINT_URL"] = f"http://127.0.0.1:{actions.port}/webhook"
    os.environ["TRACKER_DB"] = str(workdir / "conversations.db")
    try:
        asyncio.run(profile(args, workdir))
    finally:
        actions.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
