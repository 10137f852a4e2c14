"""Unit layer: handlers called with a `Context` built directly, against the real test Redis.

No HTTP, no emulator, no RQ: `make_ctx("gửi câu chuyện")` is one event of one user, `router.dispatch`
runs the handler the real route table picks, and the test reads what it would commit (`ctx.state`,
`ctx.outbox`, `ctx.writes`). The end-to-end tests one level up cover the way in and the way out.
"""

from __future__ import annotations

import pytest
import redis

from bot.config import Settings
from bot.core.context import Context
from bot.core.events import Event
from bot.core.routing import Router
from tests.unit.handler_support import CITIZEN, MODERATOR, NOW_MS, Chat, MakeCtx, text_event


@pytest.fixture(scope="session")
def unit_settings() -> Settings:
    return Settings.from_env({"MODERATOR_IDS": MODERATOR}, load_dotenv_file=False)


@pytest.fixture(scope="session")
def router() -> Router:
    from handlers import build_router

    return build_router()


@pytest.fixture()
def make_ctx(redis_client: redis.Redis, unit_settings: Settings) -> MakeCtx:
    """`make_ctx(text | event, user=..., state={...})`: the Context a worker would hand the handler."""

    def make(what: str | Event, *, user: str = CITIZEN, state: dict[str, str] | None = None,
             at_ms: int = NOW_MS) -> Context:
        event = text_event(what, user=user, at_ms=at_ms) if isinstance(what, str) else what
        return Context(event=event, user_id=event.user_id or user, settings=unit_settings, client=redis_client,
                       state=dict(state or {}), received_ms=at_ms)

    return make


@pytest.fixture()
def chat(router: Router, redis_client: redis.Redis) -> Chat:
    """A conversation through the real route table, committed as the drain commits (no HTTP, no RQ)."""
    return Chat(router, redis_client)
