"""Events and contexts for the unit layer (the fixtures that use them are in conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

from bot.core.context import Context
from bot.core.events import Attachment, AttachmentMessage, TextMessage

CITIZEN = "1000000000000000001"
MODERATOR = "9000000000000000009"
NOW_MS = 1_790_000_000_000  # a fixed Zalo timestamp: handlers measure time on events, never on the clock
_msg_ids = count(1)

MakeCtx = Callable[..., Context]


def text_event(text: str, *, user: str = CITIZEN, at_ms: int = NOW_MS) -> TextMessage:
    return TextMessage(name="user_send_text", app_id="", timestamp_ms=at_ms, user_id=user,
                       msg_id=f"m{next(_msg_ids)}", text=text)


def photo_event(url: str, *, user: str = CITIZEN, at_ms: int = NOW_MS) -> AttachmentMessage:
    return AttachmentMessage(name="user_send_image", app_id="", timestamp_ms=at_ms, user_id=user,
                             msg_id=f"m{next(_msg_ids)}", attachments=(Attachment(type="image", url=url),))


def replies(ctx: Context) -> list[str]:
    return [m.text for m in ctx.outbox]
