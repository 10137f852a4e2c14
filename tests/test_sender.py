"""`dxbot sender`: replies leave off the event path, many users at once, each user's in order, and every
delivery rule of the outbox still holds (bot/core/sender.py, bot/core/delivery.py)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from bot.core import delivery, inflight
from bot.core.notify import queue_text, send_now
from bot.core.sender import Sender
from bot.infra import keys
from tests.routers import slow_echo
from tests.support import BotHarness, quiet, spawn, stop, wait_for

CS = "/v3.0/oa/message/cs"


@contextmanager
def running_sender(bot: BotHarness, threads: int) -> Iterator[Sender]:
    """A sender in this process (threads), alive for the drains of this process before the body runs."""
    sender = Sender(bot.rt, threads=threads)
    halt = threading.Event()
    thread = threading.Thread(target=sender.run, args=(halt,), daemon=True)
    thread.start()
    wait_for(lambda: bot.redis.exists(keys.SENDER_ALIVE), 10, "the sender's heartbeat")
    delivery.forget_sender_state()
    try:
        yield sender
    finally:
        halt.set()
        thread.join(30)
        delivery.forget_sender_state()
        assert not thread.is_alive()


def _users(n: int) -> list[str]:
    return [f"77{i:017d}" for i in range(n)]


def test_the_worker_commits_and_moves_on_while_replies_wait_on_zalo(bot: BotHarness) -> None:
    bot.use_router(slow_echo())
    users = _users(12)
    bot.fault(kind="stall", seconds=2, count=len(users), path=CS)  # every first send hangs, then HTTP 504
    with running_sender(bot, threads=len(users)):
        for user in users:
            bot.send(user, "chào")
        bot.run_worker()  # returns once every event is committed: it did not wait on a single send
        assert bot.redis.zcard(keys.inbox(users[0])) == 0
        assert all(bot.redis.llen(keys.outbox(user)) == 1 for user in users)
        # all twelve users' sends are in flight at once, each under its own send lease, none answered yet
        wait_for(lambda: len(bot.redis.keys(keys.send_lease("*"))) == len(users), 10, "twelve sends in flight")
        assert bot.messages() == []
        # the 504s are retryable: each user is due again after its backoff, and the sweeper is not needed
        wait_for(lambda: all(bot.replies(u) == ["nhận: chào"] for u in users), 30, "every reply after the stall")
    assert bot.redis.zcard(keys.SEND_DUE) == 0


def test_each_users_replies_keep_their_order_across_many_threads(bot: BotHarness) -> None:
    bot.use_router(slow_echo())
    users = _users(6)
    bot.fault(kind="delay", seconds=0.05, when="before", count=1000, path=CS)
    with running_sender(bot, threads=8):
        for n in range(5):
            for user in users:
                bot.send(user, f"câu {n}")
            bot.run_worker()
        wait_for(lambda: all(len(bot.messages(u)) == 5 for u in users), 30, "every reply")
    for user in users:
        assert bot.replies(user) == [f"nhận: câu {n}" for n in range(5)]


def test_unknown_outcomes_and_unreachable_users_are_recorded_not_resent(bot: BotHarness) -> None:
    bot.use_router(slow_echo())
    bot.reconfigure(ZALO_TIMEOUT_SECONDS="0.5")
    lost, gone = _users(2)
    # the first send is processed by Zalo but answered too late: outcome unknown, never sent twice
    bot.fault(kind="delay", seconds=2, when="after", count=1, path=CS)
    with running_sender(bot, threads=4):
        bot.send(lost, "một")
        bot.run_worker()
        wait_for(lambda: bot.metric("messages_failed_total", reason="unknown_outcome") == 1, 20, "unknown")
        bot.fault(kind="zalo_error", error=-230, count=1, path=CS)
        bot.send(gone, "hai")
        bot.run_worker()
        wait_for(lambda: bot.redis.llen(keys.UNDELIVERABLE) == 2, 20, "the -230 recorded")
        bot.send(lost, "ba")
        bot.run_worker()
        wait_for(lambda: len(bot.messages(lost)) == 2, 20, "the next reply")
    assert bot.replies(lost) == ["nhận: một", "nhận: ba"]  # "một" reached Zalo once, was not re-sent
    assert bot.messages(gone) == []
    assert bot.redis.llen(keys.outbox(gone)) == 0


@pytest.mark.parametrize("reached", [False, True], ids=["request-lost-at-the-kill", "request-reached-zalo"])
def test_a_killed_senders_users_are_delivered_by_the_next_one(bot: BotHarness, reached: bool) -> None:
    """A reply in flight when its sender is SIGKILLed is sent again by the next sender once the dead one's liveness
    key has expired: none is lost. It shows twice only when its request had reached Zalo before the kill (the
    documented kill window): `reached` holds Zalo's answer back after recording the message, the other case
    stalls the request before Zalo processes it."""
    env = {**bot.env, "USER_LEASE_SECONDS": "2", "SENDER_THREADS": "4", "PROC_ALIVE_TTL_SECONDS": "2"}
    user = _users(1)[0]
    bot.use_router(slow_echo())
    bot.send(user, "alo")  # the user wrote to the OA (Zalo's window), answered by the drain itself
    bot.run_worker()
    if reached:
        bot.fault(kind="delay", seconds=20, when="after", count=1, path=CS)
    else:
        bot.fault(kind="stall", seconds=20, count=1, path=CS)
    with bot.redis.pipeline() as pipe:
        queue_text(pipe, user, "tin nhắn thử")
        queue_text(pipe, user, "tin sau")
        pipe.execute()
    first = spawn(["sender"], env)
    try:
        wait_for(lambda: not bot.emulator("GET", "/faults").json()["faults"], 20, "the first send to reach Zalo")
        if reached:
            wait_for(lambda: len(bot.messages(user)) == 2, 20, "Zalo to record the message in flight")
        first.kill()
        first.wait()
        at_kill = bot.replies(user)
        second = spawn(["sender"], env)
        try:
            wait_for(lambda: bot.replies(user)[-1:] == ["tin sau"] and not bot.redis.llen(keys.outbox(user)), 30,
                     "the second sender to deliver the rest")
        finally:
            stop(second)
    finally:
        stop(first)
    assert at_kill == ["nhận: alo", *(["tin nhắn thử"] if reached else [])]
    assert bot.replies(user) == [*at_kill, "tin nhắn thử", "tin sau"]  # none lost; a copy only of what had reached
    assert bot.metric("messages_resent_total", reason="sender_died") == 1
    assert bot.redis.llen(keys.UNDELIVERABLE) == 0


def test_a_second_sender_in_the_same_process_sends_nothing_the_first_sent(bot: BotHarness) -> None:
    """A claim's answer is kept a lease long under its owner's name (a retried claim answers the same): a new Sender in
    the same process (tests, an in-process restart) once named its first claim as the last one did, got that claim's
    old answer back and sent its head, long delivered, a second time."""
    bot.use_router(slow_echo())
    user = _users(1)[0]
    bot.send(user, "alo")  # the user wrote to the OA (Zalo's window), answered by the drain itself
    bot.run_worker()
    for text in ("một", "hai"):
        send_now(bot.redis, user, text)
        with running_sender(bot, threads=2):
            wait_for(lambda text=text: bot.replies(user)[-1:] == [text], 20, f"the sender to send {text!r}")
    assert bot.replies(user) == ["nhận: alo", "một", "hai"]


def test_a_sender_keeps_no_claim_answer_once_its_next_claim_is_made(bot: BotHarness) -> None:
    """Each claim's answer (the users it claimed with their outbox heads) is kept for a client retry of that call;
    the sender's next claim deletes it. Left to expire (a lease long), the answers of a busy sender were mostly never
    deleted by Redis, whose sampling of expired keys stops while under a tenth of those it samples are expired: with
    the 7-day dedupe keys around them they held Redis's memory growing with the events handled."""
    bot.use_router(slow_echo())
    users = _users(4)
    with running_sender(bot, threads=4):
        for n in range(3):
            for user in users:
                bot.send(user, f"câu {n}")
            bot.run_worker()
            wait_for(lambda n=n: all(len(bot.messages(u)) == n + 1 for u in users), 20, f"the replies of wave {n}")
        # the idle sender's next poll is a claim too (answering nobody): the last answer kept goes with it
        wait_for(lambda: not bot.redis.keys(keys.send_claim("*")), 2, "no claim answer kept after the next claim")
    for user in users:
        assert bot.replies(user) == [f"nhận: câu {n}" for n in range(3)]


