"""Messages that do not answer an event (moderator alerts, screening results, deferred notices).

They go through the same per-user outbox as replies, so ordering, retries, the interaction-window
rules and "deliver when the user next writes" apply to them too. `pipe` lets a caller queue a notice
in the same transaction as the state change that caused it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence

import redis
from redis.client import Pipeline

from bot.core.context import Button, OutMessage
from bot.core.ingest import JobWriter
from bot.infra import keys
from bot.zalo.text import split_text


def queue_text(pipe: Pipeline | redis.Redis, user_id: str, text: str, *, buttons: Sequence[Button] = (),
               keep_if_unreachable: bool = False, max_chars: int = 2000) -> None:
    """Append a text for `user_id` to their outbox (inside `pipe` when given a pipeline)."""
    parts = split_text(text, max_chars)
    for i, part in enumerate(parts):
        message = OutMessage(user_id=user_id, kind="text", text=part, keep_if_unreachable=keep_if_unreachable,
                             buttons=[(b.title, b.payload) for b in buttons] if i == len(parts) - 1 else [])
        pipe.rpush(keys.outbox(user_id), json.dumps(message.to_json()))
    pipe.zadd(keys.PENDING_USERS, {user_id: int(time.time() * 1000)}, nx=True)


def send_now(client: redis.Redis, user_id: str, text: str, *, buttons: Sequence[Button] = (),
             keep_if_unreachable: bool = False) -> None:
    """Queue a text and hand the user to a worker right away (outside any handler)."""
    with client.pipeline() as pipe:
        queue_text(pipe, user_id, text, buttons=buttons, keep_if_unreachable=keep_if_unreachable)
        pipe.execute()
    JobWriter(client).claim(user_id)
