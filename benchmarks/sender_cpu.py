"""One sender's CPU per reply, alone: the quick measurement behind issue 13's sender CPU figure.

`bench_replies` reads the sender's CPU with web, workers, emulator, Redis and the driver on the same two cores. This
runs redis-server, the emulator (answering every send after `latency_s`, as Zalo at 150 ms) and ONE `dxbot sender`;
the replies are written straight into Redis the way a drain commits them (the outbox list plus `mark_due`), at a
fixed pace, one or two replies per user (a quick-reply button row on every third), to users whose window is open.
The sender's CPU (utime + stime of its process group, /proc) from the first reply written to the last one Zalo
accepted, divided by the replies; its idle CPU per second is read before. Run it before and after a change,
alternately (`python -m benchmarks --only sender_cpu`): on a shared machine single figures vary by ±20 %.
"""

from __future__ import annotations

import json
import os
import time

import redis
import requests

from benchmarks import procstats
from benchmarks.soak import Stack
from bot.core import delivery
from bot.core.context import text_messages
from bot.infra import keys

IDLE_S = 5.0
TEXT = ("Chào bạn! Cổng dịch vụ công quốc gia giúp bạn nộp hồ sơ trực tuyến, theo dõi tiến độ và nhận kết quả "
        "ngay trên điện thoại. Bạn cần hỗ trợ thêm điều gì không?")
BUTTONS = [("Dịch vụ công", "#dvc"), ("Chữ ký số", "#cks"), ("Hỏi đáp", "#hoi")]


class _Button:
    def __init__(self, title: str, payload: str) -> None:
        self.title, self.payload = title, payload


def run(users: int = 3000, rate: float = 150.0, latency_s: float = 0.15) -> dict[str, float]:
    with Stack(workers=0, senders=1, bare=True) as stack:  # redis-server and the emulator; stops all on exit
        stack.set_latency(latency_s)
        made = requests.post(f"{stack.emulator_url}/_emulator/users/bulk", timeout=60, json={
            "count": users, "follower": False, "last_interaction_days": [1 / 24, 1 / 24]})
        made.raise_for_status()
        first = int(made.json()["first_user_id"])
        client = stack.client
        sender = stack.senders[0].start()
        while not client.exists(keys.SENDER_ALIVE):
            time.sleep(0.05)
        pid = sender.popen.pid if sender.popen is not None else 0
        idle_ms_per_s = _idle_cpu(pid)
        cpu0, t0 = procstats.cpu_s(pid), time.monotonic()
        replies = _offer(client, [str(first + n) for n in range(users)], rate)
        offered = time.monotonic() - t0
        while client.zcard(keys.SEND_DUE):  # each user leaves the to-do list once its outbox is delivered
            time.sleep(0.01)
        wall, cpu_ms = time.monotonic() - t0, (procstats.cpu_s(pid) - cpu0) * 1000 / replies
        sent = int(client.hget(keys.METRICS, "messages_sent_total|kind=text") or 0)
    print(f"one sender, {replies} replies to {users} users offered at {rate:.0f}/s in {offered:.1f} s, all sent in "
          f"{wall:.1f} s ({sent} accepted), Zalo at {latency_s * 1000:.0f} ms: {cpu_ms:.2f} ms CPU per reply; idle "
          f"{idle_ms_per_s:.1f} ms CPU per second (load average {os.getloadavg()[0]:.2f})", flush=True)
    return {"replies": replies, "cpu_ms_per_reply": cpu_ms, "idle_ms_per_s": idle_ms_per_s, "sent": sent}


def _idle_cpu(pid: int) -> float:
    """The sender's CPU per second while nothing is due (its polling and heartbeat), after a second to settle."""
    time.sleep(1.0)
    cpu0, t0 = procstats.cpu_s(pid), time.monotonic()
    time.sleep(IDLE_S)
    return (procstats.cpu_s(pid) - cpu0) / (time.monotonic() - t0) * 1000


def _offer(client: redis.Redis, users: list[str], rate: float) -> int:
    """Each user's replies committed as a drain commits them, `rate` users a second (the pace of the events)."""
    start, count = time.monotonic(), 0
    for n, user in enumerate(users):
        wait = start + n / rate - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        now_ms = int(time.time() * 1000)
        buttons = [_Button(t, p) for t, p in BUTTONS] if n % 3 == 0 else []
        messages = text_messages(user, TEXT, max_chars=2000, buttons=buttons, received_ms=now_ms)
        if n % 4 == 0:  # a longer answer: a second message
            messages += text_messages(user, TEXT, max_chars=2000, received_ms=now_ms)
        with client.pipeline() as pipe:
            pipe.rpush(keys.outbox(user), *[json.dumps(m.to_json()) for m in messages])
            delivery.mark_due(pipe, user, now_ms)
            pipe.execute()
        count += len(messages)
    return count


if __name__ == "__main__":
    run()
