"""The per-user lease: at most one job processes a user's events at a time, on any number of workers.

The lease is a Redis key holding the owning job's id with a TTL renewed at every step. A job that
dies stops renewing; when the TTL runs out the sweeper hands the user to a new job. Every write of a
user's state checks the lease inside the same transaction (WATCH), so a job that lost its lease can
never commit.

A handler that runs longer than the TTL (a slow Zalo call, a large story to mask) keeps its lease through
`kept_alive`, which renews it from a helper thread at a third of the TTL, up to a budget: past the budget
the job is presumed stuck, renewal stops, and the sweeper may hand the user to another job (the stuck one
can no longer commit). Without it the sweeper handed a still-working job's user to a second worker.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import redis

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

    def finish(self) -> int:
        """Release if nothing is left to do: 1 released, 0 more work arrived, -1 not the owner."""
        return int(scripts.FINISH_DRAIN(
            self.redis, keys=[self.key, keys.inbox(self.user_id), keys.PENDING_USERS],
            args=[self.owner, self.user_id]))

    def release_until(self, due_ms: int) -> bool:
        """Give the user back and ask the sweeper to hand them to a job again at `due_ms`."""
        return bool(scripts.RELEASE_UNTIL(self.redis, keys=[self.key, keys.PENDING_USERS],
                                          args=[self.owner, self.user_id, due_ms]))

    @contextmanager
    def kept_alive(self, budget_s: float) -> Iterator[None]:
        """Renew the lease while the body runs, for at most `budget_s` seconds."""
        stop = threading.Event()
        give_up = time.monotonic() + budget_s

        def renew_loop() -> None:
            while not stop.wait(self.ttl_ms / 3000) and time.monotonic() < give_up:
                try:
                    if not self.renew():
                        return  # someone else owns the user: the commit's check will refuse this job
                except redis.RedisError:
                    continue  # Redis briefly away: try again at the next tick while the TTL still runs

        thread = threading.Thread(target=renew_loop, name=f"lease-{self.user_id}", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
