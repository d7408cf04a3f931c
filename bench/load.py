"""`make bench`: load test of the assistant against Rasa's own starter bot, on loopback.

    .venv/bin/python -m bench.load                 # everything, ~8 minutes on 2 cores
    .venv/bin/python -m bench.load --quick         # one short round, no training timings
    .venv/bin/python -m bench.load --no-reference  # this assistant only

It trains the starter bot (`rasa init --no-prompt`) in a temporary folder, times a full training
of this assistant, starts both Rasa servers (and this assistant's action server, with a temporary
SQLite store) on free ports, measures each one's cold start, then plays the same conversations
(bench/conversations.py) at each concurrency against both, alternating which goes first, and
reports throughput, p50/p95/p99 latency, errors, and the Rasa server's peak memory. Machines are
shared: compare the two bots within one run, not runs with each other.

Writes results/bench/latest.json, docs/performance-latency.png and the results block of
docs/performance.md (`--render` redoes the last two from latest.json); with --no-docs or --quick,
only results/bench/last-run.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Dict, List, Optional

from bench import client, procs, report
from bench.conversations import CONVERSATIONS, messages_per_conversation
from tests import servers
from tests.servers import ROOT

RESULTS = ROOT / "results" / "bench"
DOC = ROOT / "docs" / "performance.md"
CHART = ROOT / "docs" / "performance-latency.png"


def parse_args(argv: Optional[List[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", default="1,20,50",
                        help="concurrent conversations, comma-separated (default 1,20,50)")
    parser.add_argument("--duration", type=float, default=15.0,
                        help="measured seconds per bot, level and round (default 15)")
    parser.add_argument("--warmup", type=float, default=3.0, help="unmeasured seconds before each")
    parser.add_argument("--rounds", type=int, default=2,
                        help="rounds per level; each round swaps which bot goes first (default 2)")
    parser.add_argument("--no-reference", action="store_true", help="skip Rasa's starter bot")
    parser.add_argument("--no-training", action="store_true", help="skip the training timings")
    parser.add_argument("--no-docs", action="store_true",
                        help="do not rewrite docs/performance.md and its chart")
    parser.add_argument("--quick", action="store_true",
                        help="--duration 5 --rounds 1 --no-training --no-docs")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("SANIC_WORKERS", 1)),
                        help="Sanic workers of this assistant's Rasa server (SANIC_WORKERS; "
                             "needs a lock store in --endpoints, else Rasa runs 1)")
    parser.add_argument("--endpoints", type=Path,
                        help="endpoints file for this assistant (default endpoints.yml)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--render", action="store_true",
                        help="only rewrite the docs from results/bench/latest.json")
    args = parser.parse_args(argv)
    if args.quick:
        args.duration, args.rounds, args.no_training, args.no_docs = 5.0, 1, True, True
    args.levels = [int(level) for level in args.levels.split(",")]
    return args


def say(line: str) -> None:
    print(line, flush=True)


def merge(results: List[client.Result]) -> Dict[str, Any]:
    """Several rounds at one level, as one run."""
    merged = client.Result(results[0].concurrency, sum(r.duration for r in results))
    merged.cpu_seconds = [sum(column) for column in zip(*(r.cpu_seconds for r in results))]
    merged.cpu_messages = sum(r.cpu_messages for r in results)
    for r in results:
        merged.samples += r.samples
    return merged.summary()


def publish(data: Dict[str, Any], docs: bool = True) -> None:
    """Prints a run's tables; with `docs`, rewrites the chart and docs/performance.md's block."""
    conditions, facts, runs = data["conditions"], data["facts"], data["runs"]
    loads = conditions["load_average_during_runs"]
    block = (f"Run of {conditions['date']} ({conditions['machine']}; load average "
             f"{min(loads):.1f}–{max(loads):.1f} during the runs; {conditions['rounds']} "
             f"round(s) of {conditions['duration_s']:.0f} s per bot and level; this assistant with "
             f"{conditions['workers']} Sanic worker(s)).\n\n" + report.load_table(runs)
             + "\n\n" + report.facts_table(facts))
    say("\n" + block + "\n")
    if not docs:
        return
    report.chart(runs, CHART, f"{conditions['date']}, {conditions['machine']}")
    if report.update_doc(DOC, block + f"\n\n![Latency and throughput by concurrency]"
                                      f"({CHART.name})"):
        say(f"Updated {DOC.relative_to(ROOT)} and {CHART.relative_to(ROOT)}")
    else:
        say(f"Wrote {CHART.relative_to(ROOT)}; {DOC.relative_to(ROOT)} has no bench markers")


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    if args.render:
        publish(json.loads((RESULTS / "latest.json").read_text()))
        return 0
    if not servers.MODEL.exists():
        say("No trained model: run `make train` first (`make bench` does).")
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    say(f"Working folder: {workdir}  (logs of every server and training)")
    facts: Dict[str, Dict[str, Any]] = {"ours": {}, "reference": {}}
    bots: Dict[str, procs.Server] = {}
    started: List[procs.Server] = []
    by_level: Dict[str, Dict[int, List[client.Result]]] = {"ours": {}, "reference": {}}
    loads: List[float] = []
    try:
        # 1. Trainings first, while nothing else of ours runs.
        if not args.no_training:
            say("Training this assistant from scratch (rasa train --force, empty cache)...")
            facts["ours"]["training_s"] = procs.train_ours(workdir)
            say(f"  {facts['ours']['training_s']:.0f} s")
        if not args.no_reference:
            say("Creating and training Rasa's starter bot (rasa init --no-prompt)...")
            reference_bot, seconds = procs.init_reference(workdir)
            facts["reference"]["training_s"] = seconds
            say(f"  {seconds:.0f} s (includes writing the project)")

        # 2. Servers, each timed from its command to its first answer.
        actions = servers.action_server(workdir, **procs.reminders_env(workdir)).start()
        started.append(actions)
        env = {"SANIC_WORKERS": str(args.workers)} if args.workers > 1 else {}
        ours = procs.our_server(workdir, actions.port, workdir / "conversations.db",
                                servers.free_port(), endpoints=args.endpoints, **env).start()
        started.append(ours)
        facts["ours"]["first_answer_s"] = procs.first_answer(ours.port, ours.started_at)
        bots["ours"] = ours
        if not args.no_reference:
            reference = procs.reference_server(workdir, reference_bot, servers.free_port()).start()
            started.append(reference)
            facts["reference"]["first_answer_s"] = procs.first_answer(reference.port,
                                                                     reference.started_at)
            bots["reference"] = reference
        for name, server in bots.items():
            say(f"{name}: first answer {facts[name]['first_answer_s']:.1f} s after its command")

        # 3. The load, both bots at each level, alternating which goes first.
        watches = {name: procs.MemoryWatch(server.process.pid) for name, server in bots.items()}
        for watch in watches.values():
            watch.__enter__()
        try:
            for level in args.levels:
                for round_ in range(args.rounds):
                    order = list(bots) if round_ % 2 == 0 else list(reversed(list(bots)))
                    for name in order:
                        loads.append(os.getloadavg()[0])
                        pids = [bots[name].process.pid] + ([actions.process.pid]
                                                           if name == "ours" else [])
                        cpu_before = [procs.cpu_seconds(p) for p in pids]
                        result = asyncio.run(client.run(bots[name].port, level, args.duration,
                                                        tag=name, warmup=args.warmup))
                        result.cpu_seconds = [procs.cpu_seconds(p) - b
                                              for p, b in zip(pids, cpu_before)]
                        by_level[name].setdefault(level, []).append(result)
                        s = result.summary()
                        say(f"  {name:9s} {level:3d} conversations, round {round_ + 1}: "
                            f"{s['throughput']:6.1f} msg/s  p50 {report._ms(s['p50_ms'])} ms  "
                            f"p95 {report._ms(s['p95_ms'])} ms  p99 {report._ms(s['p99_ms'])} ms"
                            f"  errors {s['errors']}/{s['messages']}"
                            f"  CPU/msg {s['cpu_ms_per_message']}"
                            + (f" {s['error_kinds']}" if s["errors"] else ""))
        finally:
            for watch in watches.values():
                watch.__exit__(None, None, None)
        for name, watch in watches.items():
            facts[name].update(peak_rss_mib=watch.peak["rss"], peak_pss_mib=watch.peak["pss"],
                               processes=watch.peak["processes"])
    finally:
        for server in reversed(started):
            server.stop()

    runs = {name: [merge(results) for _, results in sorted(levels.items())]
            for name, levels in by_level.items() if levels}
    conditions = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": f"{os.cpu_count()} CPUs, {platform.machine()}, "
                   f"Python {platform.python_version()}",
        "load_average_during_runs": [round(x, 2) for x in loads],
        "duration_s": args.duration, "warmup_s": args.warmup, "rounds": args.rounds,
        "workers": args.workers, "conversations": len(CONVERSATIONS),
        "messages_per_conversation": round(messages_per_conversation(), 1),
        "command": "make bench  (.venv/bin/python -m bench.load "
                   + " ".join(argv if argv is not None else sys.argv[1:]) + ")",
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    data = {"conditions": conditions, "facts": facts, "runs": runs}
    # latest.json is the run the docs show; a --no-docs run does not replace it.
    saved = RESULTS / ("last-run.json" if args.no_docs else "latest.json")
    saved.write_text(json.dumps(data, indent=2))
    publish(data, docs=not args.no_docs)
    say(f"Results: {saved.relative_to(ROOT)}")
    if args.keep:
        say(f"Kept {workdir}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
