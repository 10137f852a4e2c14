"""`make soak`: citizen traffic at 50, 100 and 200 events/s, then the same traffic under faults.

The whole stack runs as real processes, as in production: gunicorn (2 sync workers) serving the webhook,
two `dxbot worker`, one `dxbot sender`, one `dxbot scheduler`, a private redis-server with the append-only
file on, and the Zalo emulator in its own process. Citizens (benchmarks/citizens.py) talk through the emulator, which
builds and signs every event like Zalo and keeps Zalo's rules; an event not answered 200 is re-sent
unchanged, as Zalo does.

Load: webhook round trip p50/p99 (driver → emulator → webhook → back), reply p50/p95 (emulator time the
reply was accepted − the event's timestamp), errors; the highest rate whose reply p95 stayed ≤ 1 s.

Faults, during a load run at 100 events/s with Zalo answering each send after 150 ms: a worker's or the
sender's whole process group SIGKILLed every few seconds and restarted;
redis-server SIGKILLed and started again on the same port and directory; Zalo answering 5xx, -32,
-216, -230, a stretch where Zalo refuses buttons (the bot degrades the form and resends) and slow (delay > the client's
timeout) in bursts; one digest sent (`dxbot digest send --now`)
in the middle. Then: events received vs answered vs duplicated, stories submitted vs stored, digest
recipients vs deliveries. Loopback only, bounded in time; every process is stopped at the end.

`run(seconds=10)` is the short version used while iterating; method and figures: docs/reliability.md.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import redis
import requests

from benchmarks import citizens
from benchmarks.common import ROOT, bench_env, free_port, interruptible, percentile, stop_group, wait_http_or_redis
from bot.infra import keys
from bot.infra.redis_conn import server_args

MODERATOR = "9000000000000000009"
RATES = (50.0, 100.0, 200.0)
READERS = 150  # subscribers who only wait for the digest
ENV = {
    "MODERATOR_IDS": MODERATOR,
    "LOG_LEVEL": "WARNING",
    "USER_LEASE_SECONDS": "10",  # a killed worker's users are picked up after this (production: 30)
    "ZALO_TIMEOUT_SECONDS": "3",  # a slow Zalo answer becomes "outcome unknown" after this (production: 10)
    "SEND_BACKOFF_BASE_SECONDS": "0.5",
    "SEND_BACKOFF_MAX_SECONDS": "5",
    "DIGEST_RATE_PER_SECOND": "50",
    "DIGEST_LEASE_SECONDS": "10",
    # the digest through the per-user fan-out, the path kills and Redis restarts can hurt; as a broadcast it would
    # wait for Zalo's review (30 min) past the run's end. The broadcast path: tests/test_digest_broadcast.py.
    "DIGEST_BROADCAST": "0",
}


class Proc:
    """A process in its own session, so a kill reaches its whole group (RQ forks a scheduler child)."""

    def __init__(self, args: list[str], env: dict[str, str], log: Path) -> None:
        self.args, self.env, self.log = args, env, log
        self.popen: subprocess.Popen[bytes] | None = None

    def start(self) -> Proc:
        with self.log.open("ab") as out:
            self.popen = subprocess.Popen(self.args, env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                          start_new_session=True)
        return self

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def signal(self, sig: int) -> None:
        if self.popen is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, sig)

    def kill(self) -> None:
        self.signal(signal.SIGKILL)
        if self.popen is not None:
            self.popen.wait(10)

    def stop(self) -> None:
        if self.popen is not None:
            stop_group(self.popen)  # its children too, left behind by a parent that exited on SIGTERM


class Stack:
    """redis-server + emulator + gunicorn + scheduler + workers, each restartable. Entered, it starts them all, or
    with `bare` only redis-server and the emulator (the caller starts what else it needs); left, however, it stops
    every one that runs and removes its directory."""

    def __init__(self, workers: int = 2, senders: int = 1, env: dict[str, str] | None = None, *,
                 bare: bool = False) -> None:
        self.bare = bare
        self.dir = Path(tempfile.mkdtemp(prefix="dxbot-soak-"))
        self.redis_port, self.port, self.emulator_port = free_port(), free_port(), free_port()
        self.redis_url = f"redis://127.0.0.1:{self.redis_port}/0"
        self.emulator_url = f"http://127.0.0.1:{self.emulator_port}"
        self.env = bench_env(REDIS_URL=self.redis_url, PORT=str(self.port), EMULATOR_PORT=str(self.emulator_port),
                             **{**ENV, **(env or {})})
        py = sys.executable
        self.redis = Proc(server_args(self.dir, port=self.redis_port), self.env, self.dir / "redis.log")
        self.emulator = Proc([py, "-m", "bot.zalo.emulator", "--port", str(self.emulator_port), "--webhook-url",
                              f"http://127.0.0.1:{self.port}/webhook", "--log-level", "WARNING"], self.env,
                             self.dir / "emulator.log")
        self.web = Proc([py, "-m", "gunicorn", "--bind", f"127.0.0.1:{self.port}", "--workers", "2",
                         "--log-level", "warning", "bot.app:create_app()"], self.env, self.dir / "web.log")
        self.scheduler = Proc([py, "-m", "bot.cli", "scheduler", "--interval", "0.5"], self.env,
                              self.dir / "scheduler.log")
        self.workers = [Proc([py, "-m", "bot.cli", "worker"], self.env, self.dir / f"worker{i}.log")
                        for i in range(workers)]
        self.senders = [Proc([py, "-m", "bot.cli", "sender"], self.env, self.dir / f"sender{i}.log")
                        for i in range(senders)]
        self.client = redis.Redis.from_url(self.redis_url, socket_timeout=10)
        self.kills: list[float] = []  # epoch ms of every fault that can cut a send short
        self.unexpected_exits = 0

    def __enter__(self) -> Stack:
        try:
            self.redis.start()
            wait_http_or_redis(self.redis_url)
            self.emulator.start()
            wait_http_or_redis(self.emulator_url + "/_emulator/health")
            if not self.bare:
                self.web.start()
                wait_http_or_redis(f"http://127.0.0.1:{self.port}/healthz")
                self.scheduler.start()
                for proc in (*self.workers, *self.senders):
                    proc.start()
        except BaseException:  # failed or interrupted while starting: `with` would not call __exit__
            self.__exit__()
            raise
        return self

    def processes(self) -> dict[str, Proc]:
        """Every long-running process by name (for CPU and memory figures)."""
        named = {"redis": self.redis, "emulator": self.emulator, "web": self.web, "scheduler": self.scheduler}
        named.update({f"worker{i}": p for i, p in enumerate(self.workers)})
        named.update({f"sender{i}": p for i, p in enumerate(self.senders)})
        return named

    def __exit__(self, *exc: object) -> None:
        try:
            for proc in (*self.workers, *self.senders, self.scheduler, self.web, self.emulator, self.redis):
                proc.stop()  # bounded: one that outlives SIGKILL is given up on and left to the backstop
        finally:
            self.client.close()
            if not os.environ.get("DXBOT_SOAK_KEEP"):
                shutil.rmtree(self.dir, ignore_errors=True)

    def kill_worker(self, i: int) -> None:
        """A machine loss: SIGKILL to the worker's whole group, then a fresh worker in its place."""
        self.kills.append(time.time() * 1000)
        self.workers[i].kill()
        self.workers[i].start()

    def kill_sender(self, i: int) -> None:
        """A sender's machine lost mid-send: SIGKILL, then a fresh sender (its users come back after the lease)."""
        self.kills.append(time.time() * 1000)
        self.senders[i].kill()
        self.senders[i].start()

    def restart_redis(self, down_s: float = 1.0) -> None:
        """SIGKILL redis-server; start it again on the same port and directory (only the AOF survives)."""
        self.kills.append(time.time() * 1000)
        self.redis.kill()
        time.sleep(down_s)
        self.redis.start()
        wait_http_or_redis(self.redis_url)

    def supervise(self) -> None:
        """What a process supervisor does: start again a worker that exited by itself (counted)."""
        for worker in (*self.workers, *self.senders):
            if worker.popen is not None and not worker.alive():
                self.unexpected_exits += 1
                worker.start()

    def fault(self, **spec: Any) -> None:
        requests.post(f"{self.emulator_url}/_emulator/faults", json=spec, timeout=10).raise_for_status()

    def refuse_buttons(self, refuse: bool) -> None:
        url = f"{self.emulator_url}/_emulator/refuse"
        answer = (requests.post(url, json={"forms": ["cs_buttons"]}, timeout=10) if refuse
                  else requests.delete(url, timeout=10))
        answer.raise_for_status()

    def set_latency(self, seconds: float) -> None:
        """Zalo answers every send this late (the emulator's send_latency_s)."""
        requests.post(f"{self.emulator_url}/_emulator/config", json={"send_latency_s": seconds},
                      timeout=10).raise_for_status()

    def clear_messages(self) -> None:
        requests.delete(f"{self.emulator_url}/_emulator/messages", timeout=30).raise_for_status()

    def metrics(self) -> dict[str, int]:
        return {k.decode(): int(v) for k, v in self.client.hgetall(keys.METRICS).items()}


