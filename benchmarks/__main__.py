"""`make bench`: every benchmark, one after the other, each printing figures measured side by side.

`--soak` runs the long versions (see docs/reliability.md)."""

from __future__ import annotations

import argparse
import importlib
import time

BENCHES = ["bench_webhook", "bench_latency", "bench_qa", "bench_digest", "bench_reach", "bench_replies"]


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--soak", action="store_true", help="long runs (load and fault soak)")
    parser.add_argument("--only", nargs="*", help="run only these benchmark modules")
    args = parser.parse_args()
    names = args.only or (["soak"] if args.soak else BENCHES)
    for name in names:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError:
            print(f"\n[{name}] not present, skipped")
            continue
        started = time.monotonic()
        print(f"\n===== {name} =====", flush=True)
        module.run()
        print(f"[{name}] took {time.monotonic() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
