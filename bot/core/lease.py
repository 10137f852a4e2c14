"""The per-user lease: at most one job processes a user's events at a time, on any number of workers.

The lease is a Redis key holding the owning job's id with a TTL renewed at every step. A job that
dies stops renewing; when the TTL runs out the sweeper hands the user to a new job. Every write of a
user's state checks the lease inside the same transaction (WATCH), so a job that lost its lease can
never commit.

A handler that runs longer than the TTL (a slow Zalo call, a large story to mask) keeps its lease through
`kept_alive`, which renews it from the process's one helper thread at a third of the TTL, up to a budget:
past the budget the job is presumed stuck, renewal stops, and the sweeper may hand the user to another job
(the stuck one can no longer commit). Without it the sweeper handed a still-working job's user to a second worker.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol

import redis
from redis.client import Pipeline

from bot.infra import keys, scripts


class Lease:
    def __init__(self, client: redis.Redis, user_id: str, owner: str, ttl_ms: int, *, key: str | None = None) -> None:
        self.redis = client
        self.user_id = user_id
        self.owner = owner
        self.ttl_ms = ttl_ms
        self.key = key or keys.lease(user_id)  # another key for another kind of exclusion (the send lease)

    def acquire(self) -> bool:
        return bool(scripts.TAKE_LEASE(self.redis, keys=[self.key], args=[self.owner, self.ttl_ms]))

    def renew(self) -> bool:
        """Extend the lease; False means another job owns the user now and this one must stop."""
        return bool(scripts.RENEW_LEASE(self.redis, keys=[self.key], args=[self.owner, self.ttl_ms]))

    def release_until(self, due_ms: int) -> bool:
        """Give the user back and ask the sweeper to hand them to a job again at `due_ms`."""
        return bool(scripts.RELEASE_UNTIL(self.redis, keys=[self.key, keys.PENDING_USERS],
                                          args=[self.owner, self.user_id, due_ms]))

    def watch_owned(self, pipe: Pipeline, *also: str, reads: Sequence[str] = ()) -> tuple[bool, list[bytes | None]]:
        """WATCH the lease (and `also`) on `pipe`, tell whether this job owns it, and GET `reads`: the start of
        every transaction that must commit only while it does. One round trip: redis-py sends each command of a
        watching pipeline on its own (WATCH, then each GET), so all go here in one write on the pipeline's
        connection; on a connection error it falls back to redis-py's own calls (and their retries)."""
        conn = pipe.connection or pipe.connection_pool.get_connection()
        pipe.connection = conn  # the pipeline's from now on: MULTI/EXEC go on it, reset() releases it
        try:
            conn.send_packed_command(conn.pack_commands([("WATCH", self.key, *also), ("GET", self.key),
                                                         *(("GET", key) for key in reads)]))
            conn.read_response()
            pipe.watching = True  # as redis-py's own WATCH sets it: reset() sends UNWATCH, execute() runs MULTI
            values = [conn.read_response() for _ in range(len(reads) + 1)]
        except (redis.ConnectionError, redis.TimeoutError):
            conn.disconnect()
            pipe.reset()
            pipe.watch(self.key, *also)
            values = [pipe.get(key) for key in (self.key, *reads)]
        return values[0] == self.owner.encode(), values[1:]

    def kept_alive(self, budget_s: float) -> AbstractContextManager[None]:
        """Renew the lease while the body runs, for at most `budget_s` seconds (by the process's keeper)."""
        return kept_renewed(self, budget_s)


class Renewable(Protocol):
    """What the keeper renews: a lease, or a process's liveness key (bot/core/inflight.py)."""

    ttl_ms: int

    def renew(self) -> bool: ...


@contextmanager
def kept_renewed(item: Renewable, budget_s: float) -> Iterator[None]:
    """Renew `item` at a third of its TTL while the body runs, for at most `budget_s` seconds."""
    token = _KEEPER.hold(item, budget_s)
    try:
        yield
    finally:
        _KEEPER.drop(token)


def renew_while_alive(item: Renewable) -> None:
    """Renew `item` at a third of its TTL for as long as this process lives (a process's liveness key)."""
    _KEEPER.hold(item, float("inf"))


class _Keeper:
    """One helper thread per process renews, at a third of their TTL, the leases of the handlers running now.

    A thread per event cost more CPU than many events' own work; this one is started once (again after a fork)
    and sleeps when nothing is held. It is woken only when a new lease needs renewing before the keeper's next
    wake-up (in practice: when it sleeps with nothing held), not at every event: waking it per event cost a
    thread switch per event."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: dict[int, list] = {}  # token -> [lease, next renewal (monotonic), give up (monotonic)]
        self._tokens = 0
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._pid = 0
        self._wakes_at = float("inf")  # when the keeper next wakes by itself (monotonic); inf: not before woken

    def hold(self, lease: Renewable, budget_s: float) -> int:
        now = time.monotonic()
        renew_at = now + lease.ttl_ms / 3000
        with self._lock:
            self._tokens += 1
            self._held[self._tokens] = [lease, renew_at, now + budget_s]
            if self._thread is None or self._pid != os.getpid() or not self._thread.is_alive():
                self._pid = os.getpid()
                self._wakes_at = float("inf")
                self._thread = threading.Thread(target=self._run, name="lease-keeper", daemon=True)
                self._thread.start()
            if renew_at < self._wakes_at:
                self._wake.set()
            return self._tokens

    def drop(self, token: int) -> None:
        with self._lock:
            self._held.pop(token, None)

    def _run(self) -> None:
        while True:
            now = time.monotonic()
            with self._lock:
                due = [(t, entry) for t, entry in self._held.items() if entry[1] <= now < entry[2]]
                for _, entry in due:
                    entry[1] = now + entry[0].ttl_ms / 3000
                next_at = min((entry[1] for entry in self._held.values() if entry[2] > now), default=None)
                self._wakes_at = float("inf") if next_at is None else next_at
            for token, (lease, _, _) in due:
                try:
                    if not lease.renew():
                        self.drop(token)  # someone else owns the user: the commit's check refuses the job
                except redis.RedisError:
                    continue  # Redis briefly away: try again at the next tick while the TTL still runs
            self._wake.wait(None if next_at is None else max(0.0, next_at - time.monotonic()))
            self._wake.clear()


_KEEPER = _Keeper()
