"""The fast version of `make soak`: citizen traffic through the emulator while worker process groups are
SIGKILLed, redis-server is SIGKILLed and restarted, Zalo fails in bursts and a digest goes out.

Nothing may be lost (every accepted event answered, every consented story stored), a reply may repeat
only inside the documented window (a send cut short by a kill: at most one per kill), and no digest
reaches anyone twice. The traffic, the driver and the ledger are benchmarks/citizens.py.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import redis

from benchmarks import citizens
from bot.core.ingest import QUEUED_LEASE_MS
from bot.digest import fanout as digest
from bot.digest import schedule as digest_schedule
from bot.digest.stories import DigestStory, add_fixture_story
from bot.infra import clock, keys
from tests.conftest import RedisServer
from tests.support import BotHarness, spawn, stop, wait_for, wait_for_worker

MODERATOR = "9000000000000000009"
READERS = [f"68{i:017d}" for i in range(15)]
RATE, SECONDS = 10.0, 12.0


def _converse(bot: BotHarness) -> Callable[[str, str], list[str]]:
    def converse(user: str, text: str) -> list[str]:
        before = len(bot.replies(user))
        bot.send(user, text)
        bot.settle()
        return bot.replies(user)[before:]
    return converse


def _pings(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False


def _a_weekday_not_today(bot: BotHarness) -> str:
    """A digest schedule three days from today (bot time): with the default "MON 08:00", a run on a Monday after
    08:00 found that day's slot missed, and the spawned scheduler's catch-up fired it before the test's own fire did
    (session 32: "already" at 09:52 on a Monday, on main too; `next_send` returns a slot missed earlier that day)."""
    today = clock.now(bot.redis, bot.settings).weekday()
    return f"{('MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN')[(today + 3) % 7]} 08:00"


def test_kills_redis_restart_and_zalo_faults_lose_nothing(bot: BotHarness, redis_server: RedisServer) -> None:
    bot.reconfigure(DIGEST_SCHEDULE=_a_weekday_not_today(bot))
    expected = citizens.calibrate(_converse(bot), 6_600_000_000_000_000_000)  # in-process, before any fault
    for reader in READERS:
        bot.send(reader, "đăng ký")
    bot.settle()
    add_fixture_story(bot.redis, DigestStory(code="RELY", title="Chợ 4.0 ở xã vùng cao", locality="Lào Cai",
                                             excerpt="Bà con bán nông sản qua mạng, trả tiền bằng mã QR.",
                                             approved_ms=int(time.time() * 1000) - 3_600_000))
    env = {**bot.env, "USER_LEASE_SECONDS": "3", "DIGEST_RATE_PER_SECOND": "0", "DIGEST_LEASE_SECONDS": "3",
           "LOG_LEVEL": "WARNING"}
    workers = [spawn(["worker"], env), spawn(["worker"], env)]
    procs = [*workers, spawn(["scheduler", "--interval", "0.3"], env)]
    kills: list[str] = []
    redis_back = threading.Event()  # the driver keeps offering until Redis has been down and is back
    slot = digest_schedule.slot_id(digest_schedule.next_send(bot.redis, bot.settings))

    def kill_worker(i: int) -> None:
        workers[i].send_signal(signal.SIGKILL)  # the whole group: the worker and RQ's scheduler child
        workers[i].wait(10)
        workers[i] = spawn(["worker"], env)
        procs.append(workers[i])
        kills.append(f"worker{i}")

    def faults() -> None:
        time.sleep(2.5)
        kill_worker(0)
        time.sleep(1.0)
        bot.fault(kind="http", status=503, count=6)
        bot.fault(kind="zalo_error", error=-32, count=6)
        bot.fault(kind="delay", seconds=4, when="after", count=1)  # longer than ZALO_TIMEOUT_SECONDS=3
        bot.fault(kind="zalo_error", error=-201, count=4, path="/v3.0/oa/message/cs")  # a refused payload
        # The Zalo errors are counted in Redis: let them be consumed and counted before Redis goes, so the
        # exact counts asserted below do not depend on how busy the machine is.
        wait_for(lambda: bot.metric("zalo_errors_total", code="503") == 6
                 and bot.metric("zalo_errors_total", code="-32") == 6
                 and bot.metric("zalo_errors_total", code="-201") == 4, 30, "the injected errors to be counted")
        redis_server.stop(kill=True)  # SIGKILL: only the append-only file brings the data back
        kills.append("redis")
        time.sleep(1.0)  # the webhook answers 503 meanwhile; the driver re-sends like Zalo
        redis_server.start()
        wait_for(lambda: _pings(bot.redis), 10, "redis back")
        redis_back.set()
        time.sleep(0.5)
        assert digest.fire(slot, force=True) == "started"
        time.sleep(1.5)
        kill_worker(1)

    controller = threading.Thread(target=faults, daemon=True)
    try:
        controller.start()
        drive = citizens.Driver(bot.emulator_url, user_base=6_700_000_000_000_000_000, threads=8).run(
            RATE, SECONDS, drain_s=20, until=redis_back.is_set, most_s=60)
        controller.join(30)
        # settled within the recovery bound (the queued lease plus a minute); usually quiet within seconds. Loaded
        # runs of sessions 11-12 were not quiet within 90 s: a Redis SIGKILL mid-settle left a live worker's in-flight
        # mark standing for SEND_IN_FLIGHT_MAX_SECONDS (docs/reliability.md, fixes 8-10); the message says what held it.
        assert citizens.wait_settled(bot.redis, QUEUED_LEASE_MS / 1000 + 60, ignore=frozenset({MODERATOR})), \
            citizens.unsettled(bot.redis, frozenset({MODERATOR}))
        wait_for(lambda: bot.redis.hget(keys.digest_run(slot), "status") == b"done", 60, "the digest to finish")
        assert all(w.poll() is None for w in workers)  # running workers survived the Redis restart
    finally:
        stop(*procs)
    assert kills == ["worker0", "redis", "worker1"]
    messages = bot.messages()
    ledger = citizens.account(drive.conversations, expected, messages, bot.redis)

    assert drive.statuses["503"] > 0 and drive.unaccepted == 0  # Redis was down; every event got in later
    assert bot.metric("zalo_errors_total", code="503") == 6 and bot.metric("zalo_errors_total", code="-32") == 6
    assert bot.metric("zalo_errors_total", code="-201") == 4
    assert ledger.received == drive.accepted > 80
    assert ledger.lost == 0 and ledger.dead == 0, ledger.lost_examples
    assert ledger.unexpected == 0, ledger.unexpected_examples
    assert ledger.answered + ledger.refused == ledger.received
    assert ledger.duplicated <= len(kills), ledger.duplicates  # at most the send in flight at each kill
    assert ledger.stories_submitted > 0 and ledger.stories_stored == ledger.stories_submitted
    assert ledger.stories_doubled == 0

    deliveries = citizens.digest_deliveries(messages, exclude=frozenset({MODERATOR}))
    assert max(deliveries.values()) == 1  # nobody got the digest twice
    report = digest.report(bot.redis, slot)
    unknown = report["unknown"] + report["in_flight"]
    kept = report["deferred_window"]  # a -201 on the plain digest keeps it for the reader's next message
    assert sum(1 for r in READERS if deliveries[r] == 1) >= len(READERS) - unknown - kept
    assert report["sent"] + unknown >= len(deliveries) >= report["sent"]


def test_a_drain_job_whose_worker_died_before_it_started_does_not_hold_the_user(bot: BotHarness) -> None:
    """Regression (found by the soak): a worker SIGKILLed after taking a drain job from the queue but before
    the job took the user's lease left the user unanswered for the whole queued lease (5 minutes)."""
    from rq import Queue
    from rq.job import Job, JobStatus

    from bot.core.ingest import QUEUE_NAME
    from bot.infra.texts import render
    from bot.maintenance import sweep

    user = "6811111111111111111"
    bot.send(user, "menu")  # stored; a drain job is queued and holds the user's lease
    owner = bot.redis.get(keys.lease(user)).decode()
    assert sweep() == 0  # the job is waiting in the queue: nobody else may take the user
    queue = Queue(QUEUE_NAME, connection=bot.redis)
    queue.remove(owner)  # ... then a worker takes it, marks it started, and dies
    Job.fetch(owner, connection=bot.redis).set_status(JobStatus.STARTED)
    assert bot.redis.pttl(keys.lease(user)) > bot.settings.user_lease_s * 1000

    assert sweep() == 1  # the sweeper sees a started job that never took its lease
    assert bot.redis.get(keys.lease(user)).decode() != owner
    assert bot.metric("leases_reclaimed_total") == 1
    bot.settle()
    assert bot.replies(user) == [render("help")]


