"""The drain job: process one user's pending events in Zalo-timestamp order, then deliver replies.

`drain_user` is the only RQ job the webhook creates. It owns the user through a lease, so two events of
one user never run at once whatever the number of workers, and it takes events from the user's inbox
lowest timestamp first, so messages that arrive together take effect in the order they were sent.
Each event: route to a handler → commit state + writes + outbox atomically (removing the event in the
same transaction) → deliver. A handler crash is retried with backoff a bounded number of times, then
the event is parked in the dead-letter hash for `dxbot events replay`.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Any

import redis
from rq import get_current_job

from bot.core import delivery, runtime
from bot.core.context import Context
from bot.core.events import Event, Unfollow
from bot.core.lease import Lease
from bot.core.parsing import parse_body, parse_event
from bot.infra import keys, metrics, scripts

log = logging.getLogger(__name__)
STATE_TTL_S = 180 * 24 * 3600
ATTEMPTS_TTL_S = 7 * 24 * 3600
HANDLER_BUDGET_S = 120  # one event's handler keeps its user's lease at most this long (docs/security.md, T1)
MORE_USERS_BUDGET_S = 2.0  # a drain job takes on further queued users for this long, then yields the worker
LINGER_POLL_S = 0.01  # while lingering (DRAIN_LINGER_SECONDS), how often the job looks for the next drain job
Step = tuple[list[str], list[scripts.Arg]]  # a DRAIN_NEXT call: its keys and args
Taken = tuple[str, str] | bool | None  # the next drain job (id, user) or True/False, as take_next_drain; None: unasked


def drain_user(user_id: str) -> str:
    """RQ job: drain `user_id`'s inbox and outbox, then the next queued users' in turn, for up to
    MORE_USERS_BUDGET_S: one RQ job per burst of users rather than per event (RQ's bookkeeping of a job cost
    more CPU than the event). Returns the first user's outcome, for logs and tests."""
    rt = runtime.get()
    job = get_current_job()
    if job is None:
        return drain_one(rt, user_id, uuid.uuid4().hex)[0]
    deadline = time.monotonic() + MORE_USERS_BUDGET_S
    outcome, taken = drain_one(rt, user_id, job.id, take_next=True)
    idle_until = time.monotonic() + rt.settings.drain_linger_s
    while True:
        if isinstance(taken, tuple):  # drained as the job it replaces (the user's lease names that job), even
            # past the budget: the job is out of the queue, and nobody else would run it before its lease expired
            _, taken = drain_one(rt, taken[1], taken[0], take_next=time.monotonic() < deadline)
            idle_until = time.monotonic() + rt.settings.drain_linger_s
            continue
        now = time.monotonic()
        # another kind of job is next (RQ's), the budget is spent, or nothing came soon
        if taken is True or now >= deadline or (taken is False and now >= idle_until):
            break
        if taken is False:
            time.sleep(LINGER_POLL_S)  # a job arriving now is cheaper to take here than through RQ
        taken = rt.jobs.take_next_drain()
    return outcome


def drain_one(rt: runtime.Runtime, user_id: str, owner: str, *, take_next: bool = False) -> tuple[str, Taken]:
    """Drain one user's inbox (and outbox when no sender runs) under the user's lease, as `owner`. With
    `take_next`, the step that releases the user also takes the queue's next drain job (returned with the outcome)."""
    lease = Lease(rt.redis, user_id, owner, rt.settings.user_lease_s * 1000)
    step_keys = [lease.key, keys.inbox(user_id), keys.PENDING_USERS, keys.state(user_id), keys.deferred(user_id),
                 rt.jobs.queue.key]
    next_args = [int(take_next), *rt.jobs.drain_job_prefixes]
    first = True  # the first step takes the lease (a queued job's lease names it; an expired one is free)
    step = None  # the next step, when the last event's commit already made it
    while True:
        if step is None:
            # With a `dxbot sender` running, replies leave from there and this job never waits on Zalo.
            if not delivery.sender_alive(rt.redis):
                if first:
                    if not lease.acquire():
                        return "busy", None
                    first = False
                retry_after_s = delivery.deliver_inline(rt, user_id, owner)
                if retry_after_s is not None:
                    lease.release_until(_due(retry_after_s))
                    return "retry_later", None
            # one round trip: the lease checked and renewed, then the next event and the state, or the release
            step = scripts.DRAIN_NEXT(rt.redis, keys=step_keys, args=[owner, lease.ttl_ms, user_id, int(first),
                                                                      *next_args])
        if step == -1:
            return ("busy" if first else "lost_lease"), None
        if step == 1:
            return "done", None
        if step[0] == 1:
            return "done", _taken(step[1])
        first = False
        _, head, raw_state, deferred = step
        it = iter(raw_state)
        state = {k.decode(): v.decode() for k, v in zip(it, it, strict=True)}
        # with a sender running, the commit makes the next step too (one round trip less per event)
        then = (step_keys, [owner, lease.ttl_ms, user_id, 0, *next_args]) if delivery.sender_alive(rt.redis) else None
        retry_in, step = process_one(rt, user_id, head, lease, state, deferred=bool(deferred), then=then)
        if retry_in is not None:
            lease.release_until(_due(retry_in))
            return "retry_later", None


