"""The emulator's memory over bench_replies' steps, small: what grows, live objects, threads or freed-but-kept heap.

``python -m benchmarks.emulator_memory [--latency 0 150] [--steps 6] [--rate 200] [--seconds 6] [--tracemalloc]``

The stack is bench_replies' (benchmarks/soak.py `Stack`: gunicorn, 2 workers, 1 sender, scheduler, Redis), and each
step is bench_replies' own (`bench_replies._measure`: reset the emulator, set its latency, cool down, clear its log,
citizens' traffic at one rate, wait until settled, read the whole log). Only the emulator runs under
benchmarks/emulator_probe.py, which samples from inside it every 0.25 s: VmRSS and VmHWM (the peak bench_replies
prints), threads, tracemalloc's traced bytes (with ``--tracemalloc``: it slows every allocation, so RSS runs go
without it), and glibc's arenas with the bytes they hold and the part of it free. Each step prints one line with
the largest figures seen during it; latencies alternate like bench_replies' interleaved searches.

Not in `make bench`: it is the tool behind docs/bench-runs/2026-12-07-emu33.md, cheap enough (a few thousand events)
to run on a shared host, one at a time.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import bench_replies, citizens
from benchmarks.soak import Proc, Stack

MB = 2**20


def read_rows(path: Path, offset: int) -> tuple[list[dict[str, Any]], int]:
    """The probe's lines written since `offset`, and the new offset."""
    with path.open() as stats:
        stats.seek(offset)
        text = stats.read()
    whole = text[: text.rfind("\n") + 1]
    return [json.loads(line) for line in whole.splitlines() if line.strip()], offset + len(whole.encode())


def step_line(label: str, rows: list[dict[str, Any]]) -> str:
    """The step's largest figures (the peak is the run's VmHWM so far) and what was left at its end."""
    if not rows:
        return f"{label}: no samples"
    last = rows[-1]
    top = {key: max(r.get(key, 0) for r in rows) for key in ("VmRSS", "Threads", "arenas", "heap_system",
                                                             "heap_free", "traced")}
    traced = (f", traced max {top['traced'] / MB:.1f} MB end {last['traced'] / MB:.1f} MB"
              f" (tracemalloc's own {last['tracemalloc_own'] / MB:.1f} MB)" if "traced" in last else "")
    return (f"{label}: RSS max {top['VmRSS'] / 1024:.1f} end {last['VmRSS'] / 1024:.1f} MB, peak (VmHWM) "
            f"{last['VmHWM'] / 1024:.1f} MB; threads max {top['Threads']} end {last['Threads']}; arenas "
            f"{last.get('arenas', 0)}; heap from system max {top['heap_system'] / MB:.1f} end "
            f"{last.get('heap_system', 0) / MB:.1f} MB, of it free max {top['heap_free'] / MB:.1f} end "
            f"{last.get('heap_free', 0) / MB:.1f} MB; mmapped {last.get('mmap', 0) / MB:.1f} MB; Python blocks "
            f"{last['blocks']}{traced}\n    resident at the end by mapping, MB: {kinds(last)}; Python's 1 MB arenas "
            f"{last.get('py_arenas', 0)}")


def kinds(row: dict[str, Any]) -> str:
    """The probe's smaps split (KB) as `main heap 12.0, arenas 30.1, ...` in MB."""
    names = {"rss_main_heap": "main heap", "rss_arenas": "thread arenas", "rss_stacks": "thread stacks",
             "rss_other_anon": "other anonymous", "rss_files": "files"}
    return ", ".join(f"{label} {row.get(key, 0) / 1024:.1f}" for key, label in names.items())


def run(stats: Path, latencies: list[int], steps: int, rate: float, seconds: float, trace: bool,
        emulator_env: dict[str, str] | None = None) -> None:
    stack = Stack(workers=2, senders=1)
    flags = stack.emulator.args[3:]  # the emulator's own, after `python -m bot.zalo.emulator`
    stack.emulator = Proc([sys.executable, "-m", "benchmarks.emulator_probe", str(stats),
                           *(["--tracemalloc"] if trace else []), "--", *flags], {**stack.env, **(emulator_env or {})},
                          stack.dir / "emulator.log")
    offset = 0
    users = iter(range(6_200_000_000_000_000_000, 6_300_000_000_000_000_000, 10**12))
    with stack:
        expected = citizens.calibrate(citizens.emulator_converse(stack.emulator_url), 6_900_000_000_000_000_000)
        rows, offset = read_rows(stats, offset)
        print(step_line("after calibration", rows), flush=True)
        for n in range(steps):
            order = latencies if n % 2 == 0 else list(reversed(latencies))
            for latency in order:
                bench_replies._measure(stack, expected, latency, rate, seconds, next(users), 0)
                rows, offset = read_rows(stats, offset)
                print(step_line(f"step {n + 1} at {latency} ms", rows), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.emulator_memory", description=__doc__.split("\n")[0])
    parser.add_argument("--latency", type=int, nargs="+", default=[0, 150], help="Zalo's latency per step, ms")
    parser.add_argument("--steps", type=int, default=6, help="rounds (each runs every latency once)")
    parser.add_argument("--rate", type=float, default=200.0, help="events per second offered in a step")
    parser.add_argument("--seconds", type=float, default=6.0, help="length of a step's offer")
    parser.add_argument("--tracemalloc", action="store_true", help="also trace live Python memory (slower)")
    parser.add_argument("--emulator-env", nargs="*", default=[], metavar="NAME=VALUE",
                        help="extra environment of the emulator only (e.g. MALLOC_ARENA_MAX=1, to compare)")
    args = parser.parse_args()
    stats = Path(tempfile.mkstemp(prefix="emu33-probe-", suffix=".jsonl")[1])
    print(f"probe samples: {stats}", flush=True)
    run(stats, args.latency, args.steps, args.rate, args.seconds, args.tracemalloc,
        dict(item.split("=", 1) for item in args.emulator_env))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