def test_a_stopping_sender_leaves_the_sends_past_its_deadline_in_the_outbox_for_the_next_one(
        bot: BotHarness) -> None:
    """After SIGTERM a sender starts sends for SENDER_STOP_SECONDS at most (0 here: none after the one in flight), so
    a long outbox cannot keep it busy past a process manager's grace period; the rest stays queued, due, and the
    next sender delivers it: each message once, in order."""
    bot.use_router(slow_echo())
    user = _users(1)[0]
    bot.send(user, "alo")  # the user wrote to the OA (Zalo's window), answered by the drain itself
    bot.run_worker()
    burst = [f"tin {n}" for n in range(8)]
    with bot.redis.pipeline() as pipe:
        for text in burst:
            queue_text(pipe, user, text)
        pipe.execute()
    bot.fault(kind="delay", seconds=0.3, when="before", count=1000, path=CS)
    bot.reconfigure(SENDER_STOP_SECONDS="0")
    with running_sender(bot, threads=4):
        wait_for(lambda: len(bot.messages(user)) >= 2, 20, "the burst's first send")
    left = bot.redis.llen(keys.outbox(user))
    assert left >= 1, "the stopped sender sent the whole outbox"
    assert bot.replies(user) == ["nhận: alo", *burst[:len(burst) - left]]
    # nothing held: no in-flight mark, no send lease; the user is due for whoever sends next
    assert not bot.redis.exists(keys.sending(user)) and not bot.redis.exists(keys.send_lease(user))
    assert bot.redis.zscore(keys.SEND_DUE, user) is not None
    with running_sender(bot, threads=4):
        wait_for(lambda: not bot.redis.llen(keys.outbox(user)) and len(bot.messages(user)) == 1 + len(burst), 30,
                 "the next sender to deliver the rest")
    assert bot.replies(user) == ["nhận: alo", *burst]
    assert bot.metric("messages_resent_total", reason="sender_died") == 0
    assert bot.redis.llen(keys.UNDELIVERABLE) == 0


