"""The one way a handler asks the knowledge base, so the chat and the story draft log and count alike.

``ask`` answers and logs; ``note_unanswered`` counts an unanswered question for editors (no user id) in the
event's own commit, so an event retried after a crash counts once.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.kb import Answer, count_unanswered_in, get_kb

log = logging.getLogger(__name__)


def ask(text: str) -> Answer:
    """The knowledge base's answer to ``text``, logged without the user."""
    result = get_kb().answer(text)
    log.info("qa: kind=%s entry=%s score=%.2f candidates=%s", result.kind, result.entry, result.score,
             result.candidates)
    return result


def note_unanswered(ctx: Any, text: str) -> None:
    """Count ``text`` as a question the knowledge base could not answer, with the event's commit."""
    ctx.on_commit(lambda pipe: count_unanswered_in(pipe, text))
