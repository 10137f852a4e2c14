"""The digest's hook in the event path: a subscriber's message opens Zalo's window, so deliver what waits.

`prepare()` is a commit hook (registered in `handlers/__init__.py`): the drain calls it inside every
event's commit (after WATCH, before MULTI). It reads, for a
user interaction: whether a digest was kept for the user (the key `reads` names, fetched with the commit's lease
check). The returned write runs inside the event's
transaction: it records the interaction time on the subscriber (the fan-out uses it to choose the
message type) and, if a digest waits, queues it after the handler's replies and clears the marker —
atomically with the event's removal, so it is delivered once.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import redis
from redis.client import Pipeline

from bot.config import Settings
from bot.core.context import Context
from bot.core.events import ChatNow, Follow, SubmitInfo, UserMessage
from bot.core.notify import queue_text
from bot.digest import subscribers
from bot.digest.compose import fact_from_json, render_text, stories_from_json
from bot.infra import keys
from bot.infra.texts import render

INTERACTIONS = (UserMessage, Follow, ChatNow, SubmitInfo)
# Marks a handler leaves on the context (`ctx.marks`): the user just read the digest, or just left. After
# either, a digest kept for the user is not pushed; after leaving it is not counted as delivered either.
READ = "digest:read"
LEFT = "digest:left"


def run_text(client: redis.Redis, settings: Settings, slot: str, province: str) -> str | None:
    """The digest text of `slot` as a subscriber with `province` receives it (None if it has none)."""
    run = client.hmget(keys.digest_run(slot), "stories", "fact", "week")
    if not run[0]:
        return None
    return render_text(stories_from_json(json.loads(run[0])), fact_from_json(json.loads(run[1] or b"null")),
                       (run[2] or b"").decode(), province=province, max_chars=settings.max_text_chars)


def latest_slot(client: redis.Redis) -> str | None:
    raw = client.get(keys.DIGEST_LATEST)
    return raw.decode() if raw else None


def reads(ctx: Context) -> list[str]:
    """What `prepare` reads for an event (fetched with the commit's lease check)."""
    return [keys.digest_unread(ctx.user_id)] if isinstance(ctx.event, INTERACTIONS) else []


def prepare(pipe: Pipeline, ctx: Context) -> Callable[[Pipeline], None] | None:
    """Reads now (immediate mode); returns the write to add to the event's transaction."""
    if not isinstance(ctx.event, INTERACTIONS):
        return None
    user_id, interaction_ms = ctx.user_id, ctx.event.timestamp_ms
    raw_slot = ctx.read(pipe, keys.digest_unread(user_id))
    slot = raw_slot.decode() if raw_slot else None
    text = None
    if slot and not ctx.marks & {READ, LEFT}:
        sub = subscribers.get(ctx.redis, user_id)
        text = run_text(ctx.redis, ctx.settings, slot, sub.province if sub else "")

    def write(tx: Pipeline) -> None:
        subscribers.touch(tx, user_id, interaction_ms)
        if slot is None:
            return
        tx.delete(keys.digest_unread(user_id))
        if LEFT not in ctx.marks:
            tx.hset(keys.digest_log(slot), user_id, "l")
            tx.hincrby(keys.digest_report(slot), "delivered_later", 1)
        if text:
            queue_text(tx, user_id, render("digest_unread_intro") + "\n\n" + text,
                       max_chars=ctx.settings.max_text_chars)

    return write
