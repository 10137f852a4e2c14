"""A process stalled past its lease (CPU starvation, GC, SIGSTOP) and then resumed never doubles a reply.

A bench_replies run on a heavily loaded machine (no process killed) sent 15 replies twice: a sender thread
renewed its send lease, sent, and was then held off the CPU longer than the lease's TTL before it recorded
Zalo's answer; another sender took the user over and sent the same head of the outbox again. Here the stall is
made deterministic with SIGSTOP/SIGCONT on real `dxbot` processes, the real emulator and a real redis-server.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

from bot.core.notify import queue_text
from bot.infra import keys
from tests.routers import slow_echo
from tests.support import BotHarness, quiet, spawn, stop, wait_for

CS = "/v3.0/oa/message/cs"
USER = "5151515151515151515"


@contextmanager
def stopped(proc: subprocess.Popen[bytes]) -> Iterator[None]:
    """The process's whole group is frozen (SIGSTOP) in the body and resumed (SIGCONT) after it."""
    os.killpg(proc.pid, signal.SIGSTOP)
    try:
        yield
    finally:
        os.killpg(proc.pid, signal.SIGCONT)


def _queue(bot: BotHarness, *texts: str) -> None:
    with bot.redis.pipeline() as pipe:
        for text in texts:
            queue_text(pipe, USER, text)
        pipe.execute()


def _outbox_done(bot: BotHarness) -> bool:
    """Nothing left to send and no sender holding or due to hold the user (no worker here, so no `quiet`)."""
    return (not bot.redis.llen(keys.outbox(USER)) and not bot.redis.exists(keys.send_lease(USER))
            and bot.redis.zscore(keys.SEND_DUE, USER) is None)


def _owner(bot: BotHarness, key: str) -> str:
    return (bot.redis.get(key) or b"").decode()


def test_a_sender_stalled_mid_send_past_its_lease_does_not_get_its_reply_sent_twice(bot: BotHarness) -> None:
    env = {**bot.env, "USER_LEASE_SECONDS": "2", "SENDER_THREADS": "4"}
    bot.use_router(slow_echo())
    bot.send(USER, "alo")  # opens Zalo's window; answered by the drain itself (no sender yet)
    bot.run_worker()
    # Zalo records the first send at once and holds its answer 3 s: the first sender is frozen in that wait
    bot.fault(kind="delay", seconds=3, when="after", count=1, path=CS)
    _queue(bot, "tin một", "tin hai")
    first = spawn(["sender"], env)
    second = None
    try:
        wait_for(lambda: len(bot.messages(USER)) == 2, 20, "the first sender's send to reach Zalo")
        stalled_owner = _owner(bot, keys.send_lease(USER))
        assert stalled_owner.startswith(f"send:{first.pid}-")
        with stopped(first):
            second = spawn(["sender"], env)
            # the lease ran out while the first sender was frozen; the second took the user and finished
            wait_for(lambda: _outbox_done(bot), 30,
                     "the second sender to take the user over and finish the outbox")
        stop(first)  # resumed: it reads Zalo's late answer, then SIGTERM lets it finish what it has in flight
        assert first.returncode != -signal.SIGKILL
    finally:
        stop(first, *([second] if second else []))
    assert bot.replies(USER) == ["nhận: alo", "tin một", "tin hai"]  # each once, in order
    assert _outbox_done(bot)
    # the taker found "tin một" in flight under the lost lease: outcome unknown, recorded, not sent again
    records = [json.loads(raw) for raw in bot.redis.lrange(keys.UNDELIVERABLE, 0, -1)]
    assert [(r["message"]["text"], r["reason"]) for r in records] == [("tin một", "unknown_outcome")]


def test_a_worker_stalled_in_a_handler_past_its_lease_cannot_commit_after_the_take_over(bot: BotHarness) -> None:
    env = {**bot.env, "DXBOT_ROUTER": "tests.routers:slow_echo", "USER_LEASE_SECONDS": "2"}
    first = spawn(["worker"], env)
    others: list[subprocess.Popen[bytes]] = []
    try:
        bot.send(USER, "slow một")
        wait_for(lambda: bot.redis.get("test:slow-started") == b"1", 20, "the first worker's handler to start")
        job_id = _owner(bot, keys.lease(USER))
        with stopped(first):  # frozen with the user's lease; its lease keeper is frozen too
            others = [spawn(["worker"], env), spawn(["scheduler", "--interval", "0.5"], env)]
            wait_for(lambda: len(bot.messages(USER)) == 1 and quiet(bot.redis, USER), 40,
                     "another job to take the user over and answer")
        assert bot.redis.get("test:slow-started") == b"2"
        assert job_id and _owner(bot, keys.lease(USER)) != job_id
        # resumed: its handler ends and its commit (checked against the lease in the transaction) is refused;
        # SIGTERM is RQ's warm shutdown: the worker exits only once that job has ended
        stop(first)
        assert first.returncode != -signal.SIGKILL
    finally:
        stop(first, *others)
    assert bot.replies(USER) == ["nhận: slow một"]
    assert quiet(bot.redis, USER)
