"""Handlers and the one place that fixes their order.

Order: events without text (follow/unfollow/chat-now) → guards (over-long text) → global commands
(help) → moderator commands → an active conversation → keyword commands → question answering, the
catch-all. First match wins.
"""

from __future__ import annotations

from bot.events import AttachmentMessage, ChatNow, Follow, SubmitInfo, Unfollow
from bot.routing import Router, any_text, command, on_event
from handlers import help as help_handlers


def build_router() -> Router:
    router = Router()
    router.forbidden = help_handlers.forbidden
    router.add(on_event(Follow, ChatNow), help_handlers.welcome)
    router.add(on_event(Unfollow), help_handlers.unfollowed)
    router.add(help_handlers.is_too_long, help_handlers.too_long)
    router.add(command("trợ giúp", "menu", "help", "hướng dẫn"), help_handlers.show_help)
    router.add(on_event(AttachmentMessage, SubmitInfo), help_handlers.unsupported)
    router.add(any_text(), _qa_or_fallback())
    return router


def _qa_or_fallback():  # noqa: ANN202
    try:
        from handlers.qa import answer_question
    except ImportError:  # question answering not installed yet
        return help_handlers.not_understood
    return answer_question
