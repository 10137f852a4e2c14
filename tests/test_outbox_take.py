"""`OUTBOX_TAKE`'s answers, one per state of the user's outbox and in-flight mark, against a real redis-server.

The end-to-end tests (tests/test_sender.py, tests/test_stalled_processes.py) show what a sender does with each;
here every branch of the one atomic step is reached directly, including those a test can hardly time (a mark
left past SEND_IN_FLIGHT_MAX_SECONDS, a mark of the shape written before process ids were in it).
"""

from __future__ import annotations

import json

import pytest
import redis

from bot.core import delivery, inflight
from bot.core.notify import queue_text
from bot.core.outbox import flush
from bot.infra import keys, metrics, scripts
from tests.routers import slow_echo
from tests.support import BotHarness, wait_for

USER = "4242424242424242424"
OWNER = "send:me:1"
ME = "111-aaaaaaaa"
OTHER = "222-bbbbbbbb"
MAX_MS = 60_000
HEAD = json.dumps({"id": "m1", "user_id": USER, "kind": "text", "text": "xin chào"})


_TAKE_KEYS = [keys.outbox(USER), keys.SEND_PAUSE, keys.send_lease(USER), keys.sending(USER)]


def _take_args() -> list:
    return [OWNER, 2000, ME, 5000, keys.PROC_ALIVE, MAX_MS]


def _take(client: redis.Redis) -> list:
    return scripts.OUTBOX_TAKE(client, keys=_TAKE_KEYS, args=_take_args())


def _now_ms(client: redis.Redis) -> int:
    sec, usec = client.time()
    return sec * 1000 + usec // 1000


def _mark(proc: str, at_ms: int, owner: str = "send:other:7", head: str = HEAD) -> str:
    return f"{proc}\n{at_ms}\n{owner}\n{head}"


@pytest.fixture()
def client(redis_client: redis.Redis) -> redis.Redis:
    redis_client.set(keys.send_lease(USER), OWNER, px=2000)
    redis_client.rpush(keys.outbox(USER), HEAD, json.dumps({"id": "m2", "user_id": USER, "text": "sau"}))
    return redis_client


def test_a_free_head_is_marked_for_this_process_and_owner(client: redis.Redis) -> None:
    status, head, mark = _take(client)
    assert (status, head) == (0, HEAD.encode())
    proc, at, owner, marked = mark.split(b"\n", 3)
    assert (proc.decode(), owner.decode(), marked) == (ME, OWNER, HEAD.encode())
    assert abs(int(at) - _now_ms(client)) < 5000
    assert client.get(keys.sending(USER)) == mark
    assert 0 < client.pttl(keys.proc_alive(ME)) <= 5000  # the taker says it is alive with its mark


def test_no_lease_no_head_and_a_pause_each_stop_before_anything_is_marked(client: redis.Redis) -> None:
    client.set(keys.SEND_PAUSE, (_now_ms(client) + 10_000) * 1000)
    status, head = _take(client)
    assert status > 9_000_000 and head is None
    client.delete(keys.SEND_PAUSE)
    client.set(keys.send_lease(USER), "send:someone-else:1")
    assert _take(client) == [-1, None]
    client.set(keys.send_lease(USER), OWNER)
    client.delete(keys.outbox(USER))
    assert _take(client) == [0, None]
    assert not client.exists(keys.sending(USER))


def test_a_head_in_flight_under_a_live_process_is_left_alone(client: redis.Redis) -> None:
    theirs = _mark(OTHER, _now_ms(client) - 1000)
    client.set(keys.sending(USER), theirs)
    client.set(keys.proc_alive(OTHER), "1", px=5000)
    assert _take(client) == [-3, None, theirs.encode()]
    assert client.get(keys.sending(USER)) == theirs.encode()


def test_a_head_in_flight_under_a_dead_process_is_taken_over_to_be_sent_again(client: redis.Redis) -> None:
    client.set(keys.sending(USER), _mark(OTHER, _now_ms(client) - 1000))  # no liveness key: OTHER died
    status, head, mark = _take(client)
    assert (status, head) == (-4, HEAD.encode())
    assert inflight.split(mark) == (ME, OWNER) and client.get(keys.sending(USER)) == mark


def test_a_head_in_flight_too_long_or_under_an_old_shaped_mark_has_an_unknown_outcome(client: redis.Redis) -> None:
    stuck = _mark(OTHER, _now_ms(client) - MAX_MS - 1000)
    client.set(keys.sending(USER), stuck)
    client.set(keys.proc_alive(OTHER), "1", px=5000)  # alive, but its thread is stuck
    assert _take(client) == [-2, HEAD.encode(), stuck.encode()]
    old = f"send:other:3\n{HEAD}"  # "owner\nhead", written before marks named their process
    client.set(keys.sending(USER), old)
    assert _take(client) == [-2, HEAD.encode(), old.encode()]


