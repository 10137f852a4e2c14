"""What Redis keeps per handled chat event, and for how long: the figure an operator sizes Redis by.

The stack is `make soak`'s (benchmarks/soak.py `Stack`: gunicorn, 2 workers, 1 sender, the scheduler,
redis-server with its AOF, the emulator). The citizens' mixed traffic (benchmarks/citizens.py: questions, story
submissions, subscriptions) is offered in STEPS steps of RATE events/s for SECONDS each; once everything is
delivered, the run waits past a lease (USER_LEASE_SECONDS), so whatever lives only a lease long (the sender's
kept claim answer, the leases) has expired. Then, in this order:
1. `used_memory` grown per handled event, read before any SCAN (Redis deletes an expired key when a command meets
   it, or when its sampling finds it: a census would hide what expired keys still hold);
2. the census by key family (benchmarks/redis_memory.py: keys and MEMORY USAGE bytes per event, type, TTL);
3. `used_memory` again: what the census's SCAN freed was held by keys already expired (target: none).
Printed with `used_memory_peak`, the fragmentation ratio and Redis's peak RSS, and what the 7-day dedupe window
holds at a given traffic. Every user of the drive is new (the bench's choice): each adds a conversation state
hash, which in production a returning citizen does not.
"""

from __future__ import annotations

import time
from typing import Any

from benchmarks import citizens, procstats, redis_memory
from benchmarks.soak import ENV, MODERATOR, Stack

RATE = 200.0  # events/s offered: well under the ~300/s the stack holds (bench_replies), so nothing piles up
SECONDS = 8.0
STEPS = 3  # about 4,800 events in all
SETTLE_S = 120.0
TARGET_EXPIRED_B = 16.0  # bytes per event held by keys already expired (claim answers before round 32: ~500)
TARGET_RSS_MB = 150.0
SIZING_EVENTS_PER_DAY = (10_000, 100_000, 1_000_000)
DEDUPE_DAYS = 7  # bot/core/ingest.py JobWriter's dedupe_ttl_s
KEY_TABLES_B = 29  # what a key with a TTL costs beyond its MEMORY USAGE (Redis's expiry table; measured: 100,000
# dedupe keys add 10.9 MB of used_memory, 80 B each by MEMORY USAGE)


def run(rate: float = RATE, seconds: float = SECONDS, steps: int = STEPS) -> dict[str, Any]:
    lease_s = float(ENV["USER_LEASE_SECONDS"])
    with Stack(workers=2, senders=1) as stack:
        client = stack.client
        citizens.calibrate(citizens.emulator_converse(stack.emulator_url), 6_900_000_000_000_000_000)
        citizens.wait_settled(client, SETTLE_S, ignore=frozenset({MODERATOR}))
        time.sleep(lease_s + 1)
        base, handled0 = redis_memory.used_memory(client), redis_memory.handled_events(client)
        before = redis_memory.census(client)
        for step in range(steps):
            driver = citizens.Driver(stack.emulator_url, user_base=6_200_000_000_000_000_000 + step * 10**12,
                                     threads=32)
            driver.run(rate, seconds)
            citizens.wait_settled(client, SETTLE_S, ignore=frozenset({MODERATOR}))
        time.sleep(lease_s + 1)  # past every lease: what lives a lease long has expired
        kept = redis_memory.measure_kept(client, base, handled0)  # used_memory before any SCAN, then after one
        after = redis_memory.census(client)
        info = redis_memory.memory_info(client)
        rss = procstats.peak_rss_mb(stack.redis.popen.pid) if stack.redis.popen is not None else 0.0
    rows = redis_memory.growth(before, after, kept.events)
    _report(kept, rows, info, rss, rate, seconds, steps)
    return {"kept": kept, "growth": rows, "info": info, "redis_peak_rss_mb": rss}


def _mark(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _report(kept: redis_memory.Kept, rows: list[tuple[str, float, float, redis_memory.Family]],
            info: dict[str, float], rss_mb: float, rate: float, seconds: float, steps: int) -> None:
    print(f"\nRedis after {kept.events} handled events ({steps} steps of {rate:.0f}/s for {seconds:.0f} s, citizens' "
          f"mixed traffic, every user new), read past a lease:")
    print("\n".join(redis_memory.format_growth(rows)))
    print(redis_memory.format_kept(kept, redis_memory.TARGET_KEPT_B))
    print(f"target: held by keys already expired ≤ {TARGET_EXPIRED_B:.0f} B per event: "
          f"{kept.expired_held_per_event:.0f} {_mark(kept.expired_held_per_event <= TARGET_EXPIRED_B)} "
          f"(freed by a SCAN)")
    print(f"used_memory {info['used_memory'] / 2**20:.1f} MB, peak {info['used_memory_peak'] / 2**20:.1f} MB, "
          f"fragmentation {info['mem_fragmentation_ratio']:.2f}; redis peak RSS {rss_mb:.1f} MB "
          f"(target ≤ {TARGET_RSS_MB:.0f} MB: {_mark(rss_mb <= TARGET_RSS_MB)})")
    seen = next((row for row in rows if row[0] == "dxbot:seen:*"), None)
    if seen is not None and seen[1] > 0:
        per_key = seen[2] / seen[1] + KEY_TABLES_B
        sizes = ", ".join(f"{n:,}/day {n * DEDUPE_DAYS * per_key / 2**20:,.0f} MB" for n in SIZING_EVENTS_PER_DAY)
        print(f"sizing: the {DEDUPE_DAYS}-day dedupe window holds {per_key:.0f} B per event (its key's MEMORY USAGE "
              f"+ {KEY_TABLES_B} B of Redis's expiry table): {sizes}; plus each citizen's conversation state")


if __name__ == "__main__":
    run()
