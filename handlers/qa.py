"""The catch-all text handler: answer from the knowledge base, keep what we could not answer.

No Vietnamese here: every string comes from ``content/`` through the engine.
"""

from __future__ import annotations

import logging
from typing import Any

import redis

from bot.core.context import Button
from bot.kb import get_kb, record_unanswered

log = logging.getLogger(__name__)

BUTTON_TITLE_CHARS = 100  # community docs cite ≤100 characters for a button title (zalo-oa-api.md)


def _button(title: str, payload: str) -> Button:
    short = title if len(title) <= BUTTON_TITLE_CHARS else title[: BUTTON_TITLE_CHARS - 1].rstrip() + "…"
    return Button(title=short, payload=payload)


def answer_question(event: Any, ctx: Any) -> None:
    """Reply to ``event.text``; a question without a confident answer is counted for editors (no user id)."""
    result = get_kb().answer(event.text or "")
    log.info("qa: kind=%s entry=%s score=%.2f candidates=%s", result.kind, result.entry, result.score,
             result.candidates)
    if not result.confident and result.normalized:
        try:
            record_unanswered(ctx.redis, event.text)
        except redis.RedisError:
            # Losing one statistic must not cost the citizen the reply.
            log.warning("qa: could not record an unanswered question", exc_info=True)
    ctx.send_text(result.text, buttons=[_button(title, payload) for title, payload in result.choices])
