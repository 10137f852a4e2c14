"""Router factories that tests load into worker subprocesses through DXBOT_ROUTER."""

from __future__ import annotations

import time

from bot.core.context import Context
from bot.core.events import Event, TextMessage
from bot.core.routing import Router, any_text


def slow_echo() -> Router:
    """Echo each text; "slow …" marks itself in Redis, then takes 3 s (time enough to kill the worker)."""
    router = Router()

    def echo(event: Event, ctx: Context) -> None:
        assert isinstance(event, TextMessage)
        if event.text.startswith("slow"):
            ctx.redis.incr("test:slow-started")
            time.sleep(3)
        ctx.send_text(f"nhận: {event.text}")

    router.add(any_text(), echo)
    return router


def exclusion_probe() -> Router:
    """Records whether two events of one user ever run at the same time, and in which order they ran."""
    router = Router()

    def probe(event: Event, ctx: Context) -> None:
        assert isinstance(event, TextMessage)
        active = ctx.redis.incr(f"test:active:{ctx.user_id}")
        try:
            if active > 1:
                ctx.redis.set("test:overlap", ctx.user_id)
            time.sleep(0.05)
            ctx.redis.rpush(f"test:order:{ctx.user_id}", event.text)
        finally:
            ctx.redis.decr(f"test:active:{ctx.user_id}")
        ctx.send_text(f"nhận: {event.text}")

    router.add(any_text(), probe)
    return router
