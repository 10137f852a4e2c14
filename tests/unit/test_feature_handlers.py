"""Subscription and moderator commands as tables, with the writes they would commit applied to Redis."""

from __future__ import annotations

import pytest
import redis

from bot.core.context import Context
from bot.core.routing import Router
from bot.digest import subscribers
from bot.digest.compose import when_label
from bot.digest.inbox import LEFT, READ
from bot.infra.texts import render
from tests.unit.handler_support import CITIZEN, MODERATOR, MakeCtx, replies


def commit(ctx: Context, client: redis.Redis) -> None:
    """What the drain does with a handler's writes (in one transaction)."""
    with client.pipeline() as pipe:
        for write in ctx.writes:
            write(pipe)
        pipe.execute()


@pytest.mark.parametrize(("subscribed", "text", "reply", "subscribed_after"), [
    (False, "đăng ký", "sub_subscribed", True),
    (True, "đăng ký", "sub_already", True),
    (False, "hủy đăng ký", "sub_not_subscribed", False),
    (True, "hủy đăng ký", "sub_unsubscribed", False),
    (True, "dừng nhận bản tin", "sub_unsubscribed", False),
])
def test_subscription_commands(router: Router, make_ctx: MakeCtx, redis_client: redis.Redis, subscribed: bool,
                               text: str, reply: str, subscribed_after: bool) -> None:
    if subscribed:
        subscribers.subscribe(redis_client, CITIZEN)
    ctx = make_ctx(text)
    router.dispatch(ctx.event, ctx)
    assert replies(ctx) == [render(reply, when=when_label(ctx.settings))]  # extra placeholders are ignored
    commit(ctx, redis_client)
    assert subscribers.is_subscribed(redis_client, CITIZEN) is subscribed_after


def test_subscribing_with_a_province_keeps_it(router: Router, make_ctx: MakeCtx, redis_client: redis.Redis) -> None:
    ctx = make_ctx("đăng ký Hà Nội")
    router.dispatch(ctx.event, ctx)
    commit(ctx, redis_client)
    sub = subscribers.get(redis_client, CITIZEN)
    assert sub is not None and sub.province == "ha noi"


@pytest.mark.parametrize(("text", "mark"), [("hủy đăng ký", LEFT), ("bản tin", READ)])
def test_digest_commands_leave_a_mark_for_the_digest_hook(router: Router, make_ctx: MakeCtx, text: str,
                                                          mark: str) -> None:
    ctx = make_ctx(text)
    router.dispatch(ctx.event, ctx)
    assert ctx.marks == {mark}


@pytest.mark.parametrize(("text", "reply"), [
    ("/hangdoi", "mod_queue_empty"),
    ("/xem", "mod_usage_view"),
    ("/duyet", "mod_usage_approve"),
    ("/tuchoi", "mod_usage_reject"),
])
def test_moderator_commands_without_stories(router: Router, make_ctx: MakeCtx, text: str, reply: str) -> None:
    ctx = make_ctx(text, user=MODERATOR)
    router.dispatch(ctx.event, ctx)
    assert replies(ctx) == [render(reply)]
    assert not ctx.writes


@pytest.mark.parametrize("text", ["/xem 7KQ2", "/duyet 7KQ2", "/tuchoi 7KQ2 không liên quan"])
def test_moderator_commands_on_an_unknown_code(router: Router, make_ctx: MakeCtx, text: str) -> None:
    ctx = make_ctx(text, user=MODERATOR)
    router.dispatch(ctx.event, ctx)
    assert replies(ctx) == [render("mod_not_found", code="7KQ2")]