def _taken(job: list[bytes] | int | None) -> Taken:
    """DRAIN_NEXT's next drain job as `take_next_drain` returns it."""
    if isinstance(job, list):
        return job[0].decode(), job[1].decode()
    return job == 0


def _due(delay_s: float) -> int:
    return int((time.time() + delay_s) * 1000)


def process_one(rt: runtime.Runtime, user_id: str, member: bytes, lease: Lease, state: dict[str, str], *,
                deferred: bool = True, then: Step | None = None) -> tuple[float | None, Any]:
    """Handle one inbox entry, given the user's state as read under the lease (and whether replies wait in
    the user's deferred list). Returns a delay when it must be retried later (else None), and the answer of the
    drain step `then` (DRAIN_NEXT's keys and args) when the commit ran it, else None."""
    received_ms_text, _, raw = member.partition(b":")
    event = parse_event(parse_body(raw))  # verified and validated by the webhook
    ctx = Context(event=event, user_id=user_id, settings=rt.settings, client=rt.redis, state=dict(state),
                  received_ms=int(received_ms_text))
    try:
        with lease.kept_alive(HANDLER_BUDGET_S):
            handler = rt.router.dispatch(event, ctx)
    except Exception as exc:  # noqa: BLE001 - any handler bug must be contained and retried
        return _handler_failed(rt, user_id, event, member, exc, lease), None
    committed, step = commit(rt, ctx, member, original_state=state, lease=lease, deferred=deferred, then=then)
    if not committed:
        log.warning("event user=%s event=%s outcome=not_committed (lease lost, or a reply deferred meanwhile)",
                    user_id, event.key)
        return 0.0, None
    log.info("event user=%s event=%s name=%s handler=%s replies=%d outcome=ok", user_id, event.key, event.name,
             handler, len(ctx.outbox))
    if not delivery.sender_alive(rt.redis):  # a drain of the other user delivers (no sender does)
        for other in {m.user_id for m in ctx.outbox if m.user_id != user_id}:
            rt.jobs.claim(other)
    return None, step


def commit(rt: runtime.Runtime, ctx: Context, member: bytes, *, original_state: dict[str, str],
           lease: Lease, deferred: bool = True, then: Step | None = None) -> tuple[bool, Any]:
    """Apply the event's effects atomically, only while this job still owns the user.

    Replies deferred while the user was unreachable go out with this event's, read only when the drain's step
    saw some (`deferred`): most events skip that round trip. When read, the list is WATCHed with the lease, so
    a reply the sender defers meanwhile fails the commit (the event runs again) instead of being deleted
    unsent; one deferred just after the step waits for the user's next message, as one deferred after the
    commit would.

    `then` (DRAIN_NEXT's keys and args) runs last in the transaction: the drain's next step, answered with the
    commit instead of in a round trip of its own. Returns whether it committed, and that step's answer."""
    user_id = ctx.user_id
    read_deferred = deferred and not isinstance(ctx.event, Unfollow)
    with rt.redis.pipeline() as pipe:
        try:
            reads = [key for declared in rt.router.commit_reads for key in declared(ctx)]
            owned, values = lease.watch_owned(pipe, *([keys.deferred(user_id)] if read_deferred else []), reads=reads)
            if not owned:
                return False, None
            ctx.prefetched = dict(zip(reads, values, strict=True))
            deferred_replies = pipe.lrange(keys.deferred(user_id), 0, -1) if read_deferred else []
            # features' hooks (registered with the router) read now and add their writes to the MULTI
            hook_writes = [w for hook in rt.router.commit_hooks if (w := hook(pipe, ctx)) is not None]
            pipe.multi()
            _write_state(pipe, user_id, original_state, ctx.state)
            for write in ctx.writes:
                write(pipe)
            now_ms = int(time.time() * 1000)
            if deferred_replies:
                pipe.rpush(keys.outbox(user_id), *deferred_replies)
                pipe.delete(keys.deferred(user_id))
            for message in ctx.outbox:
                pipe.rpush(keys.outbox(message.user_id), json.dumps(message.to_json()))
            for other in {m.user_id for m in ctx.outbox} | ({user_id} if deferred_replies else set()):
                delivery.mark_due(pipe, other, now_ms)
                if other != user_id:
                    pipe.zadd(keys.PENDING_USERS, {other: now_ms}, nx=True)
            for write in hook_writes:  # after the replies: e.g. a digest kept for the user follows them
                write(pipe)
            pipe.zrem(keys.inbox(user_id), member)
            pipe.delete(keys.attempts(ctx.event.key))
            metrics.incr(pipe, "events_processed_total", outcome="ok")
            if then is not None:  # last: the next event is the one after this event, removed above
                scripts.DRAIN_NEXT(pipe, keys=then[0], args=then[1])
            results = pipe.execute()
        except redis.WatchError:
            return False, None
    return True, results[-1] if then is not None else None