def test_a_drain_job_dequeued_by_a_worker_that_died_before_starting_it_does_not_hold_the_user(
        bot: BotHarness) -> None:
    """Regression (the flaky fault run): RQ's dequeue moves the job from the queue to its intermediate list, and
    only the worker's next transaction marks it `started`. A worker SIGKILLed in between (or cut off by a Redis
    SIGKILL: its next command fails) leaves the job `queued` in that list: the claim took it for a job still
    waiting in the queue, and the user waited until RQ failed the job (a minute or more) or the queued lease
    ran out (5 minutes)."""
    from rq import Queue

    from bot.core.ingest import QUEUE_NAME
    from bot.infra.texts import render
    from bot.maintenance import sweep
    from tests.support import InProcessWorker

    user = "6811111111111111112"
    bot.send(user, "menu")
    owner = bot.redis.get(keys.lease(user)).decode()
    assert sweep() == 0  # waiting in the queue: nobody else may take the user
    queue = Queue(QUEUE_NAME, connection=bot.redis)
    dequeued = Queue.dequeue_any([queue], None, connection=bot.redis)  # RQ's own dequeue, as a worker's ...
    assert dequeued is not None
    job, _ = dequeued  # ... which then dies: nothing marks the job started
    assert job.id == owner and job.get_status(refresh=True) == "queued"

    assert sweep() == 1  # a job that left the queue for a worker that never started it
    assert bot.redis.get(keys.lease(user)).decode() != owner
    assert bot.metric("leases_reclaimed_total") == 1
    # had that worker been slow rather than dead, its job starts now: it finds the lease changed, leaves the user
    # to the new job (or, lingering, takes that job from the queue and drains the user as that job)
    assert InProcessWorker([queue], connection=bot.redis).perform_job(job, queue)
    bot.settle()
    assert bot.replies(user) == [render("help")]  # answered, once


