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

from bot.core.context import Button, text_messages
from bot.core.ingest import JobWriter
from bot.infra import keys


def queue_text(pipe: Pipeline | redis.Redis, user_id: str, text: str, *, buttons: Sequence[Button] = (),
               keep_if_unreachable: bool = False, max_chars: int = 2000) -> None:
    """Append a text for `user_id` to their outbox (inside `pipe` when given a pipeline)."""
    for message in text_messages(user_id, text, max_chars=max_chars, buttons=buttons,
                                 keep_if_unreachable=keep_if_unreachable):
        pipe.rpush(keys.outbox(user_id), json.dumps(message.to_json()))
    now_ms = int(time.time() * 1000)
    pipe.zadd(keys.PENDING_USERS, {user_id: now_ms}, nx=True)
    pipe.zadd(keys.SEND_DUE, {user_id: now_ms}, nx=True)  # the senders' to-do list (bot/core/delivery.py)


def send_now(client: redis.Redis, user_id: str, text: str, *, buttons: Sequence[Button] = (),
             keep_if_unreachable: bool = False) -> None:
    """Queue a text and hand the user to a worker right away (outside any handler)."""
    with client.pipeline() as pipe:
        queue_text(pipe, user_id, text, buttons=buttons, keep_if_unreachable=keep_if_unreachable)
        pipe.execute()
    JobWriter(client).claim(user_id)
