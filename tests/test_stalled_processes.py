"""A process stalled past its lease (CPU starvation, GC, SIGSTOP) and then resumed never doubles a reply.

A bench_replies run on a heavily loaded machine (no process killed) sent 15 replies twice: a sender thread
renewed its send lease, sent, and was then held off the CPU longer than the lease's TTL before it recorded
Zalo's answer; another sender took the user over and sent the same head of the outbox again. Here the stall is
made deterministic with SIGSTOP/SIGCONT on real `dxbot` processes, the real emulator and a real redis-server.
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager

from bot.core.notify import queue_text
from bot.infra import keys
from tests.routers import slow_echo
from tests.support import BotHarness, quiet, spawn, stop, wait_for, wait_for_worker

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


def _stall_first_sender(bot: BotHarness, alive_ttl_s: int) -> tuple[dict[str, str], subprocess.Popen[bytes]]:
    """A sender whose send of "tin một" reached Zalo and waits 3 s for the answer (lease 2 s)."""
    # the client waits longer than Zalo's 3 s hold: with the suite's 3 s timeout the two raced, and a quiet machine
    # let the timeout win (the send then ended "unknown outcome" instead of Zalo's late answer)
    env = {**bot.env, "USER_LEASE_SECONDS": "2", "SENDER_THREADS": "4", "PROC_ALIVE_TTL_SECONDS": str(alive_ttl_s),
           "ZALO_TIMEOUT_SECONDS": "15"}
    bot.use_router(slow_echo())
    bot.send(USER, "alo")  # opens Zalo's window; answered by the drain itself (no sender yet)
    bot.run_worker()
    # Zalo records the first send at once and holds its answer 3 s: the first sender is frozen in that wait
    bot.fault(kind="delay", seconds=3, when="after", count=1, path=CS)
    _queue(bot, "tin một", "tin hai")
    first = spawn(["sender"], env)
    wait_for(lambda: len(bot.messages(USER)) == 2, 20, "the first sender's send to reach Zalo")
    assert _owner(bot, keys.send_lease(USER)).startswith(f"send:{first.pid}-")
    return env, first


def test_a_sender_stalled_mid_send_past_its_lease_does_not_get_its_reply_sent_twice(bot: BotHarness) -> None:
    env, first = _stall_first_sender(bot, alive_ttl_s=60)
    second = None
    try:
        with stopped(first):  # frozen past its send lease, not past its liveness key (60 s)
            second = spawn(["sender"], env)
            # the lease ran out; the second sender took the user, found "tin một" in flight under a live process
            # and left it to that process (more than once: it keeps coming back until the owner is done)
            wait_for(lambda: bot.metric("messages_waited_total", reason="owner_alive") >= 2, 30,
                     "the second sender to find the first one's send in flight and wait")
            assert len(bot.messages(USER)) == 2
        # resumed: the first reads Zalo's late answer and pops its message; the second sends the rest
        wait_for(lambda: _outbox_done(bot), 30, "the outbox to be delivered")
        stop(first)  # SIGTERM lets it finish what it has in flight
        assert first.returncode != -signal.SIGKILL
    finally:
        stop(first, *([second] if second else []))
    assert bot.replies(USER) == ["nhận: alo", "tin một", "tin hai"]  # each once, in order, none given up
    assert _outbox_done(bot)
    assert bot.redis.llen(keys.UNDELIVERABLE) == 0
    assert bot.metric("messages_resent_total", reason="sender_died") == 0


def test_a_sender_stalled_past_its_liveness_ttl_counts_as_dead_and_its_reply_goes_twice(bot: BotHarness) -> None:
    """The documented window (docs/reliability.md): a stall longer than PROC_ALIVE_TTL_SECONDS looks like a death,
    so the in-flight reply is sent again; the stalled sender's late answer then changes nothing (no lost reply)."""
    env, first = _stall_first_sender(bot, alive_ttl_s=2)
    second = None
    try:
        with stopped(first):
            second = spawn(["sender"], env)
            wait_for(lambda: _outbox_done(bot), 30, "the second sender to resend the head and finish the outbox")
        stop(first)
        assert first.returncode != -signal.SIGKILL
    finally:
        stop(first, *([second] if second else []))
    assert bot.replies(USER) == ["nhận: alo", "tin một", "tin một", "tin hai"]
    assert bot.metric("messages_resent_total", reason="sender_died") == 1
    assert _outbox_done(bot) and bot.redis.llen(keys.UNDELIVERABLE) == 0


def test_a_worker_stalled_in_a_handler_past_its_lease_cannot_commit_after_the_take_over(bot: BotHarness) -> None:
    env = {**bot.env, "DXBOT_ROUTER": "tests.routers:slow_echo", "USER_LEASE_SECONDS": "2"}
    first = spawn(["worker"], env)
    others: list[subprocess.Popen[bytes]] = []
    try:
        wait_for_worker(bot.redis, first)  # its start-up is CPU-bound: the 20 s below count from a running worker
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
