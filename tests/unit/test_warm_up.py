"""The worker's warm-up (handlers/warm.py) routes its sample messages and leaves no trace: nothing written to Redis,
nothing logged as traffic. That it builds the tables a first job would read is tests/test_worker_warm_up.py."""

from __future__ import annotations

import logging

import pytest
import redis

from bot.config import Settings
from bot.core.routing import Router
from bot.kb import get_kb
from handlers import warm


def test_the_table_registers_its_warm_up(router: Router) -> None:
    assert warm.route_samples in router.warm_ups


def test_the_warm_up_writes_nothing_to_redis(router: Router, unit_settings: Settings, redis_client: redis.Redis,
                                             caplog: pytest.LogCaptureFixture) -> None:
    get_kb()  # indexed before, as `dxbot worker` does (its own line is logged then)
    redis_client.set("canary", "1")
    # what is there before: the canary and, when an earlier test of this process delivered a reply inline, the
    # liveness key its lease keeper refreshes for the process's whole life (bot.core.inflight), not the warm-up's
    before = set(redis_client.keys("*"))
    changes = redis_client.info("persistence")["rdb_changes_since_last_save"]  # Redis counts every write
    caplog.set_level(logging.INFO)
    caplog.clear()  # what get_kb() logged, when an earlier test of this process set the level to INFO
    router.warm_up(unit_settings, redis_client)
    assert redis_client.info("persistence")["rdb_changes_since_last_save"] == changes
    assert set(redis_client.keys("*")) == before and b"canary" in before
    assert not [r for r in caplog.records if r.levelno <= logging.INFO]  # no "qa: kind=…" line of a citizen
    assert logging.root.manager.disable == logging.NOTSET  # logging is back as it was


def test_a_failing_warm_up_does_not_stop_the_worker_but_redis_errors_reach_it(unit_settings: Settings,
                                                                             redis_client: redis.Redis) -> None:
    ran = []

    def broken(router: Router, settings: Settings, client: redis.Redis) -> None:
        raise KeyError("a handler's bug")

    router = Router()
    router.add_warm_up(broken)
    router.add_warm_up(lambda *_: ran.append("next"))
    router.warm_up(unit_settings, redis_client)  # logged, not raised
    assert ran == ["next"]

    def redis_gone(router: Router, settings: Settings, client: redis.Redis) -> None:
        raise redis.ConnectionError("Redis restarting")

    router.add_warm_up(redis_gone)
    with pytest.raises(redis.ConnectionError):  # `dxbot worker` waits for Redis, then warms up again
        router.warm_up(unit_settings, redis_client)