def test_a_mark_of_another_message_is_not_taken_for_the_head_in_flight(client: redis.Redis) -> None:
    client.set(keys.sending(USER), _mark(OTHER, _now_ms(client), head=json.dumps({"id": "gone"})))
    status, head, mark = _take(client)
    assert (status, head) == (0, HEAD.encode()) and inflight.split(mark) == (ME, OWNER)


@pytest.mark.parametrize(("fate", "sent_now", "recorded"), [
    (inflight.SENT, 0, 0),  # Zalo had accepted it; only the pop was lost: popped, not sent again
    (inflight.UNSENT, 1, 0),  # it never left this process: sent now, in its place
    (inflight.UNKNOWN, 0, 1),  # the request may have reached Zalo: recorded, never sent again
])
def test_this_processs_own_mark_left_by_a_failed_flush_is_settled_by_what_it_knew(
        bot: BotHarness, fate: str, sent_now: int, recorded: int) -> None:
    bot.use_router(slow_echo())
    bot.send(USER, "alo")  # opens Zalo's window; answered inline
    bot.run_worker()
    with bot.redis.pipeline() as pipe:
        queue_text(pipe, USER, "tin một")
        pipe.execute()
    head = bot.redis.lindex(keys.outbox(USER), 0).decode()
    left = _mark(inflight.process_id(), _now_ms(bot.redis), owner="drain:failed", head=head).encode()
    bot.redis.set(keys.sending(USER), left)
    bot.redis.set(keys.proc_alive(inflight.process_id()), "1", px=60_000)
    inflight.abandon(USER, "drain:failed", fate, left)  # what that flush's exception left behind
    lease = delivery.send_lease(bot.redis, USER, "drain:next", 5000)
    assert lease.acquire()
    assert flush(USER, client=bot.redis, zalo=bot.rt.zalo, settings=bot.settings, lease=lease).sent == sent_now
    assert bot.replies(USER) == ["nhận: alo", *(["tin một"] * sent_now)]
    assert bot.redis.llen(keys.outbox(USER)) == 0 and not bot.redis.exists(keys.sending(USER))
    assert bot.redis.llen(keys.UNDELIVERABLE) == recorded
    assert inflight.fate(USER, left) is None  # settled, so forgotten


def _sent_take(client: redis.Redis, mark: bytes, latency: float | None = 0.2) -> list:
    bucket = "" if latency is None else metrics.latency_bucket(latency)
    return scripts.OUTBOX_SENT_TAKE(client, keys=[*_TAKE_KEYS, keys.SEND_DUE, keys.METRICS, keys.LATENCY],
                                    args=[*_take_args(), USER, mark, "messages_sent_total|kind=text", bucket,
                                          latency or 0.0])


def test_an_accepted_head_is_popped_counted_and_the_next_one_taken_in_one_step(client: redis.Redis) -> None:
    _, _, first = _take(client)
    status, head, mark = _sent_take(client, first)
    assert (status, json.loads(head)["id"]) == (0, "m2")  # the next head, marked for this process and owner
    assert client.lrange(keys.outbox(USER), 0, -1) == [head] and client.get(keys.sending(USER)) == mark
    assert inflight.split(mark) == (ME, OWNER)
    assert client.hget(keys.METRICS, "messages_sent_total|kind=text") == b"1"
    assert client.hget(keys.LATENCY, "0.25") == b"1" and client.hget(keys.LATENCY, "count") == b"1"
    client.zadd(keys.SEND_DUE, {USER: 1})
    assert _sent_take(client, mark, latency=None) == [0, None]  # emptied: the delivery ends in the same step
    assert not client.exists(keys.send_lease(USER)) and client.zscore(keys.SEND_DUE, USER) is None
    assert not client.exists(keys.sending(USER)) and client.hget(keys.LATENCY, "count") == b"1"


def test_an_accepted_head_whose_mark_was_taken_over_is_left_to_the_taker(client: redis.Redis) -> None:
    """A stuck sender's late success: the taker settled its message (here: sent it again, this process presumed
    dead), so the head now is the taker's and neither popped nor taken by this owner."""
    _, _, first = _take(client)
    theirs = _mark(OTHER, _now_ms(client), owner="send:other:8")
    client.set(keys.sending(USER), theirs)
    assert _sent_take(client, first) == [-5, None]
    assert client.llen(keys.outbox(USER)) == 2 and client.get(keys.sending(USER)) == theirs.encode()
    assert client.hget(keys.METRICS, "messages_sent_total|kind=text") == b"1"  # Zalo did accept it


