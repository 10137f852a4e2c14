"""Webhook throughput vs a bare Flask endpoint, same gunicorn settings, same machine, same run.

Both apps get the same signed bodies from wrk (distinct events from many users, so every request is
a new event that must be verified, stored and handed to a job). Rounds alternate bare/ours and the
median of each is compared, so a noisy neighbour affects both.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

import redis

from benchmarks.common import bench_env, free_port, gunicorn, redis_server, signed_bodies, wrk

APPS = {"bare Flask 200": "benchmarks.bare_app:create_app()", "dxbot /webhook": "bot.app:create_app()"}


def run(seconds: int = 8, rounds: int = 3, connections: int = 16, workers: int = 2) -> dict[str, float]:
    """Redis over TCP (a separate Redis host's path), then over the unix socket `dxbot dev` uses."""
    tcp = measure(seconds, rounds, connections, workers, unix=False)
    unix = measure(seconds, rounds, connections, workers, unix=True)
    return {"ratio_tcp": tcp["ratio"], "ratio_unix": unix["ratio"], **{f"tcp_{k}": v for k, v in tcp.items()}}


def measure(seconds: int, rounds: int, connections: int, workers: int, *, unix: bool) -> dict[str, float]:
    results: dict[str, list[dict[str, float]]] = {name: [] for name in APPS}
    with redis_server(unix=unix) as url, tempfile.TemporaryDirectory() as tmp:
        client = redis.Redis.from_url(url)
        bodies = signed_bodies(Path(tmp) / "bodies.txt", count=60_000, users=20_000)
        env = bench_env(REDIS_URL=url)
        for _ in range(rounds):
            for name, app in APPS.items():
                port = free_port()
                with gunicorn(app, port, env, workers=workers):
                    wrk(f"http://127.0.0.1:{port}/webhook", bodies, seconds=1, connections=connections)
                    client.flushall()
                    results[name].append(wrk(f"http://127.0.0.1:{port}/webhook", bodies, seconds=seconds,
                                             connections=connections))
                    if name.startswith("dxbot"):
                        stored = client.hget("dxbot:metrics", "events_received_total")
                        results[name][-1]["stored"] = float(stored or 0)
                client.flushall()
    bare = statistics.median(r["rps"] for r in results["bare Flask 200"])
    ours = statistics.median(r["rps"] for r in results["dxbot /webhook"])
    print(f"\nWebhook throughput, Redis over {'unix socket' if unix else 'TCP loopback'} (gunicorn {workers} sync "
          f"workers, wrk 1 thread × {connections} connections, {rounds} alternating rounds × {seconds} s)")
    print(f"{'endpoint':<18} {'req/s (median)':>15} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
    for name, rows in results.items():
        mid = sorted(rows, key=lambda r: r["rps"])[len(rows) // 2]
        print(f"{name:<18} {mid['rps']:>15.0f} {mid['p50_ms']:>8.2f} {mid['p99_ms']:>8.2f} {mid['non2xx']:>8.0f}")
    ratio = ours / bare
    print(f"ratio dxbot/bare = {ratio:.2f}  (target ≥ 0.60)")
    for row in results["dxbot /webhook"]:
        if row["non2xx"]:
            print(f"WARNING: {row['non2xx']:.0f} non-2xx answers from dxbot")
    return {"bare_rps": bare, "dxbot_rps": ours, "ratio": ratio}


if __name__ == "__main__":
    run()