@dataclass
class Phase:
    name: str
    rate: float
    drive: citizens.DriveResult
    ledger: citizens.Ledger
    load: tuple[float, float]  # 1-minute load average before / after
    settle_s: float
    extra: dict[str, Any] = field(default_factory=dict)

    def row(self) -> dict[str, Any]:
        d, g = self.drive, self.ledger
        non200 = sum(v for k, v in d.statuses.items() if k != "200")
        achieved = d.offered_per_s  # the POSTs' real pace, not the submit loop's
        return {"phase": self.name, "offered_per_s": self.rate, "achieved_per_s": achieved,
                "events": d.accepted, "posts": d.posts, "webhook_p50_ms": percentile(d.rtt_ms, 50),
                "webhook_p99_ms": percentile(d.rtt_ms, 99), "non200": non200, "resends": d.resends,
                "unaccepted": d.unaccepted, "reply_p50_ms": percentile(g.reply_ms, 50),
                "reply_p95_ms": percentile(g.reply_ms, 95), "reply_p99_ms": percentile(g.reply_ms, 99),
                "answered": g.answered, "refused": g.refused, "dead": g.dead, "lost": g.lost,
                "duplicated": g.duplicated, "unexpected": g.unexpected, "reordered": g.reordered,
                "stories_submitted": g.stories_submitted,
                "stories_stored": g.stories_stored, "load_before": self.load[0], "load_after": self.load[1],
                "settle_s": self.settle_s, **self.extra}


