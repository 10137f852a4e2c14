"""`Lease.watch_owned`: the WATCH, the owner check and the commit hooks' reads of every lease-fenced transaction
(the drain's commit, a dead event's parking) sent in one round trip, with redis-py's transaction semantics kept:
a change to a watched key after the check fails the EXEC, and a lease that is not ours is refused."""

from __future__ import annotations

import pytest
import redis

from bot.core.lease import Lease
from bot.infra import keys

USER = "7900000000000000001"


def _lease(client: redis.Redis, owner: str = "job-1") -> Lease:
    return Lease(client, USER, owner, 10_000)


def _commit(client: redis.Redis, lease: Lease, *also: str, meanwhile: tuple[str, str] | None = None) -> bool:
    """A transaction fenced by `lease`; `meanwhile` (command, key) is another client's write after the check."""
    other = redis.Redis(connection_pool=redis.ConnectionPool(**client.connection_pool.connection_kwargs))
    with client.pipeline() as pipe:
        if not lease.watch_owned(pipe, *also)[0]:
            return False
        if meanwhile == ("set", keys.lease(USER)):
            other.set(keys.lease(USER), "job-2")
        elif meanwhile is not None:
            other.rpush(meanwhile[1], "late")
        pipe.multi()
        pipe.set("test:committed", lease.owner)
        pipe.execute()
    other.close()
    return True


def test_the_owner_commits(redis_client: redis.Redis) -> None:
    lease = _lease(redis_client)
    assert lease.acquire()
    assert _commit(redis_client, lease, keys.deferred(USER))
    assert redis_client.get("test:committed") == b"job-1"


def test_another_owner_is_refused_and_nothing_stays_watched(redis_client: redis.Redis) -> None:
    assert _lease(redis_client, "job-2").acquire()
    assert not _commit(redis_client, _lease(redis_client))
    assert not redis_client.exists("test:committed")
    with redis_client.pipeline() as pipe:  # the pooled connection was given back unwatched
        pipe.watch("test:other")
        pipe.multi()
        pipe.set("test:other", 1)
        assert pipe.execute() == [True]


@pytest.mark.parametrize("changed", ["lease", "also"])
def test_a_change_to_a_watched_key_after_the_check_fails_the_exec(redis_client: redis.Redis, changed: str) -> None:
    lease = _lease(redis_client)
    assert lease.acquire()
    key = keys.lease(USER) if changed == "lease" else keys.deferred(USER)
    with pytest.raises(redis.WatchError):
        _commit(redis_client, lease, keys.deferred(USER), meanwhile=("set" if changed == "lease" else "rpush", key))
    assert not redis_client.exists("test:committed")


def test_the_reads_come_back_with_the_check_in_order(redis_client: redis.Redis) -> None:
    lease = _lease(redis_client)
    assert lease.acquire()
    redis_client.set("test:a", "1")
    redis_client.set("test:c", "3")
    with redis_client.pipeline() as pipe:
        assert lease.watch_owned(pipe, reads=["test:a", "test:b", "test:c"]) == (True, [b"1", None, b"3"])
    with redis_client.pipeline() as pipe:
        assert _lease(redis_client, "job-2").watch_owned(pipe, reads=["test:c"]) == (False, [b"3"])
