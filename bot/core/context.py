"""What a handler gets besides the event: the user's state, and ways to answer that commit atomically.

Handlers never call Zalo directly. `say`/`send_text` put messages in a buffer; `on_commit` queues Redis
writes. When the handler returns, the worker commits state, writes and outbox in one transaction and
only then delivers the outbox. A crash before the commit re-runs the event from scratch with nothing
half-stored; a crash after it only delays the replies.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import redis
from redis.client import Pipeline

from bot.config import Settings
from bot.core.events import Event
from bot.infra.texts import render
from bot.zalo.text import split_text


@dataclass(frozen=True)
class Button:
    """A quick-reply choice: `payload` comes back as the user's message when tapped."""

    title: str
    payload: str


@dataclass
class OutMessage:
    """One message to deliver; `keep_if_unreachable` parks it until the user writes again."""

    user_id: str
    kind: str  # "text" | "image"
    text: str = ""
    url: str | None = None
    buttons: list[tuple[str, str]] = field(default_factory=list)
    keep_if_unreachable: bool = False
    received_ms: int | None = None
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "user_id": self.user_id, "kind": self.kind, "text": self.text, "url": self.url,
                "buttons": self.buttons, "keep": self.keep_if_unreachable, "received_ms": self.received_ms}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OutMessage:
        return cls(user_id=data["user_id"], kind=data["kind"], text=data.get("text", ""), url=data.get("url"),
                   buttons=[(str(title), str(payload)) for title, payload in data.get("buttons", [])],
                   keep_if_unreachable=bool(data.get("keep")), received_ms=data.get("received_ms"),
                   id=data["id"])


def text_messages(user_id: str, text: str, *, max_chars: int, buttons: Sequence[Button] = (),
                  keep_if_unreachable: bool = False, received_ms: int | None = None) -> list[OutMessage]:
    """A text as the messages Zalo takes: split to its limit, the buttons on the last part. The one place
    outgoing texts are built, for replies (`Context`) and for notices outside a handler (`notify`)."""
    parts = split_text(text, max_chars)
    return [OutMessage(user_id=user_id, kind="text", text=part, keep_if_unreachable=keep_if_unreachable,
                       buttons=[(b.title, b.payload) for b in buttons] if i == len(parts) - 1 else [],
                       received_ms=received_ms)
            for i, part in enumerate(parts)]


class Context:
    """Per-event view for handlers. `state` is the user's conversation hash (strings), saved on commit."""

    def __init__(self, *, event: Event, user_id: str, settings: Settings, client: redis.Redis,
                 state: dict[str, str], received_ms: int | None = None) -> None:
        self.event = event
        self.user_id = user_id
        self.settings = settings
        self.redis = client
        self.state = state
        self.received_ms = received_ms
        self.outbox: list[OutMessage] = []
        self.writes: list[Callable[[Pipeline], None]] = []
        self.handler_name: str | None = None
        self.marks: set[str] = set()  # what a handler tells the features' commit hooks (e.g. "digest:read")
        self.prefetched: dict[str, bytes | None] = {}  # what the commit read with its lease check (`read`)

    @property
    def is_moderator(self) -> bool:
        return self.user_id in self.settings.moderator_ids

    def text(self, key: str, **params: object) -> str:
        """A message from content/messages without sending it."""
        return render(key, **params)

    def say(self, key: str, *, buttons: Sequence[Button] = (), keep_if_unreachable: bool = False,
            **params: object) -> None:
        """Send the message `key` from content/messages."""
        self.send_text(render(key, **params), buttons=buttons, keep_if_unreachable=keep_if_unreachable)

    def send_text(self, text: str, *, buttons: Sequence[Button] = (), keep_if_unreachable: bool = False,
                  to: str | None = None) -> None:
        """Queue text for the user (or another user: `to`), split to Zalo's limit; buttons go on the
        last part."""
        self.outbox += text_messages(to or self.user_id, text, max_chars=self.settings.max_text_chars,
                                     buttons=buttons, keep_if_unreachable=keep_if_unreachable,
                                     received_ms=self.received_ms if to is None else None)

    def send_image(self, url: str, *, caption: str | None = None, to: str | None = None) -> None:
        self.outbox.append(OutMessage(user_id=to or self.user_id, kind="image", url=url, text=caption or "",
                                      received_ms=self.received_ms if to is None else None))

    def read(self, pipe: Pipeline, key: str) -> bytes | None:
        """GET `key` in a commit hook: the value fetched with the commit's lease check when the hook declared
        it (`Router.add_commit_hook(reads=...)`), else read now on the watching pipeline."""
        return self.prefetched[key] if key in self.prefetched else pipe.get(key)

    def on_commit(self, write: Callable[[Pipeline], None]) -> None:
        """Queue a Redis write that must happen together with this event's state change, or not at all."""
        self.writes.append(write)
