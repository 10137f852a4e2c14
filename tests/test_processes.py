"""Real processes: a worker killed with SIGKILL mid-handling, and `dxbot dev` from start to Ctrl-C."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from bot.infra import keys
from tests.conftest import free_port
from tests.support import BotHarness, killed_after, quiet, spawn, stop, wait_for, wait_for_worker

ROOT = Path(__file__).resolve().parents[1]
USER = "4444444444444444444"


def test_sigkilled_worker_leaves_no_event_unanswered(bot: BotHarness) -> None:
    """Each budget counts from a worker that has started: a spawned worker's start-up (imports, indexing the KB)
    is CPU-bound, and on a loaded machine it alone outlasted the 20 s once allowed from the spawn to the handler
    (`wait_for_worker`)."""
    env = {**bot.env, "DXBOT_ROUTER": "tests.routers:slow_echo", "USER_LEASE_SECONDS": "5"}
    with killed_after(spawn(["worker"], env)) as first:
        bot.send(USER, "slow 1")
        bot.send(USER, "then 2")
        wait_for_worker(bot.redis, first)
        wait_for(lambda: bot.redis.get("test:slow-started") == b"1", 20, "handler start")
    assert bot.messages(USER) == []
    assert bot.redis.zcard(keys.inbox(USER)) == 2  # nothing was lost with the worker
    # The dead job's lease is a running drain's (USER_LEASE_SECONDS), not the 5 min of a queued job: it ends soon.
    lease_ms = bot.redis.pttl(keys.lease(USER))
    assert lease_ms == -2 or 0 < lease_ms <= 5000
    second = spawn(["worker"], env)
    sweeper = spawn(["scheduler", "--interval", "0.5"], env)
    try:
        wait_for_worker(bot.redis, second)
        wait_for(lambda: len(bot.messages(USER)) >= 2, 40, "replies after restart")
        wait_for(lambda: quiet(bot.redis, USER), 20, "no work left that could answer again")
    finally:
        stop(second, sweeper)
    assert bot.replies(USER) == ["nhận: slow 1", "nhận: then 2"]
    assert int(bot.redis.get("test:slow-started")) == 2  # re-run from scratch: nothing half-committed


def test_dxbot_dev_runs_everything_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    proc, port, emulator_port = _start_dev(tmp_path, subprocess.PIPE)
    try:
        wait_for(lambda: _ok(f"http://127.0.0.1:{port}/healthz"), 60, "dxbot dev health")
        emulator = f"http://127.0.0.1:{emulator_port}/_emulator"
        answer = requests.post(f"{emulator}/users/{USER}/events", json={"event_name": "user_send_text",
                                                                        "text": "menu"}, timeout=10)
        assert answer.status_code == 200
        wait_for(lambda: requests.get(f"{emulator}/messages", params={"user_id": USER}, timeout=5)
                 .json()["messages"], 30, "a reply recorded by the emulator")
        assert (tmp_path / "var" / "appendonlydir").exists() or (tmp_path / "var" / "appendonly.aof").exists()
    finally:
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does: the whole group gets SIGINT
        out, _ = proc.communicate(timeout=30)
    text = out.decode()
    assert f"http://127.0.0.1:{port}/webhook" in text
    assert f"http://127.0.0.1:{emulator_port}" in text
    assert proc.returncode == 0
    assert not _ok(f"http://127.0.0.1:{port}/healthz")


def _start_dev(tmp_path: Path, stdout: int) -> tuple[subprocess.Popen[bytes], int, int]:
    """`dxbot dev` in its own session, on free ports: (the process, the web port, the emulator's port)."""
    port, emulator_port = free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZALO_", "REDIS_URL"))}
    env.update({"PORT": str(port), "EMULATOR_PORT": str(emulator_port), "DXBOT_VAR_DIR": str(tmp_path / "var"),
                "PYTHONPATH": str(ROOT), "WEB_CONCURRENCY": "1"})
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "dev"], env=env, cwd=tmp_path, stdout=stdout,
                            stderr=subprocess.STDOUT, start_new_session=True)
    return proc, port, emulator_port


def _ok(url: str) -> bool:
    try:
        return requests.get(url, timeout=1).status_code == 200
    except requests.RequestException:
        return False


def test_three_workers_never_run_one_users_events_at_once(bot: BotHarness) -> None:
    env = {**bot.env, "DXBOT_ROUTER": "tests.routers:exclusion_probe"}
    users = [f"55555555555555555{i:02d}" for i in range(3)]
    now = int(time.time() * 1000)
    for n in range(6):
        for user in users:
            bot.send(user, f"m{n}", timestamp=str(now + n))
    # Extra drain jobs for the same users, as a duplicated sweep or an RQ retry would create: the lease,
    # not luck, must keep them apart.
    from rq import Queue

    from bot.core.ingest import DRAIN_FUNC, QUEUE_NAME

    queue = Queue(QUEUE_NAME, connection=bot.redis)
    for _ in range(3):
        for user in users:
            queue.enqueue(DRAIN_FUNC, user)
    workers = [spawn(["worker"], env) for _ in range(3)]
    try:
        wait_for(lambda: all(len(bot.messages(u)) == 6 for u in users), 60, "all replies")
    finally:
        for proc in workers:
            proc.terminate()
            proc.wait(10)
    assert bot.redis.get("test:overlap") is None
    for user in users:
        assert [m.decode() for m in bot.redis.lrange(f"test:order:{user}", 0, -1)] == [f"m{n}" for n in range(6)]
        assert bot.replies(user) == [f"nhận: m{n}" for n in range(6)]


def test_dxbot_dev_stops_everything_on_sigterm(tmp_path: Path) -> None:
    """Stopped by a supervisor rather than Ctrl-C, `dxbot dev` must not leave Redis, web or workers behind."""
    import psutil

    proc, port, _ = _start_dev(tmp_path, subprocess.DEVNULL)
    try:
        wait_for(lambda: _ok(f"http://127.0.0.1:{port}/healthz"), 60, "dxbot dev health")
        children = psutil.Process(proc.pid).children(recursive=True)
        assert len(children) >= 5  # redis, emulator, web, worker, scheduler
        proc.send_signal(signal.SIGTERM)  # only the supervisor, not its group
        assert proc.wait(30) == 0
        gone, alive = psutil.wait_procs(children, timeout=15)
        assert alive == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
