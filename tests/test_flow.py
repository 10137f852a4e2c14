"""The core's guarantees end to end: emulator → webhook → queue → worker → handler → Zalo client → emulator
(dedupe, order, splitting, Zalo's errors, crashes and replay; the commands' answers are tests/unit/)."""

from __future__ import annotations

import json
import time

from bot.core.context import Context
from bot.core.events import Event, TextMessage
from bot.core.routing import Router, any_text
from bot.infra import keys
from tests.support import BotHarness, wait_for

USER = "1111111111111111111"


def test_same_event_delivered_three_times_yields_one_reply(bot: BotHarness) -> None:
    response = bot.event(USER, "user_send_text", text="menu", deliveries=3)
    assert response.json()["statuses"] == [200, 200, 200]
    bot.settle()
    assert len(bot.messages(USER)) == 1


def test_echo_of_our_own_send_yields_no_reply(bot: BotHarness) -> None:
    assert bot.event(USER, "oa_send_text", text="Chào bạn").status_code == 200
    bot.settle()
    assert bot.messages(USER) == []


def echo_router() -> Router:
    router = Router()

    def echo(event: Event, ctx: Context) -> None:
        assert isinstance(event, TextMessage)
        ctx.send_text(f"nhận: {event.text}")
        ctx.state["seen"] = ctx.state.get("seen", "") + event.text[-1]

    router.add(any_text(), echo)
    return router


def test_messages_arriving_together_take_effect_in_sent_order(bot: BotHarness) -> None:
    bot.use_router(echo_router())
    now = int(time.time() * 1000)
    # Delivered out of order (network reordering); Zalo's timestamps say 1, 2, 3.
    for offset, text in ((3, "c3"), (1, "a1"), (2, "b2")):
        bot.send(USER, text, timestamp=str(now + offset))
    bot.settle()
    assert bot.replies(USER) == ["nhận: a1", "nhận: b2", "nhận: c3"]
    assert bot.redis.hget(keys.state(USER), "seen") == b"123"


def test_long_reply_is_split_under_zalo_limit(bot: BotHarness) -> None:
    router = Router()
    router.add(any_text(), lambda e, ctx: ctx.send_text("Một câu khá dài để thử. " * 300))
    bot.use_router(router)
    bot.send(USER, "dài")
    bot.settle()
    replies = bot.replies(USER)
    assert len(replies) >= 3
    assert all(len(r) <= 2000 for r in replies)
    assert "".join(replies).replace(" ", "") == ("Một câu khá dài để thử. " * 300).replace(" ", "")


def test_outside_interaction_window_is_recorded_not_retried(bot: BotHarness) -> None:
    bot.use_router(echo_router())
    bot.send(USER, "x")
    bot.advance_clock(8 * 24 * 3600)  # the reply now falls outside Zalo's 7-day window
    bot.settle()
    assert bot.messages(USER) == []
    assert bot.metric("zalo_errors_total", code="-230") == 1
    assert bot.metric("messages_failed_total", reason="UserUnreachable") == 1
    assert bot.redis.llen(keys.UNDELIVERABLE) == 1
    assert not bot.redis.exists(keys.outbox(USER))


def test_zalo_5xx_is_retried_with_backoff_and_sent_once(bot: BotHarness) -> None:
    bot.use_router(echo_router())
    bot.fault(kind="http", status=503, count=2)
    bot.send(USER, "x")
    before_ms = time.time() * 1000
    bot.run_worker()
    assert bot.messages(USER) == []  # first try failed; a retry is scheduled, not spun
    due = bot.redis.zscore(keys.PENDING_USERS, USER)
    # due one backoff after the failed try, which came after before_ms: an order, not a wall-clock budget
    assert due is not None and due >= before_ms + bot.settings.backoff_s(1) * 1000
    bot.settle()
    assert bot.replies(USER) == ["nhận: x"]
    assert bot.metric("zalo_errors_total", code="503") == 2


def test_zalo_rate_limit_backs_off_then_delivers(bot: BotHarness) -> None:
    bot.use_router(echo_router())
    bot.fault(kind="zalo_error", error=-32, count=1)
    bot.send(USER, "x")
    bot.settle()
    assert bot.replies(USER) == ["nhận: x"]
    assert bot.metric("zalo_errors_total", code="-32") == 1


def test_unknown_outcome_is_not_resent(bot: BotHarness) -> None:
    bot.use_router(echo_router())
    bot.reconfigure(ZALO_TIMEOUT_SECONDS="0.5")
    bot.fault(kind="delay", seconds=1.5, count=1)  # Zalo records the message, then answers too late
    bot.send(USER, "x")
    bot.settle()  # nothing is pending any more: the unknown outcome was recorded, not retried
    wait_for(lambda: bot.replies(USER), 10, "Zalo recording the late message")
    assert bot.replies(USER) == ["nhận: x"]  # exactly once: the timed-out send was not repeated
    assert bot.metric("messages_failed_total", reason="unknown_outcome") == 1


def test_handler_crash_is_retried_then_parked_then_replayed(bot: BotHarness) -> None:
    router = Router()

    def fragile(event: Event, ctx: Context) -> None:
        if ctx.redis.get("test:broken"):
            raise RuntimeError("bug")
        ctx.send_text("đã xử lý")

    router.add(any_text(), fragile)
    bot.use_router(router)
    bot.redis.set("test:broken", 1)
    bot.send(USER, "x")
    bot.send(USER, "y")
    bot.settle()
    dead = bot.redis.hgetall(keys.DEAD_EVENTS)
    assert len(dead) == 2
    assert all(json.loads(v)["attempts"] == bot.settings.event_max_attempts for v in dead.values())
    assert bot.replies(USER) == []
    bot.redis.delete("test:broken")
    from bot.core.drain import replay_dead

    assert replay_dead(bot.redis) == 2
    bot.settle()
    assert bot.replies(USER) == ["đã xử lý", "đã xử lý"]
    assert not bot.redis.exists(keys.DEAD_EVENTS)


def test_messages_kept_for_a_closed_window_are_bounded_and_delivered_on_return(bot: BotHarness) -> None:
    from bot.core.notify import send_now
    from bot.core.outbox import DEFERRED_KEEP

    bot.use_router(echo_router())
    bot.send(USER, "x")
    bot.settle()
    bot.advance_clock(8 * 24 * 3600)  # the user's window closes
    for i in range(DEFERRED_KEEP + 5):
        send_now(bot.redis, USER, f"thông báo {i}", keep_if_unreachable=True)
    bot.settle()
    assert bot.redis.llen(keys.deferred(USER)) == DEFERRED_KEEP
    bot.send(USER, "y")  # the user writes again: the window reopens
    bot.settle()
    replies = bot.replies(USER)
    assert replies[1:] == [f"thông báo {i}" for i in range(5, DEFERRED_KEEP + 5)] + ["nhận: y"]