def run(seconds: float = 60, rates: tuple[float, ...] = RATES, fault_rate: float = 100.0,
        fault_seconds: float | None = None, fault_latency_s: float = 0.15) -> dict[str, Any]:
    """The soak; `run(seconds=10)` for a quick look. Prints the tables and returns the figures."""
    fault_seconds = fault_seconds or seconds
    phases: list[Phase] = []
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at start", flush=True)
    with interruptible(), Stack() as stack:  # SIGTERM, SIGHUP stop it as Ctrl-C does: every process it started
        expected = citizens.calibrate(citizens.emulator_converse(stack.emulator_url), 6_900_000_000_000_000_000)
        print(f"calibrated {len(expected)} conversation variants", flush=True)
        for n, rate in enumerate(rates):
            phases.append(_load_phase(stack, expected, rate, seconds, user_base=6_100_000_000_000_000_000
                                      + n * 10**12))
            _print_row(phases[-1])
        stack.set_latency(fault_latency_s)  # a remote Zalo: each send answered this late (issue 13)
        phases.append(_fault_phase(stack, expected, fault_rate, fault_seconds))
        phases[-1].extra["zalo_latency_ms"] = fault_latency_s * 1000
        _print_row(phases[-1])
    _print_tables(phases)
    return {"phases": [p.row() for p in phases]}


def _load_phase(stack: Stack, expected: dict[str, list[str]], rate: float, seconds: float,
                user_base: int) -> Phase:
    stack.clear_messages()
    before = os.getloadavg()[0]
    driver = citizens.Driver(stack.emulator_url, user_base=user_base, threads=32)
    drive = driver.run(rate, seconds)
    started = time.monotonic()
    citizens.wait_settled(stack.client, 120, ignore=frozenset({MODERATOR}))
    settle_s = time.monotonic() - started
    messages = citizens.all_messages(stack.emulator_url)
    ledger = citizens.account(drive.conversations, expected, messages, stack.client)
    return Phase(f"load {rate:.0f}/s", rate, drive, ledger, (before, os.getloadavg()[0]), settle_s)