def test_a_take_that_finds_the_outbox_empty_ends_the_delivery_only_when_asked(client: redis.Redis) -> None:
    client.delete(keys.outbox(USER))
    client.zadd(keys.SEND_DUE, {USER: 1})
    assert _take(client) == [0, None]  # the four-key form (the first take of a test): lease and to-do kept
    assert client.exists(keys.send_lease(USER)) and client.zscore(keys.SEND_DUE, USER) == 1
    finish = scripts.OUTBOX_TAKE(client, keys=[*_TAKE_KEYS, keys.SEND_DUE], args=[*_take_args(), USER])
    assert finish == [0, None]
    assert not client.exists(keys.send_lease(USER)) and client.zscore(keys.SEND_DUE, USER) is None


def test_a_claim_takes_each_claimed_users_first_head_in_the_same_step(redis_client: redis.Redis) -> None:
    """CLAIM_SENDS (bot/core/sender.py) gives each due user's send lease to the sender and makes its first take:
    the head marked under this process; an emptied outbox's delivery ended; a user an inline drain holds skipped."""
    full, empty, held = USER, "4343434343434343434", "4444444444444444444"
    redis_client.rpush(keys.outbox(full), HEAD)
    redis_client.zadd(keys.SEND_DUE, {full: 1, empty: 2, held: 3})
    redis_client.set(keys.send_lease(held), "drain:inline", px=5000)
    claimed = scripts.CLAIM_SENDS(redis_client, keys=[keys.SEND_DUE, keys.SEND_PAUSE, keys.send_claim(OWNER)], args=[
        _now_ms(redis_client), 2000, OWNER, 10, keys.send_lease(""), keys.outbox(""), keys.sending(""), ME, 5000,
        keys.PROC_ALIVE, MAX_MS])
    assert [row[:3] for row in claimed] == [[full.encode(), 0, HEAD.encode()], [empty.encode(), 0, None]]
    mark = claimed[0][3]
    assert inflight.split(mark) == (ME, OWNER) and redis_client.get(keys.sending(full)) == mark
    assert redis_client.get(keys.send_lease(full)) == OWNER.encode()  # kept for the send and the next take
    assert redis_client.zscore(keys.SEND_DUE, full) > _now_ms(redis_client)  # due again if this sender dies
    assert not redis_client.exists(keys.send_lease(empty)) and redis_client.zscore(keys.SEND_DUE, empty) is None
    assert redis_client.get(keys.send_lease(held)) == b"drain:inline"


def test_a_claim_deletes_the_answer_kept_for_the_senders_previous_claim(redis_client: redis.Redis) -> None:
    """A claim's answer is kept a lease long for a client retry of that one call; the sender's next claim (made once
    the previous call returned) deletes it, instead of leaving several KB per claim to Redis's sampling of expired
    keys. A retry of the new claim still answers the same."""
    first_owner, second_owner = "send:me:1", "send:me:2"
    redis_client.rpush(keys.outbox(USER), HEAD)
    redis_client.zadd(keys.SEND_DUE, {USER: 1})
    args = [keys.send_lease(""), keys.outbox(""), keys.sending(""), ME, 5000, keys.PROC_ALIVE, MAX_MS]
    first = scripts.CLAIM_SENDS(redis_client, keys=[keys.SEND_DUE, keys.SEND_PAUSE, keys.send_claim(first_owner)],
                                args=[_now_ms(redis_client), 2000, first_owner, 10, *args])
    assert [row[0] for row in first] == [USER.encode()] and redis_client.exists(keys.send_claim(first_owner))
    other = "4545454545454545454"  # due after the first claim: the second claim answers it, and keeps that answer
    redis_client.rpush(keys.outbox(other), HEAD)
    redis_client.zadd(keys.SEND_DUE, {other: 1})
    second_keys = [keys.SEND_DUE, keys.SEND_PAUSE, keys.send_claim(second_owner), keys.send_claim(first_owner)]
    second_args = [_now_ms(redis_client), 2000, second_owner, 10, *args]
    second = scripts.CLAIM_SENDS(redis_client, keys=second_keys, args=second_args)
    assert [row[0] for row in second] == [other.encode()]
    assert not redis_client.exists(keys.send_claim(first_owner))
    assert scripts.CLAIM_SENDS(redis_client, keys=second_keys, args=second_args) == second  # its retry: the same
    assert 0 < redis_client.pttl(keys.send_claim(second_owner)) <= 2000