def test_a_stopping_sender_says_it_lives_until_its_last_send_is_answered(bot: BotHarness) -> None:
    """SIGTERM stops a sender's claims at once, but its sends in flight go on: its liveness key must too, or a send
    slower than PROC_ALIVE_TTL_SECONDS is taken for a dead process's by the next sender and goes twice."""
    env = {**bot.env, "USER_LEASE_SECONDS": "2", "PROC_ALIVE_TTL_SECONDS": "2", "SENDER_THREADS": "4",
           "ZALO_TIMEOUT_SECONDS": "20"}
    user = _users(1)[0]
    bot.use_router(slow_echo())
    bot.send(user, "alo")  # the user wrote to the OA (Zalo's window), answered by the drain itself
    bot.run_worker()
    bot.fault(kind="delay", seconds=6, when="after", count=1, path=CS)  # Zalo records it, answers 6 s later
    send_now(bot.redis, user, "tin chậm")
    first = spawn(["sender"], env)
    try:
        wait_for(lambda: len(bot.messages(user)) == 2, 20, "Zalo to record the slow send")
        first.terminate()  # while that send waits for its answer, past the send lease and the liveness TTL
        bot.reconfigure(USER_LEASE_SECONDS="2", PROC_ALIVE_TTL_SECONDS="2")
        with running_sender(bot, threads=4):  # takes the user over once the stopping sender's send lease expires
            assert first.wait(30) == 0
            wait_for(lambda: not bot.redis.exists(keys.outbox(user), keys.sending(user), keys.send_lease(user)), 20,
                     "the outbox to be settled")
    finally:
        stop(first)
    assert bot.replies(user) == ["nhận: alo", "tin chậm"]
    assert bot.metric("messages_resent_total", reason="sender_died") == 0


