"""Screening that fails or dies never loses a submission: real worker processes, a real redis-server restart."""

from __future__ import annotations

import time
from pathlib import Path

import redis

from bot.infra import audit, keys
from bot.infra.texts import render
from bot.stories.jobs import recover_screening
from tests.conftest import RedisServer
from tests.story_support import CITIZEN, MODERATOR, code_in, open_window, say, status, submit
from tests.support import BotHarness, killed_after, quiet, spawn, stop, wait_for

ROOT = Path(__file__).resolve().parents[1]


def _alerts(bot: BotHarness, code: str) -> list[str]:
    return [r for r in bot.replies(MODERATOR) if r.startswith(f"📝 Câu chuyện mới #{code}")]


def test_worker_killed_during_screening_then_redis_restart_loses_nothing(bot: BotHarness,
                                                                          redis_server: RedisServer) -> None:
    open_window(bot, MODERATOR)
    for text in ("gửi câu chuyện", "Chợ quê dùng mã QR", "Cần Thơ",
                 "Cả chợ quê tôi giờ bán hàng bằng mã QR, bà con không cần mang tiền lẻ nữa.", "xong"):
        say(bot, CITIZEN, text)
    env = {**bot.env, "STORY_SCREEN_LOCK_SECONDS": "2"}
    with killed_after(spawn(["worker"], {**env, "DXBOT_SCREEN_HOOK": "tests.story_support:hang"})):
        bot.send(CITIZEN, "đồng ý")  # the subprocess stores the story, replies, then starts screening it
        wait_for(lambda: bot.redis.get("test:screen-started") == b"1", 30, "screening to start")
    code = code_in(bot.replies(CITIZEN)[-1])
    assert status(bot.redis, code) == "pending"
    assert _alerts(bot, code) == []

    redis_server.restart(kill=True)  # SIGKILL: only the append-only file can bring the story back
    client = redis.Redis.from_url(redis_server.url)
    wait_for(lambda: _pings(client), 10, "redis back")
    assert status(client, code) == "pending"
    assert client.zscore(keys.STORY_QUEUE, code) is not None
    assert client.hget(keys.story_original(code), "title") == "Chợ quê dùng mã QR".encode()

    rescuer = spawn(["worker"], env)
    sweeper = spawn(["scheduler", "--interval", "0.3"], env)
    try:
        wait_for(lambda: status(client, code) == "screened", 40, "screening by another worker")
        wait_for(lambda: len(_alerts(bot, code)) == 1, 20, "the moderators' alert")
        wait_for(lambda: quiet(client, CITIZEN, MODERATOR) and not client.exists(keys.story_screen_lock(code)), 20,
                 "no work left that could alert again")
    finally:
        stop(rescuer, sweeper)
    assert len(_alerts(bot, code)) == 1
    assert [e["action"] for e in audit.entries(client) if e["code"] == code] == ["submitted", "screened"]
    assert not client.exists(keys.story_screen_lock(code))
    client.close()


def _pings(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except redis.ConnectionError:
        return False


def test_failing_screening_is_retried_and_screened_once(bot: BotHarness) -> None:
    bot.reconfigure(DXBOT_SCREEN_HOOK="tests.story_support:fail_twice", STORY_SCREEN_RETRY_SECONDS="0,0,0")
    open_window(bot, MODERATOR)
    code = submit(bot)
    assert status(bot.redis, code) == "screened"
    assert bot.redis.get(f"test:screen-attempts:{code}") == b"3"
    assert len(_alerts(bot, code)) == 1


def test_screening_that_keeps_failing_leaves_the_story_queued_until_it_succeeds(bot: BotHarness) -> None:
    bot.reconfigure(DXBOT_SCREEN_HOOK="tests.story_support:fail_twice", STORY_SCREEN_RETRY_SECONDS="0")
    open_window(bot, MODERATOR)
    code = submit(bot)
    assert status(bot.redis, code) == "pending"  # both attempts failed: RQ gave up, the story did not go away
    say(bot, MODERATOR, "/hangdoi")
    assert f"#{code}" in bot.replies(MODERATOR)[-1] and render("flag_unscreened") in bot.replies(MODERATOR)[-1]
    say(bot, MODERATOR, f"/duyet {code}")
    assert bot.replies(MODERATOR)[-1] == render("mod_unscreened", code=code)  # nothing unmasked is published
    later = int(time.time() * 1000) + bot.settings.story_screen_lock_s * 1000 + 1
    assert recover_screening(bot.redis, bot.settings, now_ms=later) == 1  # what the sweeper does
    assert recover_screening(bot.redis, bot.settings, now_ms=later) == 0  # a job is waiting: not twice
    bot.settle()
    assert status(bot.redis, code) == "screened"
    assert len(_alerts(bot, code)) == 1
    assert CITIZEN not in "".join(_alerts(bot, code))
