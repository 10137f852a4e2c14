"""Which chat command a message would reach, without running anything: for the QA evaluation harness.

A new user with no conversation state and no moderator rights sends ``text``; the router's matchers are
asked in order and the first match is named. Matchers that need Redis (reading a story by code) count as
not matching: the harness has no Redis and those are not plain-words commands.
"""

from __future__ import annotations

from types import SimpleNamespace

from bot.core.events import TextMessage
from bot.core.routing import Router

# Route (handler) names → the command names of the blind evaluation sets.
COMMAND_OF_ROUTE = {
    "start": "story", "subscribe": "subscribe", "unsubscribe": "unsubscribe", "show_latest_digest": "digest",
    "ask": "erase", "show_help": "help",
}
QA_ROUTE = "answer_question"


def command_route(router: Router, text: str) -> str | None:
    """The command ``text`` reaches (``None``: question answering)."""
    event = TextMessage(name="user_send_text", app_id="probe", timestamp_ms=0, user_id="probe", msg_id="probe",
                        text=text)
    ctx = SimpleNamespace(state={}, is_moderator=False, redis=None, user_id="probe", settings=None)
    for route in router.routes:
        try:
            matched = route.matcher(event, ctx)  # a stand-in for the Context: only matchers that need no Redis
        except (AttributeError, TypeError):  # a matcher that needs Redis or settings
            matched = False
        if matched:
            return None if route.name == QA_ROUTE else COMMAND_OF_ROUTE.get(route.name, route.name)
    return None


def router_probe() -> object:
    """``text → command | None`` over the real router (built once)."""
    from handlers import build_router

    router = build_router()
    return lambda text: command_route(router, text)
