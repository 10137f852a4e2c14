"""A moderator back after Zalo's window closed is told how many stories wait.

Zalo lets the OA message someone only for 7 days after they last wrote. New-story notices to a moderator
outside that window fail (`-230`) and are not kept (they used to arrive all at once, one message per story).
Instead, this commit hook notes every moderator message and, when the previous one is older than the
window (or there was none), says first how many stories wait, and that writing weekly keeps notices coming.
"""

from __future__ import annotations

from collections.abc import Callable

from redis.client import Pipeline

from bot.core.context import Context, text_messages
from bot.core.events import UserMessage
from bot.infra import keys
from bot.infra.texts import render


def prepare(pipe: Pipeline, ctx: Context) -> Callable[[Pipeline], None] | None:
    """Reads now (the previous message's time, the queue size); the note goes before the reply, the time is
    written in the event's transaction. A moderator who never wrote counts as away: notices could not
    reach them either."""
    if not ctx.is_moderator or not isinstance(ctx.event, UserMessage):
        return None
    moderator, now_ms = ctx.user_id, ctx.event.timestamp_ms
    raw = pipe.get(keys.mod_seen(moderator))
    last = int(raw) if raw else None
    away = last is None or now_ms - last > ctx.settings.mod_window_s * 1000
    waiting = int(pipe.zcard(keys.STORY_QUEUE)) if away else 0
    if waiting:
        # First in the outbox, so the reply to what the moderator just typed stays the last message.
        ctx.outbox[:0] = text_messages(moderator, render("mod_missed", count=waiting),
                                       max_chars=ctx.settings.max_text_chars, received_ms=ctx.received_ms)

    def write(p: Pipeline) -> None:
        if last is None or now_ms > last:
            p.set(keys.mod_seen(moderator), now_ms)

    return write
