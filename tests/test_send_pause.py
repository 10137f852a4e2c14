"""Zalo's `-32` (rate limit) pauses every process's sends, not only the refused user's (bot/core/send_pause.py):
the sender's threads, the workers that deliver inline and the digest fan-out all wait out one shared pause.
Over real HTTP: the emulator answers `-32` once, the bot's sender or worker meets it."""

from __future__ import annotations

import time
from datetime import datetime

from bot.core import delivery, send_pause
from bot.infra import keys
from tests.routers import slow_echo
from tests.support import BotHarness, wait_for
from tests.test_sender import running_sender

CS = "/v3.0/oa/message/cs"
PAUSE_S = "6"  # the first retry's backoff, hence the pause: long enough for a second user to write meanwhile


def _emulator_offset_ms(bot: BotHarness) -> float:
    """Emulator clock minus this machine's clock (both are the wall clock; the emulator's may be moved)."""
    before = time.time() * 1000
    now = bot.emulator("GET", "/clock").json()["now_ms"]
    return now - (before + time.time() * 1000) / 2


def _sent_at_ms(bot: BotHarness, user: str, offset_ms: float) -> list[float]:
    return [datetime.fromisoformat(m["at"]).timestamp() * 1000 - offset_ms for m in bot.messages(user)]


def _pause_until_ms(bot: BotHarness) -> float:
    return int(bot.redis.get(keys.SEND_PAUSE)) / 1000


def _meet_the_limit_then_write_again(bot: BotHarness, first: str, other: str) -> float:
    """`first`'s reply meets -32; `other` writes while the pause lasts. Returns the pause's end (epoch ms)."""
    bot.fault(kind="zalo_error", error=-32, count=1, path=CS)
    bot.send(first, "một")
    bot.run_worker()
    wait_for(lambda: bot.redis.exists(keys.SEND_PAUSE), 20, "the shared pause after Zalo's -32")
    until_ms = _pause_until_ms(bot)
    bot.send(other, "hai")
    bot.run_worker()
    assert time.time() * 1000 < until_ms, "the second user's reply was committed after the pause (machine too slow)"
    return until_ms


def test_a_rate_limit_met_by_one_users_send_holds_every_users_send_in_the_sender(bot: BotHarness) -> None:
    bot.use_router(slow_echo())
    bot.reconfigure(SEND_BACKOFF_BASE_SECONDS=PAUSE_S, SEND_BACKOFF_MAX_SECONDS=PAUSE_S)
    first, other = "7700000000000000101", "7700000000000000102"
    offset = _emulator_offset_ms(bot)
    with running_sender(bot, threads=4):
        until_ms = _meet_the_limit_then_write_again(bot, first, other)
        wait_for(lambda: bot.replies(first) == ["nhận: một"] and bot.replies(other) == ["nhận: hai"], 60,
                 "both replies after the pause")
    # nothing went to Zalo before the pause was over: not the refused reply, not the other user's
    sent = _sent_at_ms(bot, first, offset) + _sent_at_ms(bot, other, offset)
    assert min(sent) >= until_ms - 50, (min(sent), until_ms)
    assert bot.metric("zalo_errors_total", code="-32") == 1
    assert bot.redis.zcard(keys.SEND_DUE) == 0


def test_workers_delivering_inline_honour_the_same_pause(bot: BotHarness) -> None:
    from bot.maintenance import sweep

    bot.use_router(slow_echo())
    bot.reconfigure(SEND_BACKOFF_BASE_SECONDS=PAUSE_S, SEND_BACKOFF_MAX_SECONDS=PAUSE_S)
    delivery.forget_sender_state()  # no sender runs: each drain delivers its own user's replies
    first, other = "7700000000000000201", "7700000000000000202"
    offset = _emulator_offset_ms(bot)
    until_ms = _meet_the_limit_then_write_again(bot, first, other)
    assert bot.messages(other) == []  # its drain committed the reply and left it for after the pause
    while not (bot.replies(first) == ["nhận: một"] and bot.replies(other) == ["nhận: hai"]):
        assert time.time() * 1000 < until_ms + 60_000, "replies not delivered after the pause"
        wait_for(lambda: bot.redis.zrangebyscore(keys.PENDING_USERS, "-inf", time.time() * 1000), 60,
                 "a user due again")
        sweep()
        bot.run_worker()
    sent = _sent_at_ms(bot, first, offset) + _sent_at_ms(bot, other, offset)
    assert min(sent) >= until_ms - 50, (min(sent), until_ms)


def test_a_rate_limit_is_not_the_messages_fault_and_does_not_count_toward_its_attempts(bot: BotHarness) -> None:
    """SEND_MAX_ATTEMPTS=1 parks a message at its first retryable failure; a -32 is not one of its failures."""
    bot.use_router(slow_echo())
    bot.reconfigure(SEND_MAX_ATTEMPTS="1", SEND_BACKOFF_BASE_SECONDS="0.5", SEND_BACKOFF_MAX_SECONDS="0.5")
    user = "7700000000000000301"
    bot.fault(kind="zalo_error", error=-32, count=2, path=CS)
    with running_sender(bot, threads=4):
        bot.send(user, "một")
        bot.run_worker()
        wait_for(lambda: bot.replies(user) == ["nhận: một"], 30, "the reply after two pauses")
    assert bot.metric("zalo_errors_total", code="-32") == 2
    assert bot.redis.hlen(keys.DEAD_SENDS) == 0


def test_users_held_by_a_pause_come_back_spread_over_it_not_all_at_its_end() -> None:
    delays = [send_pause.resume_in(2.0) for _ in range(400)]
    assert all(2.0 <= d <= 4.0 for d in delays)
    assert max(delays) - min(delays) > 1.5  # spread over the pause's length, not one instant
    assert all(10.0 <= d <= 10.0 + send_pause.RESUME_SPREAD_MAX_S for d in (send_pause.resume_in(10.0)
                                                                          for _ in range(100)))
