"""Test helpers: the web app on a real port, and a harness that chats through the emulator."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import redis
import requests
from flask import Flask
from rq import Queue, SimpleWorker, Worker
from werkzeug.serving import make_server

from bot.config import Settings
from bot.core import runtime
from bot.core.ingest import QUEUE_NAME
from bot.core.routing import Router
from bot.infra import keys


class WebServer:
    """The Flask app served by werkzeug in a thread, so the emulator can POST to its webhook."""

    def __init__(self, app: Flask, port: int) -> None:
        self.server = make_server("127.0.0.1", port, app, threaded=True)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()


class InProcessWorker(SimpleWorker):
    """RQ's SimpleWorker without its command channel. `work()` subscribes to the worker's pubsub channel (remote
    shutdown and kill-horse commands) in a thread and joins that thread on the way out: about 0.2 s a call, which
    `run_worker` paid after every message of every conversation test (a third of test_moderation_taps' time).
    A burst worker inside the test process is sent no such command; `dxbot worker` processes keep the channel."""

    def subscribe(self) -> None:
        self.pubsub_thread = None  # so `unsubscribe` has nothing to stop


class BotHarness:
    """Reads like a conversation: `send(user, text)`, `run_worker()`, `replies(user)`."""

    def __init__(self, env: dict[str, str], emulator_url: str, client: redis.Redis) -> None:
        self.env = dict(env)
        self.emulator_url = emulator_url
        self.redis = client
        self.settings = Settings.from_env(self.env, load_dotenv_file=False)
        self.rt = runtime.configure(self.settings, client)

    def reconfigure(self, **env: str) -> None:
        self.env.update(env)
        self.settings = Settings.from_env(self.env, load_dotenv_file=False)
        router = self.rt.router
        self.rt = runtime.configure(self.settings, self.redis)
        self.rt.router = router

    def use_router(self, router: Router) -> None:
        self.rt.router = router

    # --- emulator side ---
    def event(self, user_id: str, event_name: str = "user_send_text", **fields: Any) -> requests.Response:
        return requests.post(f"{self.emulator_url}/_emulator/users/{user_id}/events",
                             json={"event_name": event_name, **fields}, timeout=10)

    def send(self, user_id: str, text: str, **fields: Any) -> requests.Response:
        response = self.event(user_id, "user_send_text", text=text, **fields)
        assert response.status_code == 200, response.text
        return response

    def messages(self, user_id: str | None = None) -> list[dict[str, Any]]:
        params = {"user_id": user_id} if user_id else {}
        response = requests.get(f"{self.emulator_url}/_emulator/messages", params=params, timeout=10)
        response.raise_for_status()
        return response.json()["messages"]

    def replies(self, user_id: str) -> list[str]:
        return [m.get("text") or "" for m in self.messages(user_id)]

    def emulator(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        response = requests.request(method, f"{self.emulator_url}/_emulator{path}", timeout=10, **kwargs)
        response.raise_for_status()
        return response

    def advance_clock(self, seconds: float) -> None:
        self.emulator("POST", "/clock", json={"advance": seconds})

    def fault(self, **spec: Any) -> None:
        self.emulator("POST", "/faults", json=spec)

    # --- worker side ---
    def run_worker(self, *, max_jobs: int | None = None, with_scheduler: bool = False) -> None:
        """Process everything queued (or `max_jobs` jobs), in this process (RQ's SimpleWorker in burst mode);
        `with_scheduler`: first move the due scheduled jobs to the queue, as `dxbot worker`'s RQ scheduler does."""
        worker = InProcessWorker([Queue(QUEUE_NAME, connection=self.redis)], connection=self.redis)
        worker.work(burst=True, max_jobs=max_jobs, with_scheduler=with_scheduler)

    def settle(self, timeout: float = 10.0) -> None:
        """Run workers and the sweeper until no user has pending work (backoffs included)."""
        from bot.infra import keys
        from bot.maintenance import sweep

        deadline = time.monotonic() + timeout
        while True:
            self.run_worker()
            if not self.redis.zcard(keys.PENDING_USERS):
                return
            if time.monotonic() > deadline:
                raise AssertionError("work still pending after settle()")
            time.sleep(0.05)
            sweep()

    def metric(self, name: str, **labels: str) -> int:
        from bot.infra import keys, metrics

        return int(self.redis.hget(keys.METRICS, metrics.field(name, **labels)) or 0)


ROOT = Path(__file__).resolve().parents[1]


class ProcessGroup(subprocess.Popen):
    """A dxbot process in its own session: signals reach the whole group (a worker and the scheduler
    process RQ forks for it), as when a machine or container dies. Killing only the parent would leave
    RQ's scheduler child running against the test Redis."""

    def send_signal(self, sig: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.pid, sig)


def spawn(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    full_env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
    return ProcessGroup([sys.executable, "-m", "bot.cli", *args], env=full_env, cwd=ROOT, start_new_session=True,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_for(predicate: Callable[[], object], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def wait_for_worker(client: redis.Redis, proc: subprocess.Popen[bytes], timeout: float = 180.0) -> None:
    """Wait until the spawned `dxbot worker` `proc` has registered with RQ, i.e. is ready to take jobs.

    Its start-up is CPU-bound (imports, then indexing the knowledge base before any job: 3.6 s here on a quiet
    machine, 10-12 s at load 15 on 2 cores), so its wall time grows with the machine's load and no fixed budget
    from the spawn holds: at load 15 `test_sigkilled_worker_leaves_no_event_unanswered`'s 20 s from the spawn to
    the handler's start timed out in 2 of 6 runs. Tests wait here first, the timeout only a backstop against a
    hang, and give the behaviour they check its own budget, counted from a worker that runs. A worker that exits
    before it is ready fails at once with its exit code instead of timing out."""

    def ready() -> bool:
        if proc.poll() is not None:
            raise AssertionError(f"the worker exited with code {proc.returncode} before registering with RQ")
        return any(worker.pid == proc.pid for worker in Worker.all(connection=client))

    wait_for(ready, timeout, f"the worker (pid {proc.pid}) to register with RQ")


def quiet(client: redis.Redis, *users: str) -> bool:
    """Nothing is left that could still answer `users`: no RQ job queued, and for each user no event waiting,
    no drain or sender holding them (a running drain holds the lease), nothing in their outbox and nothing
    due. Await this before asserting that something happened exactly once, instead of sleeping "long enough".
    (RQ's started-job registry is no guide: a SIGKILLed worker's job stays listed there.)"""
    if Queue(QUEUE_NAME, connection=client).count:
        return False
    return all(not client.zcard(keys.inbox(user)) and not client.exists(keys.lease(user), keys.send_lease(user),
                                                                         keys.outbox(user))
               and client.zscore(keys.PENDING_USERS, user) is None for user in users)


@contextlib.contextmanager
def killed_after(proc: subprocess.Popen[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    """Run the block, then SIGKILL `proc` (its whole group, as when a machine dies); gone whatever happens."""
    try:
        yield proc
        proc.send_signal(signal.SIGKILL)
        proc.wait(5)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def stop(*procs: subprocess.Popen[bytes]) -> None:
    """Stop every process (group) a test started, even one that ignores SIGTERM: nothing is left behind."""
    for proc in procs:
        if proc.poll() is None:
            proc.terminate()
    for proc in procs:
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def rarest_terms_select(monkeypatch: Any, count: int = 24) -> None:
    """Candidate selection as it was until round 32: only the ``count`` rarest rare terms of a message (by document
    frequency, then text). Tests of the readers that take over where a long letter's story kept its entry out of the
    whole letter's ranking (``bot.kb.unranked``, ``bot.kb.shown``) use it to make such a ranking: since round 32
    (select32) every rare term selects, and their letters' whole rankings hold the entry."""
    import operator

    from bot.kb.bm25 import TwoFieldBM25

    def score(self: TwoFieldBM25, terms: Any) -> list[float]:
        rare = list(filter(self.postings.__contains__, terms))
        acc = [0.0] * self.n
        if not rare:
            for term in sorted(filter(self.df.__contains__, terms)):
                acc = list(map(operator.add, acc, self.dense[term]))
            return acc
        rare = sorted(rare, key=lambda t: (self.df[t], t))[:count] if len(rare) > count else sorted(rare)
        for term in rare:
            for doc, w in zip(*self.postings[term], strict=True):
                acc[doc] += w
        return acc

    monkeypatch.setattr(TwoFieldBM25, "score", score)
