"""Digest fan-out figures, side by side in one run, with the whole stack running as in production.

The stack is `make soak`'s (benchmarks/soak.py `Stack`): redis-server (AOF), the emulator, gunicorn, the
scheduler, one `dxbot sender`, and the fan-out's `dxbot worker`, started once the digest's job is queued.
1. Throughput, rate limit off: one worker delivering one digest to N subscribers (default 100,000) vs a plain
   `requests.Session` loop POSTing the same text to the same endpoint for the same users. Both rates come from
   the emulator's own timestamps of the first and last message.
2. Rate limit R/s (two burst workers sharing it): achieved rate = messages / (last - first) from the emulator.
3. Peak RSS of every process by name, read from /proc once the fan-out is done (procstats.print_peaks), and
   Redis bytes per subscriber (and per recipient of the digest's delivery log, which expires with the run's data).
The subscribers are the emulator's bulk users (`POST /_emulator/users/bulk`, window open); the emulator keeps
every message it accepted (compactly), so messages are cleared between runs.
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from typing import Any

import redis
import requests

from benchmarks import procstats
from benchmarks.common import burst_workers
from benchmarks.soak import Proc, Stack
from bot.config import SANDBOX_ACCESS_TOKEN, Settings
from bot.core import runtime
from bot.digest import fanout as digest
from bot.digest import subscribers
from bot.digest.inbox import run_text
from bot.digest.stories import DigestStory, add_fixture_story
from bot.infra import keys

STORIES = [("BE01", "Chợ 4.0 ở xã vùng cao", "Lào Cai"), ("BE02", "Sổ sức khỏe điện tử cho người cao tuổi", "Hà Nội"),
           ("BE03", "Nộp hồ sơ đất đai trực tuyến", "Đồng Tháp")]
TARGET_RSS_MB = 150.0
BODY = ("Bà con trong xã đã quen bán nông sản qua mạng, thanh toán bằng mã QR và theo dõi đơn hàng trên điện "
        "thoại. Tổ công nghệ số cộng đồng hướng dẫn từng nhà, nhất là người cao tuổi. ") * 2


def _at_ms(message: dict[str, Any]) -> float:
    return datetime.fromisoformat(message["at"]).timestamp() * 1000


def _messages(emu: str, user: str | None = None) -> list[dict[str, Any]]:
    params = {"user_id": user} if user else {}
    return requests.get(f"{emu}/_emulator/messages", params=params, timeout=120).json()["messages"]


def _span_rate(first: dict[str, Any], last: dict[str, Any], count: int) -> float:
    return (count - 1) / max(1e-3, (_at_ms(last) - _at_ms(first)) / 1000)


def _prepare_users(emu: str, count: int) -> list[str]:
    """`count` users the emulator knows, each of whom wrote an hour ago (free window open), not followers."""
    answer = requests.post(f"{emu}/_emulator/users/bulk", json={"count": count, "follower": False,
                                                               "last_interaction_days": [1 / 24, 1 / 24]}, timeout=60)
    answer.raise_for_status()
    first = int(answer.json()["first_user_id"])
    return [str(first + i) for i in range(count)]


def _subscribe(client: redis.Redis, users: list[str], interaction_ms: int) -> float:
    """Subscribe everyone; returns Redis bytes per subscriber (used_memory delta)."""
    before = client.info("memory")["used_memory"]
    for start in range(0, len(users), 5000):
        with client.pipeline(transaction=False) as pipe:
            for user in users[start:start + 5000]:
                subscribers.subscribe(pipe, user, interaction_ms=interaction_ms)
            pipe.execute()
    return (client.info("memory")["used_memory"] - before) / len(users)


def _in_send_order(users: list[str]) -> list[str]:
    """The order one fan-out job walks them: bucket by bucket, insertion order within a bucket."""
    return [users[i] for _, i in sorted((subscribers.bucket_of(u), i) for i, u in enumerate(users))]


def _plain_loop(emu: str, users: list[str], text: str) -> tuple[float, int]:
    """Returns (seconds from first to last message by the emulator's clock, messages accepted)."""
    with requests.Session() as session:
        ok = 0
        for user in users:
            answer = session.post(f"{emu}/v3.0/oa/message/cs", headers={"access_token": SANDBOX_ACCESS_TOKEN},
                                  json={"recipient": {"user_id": user}, "message": {"text": text}}, timeout=30)
            ok += answer.json().get("error") == 0
    first, last = _messages(emu, users[0])[-1], _messages(emu, users[-1])[-1]
    requests.delete(f"{emu}/_emulator/messages", timeout=30)
    return (_at_ms(last) - _at_ms(first)) / 1000, ok




def _fan_out(stack: Stack, client: redis.Redis, slot: str) -> float:
    """Start the fan-out's worker in the stack and wait for the run to finish; returns the wall seconds."""
    started = time.monotonic()
    worker = Proc([sys.executable, "-m", "bot.cli", "worker"], stack.env, stack.dir / "worker0.log")
    stack.workers.append(worker)  # the stack stops it on the way out
    worker.start()
    while client.hget(keys.digest_run(slot), "status") != b"done":
        if not worker.alive():
            raise RuntimeError(f"the fan-out worker exited (log: {worker.log})")
        time.sleep(0.5)
    return time.monotonic() - started


def _fire(client: redis.Redis, slot: str) -> None:
    client.delete(keys.DIGEST_INCLUDED_STORIES)
    assert digest.fire(slot, force=True) == "started"


ENV = {"DIGEST_RATE_PER_SECOND": "0", "DIGEST_FANOUT_JOBS": "1", "DIGEST_PREVIEW_MINUTES": "0",
       "DIGEST_LEASE_SECONDS": "30", "DIGEST_BROADCAST": "0"}  # one by one to everyone: bench_reach has broadcast


def run(subscriber_count: int = 100_000, rate: float = 200.0, rate_seconds: float = 15.0) -> dict[str, Any]:
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start", flush=True)
    with Stack(workers=0, senders=1, env=ENV) as stack:
        emu, env = stack.emulator_url, stack.env  # sandbox settings: Zalo is the stack's emulator
        rt = runtime.configure(Settings.from_env(env, load_dotenv_file=False))
        client = rt.redis
        for code, title, locality in STORIES:
            add_fixture_story(client, DigestStory(code, title, locality, BODY, int(time.time() * 1000)))
        now_ms = int(time.time() * 1000)
        print(f"\nDigest fan-out: preparing {subscriber_count:,} users in the emulator and Redis…", flush=True)
        users = _prepare_users(emu, subscriber_count)
        bytes_per_sub = _subscribe(client, users, now_ms - 3_600_000)
        ordered = _in_send_order(users)
        slot = datetime.now(rt.settings.tz).strftime("%Y%m%dT%H%M")
        _fire(client, slot)  # the run exists and its job waits in the queue; no worker runs yet
        text = run_text(client, rt.settings, slot, "") or ""

        # 1. plain loop vs our worker: same users, same endpoint, same text. The plain loop runs half
        #    before and half after ours, so a change in machine load affects both alike.
        stack.clear_messages()
        half = len(ordered) // 2
        plain_s1, ok1 = _plain_loop(emu, ordered[:half], text)
        used_before_run = client.info("memory")["used_memory"]
        wall_s = _fan_out(stack, client, slot)
        counts = digest.report(client, slot)
        ours_rate = _span_rate(_messages(emu, ordered[0])[-1], _messages(emu, ordered[-1])[-1], len(ordered))
        log_bytes = (client.info("memory")["used_memory"] - used_before_run) / subscriber_count
        peaks = {name: procstats.peak_rss_mb(proc.popen.pid) for name, proc in stack.processes().items()
                 if proc.popen is not None}  # every process, the emulator holding all N messages
        stack.clear_messages()
        plain_s2, ok2 = _plain_loop(emu, ordered[half:], text)
        plain_rate, plain_ok = (len(ordered) - 2) / max(1e-3, plain_s1 + plain_s2), ok1 + ok2
        stack.workers.pop().stop()

        # 2. a rate limit of R/s shared by two workers
        few = users[: int(rate * rate_seconds)]
        client.delete(*[keys.subscriber_bucket(b) for b in range(keys.SUBSCRIBER_BUCKETS)], keys.SUBSCRIBER_COUNT)
        _subscribe(client, few, now_ms - 3_600_000)
        limited_env = {**env, "DIGEST_RATE_PER_SECOND": str(rate), "DIGEST_FANOUT_JOBS": "2"}
        runtime.configure(Settings.from_env(limited_env, load_dotenv_file=False))
        _fire(client, slot[:-4] + "2359")
        burst_workers(limited_env, 2)
        wanted = set(few)
        sent = [m for m in sorted(_messages(emu), key=_at_ms) if m["user_id"] in wanted]
        achieved = _span_rate(sent[0], sent[-1], len(sent))
    ratio = ours_rate / plain_rate
    print(f"{'':<38} {'value':>12}  target")
    print(f"{'plain requests.Session loop, msg/s':<38} {plain_rate:>12.0f}  ({plain_ok:,} accepted)")
    print(f"{'dxbot fan-out (1 worker), msg/s':<38} {ours_rate:>12.0f}  ({counts['sent_cs_free']:,} sent, "
          f"{wall_s:.0f} s incl. start-up)")
    print(f"{'ratio dxbot/plain':<38} {ratio:>12.2f}  ≥ 0.80")
    print(f"{f'rate limit {rate:.0f}/s, 2 workers: achieved':<38} {achieved:>12.1f}  ≥ {0.95 * rate:.0f} "
          f"({achieved / rate:.3f} R, {len(sent):,} messages)")
    print(f"{'Redis bytes per subscriber':<38} {bytes_per_sub:>12.1f}  ≤ 200")
    print(f"{'Redis bytes per recipient (run log)':<38} {log_bytes:>12.1f}  (per digest)")
    met = procstats.print_peaks(f"Peak RSS per process, fan-out to {subscriber_count:,} subscribers "
                                f"(load average {os.getloadavg()[0]:.2f})", peaks, TARGET_RSS_MB)
    print(f"  (not a bot process: this benchmark driver peaked at {procstats.own_peak_rss_mb():.0f} MB; a child's "
          "ru_maxrss includes it, which is how the driver's memory was once printed as the worker's)")
    return {"plain_rps": plain_rate, "dxbot_rps": ours_rate, "ratio": ratio, "rate_limit": rate,
            "achieved_rps": achieved, "achieved_ratio": achieved / rate, "peak_rss_mb": peaks, "rss_met": met,
            "redis_bytes_per_subscriber": bytes_per_sub, "redis_bytes_per_recipient_log": log_bytes,
            "sent": float(counts["sent_cs_free"])}


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
