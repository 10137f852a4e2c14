"""Handlers and the one place that fixes their order.

Order: events without text (follow/unfollow/chat-now) → guards (over-long text) → global commands
(help) → moderator commands → an active conversation → keyword commands → question answering, the
catch-all. First match wins.
"""

from __future__ import annotations

from bot.events import AttachmentMessage, ChatNow, Follow, SubmitInfo, Unfollow
from bot.routing import Router, any_text, command, on_event
from handlers import help as help_handlers
from handlers.qa import answer_question


def build_router() -> Router:
    router = Router()
    router.forbidden = help_handlers.forbidden
    # 1. events without text
    router.add(on_event(Follow, ChatNow), help_handlers.welcome)
    router.add(on_event(Unfollow), help_handlers.unfollowed)
    # 2. guards and global commands
    router.add(help_handlers.is_too_long, help_handlers.too_long)
    router.add(command("trợ giúp", "menu", "help", "hướng dẫn"), help_handlers.show_help)
    # 3. moderator commands (stories / digest preview)
    # 4. an active conversation (story draft, confirmations)
    # 5. keyword commands (story start, subscriptions, digest, data deletion)
    # 6. the rest
    router.add(on_event(AttachmentMessage, SubmitInfo), help_handlers.unsupported)
    router.add(any_text(), answer_question)
    return router
