"""`make bench`: every benchmark, one after the other, each printing figures measured side by side.

`--soak` runs the long versions (see docs/reliability.md). Ctrl-C, SIGTERM or SIGHUP stop the run: every process
it started is stopped, its temp dirs removed, and it exits with 128 + the signal's number
(benchmarks/common.py `interruptible`)."""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback
from contextlib import suppress

from benchmarks.common import interruptible

BENCHES = ["bench_webhook", "bench_latency", "bench_qa", "bench_digest", "bench_reach", "bench_memory",
           "bench_replies"]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--soak", action="store_true", help="long runs (load and fault soak)")
    parser.add_argument("--only", nargs="*", help="run only these benchmark modules")
    args = parser.parse_args()
    names = args.only or (["soak"] if args.soak else BENCHES)
    current, interrupted = "", False
    with interruptible() as stop:
        try:
            for current in names:
                try:
                    module = importlib.import_module(f"benchmarks.{current}")
                except ModuleNotFoundError:
                    print(f"\n[{current}] not present, skipped")
                    continue
                started = time.monotonic()
                print(f"\n===== {current} =====", flush=True)
                module.run()
                print(f"[{current}] took {time.monotonic() - started:.0f} s", flush=True)
        except KeyboardInterrupt as stopped:
            interrupted = True  # leaving `interruptible` stops whatever is still running
            if stopped.__context__ is not None and not isinstance(stopped.__context__, KeyboardInterrupt):
                with suppress(OSError):  # the benchmark had failed: the signal came during its teardown
                    traceback.print_exception(stopped.__context__)
    if interrupted or stop.signum is not None:
        with suppress(OSError):  # the terminal may have hung up
            print(f"\ninterrupted by {stop.name} during {current}: every process the run started was stopped "
                  "and its temp dirs removed", file=sys.stderr, flush=True)
        return stop.exit_status
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