def test_without_a_sender_drains_deliver_what_was_left_for_one(bot: BotHarness) -> None:
    from bot.maintenance import sweep

    bot.use_router(slow_echo())
    user = _users(1)[0]
    bot.redis.set(keys.SENDER_ALIVE, "gone", px=60_000)  # a sender that is about to die
    delivery.forget_sender_state()
    bot.send(user, "alo")
    bot.run_worker()
    assert bot.messages(user) == [] and bot.redis.zscore(keys.SEND_DUE, user) is not None
    bot.redis.delete(keys.SENDER_ALIVE)
    delivery.forget_sender_state()
    sweep()
    bot.run_worker()
    assert bot.replies(user) == ["nhận: alo"]
    assert bot.redis.zcard(keys.SEND_DUE) == 0


def test_one_drain_job_drains_the_next_queued_users_until_another_kind_of_job(bot: BotHarness) -> None:
    from rq import Queue

    from bot.core.ingest import QUEUE_NAME

    bot.use_router(slow_echo())
    first, second, third = _users(3)
    queue = Queue(QUEUE_NAME, connection=bot.redis)
    bot.send(first, "một")
    bot.send(second, "hai")
    other = queue.enqueue("builtins.len", "abc")  # not a drain job: the running drain stops taking jobs here
    bot.send(third, "ba")
    bot.run_worker(max_jobs=1)
    assert bot.replies(first) == ["nhận: một"] and bot.replies(second) == ["nhận: hai"]
    assert bot.messages(third) == []
    assert queue.job_ids[0] == other.id and len(queue.job_ids) == 2  # "other", then the third user's job
    bot.run_worker()
    assert bot.replies(third) == ["nhận: ba"]
    assert bot.redis.zcard(keys.PENDING_USERS) == 0


def test_a_drain_job_lingers_for_the_next_event_instead_of_returning_to_rq(bot: BotHarness) -> None:
    from rq import Queue

    from bot.core.ingest import QUEUE_NAME

    bot.reconfigure(DRAIN_LINGER_SECONDS="1.9")
    bot.use_router(slow_echo())
    first, second = _users(2)
    bot.send(first, "một")

    def second_writes() -> None:  # RQ's worker must run in the main thread: the second citizen is this one
        wait_for(lambda: bot.replies(first) == ["nhận: một"], 10, "the first reply")
        bot.send(second, "hai")  # queued as a new RQ job while the first job lingers

    citizen = threading.Thread(target=second_writes)
    citizen.start()
    bot.run_worker(max_jobs=1)
    citizen.join(30)
    assert bot.replies(second) == ["nhận: hai"]  # taken by the lingering job: the worker ran only one job
    assert Queue(QUEUE_NAME, connection=bot.redis).count == 0


def test_a_worker_killed_while_delivering_inline_has_its_reply_sent_by_the_next_worker(bot: BotHarness) -> None:
    """With no sender, a drain sends its user's replies itself (bot/core/delivery.py); its worker's liveness key
    (kept by the lease keeper) names it in the in-flight mark, so a SIGKILL there loses nothing either."""
    env = {**bot.env, "DXBOT_ROUTER": "tests.routers:slow_echo", "USER_LEASE_SECONDS": "2",
           "PROC_ALIVE_TTL_SECONDS": "2"}
    user = _users(1)[0]
    bot.fault(kind="stall", seconds=20, count=1, path=CS)  # the inline send in flight at the kill: never processed
    first = spawn(["worker"], env)
    others = []
    try:
        bot.send(user, "alo")
        wait_for(lambda: not bot.emulator("GET", "/faults").json()["faults"], 20, "the inline send to reach Zalo")
        mark = bot.redis.get(keys.sending(user))  # marked in flight by the worker, which says it is alive
        assert mark is not None and bot.redis.exists(keys.proc_alive(inflight.split(mark)[0]))
        first.kill()
        first.wait()
        others = [spawn(["worker"], env), spawn(["scheduler", "--interval", "0.5"], env)]
        wait_for(lambda: bot.replies(user) == ["nhận: alo"] and quiet(bot.redis, user), 40,
                 "the next worker to send the reply the killed one had in flight")
    finally:
        stop(first, *others)
    assert bot.replies(user) == ["nhận: alo"]
    assert bot.metric("messages_resent_total", reason="sender_died") == 1