def _fault_phase(stack: Stack, expected: dict[str, list[str]], rate: float, seconds: float) -> Phase:
    """The load run with faults on a timeline (fractions of `seconds`), run by a controller thread."""
    stack.clear_messages()
    readers = _subscribe_readers(stack)
    _add_story(stack)
    before = os.getloadavg()[0]
    stop = threading.Event()
    log: list[str] = []
    slot: list[str] = []
    bursts = [
        (0.10, {"kind": "http", "status": 503, "count": 20}),
        (0.20, {"kind": "zalo_error", "error": -32, "count": 20}),
        (0.30, {"kind": "delay", "seconds": 4, "when": "after", "count": 3}),
        (0.50, {"kind": "zalo_error", "error": -216, "count": 3}),
        (0.60, {"kind": "zalo_error", "error": -230, "count": 10}),
        (0.65, "refuse"),  # Zalo refuses the buttons form: each such reply is degraded and still delivered
        (0.75, "accept"),
        (0.70, {"kind": "http", "status": 502, "count": 20}),
        (0.80, {"kind": "delay", "seconds": 4, "when": "before", "count": 2}),
    ]

    def controller() -> None:
        t0 = time.monotonic()
        kill_every = max(2.0, seconds / 12)
        next_kill, victim = kill_every, 0
        redis_at, digest_at = 0.4 * seconds, 0.45 * seconds
        sending: subprocess.Popen[str] | None = None
        pending = list(bursts)
        while not stop.is_set():
            t = time.monotonic() - t0
            if t >= seconds * 0.9:
                break
            stack.supervise()
            if t >= next_kill:
                if victim % 3 == 2 and stack.senders:  # every third kill hits a sender mid-send
                    stack.kill_sender(0)
                    log.append(f"{t:5.1f}s SIGKILL sender0 group, restarted")
                else:
                    stack.kill_worker(victim % len(stack.workers))
                    log.append(f"{t:5.1f}s SIGKILL worker{victim % len(stack.workers)} group, restarted")
                victim += 1
                next_kill += kill_every
            if redis_at is not None and t >= redis_at:
                stack.restart_redis()
                log.append(f"{t:5.1f}s SIGKILL redis-server, started again on the same port/dir (AOF)")
                redis_at = None
            if digest_at is not None and t >= digest_at:  # not waited for: on a loaded machine the command
                sending = subprocess.Popen([sys.executable, "-m", "bot.cli", "digest", "send", "--now"],  # took 24 s
                                           env=stack.env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
                log.append(f"{t:5.1f}s dxbot digest send --now")
                digest_at = None
            if sending is not None and sending.poll() is not None:
                _digest_started(sending, t, log, slot)
                sending = None
            while pending and t >= pending[0][0] * seconds:
                _, spec = pending.pop(0)
                with contextlib.suppress(requests.RequestException):
                    if isinstance(spec, str):
                        stack.refuse_buttons(spec == "refuse")
                        log.append(f"{t:5.1f}s Zalo {'refuses' if spec == 'refuse' else 'accepts'} cs_buttons")
                    else:
                        stack.fault(**spec)
                        log.append(f"{t:5.1f}s Zalo fault {spec}")
            time.sleep(0.05)
        if sending is not None:  # the run ended before the command did: its slot is still checked
            _digest_started(sending, time.monotonic() - t0, log, slot)

    thread = threading.Thread(target=controller, name="faults", daemon=True)
    thread.start()
    driver = citizens.Driver(stack.emulator_url, user_base=6_500_000_000_000_000_000, threads=32)
    try:
        drive = driver.run(rate, seconds, drain_s=90)
    finally:
        stop.set()
        thread.join(60)
    started = time.monotonic()
    settled = citizens.wait_settled(stack.client, 180, ignore=frozenset({MODERATOR}))
    if slot:
        _wait_digest(stack, slot[0], 120)
    stack.supervise()
    settle_s = time.monotonic() - started
    messages = citizens.all_messages(stack.emulator_url)
    ledger = citizens.account(drive.conversations, expected, messages, stack.client)
    extra = {"kills": len(stack.kills), "unexpected_worker_exits": stack.unexpected_exits, "settled": settled,
             "fault_log": log, "readers": len(readers), **_digest_figures(stack, slot[0] if slot else None,
                                                                            messages, readers),
             "duplicate_details": _explain_duplicates(ledger, stack.kills), "metrics": stack.metrics()}
    return Phase(f"faults {rate:.0f}/s", rate, drive, ledger, (before, os.getloadavg()[0]), settle_s, extra)


def _digest_started(sending: subprocess.Popen[str], t: float, log: list[str], slot: list[str]) -> None:
    out = sending.communicate(timeout=120)[0]
    log.append(f"{t:5.1f}s   … {out.strip()}")
    slot.extend(re.findall(r"digest (\d{8}T\d{4})", out)[:1])


def _subscribe_readers(stack: Stack) -> list[str]:
    """Citizens who subscribed before the run (their Zalo window is open) and then only read."""
    readers = [str(6_800_000_000_000_000_000 + i) for i in range(READERS)]
    session = requests.Session()
    for user in readers:
        session.post(f"{stack.emulator_url}/_emulator/users/{user}/events",
                     json={"event_name": "user_send_text", "text": "đăng ký"}, timeout=15).raise_for_status()
    citizens.wait_settled(stack.client, 60, ignore=frozenset({MODERATOR}))
    return readers


def _add_story(stack: Stack) -> None:
    """One approved story, so the digest has something to send (stories normally come via moderators)."""
    from bot.digest.stories import DigestStory, add_fixture_story

    add_fixture_story(stack.client, DigestStory(code="SOAK", title="Chợ 4.0 ở xã vùng cao", locality="Lào Cai",
                                                excerpt="Bà con bán nông sản qua mạng và thanh toán bằng mã QR.",
                                                approved_ms=int(time.time() * 1000) - 3_600_000))


def _wait_digest(stack: Stack, slot: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(redis.RedisError):
            if stack.client.hget(keys.digest_run(slot), "status") in (b"done", b"skipped"):
                return
        stack.supervise()
        time.sleep(0.5)


def _digest_figures(stack: Stack, slot: str | None, messages: list[dict[str, Any]],
                    readers: list[str]) -> dict[str, Any]:
    if slot is None:
        return {"digest": "not sent"}
    from bot.digest.report import report

    run = {k.decode(): v.decode() for k, v in stack.client.hgetall(keys.digest_run(slot)).items()}
    counts = report(stack.client, slot)
    deliveries = citizens.digest_deliveries(messages, exclude=frozenset({MODERATOR}))
    return {"digest_slot": slot, "digest_status": run.get("status"), "digest_recipients": int(run.get("total", 0)),
            "digest_delivered": len(deliveries), "digest_duplicated": sum(c - 1 for c in deliveries.values()),
            "digest_readers_delivered": sum(1 for r in readers if deliveries[r] == 1),
            "digest_report": counts}


def _explain_duplicates(ledger: citizens.Ledger, kills: list[float]) -> list[str]:
    """Each duplicate with the fault nearest to the moment Zalo recorded the first copy. In the documented
    window the send was in flight when its worker (or Redis) died: the kill falls shortly before the first
    copy was recorded (request on the wire) or after it, before the answer came back (up to the client's
    timeout when Zalo answered slowly). The worker that takes the user over then sends it again."""
    lines = []
    for dup in ledger.duplicates:
        first = citizens._ms(dup["first_at"])
        nearest = min(kills, key=lambda k: abs(k - first)) if kills else float("nan")
        lines.append(f"user {dup['user']} turn {dup['turn']}: first copy {dup['first_at'][11:23]}, repeat "
                     f"{dup['again_at'][11:23]}; nearest kill {nearest - first:+.0f} ms from the first copy")
    return lines


def _print_row(phase: Phase) -> None:
    r = phase.row()
    print(f"[{r['phase']}] events {r['events']} answered {r['answered']} refused {r['refused']} lost {r['lost']} "
          f"dup {r['duplicated']} | webhook p99 {r['webhook_p99_ms']:.0f} ms, reply p95 {r['reply_p95_ms']:.0f} ms"
          f" | non-200 {r['non200']} | load {r['load_before']:.1f}->{r['load_after']:.1f}", flush=True)


def _print_tables(phases: list[Phase]) -> None:
    rows = [p.row() for p in phases]
    print("\nLoad (gunicorn 2 workers, 2 dxbot workers, 1 scheduler, redis AOF, emulator; loopback)")
    print(f"{'phase':<14}{'offered/s':>10}{'sent/s':>8}{'events':>8}{'webhook p50/p99 ms':>20}"
          f"{'reply p50/p95 ms':>18}{'non-200':>8}{'lost':>6}{'dup':>5}{'load':>11}")
    for r in rows:
        print(f"{r['phase']:<14}{r['offered_per_s']:>10.0f}{r['achieved_per_s']:>8.0f}{r['events']:>8}"
              f"{r['webhook_p50_ms']:>10.0f}/{r['webhook_p99_ms']:<9.0f}{r['reply_p50_ms']:>9.0f}/"
              f"{r['reply_p95_ms']:<8.0f}{r['non200']:>8}{r['lost']:>6}{r['duplicated']:>5}"
              f"{r['load_before']:>5.1f}->{r['load_after']:<4.1f}")
    held = [r["offered_per_s"] for r in rows if r["phase"].startswith("load") and r["reply_p95_ms"] <= 1000
            and r["lost"] == 0 and r["achieved_per_s"] >= 0.95 * r["offered_per_s"]]
    print(f"highest rate held with reply p95 ≤ 1 s and nothing lost: {max(held):.0f} events/s" if held
          else "no rate held reply p95 ≤ 1 s")
    fault = rows[-1]
    print(f"\nFaults at {fault['offered_per_s']:.0f} events/s, Zalo answering each send after "
          f"{fault.get('zalo_latency_ms', 0):.0f} ms:")
    for line in fault["fault_log"]:
        print("  " + line)
    print(f"{'':<32}{'count':>8}")
    table = [
        ("events received (webhook 200)", fault["events"]),
        ("  answered (reply reached Zalo)", fault["answered"]),
        ("  refused by Zalo (-230; recorded)", fault["refused"]),
        ("  parked dead (retries exhausted)", fault["dead"]),
        ("  lost", fault["lost"]),
        ("  duplicated replies", fault["duplicated"]),
        ("  replies matching no event", fault["unexpected"]),
        ("  replies out of order", fault["reordered"]),
        ("webhook non-200 answers (re-sent)", fault["non200"]),
        ("events never accepted", fault["unaccepted"]),
        ("stories submitted (đồng ý accepted)", fault["stories_submitted"]),
        ("  stories stored", fault["stories_stored"]),
        ("digest recipients (subscribers)", fault.get("digest_recipients", 0)),
        ("  reached by the fan-out (claimed)", fault.get("digest_report", {}).get("claimed", 0)),
        ("  distinct deliveries", fault.get("digest_delivered", 0)),
        (f"  of the {fault['readers']} steady readers", fault.get("digest_readers_delivered", 0)),
        ("  duplicated deliveries", fault.get("digest_duplicated", 0)),
        ("kills (workers, sender + redis)", fault["kills"]),
        ("workers that exited by themselves", fault["unexpected_worker_exits"]),
    ]
    for label, value in table:
        print(f"  {label:<36}{value:>8}")
    if fault.get("digest_report"):
        print(f"  digest report: {fault['digest_report']}")
    for line in fault["duplicate_details"]:
        print("  duplicate: " + line)
    metrics = fault["metrics"]
    prefixes = ("zalo_errors_total", "messages_failed", "events_dead", "events_processed_total|outcome=retry",
                "leases_reclaimed", "messages_degraded", "zalo_form_switches", "messages_resent", "messages_waited")
    interesting = {k: v for k, v in sorted(metrics.items()) if k.startswith(prefixes)}
    print(f"  bot metrics: {interesting}")
    print(f"  reply p50/p95/p99 under faults: {fault['reply_p50_ms']:.0f}/{fault['reply_p95_ms']:.0f}/"
          f"{fault['reply_p99_ms']:.0f} ms; settled {fault['settle_s']:.0f} s after the run")


if __name__ == "__main__":
    run(seconds=float(sys.argv[1]) if len(sys.argv) > 1 else 60)
