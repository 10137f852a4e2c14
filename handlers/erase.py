"""`xóa dữ liệu của tôi`: after an explicit confirmation, delete what the bot holds about the user.

Deleted: the conversation state (drafts included), stories not published (pending, screened or
rejected) with their originals, fingerprints and photo files, and the digest subscription. Published
stories stay, anonymized (no longer linked to the user). The audit log keeps the fact ("data_deleted"
by the user's pseudonym, how many stories) and nothing of the data. Everything is one transaction with
the event, and each story's fate is decided inside Redis at commit time, so a moderator approving at
the same moment cannot resurrect or lose a story.
"""

from __future__ import annotations

import importlib
import logging
from typing import Any

from bot.core.context import Button, Context
from bot.core.events import Event, TextMessage
from bot.infra import audit, keys
from bot.infra.texts import payload, phrases
from bot.nlp.normalize import command_form
from bot.stories import articles
from bot.stories import model as stories
from bot.stories.jobs import enqueue_purge

log = logging.getLogger(__name__)

STEP_CONFIRM = "erase:confirm"
ASK_PHRASES = phrases("erase_ask")
_CONFIRM = {command_form(p) for p in (*phrases("erase_confirm"), *phrases("yes"))}
_CANCEL = {command_form(p) for p in (*phrases("erase_cancel"), *phrases("no"))}
REASKED = "erase_reasked"


def ask(event: Event, ctx: Context) -> None:
    """Ask for confirmation; an open draft is remembered so that "hủy" returns to it."""
    step = ctx.state.get("step", "")
    if step and step != STEP_CONFIRM:
        ctx.state["erase_resume"] = step
    ctx.state["step"] = STEP_CONFIRM
    ctx.state.pop(REASKED, None)
    ctx.say("erase_ask", buttons=_buttons(ctx))


def _buttons(ctx: Context) -> list[Button]:
    return [Button(ctx.text("erase_button_confirm"), payload("erase_confirm")),
            Button(ctx.text("erase_button_keep"), payload("erase_cancel"))]


def confirm_step(event: Event, ctx: Context) -> None:
    """Yes erases, no keeps. Anything else is not taken as a "no" (a citizen answering "có" lost nothing
    but was told their data was kept, then got a fallback answer for the same word): it re-asks once with
    the buttons; a second unclear answer keeps the data. The message is never also handled elsewhere, so
    a word like "có" cannot both answer this question and reach question answering."""
    said = command_form(event.text) if isinstance(event, TextMessage) else ""
    if said in _CONFIRM:
        _erase(event, ctx)
        return
    if said not in _CANCEL and not ctx.state.get(REASKED):
        ctx.state[REASKED] = "1"
        ctx.say("erase_reask", buttons=_buttons(ctx))
        return
    ctx.state.pop(REASKED, None)
    resume = ctx.state.pop("erase_resume", "")
    if resume:
        ctx.state["step"] = resume
    else:
        ctx.state.pop("step", None)
    ctx.say("erase_kept")


def _erase(event: Event, ctx: Context) -> None:
    user_id = ctx.user_id
    codes = stories.user_codes(ctx.redis, user_id)
    statuses = [ctx.redis.hget(keys.story(c), "status") for c in codes]
    anonymized = sum(s == stories.APPROVED.encode() for s in statuses)
    published = [c for c, s in zip(codes, statuses, strict=True) if s == stories.APPROVED.encode()]
    deleted = sum(s is not None for s in statuses) - anonymized
    unsubscribe = _subscriptions_eraser()
    who = audit.citizen(ctx.redis, user_id)

    def write(pipe: Any) -> None:
        stories.erase_user_stories(pipe, ctx.redis, user_id, codes)
        if codes:
            enqueue_purge(pipe, ctx.redis, codes)
        for code in published:  # their articles come down too (the job sees the story anonymised)
            articles.enqueue_remove(pipe, ctx.redis, code)
        if unsubscribe is not None:
            unsubscribe(pipe, user_id)
        audit.record(pipe, "data_deleted", who=who, at_ms=event.timestamp_ms,
                     stories_deleted=deleted, stories_anonymized=anonymized)
        audit.forget(pipe, user_id)  # after this entry, nobody can tie the pseudonym to the person again

    ctx.on_commit(write)
    ctx.state.clear()  # drafts, pending confirmations and every other per-user note
    ctx.say("erase_done", deleted=deleted, anonymized=anonymized)


def _subscriptions_eraser() -> Any | None:
    """`bot.subscribers.unsubscribe(pipe, user_id)` when the digest feature is installed."""
    try:
        module = importlib.import_module("bot.digest.subscribers")
    except ImportError:
        return None
    return getattr(module, "unsubscribe", None)
