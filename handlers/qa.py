"""The catch-all text handler: answer from the knowledge base, keep what we could not answer.

After "Ý bạn là…?" the offered choices are remembered in the conversation state; when the next message is
one of them (a tap sends its title), the pair (first question, chosen entry) is counted for editors —
without the user id — and ``dxbot kb learn`` lets an editor turn it into a phrasing. No Vietnamese here:
every string comes from ``content/`` through the engine.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import redis

from bot.core.context import Button
from bot.kb import get_kb, record_unanswered
from bot.kb.learn import question_form, record_choice
from bot.nlp.normalize import command_form

log = logging.getLogger(__name__)

BUTTON_TITLE_CHARS = 100  # community docs cite ≤100 characters for a button title (zalo-oa-api.md)
OFFER = "qa_offer"  # state field: the last "Ý bạn là…?" question and its choices


def _button(title: str, payload: str) -> Button:
    short = title if len(title) <= BUTTON_TITLE_CHARS else title[: BUTTON_TITLE_CHARS - 1].rstrip() + "…"
    return Button(title=short, payload=payload)


def _chosen(ctx: Any, text: str) -> tuple[str, str] | None:
    """(question, entry id) when ``text`` is one of the choices offered last time; the offer is used up."""
    raw = ctx.state.pop(OFFER, "")
    try:
        offer = json.loads(raw) if raw else None
        entry = offer["choices"].get(command_form(text)) if isinstance(offer, dict) else None
        return (str(offer["question"]), str(entry)) if entry else None
    except (ValueError, KeyError, AttributeError, TypeError):
        return None


def answer_question(event: Any, ctx: Any) -> None:
    """Reply to ``event.text``; a question without a confident answer is counted for editors (no user id)."""
    text = event.text or ""
    chosen = _chosen(ctx, text)
    if chosen is not None:
        question, entry_id = chosen
        ctx.on_commit(lambda pipe: record_choice(pipe, question, entry_id))
    result = get_kb().answer(text)
    log.info("qa: kind=%s entry=%s score=%.2f candidates=%s", result.kind, result.entry, result.score,
             result.candidates)
    if not result.confident and result.normalized:
        try:
            record_unanswered(ctx.redis, text)
        except redis.RedisError:
            # Losing one statistic must not cost the citizen the reply.
            log.warning("qa: could not record an unanswered question", exc_info=True)
    if result.kind == "ambiguous":
        ctx.state[OFFER] = json.dumps({
            "question": question_form(text),
            "choices": {command_form(p): e for (_, p), e in zip(result.choices, result.choice_entries, strict=False)},
        }, ensure_ascii=False)
    ctx.send_text(result.text, buttons=[_button(title, payload) for title, payload in result.choices])