def _answered_with_its_mark(bot: BotHarness, monkeypatch: pytest.MonkeyPatch, user: str) -> list[bytes]:
    """`user` asks for the menu and gets it; the in-flight mark its one send went out under (what a Redis rollback
    brings back in the tests below)."""
    from bot.core import outbox
    from bot.infra.texts import render

    marks: list[bytes] = []
    sent_args = outbox._sent_args  # noqa: SLF001 - the one place that sees the mark of a send Zalo accepted
    monkeypatch.setattr(outbox, "_sent_args", lambda mine, message: marks.append(mine) or sent_args(mine, message))
    bot.send(user, "menu")
    bot.settle()
    assert bot.replies(user) == [render("help")] and len(marks) == 1
    return marks


def test_a_send_mark_a_redis_rollback_brought_back_does_not_hold_the_user(
        bot: BotHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (the flaky fault run): Redis with `appendfsync everysec`, SIGKILLed while its disk was slow, lost
    writes it had acknowledged (the fault test saw a counter go from 4 back to 2), here the pop after a sent reply.
    The reply's in-flight mark came back under a process that still lived but no longer sent it: every taker,
    that process too, waited SEND_IN_FLIGHT_MAX_SECONDS (2 minutes) before settling it "unknown". The process that
    set the mark knows the send went out: it pops it at once, and sends it no second time."""
    from bot.infra.texts import render
    from bot.maintenance import sweep

    user = "6811111111111111113"
    marks = _answered_with_its_mark(bot, monkeypatch, user)
    # what the append-only file brings back: the head marked in flight by this (live) process, the user due again
    now_ms = int(time.time() * 1000)
    bot.redis.rpush(keys.outbox(user), marks[0].split(b"\n", 3)[3])
    bot.redis.set(keys.sending(user), marks[0])
    bot.redis.zadd(keys.SEND_DUE, {user: now_ms})
    bot.redis.zadd(keys.PENDING_USERS, {user: now_ms})

    assert sweep() == 1
    bot.run_worker()
    assert bot.redis.get(keys.sending(user)) is None and bot.redis.llen(keys.outbox(user)) == 0
    assert bot.redis.zscore(keys.SEND_DUE, user) is None and bot.redis.zscore(keys.PENDING_USERS, user) is None
    assert bot.replies(user) == [render("help")]  # not sent again
    assert bot.metric("messages_waited_total", reason="owner_alive") == 0


def test_a_send_mark_brought_back_under_the_same_owner_is_not_sent_again(
        bot: BotHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression (session 12's review): the rollback above, met by a later flush of the SAME owner (a drain job
    delivers its user's outbox after each event it handles). The process remembered the send went out, but a flush
    of that owner was running, the one meeting the mark, so the memory was not read and the mark was taken for a
    take whose answer was lost: the reply went out twice. Each mark is one take (it carries the take's time), so
    what the process remembers of it holds whoever meets it."""
    from bot.core import delivery, inflight
    from bot.infra.texts import render

    user = "6811111111111111115"
    marks = _answered_with_its_mark(bot, monkeypatch, user)
    owner = inflight.split(marks[0])[1]
    # what the append-only file brings back: the head marked in flight under this process and that owner
    bot.redis.rpush(keys.outbox(user), marks[0].split(b"\n", 3)[3])
    bot.redis.set(keys.sending(user), marks[0])

    delivery.deliver_inline(bot.rt, user, owner)
    assert bot.redis.get(keys.sending(user)) is None and bot.redis.llen(keys.outbox(user)) == 0
    assert bot.replies(user) == [render("help")]  # not sent again


def test_a_connection_lost_while_settling_a_mark_is_not_taken_for_another_process_settling_it(
        bot: BotHarness) -> None:
    """Regression (the flaky fault run, logs: a worker's flush returned "taken over" as Redis died, then its
    FINISH_SEND failed; its mark stood 90 s under the live worker): redis-py turns a connection lost while watching
    into a WatchError, which the settle read as another process having settled the mark."""
    from bot.core import outbox

    user = "6811111111111111114"
    mine = b"proc\n1\nowner\n{}"
    bot.redis.set(keys.sending(user), mine)
    bot.redis.rpush(keys.outbox(user), b"{}")
    cuts: list[int] = []

    def fill(pipe: redis.client.Pipeline) -> None:
        pipe.lpop(keys.outbox(user))
        if not cuts:  # the connection breaks before the transaction is sent, as when Redis is killed
            cuts.append(int(bot.redis.client_kill_filter(skipme=True)))

    assert outbox._settle(bot.redis, user, mine, fill)  # noqa: SLF001 - the one step every settle takes
    assert cuts and cuts[0] >= 1
    assert bot.redis.get(keys.sending(user)) is None and bot.redis.llen(keys.outbox(user)) == 0


def test_a_running_drain_keeps_its_user(bot: BotHarness) -> None:
    """The take-over never touches a lease a running drain holds (it is shorter than the queued lease)."""
    from bot.maintenance import sweep

    user = "6822222222222222222"
    bot.send(user, "menu")
    owner = bot.redis.get(keys.lease(user)).decode()
    bot.redis.set(keys.lease(user), owner, px=bot.settings.user_lease_s * 1000)  # what drain_user's acquire does
    bot.redis.hset(f"rq:job:{owner}", "status", "started")
    assert sweep() == 0
    assert bot.redis.get(keys.lease(user)).decode() == owner


def test_a_worker_started_while_redis_is_down_waits_for_it(bot: BotHarness, tmp_path: Path) -> None:
    """Regression (found by the soak): a worker restarted during a Redis restart died with a traceback."""
    server = RedisServer(tmp_path)  # not started yet: its port refuses connections
    worker = spawn(["worker"], {**bot.env, "REDIS_URL": server.url})
    try:
        time.sleep(1.5)
        assert worker.poll() is None  # still waiting, not dead
        server.start()
        client = redis.Redis.from_url(server.url)
        wait_for(lambda: client.scard("rq:workers") == 1, 20, "the worker to register once Redis is up")
        client.close()
    finally:
        stop(worker)
        server.stop()


def test_a_busy_worker_rides_out_a_redis_restart(bot: BotHarness, redis_server: RedisServer) -> None:
    """Regression (found by the soak): Redis dying under a worker in the middle of a job made RQ's loop quit,
    and the `dxbot worker` process exited; nothing answered until a supervisor restarted it."""
    env = {**bot.env, "DXBOT_ROUTER": "tests.routers:slow_echo", "LOG_LEVEL": "WARNING"}
    user = "6833333333333333333"
    worker = spawn(["worker"], env)
    sweeper = spawn(["scheduler", "--interval", "0.3"], env)
    try:
        wait_for_worker(bot.redis, worker)  # its start-up is CPU-bound: the 20 s below count from a running worker
        bot.send(user, "slow 1")
        wait_for(lambda: bot.redis.get("test:slow-started") == b"1", 20, "the handler to start")
        redis_server.stop(kill=True)  # the handler is sleeping; its commit will find Redis gone
        time.sleep(3.5)  # past the handler: its commit and RQ's own bookkeeping hit a dead Redis
        assert worker.poll() is None
        redis_server.start()
        client = redis.Redis.from_url(redis_server.url)
        wait_for(lambda: len(bot.messages(user)) == 1, 90, "the reply after Redis came back")
        assert worker.poll() is None
        client.close()
    finally:
        stop(worker, sweeper)
    assert bot.replies(user) == ["nhận: slow 1"]


def test_a_digest_send_refused_twice_with_216_is_retried_not_dropped(bot: BotHarness) -> None:
    """Regression (found by the soak): `-216` again right after the token refresh made the fan-out record
    the subscriber as failed for good, while a chat reply in the same case is retried."""
    from datetime import timedelta

    from tests.digest_helpers import MONDAY_8, add_story, digests_received, report, run_digest, subscribe_at

    bot.reconfigure(DIGEST_RATE_PER_SECOND="0", DIGEST_PREVIEW_MINUTES="0")
    add_story(bot, "AB23")
    user = "6844444444444444444"
    subscribe_at(bot, user, MONDAY_8 - timedelta(hours=1))
    bot.fault(kind="zalo_error", error=-216, count=4)  # every send sees -216, refreshes, and sees it again
    run_digest(bot)
    assert len(digests_received(bot, user)) == 1
    assert report(bot)["failed"] == 0
