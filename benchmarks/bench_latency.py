"""Reply latency from webhook to Zalo at a steady event rate, through the whole stack.

Processes as the Procfile runs them: gunicorn web (2 sync workers), one `dxbot worker`, one `dxbot sender`,
`dxbot scheduler`, a private redis-server (AOF on), and the emulator standing in for Zalo. Events go in through the
emulator (built and signed like Zalo's); latency = emulator time the reply was accepted − the event's own timestamp.
The first line printed is that production stack; the second the same without a sender, where each drain delivers
its user's replies itself (bot/core/delivery.py: a deployment that runs no sender, and the README's figures before
session 16, which measured only this case). Both wait until the worker has registered with RQ (it has indexed the KB
and warmed the route table's tables: handlers/warm.py) and, with a sender, until the sender's heartbeat is up.
"""

from __future__ import annotations

import sys
import time
from contextlib import ExitStack
from datetime import datetime

import requests

from benchmarks.common import bench_env, free_port, gunicorn, percentile, process, redis_server

QUESTIONS = ["menu", "chuyển đổi số là gì", "ngay cds la ngay nao", "vneid muc 2 dang ky o dau", "trợ giúp"]


def run(rate: float = 20.0, seconds: int = 15, workers: int = 1) -> dict[str, float]:
    """The stack with a sender (production), then without (drains deliver inline); returns the first's figures
    and the second's under `inline_*`."""
    modes = (("sender", 1), ("inline", 0))
    results = {mode: measure(rate, seconds, workers, senders=senders) for mode, senders in modes}
    print(f"\nReply latency at {rate:.0f} events/s for {seconds} s ({workers} worker, gunicorn 2 workers)")
    for mode, label in (("sender", "1 sender (Procfile)"), ("inline", "no sender, inline")):
        r = results[mode]
        print(f"{label:<20} events sent {r['sent']}, answered {r['answered']}; latency ms p50 {r['p50_ms']:.1f}  "
              f"p95 {r['p95_ms']:.1f}  p99 {r['p99_ms']:.1f}  (target p95 ≤ 50)")
    return {**results["sender"], **{f"inline_{k}": v for k, v in results["inline"].items()}}


def measure(rate: float, seconds: int, workers: int, *, senders: int) -> dict[str, float]:
    port, emulator_port = free_port(), free_port()
    with redis_server() as url:
        env = bench_env(REDIS_URL=url, PORT=str(port), EMULATOR_PORT=str(emulator_port))
        emulator_url = f"http://127.0.0.1:{emulator_port}"
        emulator_cmd = [sys.executable, "-m", "bot.zalo.emulator", "--port", str(emulator_port),
                        "--webhook-url", f"http://127.0.0.1:{port}/webhook", "--log-level", "WARNING"]
        with ExitStack() as stack:  # each process stopped on the way out, however the way out is taken
            stack.enter_context(process(emulator_cmd, env, ready_url=emulator_url + "/_emulator/clock"))
            stack.enter_context(gunicorn("bot.app:create_app()", port, env))
            for cli in ["scheduler"] + ["sender"] * senders + ["worker"] * workers:
                stack.enter_context(process([sys.executable, "-m", "bot.cli", cli], env))
            _await_workers(url, workers)  # each has indexed the knowledge base before it registers
            if senders:
                _await_sender(url)
            sent = _drive(emulator_url, rate, seconds)
            latencies = _collect(emulator_url, sent, timeout=30)
    p50, p95, p99 = (percentile(latencies, q) for q in (50, 95, 99))
    return {"sent": len(sent), "answered": len(latencies), "p50_ms": p50, "p95_ms": p95, "p99_ms": p99}


def _await_sender(redis_url: str, timeout: float = 60.0) -> None:
    """Wait for a sender's heartbeat: until then the drains deliver inline (bot/core/delivery.py)."""
    import redis

    from bot.infra import keys

    client = redis.Redis.from_url(redis_url)
    deadline = time.monotonic() + timeout
    while not client.exists(keys.SENDER_ALIVE):
        if time.monotonic() > deadline:
            raise RuntimeError(f"no sender heartbeat after {timeout:.0f} s")
        time.sleep(0.05)


def _await_workers(redis_url: str, count: int, timeout: float = 60.0) -> None:
    """Wait until ``count`` RQ workers are registered (a worker registers once it is ready for jobs)."""
    import redis
    from rq import Worker

    client = redis.Redis.from_url(redis_url)
    deadline = time.monotonic() + timeout
    while Worker.count(connection=client) < count:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{count} worker(s) not ready after {timeout:.0f} s")
        time.sleep(0.05)


def _drive(emulator_url: str, rate: float, seconds: int) -> dict[str, int]:
    """Post events at a steady rate; returns user id -> event timestamp (ms, emulator clock)."""
    session = requests.Session()
    sent: dict[str, int] = {}
    start = time.monotonic()
    n = int(rate * seconds)
    for i in range(n):
        target = start + i / rate
        delay = target - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        user = str(5_000_000_000_000_000_000 + i)
        answer = session.post(f"{emulator_url}/_emulator/users/{user}/events",
                              json={"event_name": "user_send_text", "text": QUESTIONS[i % len(QUESTIONS)]}, timeout=10)
        answer.raise_for_status()
        sent[user] = int(answer.json()["event"]["timestamp"])
    return sent


def _collect(emulator_url: str, sent: dict[str, int], timeout: float) -> list[float]:
    deadline = time.monotonic() + timeout
    first: dict[str, float] = {}
    while time.monotonic() < deadline and len(first) < len(sent):
        for message in requests.get(f"{emulator_url}/_emulator/messages", timeout=10).json()["messages"]:
            user = message["user_id"]
            if user in sent and user not in first:
                at = datetime.fromisoformat(message["at"]).timestamp() * 1000
                first[user] = at - sent[user]
        time.sleep(0.5)
    return list(first.values())


if __name__ == "__main__":
    run()
