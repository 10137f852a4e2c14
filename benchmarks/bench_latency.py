"""Reply latency from webhook to Zalo at a steady event rate, through the whole stack.

Processes as in production: gunicorn web (2 sync workers), one `dxbot worker`, `dxbot scheduler`, a private
redis-server (AOF on), and the emulator standing in for Zalo. Events go in through the emulator (built and
signed like Zalo's); latency = emulator time the reply was accepted − the event's own timestamp.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime

import requests

from benchmarks.common import bench_env, free_port, gunicorn, percentile, process, redis_server

QUESTIONS = ["menu", "chuyển đổi số là gì", "ngay cds la ngay nao", "vneid muc 2 dang ky o dau", "trợ giúp"]


def run(rate: float = 20.0, seconds: int = 15, workers: int = 1) -> dict[str, float]:
    port, emulator_port = free_port(), free_port()
    with redis_server() as url:
        env = bench_env(REDIS_URL=url, PORT=str(port), EMULATOR_PORT=str(emulator_port))
        emulator_url = f"http://127.0.0.1:{emulator_port}"
        emulator_cmd = [sys.executable, "-m", "bot.zalo.emulator", "--port", str(emulator_port),
                        "--webhook-url", f"http://127.0.0.1:{port}/webhook", "--log-level", "WARNING"]
        with process(emulator_cmd, env, ready_url=emulator_url + "/_emulator/clock"), \
                gunicorn("bot.app:create_app()", port, env), \
                process([sys.executable, "-m", "bot.cli", "scheduler"], env):
            procs = [process([sys.executable, "-m", "bot.cli", "worker"], env) for _ in range(workers)]
            for p in procs:
                p.__enter__()
            try:
                _await_workers(url, workers)  # each has indexed the knowledge base before it registers
                sent = _drive(emulator_url, rate, seconds)
                latencies = _collect(emulator_url, sent, timeout=30)
            finally:
                for p in procs:
                    p.__exit__(None, None, None)
    answered = len(latencies)
    p50, p95, p99 = (percentile(latencies, q) for q in (50, 95, 99))
    print(f"\nReply latency at {rate:.0f} events/s for {seconds} s ({workers} worker, gunicorn 2 workers)")
    print(f"events sent {len(sent)}, answered {answered}; latency ms p50 {p50:.1f}  p95 {p95:.1f}  p99 {p99:.1f}"
          f"  (target p95 ≤ 50)")
    return {"sent": len(sent), "answered": answered, "p50_ms": p50, "p95_ms": p95, "p99_ms": p99}


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
