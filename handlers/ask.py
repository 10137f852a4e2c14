"""The one way a handler asks the knowledge base, so the chat and the story draft log and count alike.

``ask`` answers and logs; ``note_unanswered`` counts an unanswered question for editors (no user id) and,
when Redis fails, logs instead of raising: losing one statistic must not cost the citizen the reply.
"""

from __future__ import annotations

import logging
from typing import Any

import redis

from bot.kb import Answer, get_kb, record_unanswered

log = logging.getLogger(__name__)


def ask(text: str) -> Answer:
    """The knowledge base's answer to ``text``, logged without the user."""
    result = get_kb().answer(text)
    log.info("qa: kind=%s entry=%s score=%.2f candidates=%s", result.kind, result.entry, result.score,
             result.candidates)
    return result


def note_unanswered(ctx: Any, text: str) -> None:
    """Count ``text`` as a question the knowledge base could not answer."""
    try:
        record_unanswered(ctx.redis, text)
    except redis.RedisError:
        log.warning("qa: could not record an unanswered question", exc_info=True)
