"""Who delivers a user's outbox, and when: the send lease, the senders' to-do list, inline or off the event path.

Every transaction that adds to an outbox also puts the user on `dxbot:send-due` (`mark_due`). Delivery of
one user's outbox is exclusive through the *send lease* (`keys.send_lease`), separate from the event lease,
so a user's replies go out one at a time and in order whoever sends them:
- with a `dxbot sender` running (its heartbeat `dxbot:sender:alive`), drains only commit and move on; the
  sender's threads send many users' outboxes at once (`bot/core/sender.py`), so a worker never waits on Zalo;
- with no sender, a drain delivers its user's outbox itself (`deliver_inline`), as before, and the sweeper
  hands due outboxes to drains.
The outbox rules themselves (at most once after Zalo accepts, unknown outcomes never re-sent, refused forms
degraded) stay in `bot/core/outbox.py`, used by both.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import redis
from redis.client import Pipeline

from bot.core import inflight
from bot.core.lease import Lease
from bot.core.outbox import flush
from bot.core.runtime import Runtime
from bot.infra import keys, scripts

ALIVE_CACHE_S = 1.0  # a drain re-reads the sender heartbeat at most this often (one GET per second, not per job)
_alive_seen: tuple[float, bool] = (float("-inf"), False)


def mark_due(pipe: Pipeline | redis.Redis, user_id: str, now_ms: int) -> None:
    """Put `user_id`'s outbox on the senders' to-do list (kept as is if already there)."""
    pipe.zadd(keys.SEND_DUE, {user_id: now_ms}, nx=True)


def sender_alive(client: redis.Redis) -> bool:
    """True while at least one `dxbot sender` refreshes the heartbeat (cached for ALIVE_CACHE_S)."""
    global _alive_seen
    seen_at, alive = _alive_seen
    now = time.monotonic()
    if now - seen_at > ALIVE_CACHE_S:
        alive = bool(client.exists(keys.SENDER_ALIVE))
        _alive_seen = (now, alive)
    return alive


def forget_sender_state() -> None:
    """Read the heartbeat afresh at the next `sender_alive` (a process that just started or stopped a sender)."""
    global _alive_seen
    _alive_seen = (float("-inf"), False)


def send_lease(client: redis.Redis, user_id: str, owner: str, ttl_ms: int) -> Lease:
    return Lease(client, user_id, owner, ttl_ms, key=keys.send_lease(user_id))


def deliver_claimed(rt: Runtime, user_id: str, lease: Lease, *, first: list | None = None,
                    out_of_time: Callable[[], bool] | None = None) -> float | None:
    """Flush the outbox of a user whose send lease `lease` is held, then give the lease back. `first`: the answer of
    the flush's first take, when the claim made it (a sender's `CLAIM_SENDS`); `out_of_time`: asked before each
    send, True ends the delivery with the rest left in the outbox, due again (a stopping sender's deadline).

    Returns the delay after which a retryable failure wants another try (the user is due again then)."""
    result = flush(user_id, client=rt.redis, zalo=rt.zalo, settings=rt.settings, lease=lease, first=first,
                   out_of_time=out_of_time)
    if result.finished:  # the take that found the outbox empty already gave the delivery back
        return None
    retry = result.retry_after_s
    due_ms = int((time.time() + retry) * 1000) if retry is not None else 0
    scripts.FINISH_SEND(rt.redis, keys=[lease.key, keys.outbox(user_id), keys.SEND_DUE],
                        args=[lease.owner, user_id, int(time.time() * 1000), max(due_ms, 0)])
    return retry


def deliver_inline(rt: Runtime, user_id: str, owner: str) -> float | None:
    """A drain delivering its own user's outbox (no sender running). Skips when another holds the send lease:
    that holder delivers (and the user stays on the to-do list until it is done)."""
    lease = send_lease(rt.redis, user_id, owner, rt.settings.user_lease_s * 1000)
    if not lease.acquire():
        return None
    inflight.keep_beating(rt.redis, rt.settings.proc_alive_ttl_s)  # takers of its marks know this worker lives
    return deliver_claimed(rt, user_id, lease)
