"""Zalo webhook events as frozen dataclasses (built by the one parser, `bot/core/parsing.py`).

Shapes follow shared/zalo-oa-api.md §2. Unknown event names are not errors: Zalo adds events over time,
so they parse to `UnknownEvent`.

Sample (official example, §2.3):
    {"app_id": "360846524940903967", "sender": {"id": "246845883529197922"},
     "user_id_by_app": "552177279717587730", "recipient": {"id": "388613280878808645"},
     "event_name": "user_send_text", "message": {"text": "message", "msg_id": "96d3cdf3af150460909"},
     "timestamp": "154390853474"}
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cached_property


class EventParseError(ValueError):
    """The body is JSON but not a Zalo event we can trust."""


@dataclass(frozen=True)
class Event:
    """Fields every event has. `user_id` is the citizen's OA-scoped id (None for OA-wide events)."""

    name: str
    app_id: str
    timestamp_ms: int
    user_id: str | None

    @cached_property
    def key(self) -> str:
        """Stable identity for de-duplication: Zalo's msg_id, else a hash of what makes it unique."""
        msg_id = getattr(self, "msg_id", None)
        if msg_id:
            return "m" + _safe(msg_id)
        basis = f"{self.name}|{self.timestamp_ms}|{self.user_id or ''}"
        return "h" + hashlib.sha1(basis.encode()).hexdigest()[:24]


@dataclass(frozen=True)
class UserMessage(Event):
    """Anything a user sends in the chat (text or an attachment)."""

    msg_id: str = ""
    text: str = ""
    quote_msg_id: str | None = None


@dataclass(frozen=True)
class TextMessage(UserMessage):
    pass


@dataclass(frozen=True)
class Attachment:
    type: str
    url: str | None = None
    thumbnail: str | None = None
    name: str | None = None
    size: int | None = None
    title: str | None = None
    description: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    sticker_id: str | None = None


@dataclass(frozen=True)
class AttachmentMessage(UserMessage):
    """image, gif, sticker, file, audio, video, link, location, business card."""

    attachments: tuple[Attachment, ...] = ()

    @property
    def kind(self) -> str:
        return self.name.removeprefix("user_send_")


@dataclass(frozen=True)
class SubmitInfo(Event):
    info: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Follow(Event):
    source: str = ""


@dataclass(frozen=True)
class Unfollow(Event):
    source: str = ""


@dataclass(frozen=True)
class ChatNow(Event):
    """The user pressed "Nhắn tin" on the OA profile: an interaction, with no message."""


@dataclass(frozen=True)
class Receipt(Event):
    """user_received_message / user_seen_message: sender is the OA, recipient the user."""

    msg_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class OAEcho(Event):
    """oa_send_*: Zalo tells us what the OA sent (by API or by an admin in the OA chat)."""

    msg_id: str = ""
    admin_id: str | None = None


@dataclass(frozen=True)
class UnknownEvent(Event):
    pass


ATTACHMENT_EVENTS = frozenset(
    f"user_send_{k}" for k in ("image", "gif", "sticker", "file", "audio", "video", "link", "location",
                               "business_card")
)
# Events that reach the worker; everything else is acknowledged and counted, never queued.
ACTIONABLE = (UserMessage, SubmitInfo, Follow, Unfollow, ChatNow)


_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _safe(value: str) -> str:
    """Zalo msg ids are short hex; anything else is hashed so keys stay short and printable."""
    if _SAFE_ID.fullmatch(value):
        return value
    return hashlib.sha1(value.encode()).hexdigest()
