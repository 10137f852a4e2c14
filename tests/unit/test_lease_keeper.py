"""The lease keeper renews a running handler's lease, also when a lease was held and dropped just before (the
keeper is then asleep until its next renewal, and is woken only when a new lease needs renewing sooner)."""

from __future__ import annotations

import time

import redis

from bot.core.lease import Lease
from bot.infra import keys

TTL_MS = 300


def _held_past_ttl(client: redis.Redis, user: str) -> bool:
    lease = Lease(client, user, f"job-{user}", TTL_MS)
    assert lease.acquire()
    with lease.kept_alive(budget_s=5):
        time.sleep(3 * TTL_MS / 1000)  # a handler working past its lease's TTL
        return client.get(keys.lease(user)) == lease.owner.encode()


def test_a_lease_outlives_its_ttl_while_its_handler_runs(redis_client: redis.Redis) -> None:
    assert _held_past_ttl(redis_client, "u1")


def test_leases_held_one_after_another_are_each_renewed(redis_client: redis.Redis) -> None:
    quick = Lease(redis_client, "u0", "job-u0", TTL_MS)
    assert quick.acquire()
    with quick.kept_alive(budget_s=5):  # the keeper now sleeps until this lease's first renewal
        pass
    assert _held_past_ttl(redis_client, "u2")
    assert _held_past_ttl(redis_client, "u3")


def test_past_its_budget_a_lease_is_no_longer_renewed(redis_client: redis.Redis) -> None:
    lease = Lease(redis_client, "u4", "job-u4", TTL_MS)
    assert lease.acquire()
    with lease.kept_alive(budget_s=0.2):
        time.sleep(5 * TTL_MS / 1000)  # stuck past the budget: the sweeper may hand the user on
        assert redis_client.get(keys.lease("u4")) is None