def _write_state(pipe: redis.client.Pipeline, user_id: str, before: dict[str, str], after: dict[str, str]) -> None:
    key = keys.state(user_id)
    removed = [k for k in before if k not in after]
    changed = {k: v for k, v in after.items() if before.get(k) != v}
    if not after:
        if before:
            pipe.delete(key)
        return
    if removed:
        pipe.hdel(key, *removed)
    if changed:
        pipe.hset(key, mapping=changed)
    pipe.expire(key, STATE_TTL_S)


def _handler_failed(rt: runtime.Runtime, user_id: str, event: Event, member: bytes, exc: Exception, lease: Lease
                    ) -> float | None:
    attempts = int(rt.redis.incr(keys.attempts(event.key)))
    rt.redis.expire(keys.attempts(event.key), ATTEMPTS_TTL_S)
    log.exception("event user=%s event=%s name=%s attempt=%d outcome=handler_error error=%s", user_id,
                  event.key, event.name, attempts, type(exc).__name__)
    if attempts < rt.settings.event_max_attempts:
        metrics.incr(rt.redis, "events_processed_total", outcome="retry")
        return rt.settings.backoff_s(attempts)
    record = {"user_id": user_id, "member": member.decode(), "error": f"{type(exc).__name__}: {exc}"[:500],
              "attempts": attempts, "at": time.time(), "event": event.name}
    with rt.redis.pipeline() as pipe:  # only while this job owns the user: a stalled job that lost it must not
        try:                            # park an event another job has processed meanwhile (a replay would repeat it)
            if not lease.watch_owned(pipe)[0]:
                return 0.0
            pipe.multi()
            pipe.zrem(keys.inbox(user_id), member)
            pipe.hset(keys.DEAD_EVENTS, event.key, json.dumps(record))
            pipe.delete(keys.attempts(event.key))
            metrics.incr(pipe, "events_dead_total")
            pipe.execute()
        except redis.WatchError:
            return 0.0
    log.error("event user=%s event=%s outcome=dead attempts=%d (dxbot events replay re-runs it)", user_id,
              event.key, attempts)
    return None


def replay_dead(client: redis.Redis, *, only: str | None = None) -> int:
    """Put dead events back in their users' inboxes and hand those users to workers."""
    rt = runtime.get()
    count = 0
    for key, raw in client.hgetall(keys.DEAD_EVENTS).items():
        event_key = key.decode()
        if only and event_key != only:
            continue
        record = json.loads(raw)
        member = record["member"]
        _, _, body = member.partition(":")
        score = parse_event(parse_body(body.encode())).timestamp_ms
        with client.pipeline() as pipe:
            pipe.zadd(keys.inbox(record["user_id"]), {member: score})
            pipe.zadd(keys.PENDING_USERS, {record["user_id"]: int(time.time() * 1000)})
            pipe.hdel(keys.DEAD_EVENTS, event_key)
            pipe.execute()
        rt.jobs.claim(record["user_id"])
        count += 1
    for key, raw in client.hgetall(keys.DEAD_SENDS).items():
        record = json.loads(raw)
        message = record["message"]
        message["attempts"] = 0
        with client.pipeline() as pipe:
            pipe.rpush(keys.outbox(message["user_id"]), json.dumps(message))
            delivery.mark_due(pipe, message["user_id"], int(time.time() * 1000))
            pipe.zadd(keys.PENDING_USERS, {message["user_id"]: int(time.time() * 1000)})
            pipe.hdel(keys.DEAD_SENDS, key)
            pipe.execute()
        rt.jobs.claim(message["user_id"])
        count += 1
    return count
