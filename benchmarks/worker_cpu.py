"""One worker's CPU per event, alone: the quick measurement behind issue 13's worker CPU figure.

`bench_replies` reads the workers' CPU with web, sender, emulator, Redis and the driver all on the same two cores,
where CPU per event inflates with the load (and with other engineers' jobs). This runs redis-server, the emulator
(idle: nothing is sent) and ONE `dxbot worker`; the events are the citizens' scripts of benchmarks/citizens.py,
stored straight into Redis the way the webhook stores them (`JobWriter.ingest`: inbox, lease, RQ job), turn by
turn for every user; the sender's heartbeat is set so the worker only commits, as it does beside a `dxbot
sender`. The worker's CPU (utime + stime of its process group, /proc) from the first event to the last commit,
divided by the events; its idle CPU per second is read before. Run it before and after a change, alternately
(`python -m benchmarks --only worker_cpu`): on a shared machine single figures vary by ±20 %.
"""

from __future__ import annotations

import json
import os
import time

import redis

from benchmarks import citizens, procstats
from benchmarks.soak import Stack
from bot.core.ingest import JobWriter
from bot.infra import keys

USER_BASE = 7_100_000_000_000_000_000
IDLE_S = 5.0


def run(users: int = 500) -> dict[str, float]:
    with Stack(workers=1, senders=0, bare=True) as stack:  # redis-server and the emulator; stops all on exit
        client = stack.client
        client.set(keys.SENDER_ALIVE, "worker_cpu", px=3_600_000)  # replies stay in the outboxes: nothing is sent
        worker = stack.workers[0].start()
        while not client.smembers("rq:workers"):  # registered: the knowledge base is indexed
            time.sleep(0.1)
        pid = worker.popen.pid if worker.popen is not None else 0
        time.sleep(1.0)
        before, t0 = procstats.cpu_s(pid), time.monotonic()
        time.sleep(IDLE_S)
        idle_ms_per_s = (procstats.cpu_s(pid) - before) / (time.monotonic() - t0) * 1000
        before, t0 = procstats.cpu_s(pid), time.monotonic()
        events = _offer(client, JobWriter(client), users)
        wall = time.monotonic() - t0
        cpu_ms = (procstats.cpu_s(pid) - before) * 1000 / events
        processed = int(client.hget(keys.METRICS, "events_processed_total|outcome=ok") or 0)
    print(f"one worker, {events} events of {users} citizens in {wall:.1f} s ({processed} committed): "
          f"{cpu_ms:.2f} ms CPU per event; idle {idle_ms_per_s:.1f} ms CPU per second "
          f"(load average {os.getloadavg()[0]:.2f})", flush=True)
    return {"events": events, "cpu_ms_per_event": cpu_ms, "idle_ms_per_s": idle_ms_per_s, "committed": processed}


def _offer(client: redis.Redis, jobs: JobWriter, users: int) -> int:
    """Every user's turn 1, then (once the worker has drained them) every user's turn 2, ...: one event per
    user in the inbox at a time, as when a citizen waits for the answer before typing the next message."""
    scripts = [citizens.script_for(n) for n in range(users)]
    now = int(time.time() * 1000)
    count = 0
    for turn in range(max(len(s.turns) for s in scripts)):
        for n, script in enumerate(scripts):
            if turn < len(script.turns):
                user, at = str(USER_BASE + n), now + turn * 1000 + n
                body = json.dumps({"app_id": "worker_cpu", "sender": {"id": user}, "user_id_by_app": user,
                                   "recipient": {"id": "2000000000000000002"}, "event_name": "user_send_text",
                                   "message": {"text": script.turns[turn], "msg_id": f"{at:x}{n:x}"},
                                   "timestamp": str(at)}, ensure_ascii=False, separators=(",", ":"))
                jobs.ingest(event_key=f"m{at:x}{n:x}", user_id=user, timestamp_ms=at,
                            member=f"{int(time.time() * 1000)}:{body}")
                count += 1
        while client.zcard(keys.PENDING_USERS) or client.llen(jobs.queue.key):  # replies stay due: not `settled`
            time.sleep(0.05)
    return count


if __name__ == "__main__":
    run()
