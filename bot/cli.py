"""`dxbot`: the command line of the bot (CONTRACT §4)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.config import ConfigError, Settings

if TYPE_CHECKING:
    import threading

    from bot.core.runtime import Runtime

log = logging.getLogger("dxbot")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except ConfigError as exc:
        print(f"dxbot: configuration error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dxbot", description="Zalo OA bot of the national DX channel")
    sub = parser.add_subparsers(dest="command")

    sub.add_parser("dev", help="run everything locally (Redis, web, worker, sender, scheduler, emulator)") \
        .set_defaults(func=cmd_dev)
    web = sub.add_parser("web", help="serve the webhook with gunicorn")
    web.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
    web.set_defaults(func=cmd_web)
    worker = sub.add_parser("worker", help="process queued jobs")
    worker.add_argument("--burst", action="store_true", help="exit when the queue is empty")
    worker.add_argument("--fork", action="store_true", help="run each job in a forked child (isolation)")
    worker.set_defaults(func=cmd_worker)
    sender = sub.add_parser("sender", help="deliver replies to Zalo off the event path, many at once")
    sender.add_argument("--threads", type=int, default=None, help="sends in flight (default SENDER_THREADS)")
    sender.set_defaults(func=cmd_sender)
    sched = sub.add_parser("scheduler", help="sweep due work and keep the weekly schedule")
    sched.add_argument("--interval", type=float, default=1.0)
    sched.add_argument("--once", action="store_true")
    sched.set_defaults(func=cmd_scheduler)
    emulator = sub.add_parser("emulator", help="run the local Zalo emulator alone")
    emulator.set_defaults(func=cmd_emulator)

    events = sub.add_parser("events", help="failed events").add_subparsers(dest="events_command")
    replay = events.add_parser("replay", help="re-process events and sends that failed for good")
    replay.add_argument("--list", action="store_true", help="only list them")
    replay.set_defaults(func=cmd_events_replay)

    export = sub.add_parser("export", help="JSON-lines backup of what the bot stores")
    export.add_argument("--output", "-o", default="-")
    export.add_argument("--include-secrets", action="store_true",
                        help="also write Zalo tokens, OAuth state and install secrets: a full disaster-recovery "
                             "copy that must be kept as carefully as the tokens themselves")
    export.set_defaults(func=cmd_export)

    from bot.kb.cli import register as register_kb
    from handlers.probe import router_probe

    register_kb(sub, route_probe=router_probe)
    from bot.golive.cli import register as register_golive

    register_golive(sub)
    from bot.digest.cli import register as register_digest

    register_digest(sub)
    return parser


def _runtime() -> Runtime:
    from bot.core import runtime

    return runtime.configure(Settings.from_env())


def cmd_dev(args: argparse.Namespace) -> int:
    from bot.dev import run_dev

    return run_dev(Settings.from_env())


def cmd_web(args: argparse.Namespace) -> int:
    settings = Settings.from_env()
    # The sandbox (and its emulator proxy) stays on loopback; production listens where BIND_HOST says.
    argv = ["gunicorn", "--bind", f"{settings.bind_host}:{settings.port}", "--workers", str(args.workers),
            "--access-logfile", "-", "--graceful-timeout", "10", "bot.app:create_app()"]
    os.execvp(sys.executable, [sys.executable, "-m", *argv])
    return 0  # pragma: no cover


def cmd_worker(args: argparse.Namespace) -> int:
    import redis
    from rq import Queue, SimpleWorker, Worker

    from bot.core import rqjob
    from bot.core.ingest import QUEUE_NAME
    from bot.digest.fanout import tick as digest_tick
    from bot.kb import get_kb
    from bot.maintenance import sweep

    _wait_for_redis(Settings.from_env())  # started during a Redis restart: wait, do not die (reliability.md)
    rt = _runtime()
    get_kb()  # index the knowledge base before taking a job: the first citizen must not wait ~1 s for it
    while True:  # Redis may go away during the seconds get_kb() takes on a busy machine: wait again, do not die
        try:
            # the route table's other tables too (content/intents.toml's phrases: 0.7 s of CPU), not on the first
            # question with the events queued behind it waiting (handlers/warm.py)
            rt.router.warm_up(rt.settings, rt.redis)
            sweep()
            digest_tick(rt.redis, rt.settings)  # this week's digest slot is scheduled; stalled fan-outs resume
            break
        except (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError):
            log.warning("Redis went away while the worker started; waiting for it")
            time.sleep(0.5)
            _wait_for_redis(rt.settings)
    worker_class = Worker if args.fork else SimpleWorker
    while True:
        worker = worker_class([Queue(QUEUE_NAME, connection=rt.redis)], connection=rt.redis, worker_ttl=30,
                              maintenance_interval=10)
        try:
            worker.work(burst=args.burst, with_scheduler=True, logging_level=rt.settings.log_level)
        except redis.RedisError:  # RQ's own clean-up after the error below failed too
            log.warning("worker stopped on a Redis error", exc_info=True)
        if args.burst or rqjob.shutdown_requested(worker):  # SIGTERM/SIGINT
            return 0
        # RQ's loop quits on any unexpected error, e.g. Redis restarting under a busy worker (found by
        # `make soak`): the job in hand is re-run by the sweeper once its lease expires; start again.
        log.warning("worker loop ended unexpectedly; starting again once Redis answers")
        time.sleep(1)
        _wait_for_redis(rt.settings)


def cmd_sender(args: argparse.Namespace) -> int:
    import threading

    from bot.core.sender import Sender
    from bot.infra.stop_signals import stop_on_signals

    stop = threading.Event()
    # SIGTERM/SIGINT: finish the sends in flight (new ones for SENDER_STOP_SECONDS at most), then exit. Taken by a
    # thread of their own before any other starts: a handler calling stop.set() could hang the process
    # (bot/infra/stop_signals.py)
    stop_on_signals(stop)
    _wait_for_redis(Settings.from_env(), stop=stop)
    if stop.is_set():  # stopped while waiting for Redis
        return 0
    Sender(_runtime(), threads=args.threads).run(stop)
    return 0


def _wait_for_redis(settings: Settings, timeout_s: float = 60.0, stop: threading.Event | None = None) -> None:
    """A worker that starts while Redis is down or loading its append-only file waits for it; running
    workers already ride out a restart, and a supervisor restarting a crashed one would only spin. Returns early
    once `stop` is set (a process whose signals set it, rather than killing it, must still stop while it waits)."""
    import redis

    from bot.infra.redis_conn import connect

    client = connect(settings)
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            client.ping()
            client.close()
            return
        except (redis.ConnectionError, redis.TimeoutError, redis.BusyLoadingError):
            if time.monotonic() > deadline:
                raise
            log.warning("waiting for Redis before starting the worker")
            if stop is None:
                time.sleep(0.5)
            elif stop.wait(0.5):
                return


def cmd_scheduler(args: argparse.Namespace) -> int:
    from bot.digest.fanout import tick as digest_tick
    from bot.maintenance import sweep

    rt = _runtime()
    log.info("scheduler started (sweep every %.1f s)", args.interval)
    while True:
        try:
            sweep()
            digest_tick(rt.redis, rt.settings)
        except Exception:  # noqa: BLE001 - a Redis blip must not kill the scheduler
            log.exception("sweep failed; retrying")
        if args.once:
            return 0
        time.sleep(args.interval)


def cmd_emulator(args: argparse.Namespace) -> int:
    from bot.dev import run_emulator_foreground
    from bot.zalo.emulator import PRODUCTION_REFUSAL, production_requested

    if production_requested():
        print(f"dxbot emulator: {PRODUCTION_REFUSAL}", file=sys.stderr)
        return 2

    return run_emulator_foreground(Settings.from_env())


def cmd_events_replay(args: argparse.Namespace) -> int:
    from bot.infra import keys

    rt = _runtime()
    if args.list:
        for key, raw in rt.redis.hgetall(keys.DEAD_EVENTS).items():
            record = json.loads(raw)
            print(f"event {key.decode()} user={record['user_id']} attempts={record['attempts']} "
                  f"error={record['error']}")
        for key, raw in rt.redis.hgetall(keys.DEAD_SENDS).items():
            record = json.loads(raw)
            print(f"send {key.decode()} user={record['message']['user_id']} reason={record['reason']}")
        return 0
    from bot.core.drain import replay_dead

    count = replay_dead(rt.redis)
    print(f"replayed {count} failed item(s)")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    import os

    from bot.export import export_all

    rt = _runtime()
    if args.output == "-":
        out = sys.stdout
    else:  # owner-only from the first byte: created 0600, and an existing file is narrowed before writing
        fd = os.open(args.output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)
        out = os.fdopen(fd, "w", encoding="utf-8")
    try:
        count = export_all(rt.redis, out, include_secrets=args.include_secrets)
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"exported {count} record(s)" + (" including secrets (tokens, OAuth state): keep this file like the "
                                           "tokens themselves" if args.include_secrets else
                                           "; tokens and OAuth state left out (--include-secrets adds them)"),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
