"""What each speed change bought: the load at 1 and 20 conversations, adding the changes one by one.

    .venv/bin/python -m bench.ladder                 # ~7 minutes on 2 cores
    .venv/bin/python -m bench.ladder --duration 5    # quicker, noisier

One Rasa server per step (this assistant, SQLite store, action server), started without the
changes not yet added (bench/variants.py), in the order they were made. CPU per message (Rasa's
process, from /proc) is the column least disturbed by other people's work on a shared machine.
Writes results/bench/ladder.json and prints a Markdown table.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any, Dict, List, Optional

from bench import client, procs, variants
from bench.load import RESULTS
from tests import servers

LABELS = {
    "sqlite": "SQLite: pooled connections, WAL, synchronous=NORMAL",
    "sql": "store: statements built once (no ORM per query)",
    "validate-once": "action replies: schema checked once",
    "lr-layout": "classifier: coef_ column-major (no 10 MB copy)",
    "action-pool": "action server: kept-alive connections",
    "event-classes": "reading events: class per type remembered",
    "direct-graph": "graphs run directly, not through dask",
    "new-messages-yield": "new messages yield to those in progress",
}


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=10.0)
    parser.add_argument("--levels", default="1,20")
    args = parser.parse_args(argv)
    levels = [int(x) for x in args.levels.split(",")]
    workdir = Path(tempfile.mkdtemp(prefix="ladder-"))
    endpoints = variants.endpoints_file(workdir)
    rows: List[Dict[str, Any]] = []
    actions = servers.action_server(workdir, **procs.reminders_env(workdir)).start()
    try:
        for step in range(len(variants.CHANGES) + 1):
            added, missing = variants.CHANGES[:step], variants.CHANGES[step:]
            name = "none of the changes" if step == 0 else f"+ {LABELS[added[-1]]}"
            server = procs.our_server(workdir, actions.port, workdir / f"c{step}.db",
                                      servers.free_port(), endpoints=endpoints,
                                      BENCH_WITHOUT=",".join(missing)).start()
            try:
                procs.first_answer(server.port, server.started_at)
                row: Dict[str, Any] = {"step": name, "without": missing}
                for level in levels:
                    before = procs.cpu_seconds(server.process.pid)
                    result = asyncio.run(client.run(server.port, level, args.duration,
                                                    tag=f"s{step}", warmup=2.0))
                    result.cpu_seconds = [procs.cpu_seconds(server.process.pid) - before]
                    s = result.summary()
                    row[level] = {k: s[k] for k in ("throughput", "p50_ms", "p95_ms",
                                                    "errors", "cpu_ms_per_message")}
                    row[level]["load"] = round(os.getloadavg()[0], 1)
                rows.append(row)
                print(f"{name:55s} " + "  ".join(
                    f"[{level}] {row[level]['throughput']:.0f} msg/s p50 "
                    f"{row[level]['p50_ms']:.0f} p95 {row[level]['p95_ms']:.0f} ms "
                    f"CPU {row[level]['cpu_ms_per_message'][0]:.1f} ms"
                    for level in levels), flush=True)
            finally:
                server.stop()
    finally:
        actions.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "ladder.json").write_text(json.dumps(rows, indent=2))
    head = "| step | " + " | ".join(f"{lv} conv.: msg/s, p50, p95 (ms)" for lv in levels) + \
        " | Rasa CPU per message (ms) |"
    print("\n" + head + "\n|" + " --- |" * (len(levels) + 2))
    for row in rows:
        cells = [f"{row[lv]['throughput']:.0f}, {row[lv]['p50_ms']:.0f}, {row[lv]['p95_ms']:.0f}"
                 for lv in levels]
        cpu = row[levels[-1]]["cpu_ms_per_message"][0]
        print(f"| {row['step']} | " + " | ".join(cells) + f" | {cpu:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