def test_each_step_run_again_after_its_answer_was_lost_changes_nothing_twice(redis_client: redis.Redis) -> None:
    """redis-py runs a call again when its connection broke before the answer (a Redis restart): the claim answers
    the same users again; the take and the pop-and-take answer this owner's own mark (-3, sent by the flush that
    meets it: the next test); nothing is popped or counted twice."""
    redis_client.rpush(keys.outbox(USER), HEAD, json.dumps({"id": "m2", "user_id": USER, "text": "sau"}))
    redis_client.zadd(keys.SEND_DUE, {USER: 1})
    claim_args = [_now_ms(redis_client), 2000, OWNER, 10, keys.send_lease(""), keys.outbox(""), keys.sending(""), ME,
                  5000, keys.PROC_ALIVE, MAX_MS]
    claim_keys = [keys.SEND_DUE, keys.SEND_PAUSE, keys.send_claim(OWNER)]
    claimed = scripts.CLAIM_SENDS(redis_client, keys=claim_keys, args=claim_args)
    [[_, status, head, first]] = claimed
    assert (status, head) == (0, HEAD.encode())
    assert scripts.CLAIM_SENDS(redis_client, keys=claim_keys, args=claim_args) == claimed  # the same answer
    assert 0 < redis_client.pttl(keys.send_claim(OWNER)) <= 2000
    assert _take(redis_client) == [-3, None, first]
    _, _, second = _sent_take(redis_client, first)
    assert _sent_take(redis_client, first) == [-3, None, second]
    assert redis_client.llen(keys.outbox(USER)) == 1
    assert redis_client.hget(keys.METRICS, "messages_sent_total|kind=text") == b"1"
    assert redis_client.hget(keys.LATENCY, "count") == b"1"


def test_a_flush_sends_the_head_its_own_lost_take_marked(bot: BotHarness) -> None:
    """The mark of this process and owner that no failed flush left behind (the -3 above) was never sent: the
    flush sends it, once, and the rest in order."""
    bot.use_router(slow_echo())
    bot.send(USER, "alo")  # opens Zalo's window; answered inline
    bot.run_worker()
    with bot.redis.pipeline() as pipe:
        queue_text(pipe, USER, "tin một")
        queue_text(pipe, USER, "tin hai")
        pipe.execute()
    lease = delivery.send_lease(bot.redis, USER, "send:lost-answer:1", 5000)
    assert lease.acquire()
    take_args = [lease.owner, 5000, inflight.process_id(), 5000, keys.PROC_ALIVE, MAX_MS]
    scripts.OUTBOX_TAKE(bot.redis, keys=_TAKE_KEYS, args=take_args)  # its answer "lost"
    retried = scripts.OUTBOX_TAKE(bot.redis, keys=_TAKE_KEYS, args=take_args)
    assert retried[0] == -3
    result = flush(USER, client=bot.redis, zalo=bot.rt.zalo, settings=bot.settings, lease=lease, first=retried)
    assert (result.sent, result.finished) == (2, True)
    assert bot.replies(USER) == ["nhận: alo", "tin một", "tin hai"]
    assert bot.metric("messages_waited_total", reason="owner_alive") == 0


def test_a_mark_of_this_owner_set_by_a_step_whose_answer_was_lost_was_never_sent() -> None:
    """The take after a sent head runs in the pop's script: when its answer is lost, the abandoned flush knew only
    the sent mark; another mark of the same owner is the next head, marked but never sent."""
    known = _mark(inflight.process_id(), 1, owner="send:lost:1").encode()
    later = _mark(inflight.process_id(), 2, owner="send:lost:1", head=json.dumps({"id": "m9"})).encode()
    inflight.abandon(USER, "send:lost:1", inflight.SENT, known)
    assert inflight.fate(USER, known) == inflight.SENT
    assert inflight.fate(USER, later) == inflight.UNSENT
    assert inflight.fate(USER, _mark(OTHER, 2, owner="send:lost:1").encode()) is None  # another process's
    inflight.settled(USER, later)


def test_a_worker_that_delivered_inline_keeps_saying_it_lives_after_the_delivery(redis_client: redis.Redis) -> None:
    """The lease keeper renews the liveness key for the process's whole life, not only while a send is in flight:
    a mark its flush left when it raised must not look like a dead process's (it would be sent again)."""
    inflight.keep_beating(redis_client, 2.0)
    alive = keys.proc_alive(inflight.process_id())
    for _ in range(2):  # deleted (as if expired), it comes back by itself, with no send
        redis_client.delete(alive)
        wait_for(lambda: redis_client.exists(alive), 10, "the keeper to renew this process's liveness key")
