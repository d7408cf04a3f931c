"""Tables, the chart and the block of docs/performance.md that `make bench` rewrites."""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Dict, List

START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def _ms(value: Any) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) \
        else f"{value:.0f}"


def _ratio(ours: float, reference: float) -> str:
    return f"{ours / reference:.1f}×" if reference else "–"


def load_table(runs: Dict[str, List[Dict[str, Any]]]) -> str:
    """One row per concurrency: ours, the reference, and the throughput ratio."""
    ours = {r["concurrency"]: r for r in runs.get("ours", [])}
    ref = {r["concurrency"]: r for r in runs.get("reference", [])}
    lines = ["| concurrent conversations | bot | msg/s | p50 ms | p95 ms | p99 ms | errors | "
             "throughput vs reference | Rasa CPU per message (ms) |",
             "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for level in sorted(set(ours) | set(ref)):
        for name, table in (("ours", ours), ("reference", ref)):
            r = table.get(level)
            if not r:
                continue
            ratio = _ratio(r["throughput"], ref[level]["throughput"]) \
                if name == "ours" and level in ref else ""
            cpu = (r.get("cpu_ms_per_message") or [None])[0]
            lines.append(f"| {level} | {name} | {r['throughput']:.1f} | {_ms(r['p50_ms'])} | "
                         f"{_ms(r['p95_ms'])} | {_ms(r['p99_ms'])} | "
                         f"{r['errors']}/{r['messages']} | {ratio} | "
                         f"{'–' if cpu is None else f'{cpu:.1f}'} |")
    return "\n".join(lines)


def facts_table(facts: Dict[str, Dict[str, Any]]) -> str:
    lines = ["| | ours | reference |", "| --- | ---: | ---: |"]
    rows = [("cold start: command to first answer (s)", "first_answer_s", "{:.1f}"),
            ("training from scratch (s)", "training_s", "{:.0f}"),
            ("Rasa server peak memory, RSS (MiB)", "peak_rss_mib", "{:.0f}"),
            ("Rasa server peak memory, PSS (MiB)", "peak_pss_mib", "{:.0f}"),
            ("Rasa server processes", "processes", "{:.0f}")]
    for label, key, fmt in rows:
        cells = []
        for bot in ("ours", "reference"):
            value = facts.get(bot, {}).get(key)
            cells.append(fmt.format(value) if value is not None else "–")
        lines.append(f"| {label} | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


def chart(runs: Dict[str, List[Dict[str, Any]]], path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    styles = {"ours": ("tab:blue", "this assistant"), "reference": ("tab:gray", "rasa init bot")}
    for bot, rows in runs.items():
        if not rows:
            continue
        colour, label = styles[bot]
        rows = sorted(rows, key=lambda r: r["concurrency"])
        levels = [r["concurrency"] for r in rows]
        left.plot(levels, [r["p50_ms"] for r in rows], "o-", color=colour, label=f"{label}, p50")
        left.plot(levels, [r["p95_ms"] for r in rows], "s--", color=colour, label=f"{label}, p95")
        right.plot(levels, [r["throughput"] for r in rows], "o-", color=colour, label=label)
    left.axhline(250, color="tab:red", linewidth=0.8, linestyle=":",
                 label="goal: p95 ≤ 250 ms at 20")
    left.set(xlabel="concurrent conversations", ylabel="latency per message (ms)",
             title="Latency by concurrency", yscale="log")
    right.set(xlabel="concurrent conversations", ylabel="messages per second",
              title="Throughput")
    for axis in (left, right):
        axis.grid(alpha=0.3)
        axis.legend(fontsize=8)
    fig.suptitle(title, fontsize=9)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def update_doc(doc: Path, block: str) -> bool:
    """Replaces the text between the bench markers; False when the markers are missing."""
    if not doc.exists():
        return False
    text = doc.read_text()
    pattern = re.compile(re.escape(START) + ".*?" + re.escape(END), re.S)
    if not pattern.search(text):
        return False
    doc.write_text(pattern.sub(lambda _: f"{START}\n{block}\n{END}", text))
    return True
