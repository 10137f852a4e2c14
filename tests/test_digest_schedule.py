"""The weekly slot as RQ scheduled jobs: idempotent ensure, moved clocks, firing once, a missed day."""

from __future__ import annotations

from datetime import timedelta

from rq import Queue
from rq.registry import ScheduledJobRegistry

from bot.core.ingest import QUEUE_NAME
from bot.digest import fanout as digest
from bot.digest import schedule as digest_schedule
from bot.infra import clock
from bot.infra.texts import render
from tests.digest_helpers import MODERATOR, MONDAY_8, SLOT, WEEK, add_story, at, digests_received, subscribe_at
from tests.support import BotHarness

USER = "5400000000000000001"


def scheduled(bot: BotHarness) -> dict[str, float]:
    registry = ScheduledJobRegistry(queue=Queue(QUEUE_NAME, connection=bot.redis))
    return {k.decode(): s for k, s in bot.redis.zrange(registry.key, 0, -1, withscores=True)}


def test_ensure_from_many_processes_schedules_each_slot_once_and_follows_the_clock(bot: BotHarness) -> None:
    at(bot, MONDAY_8 - timedelta(days=2))
    for _ in range(5):  # every scheduler sweep, worker start and fire job calls it
        digest_schedule.ensure(bot.redis, bot.settings)
    jobs = scheduled(bot)
    assert set(jobs) == {f"digest-{SLOT}", f"digest-preview-{SLOT}"}  # Saturday: last Monday's day has passed
    offset_s = clock.offset_ms(bot.redis, bot.settings) / 1000
    assert abs(jobs[f"digest-{SLOT}"] - (MONDAY_8.timestamp() - offset_s)) <= 1
    at(bot, MONDAY_8 - timedelta(hours=1))  # the sandbox clock jumps a day and a half
    digest_schedule.ensure(bot.redis, bot.settings)
    offset_s = clock.offset_ms(bot.redis, bot.settings) / 1000
    jobs = scheduled(bot)
    assert abs(jobs[f"digest-{SLOT}"] - (MONDAY_8.timestamp() - offset_s)) <= 1
    assert len(jobs) == 4  # and, from Monday on, next week's slot with its preview


def test_moving_the_clock_to_the_slot_fires_it_once_through_rqs_scheduler(bot: BotHarness) -> None:
    bot.reconfigure(DIGEST_RATE_PER_SECOND="0")
    add_story(bot, "AB23")
    subscribe_at(bot, USER, MONDAY_8 - timedelta(days=1))
    digest_schedule.ensure(bot.redis, bot.settings)
    at(bot, MONDAY_8 + timedelta(seconds=1))
    for _ in range(3):  # several sweeps and workers with the scheduler, after the slot
        digest_schedule.ensure(bot.redis, bot.settings)
        bot.run_worker(with_scheduler=True)
    bot.settle()
    assert len(digests_received(bot, USER)) == 1
    assert bot.redis.hget(f"dxbot:digest:{SLOT}", "status") == b"done"
    assert f"digest-{SLOT}" not in scheduled(bot)
    assert digest.fire(SLOT) == "already"


def test_a_slot_whose_day_has_passed_is_not_sent_late(bot: BotHarness) -> None:
    add_story(bot, "AB23")
    subscribe_at(bot, USER, MONDAY_8 - timedelta(days=1))
    subscribe_at(bot, MODERATOR, MONDAY_8 + timedelta(days=1), text="menu")
    at(bot, MONDAY_8 + timedelta(days=1, hours=1))  # every process was down all Monday
    planned = {p.job_id for p in digest_schedule.ensure(bot.redis, bot.settings)}
    assert f"digest-{SLOT}" not in planned
    assert digest.fire(SLOT) == "missed" and digest.fire(SLOT) == "missed"
    bot.settle()
    assert digests_received(bot, USER) == []
    assert bot.replies(MODERATOR).count(render("digest_mod_missed", week=WEEK)) == 1


def test_same_day_catch_up_schedules_the_slot_now(bot: BotHarness) -> None:
    at(bot, MONDAY_8 + timedelta(hours=3))  # processes come back at 11:00, nothing ran at 08:00
    planned = {p.job_id: p.at for p in digest_schedule.ensure(bot.redis, bot.settings)}
    assert f"digest-{SLOT}" in planned
    assert planned[f"digest-{SLOT}"] >= MONDAY_8 + timedelta(hours=3) - timedelta(seconds=1)
    assert f"digest-preview-{SLOT}" not in planned
