"""Moderator commands in the chat: /hangdoi, /xem, /duyet, /tuchoi, /thongke (contract §6).

Who may use them is decided by the route (`require=is_moderator` in handlers/__init__.py), never here.
Decisions are a compare-and-set in Redis (bot.stories.decide) made before the event commits; the reply,
the submitter's notice and the audit entry commit with the event. If the worker dies in between, the
re-run finds its own decision (same event) and sends them then, so nothing is lost or doubled.
"""

from __future__ import annotations

import importlib
import logging
from datetime import datetime

import redis

from bot.core.context import Button, Context
from bot.core.events import Event, TextMessage
from bot.core.routing import command_args
from bot.infra import audit, safe_text
from bot.infra.safe_text import command_text
from bot.infra.texts import moderator_phrases, phrases
from bot.kb import get_kb
from bot.kb.review import due_for_review
from bot.kb.unanswered import count_unanswered
from bot.nlp.normalize import command_form
from bot.stories import articles, pii, screening
from bot.stories import edit as story_edit
from bot.stories import model as stories
from bot.stories.alerts import command_payload
from handlers import help as help_handlers
from handlers import moderation_flow as flow
from handlers.command_guard import attempted_command

log = logging.getLogger(__name__)

QUEUE_PAGE = 15
QUEUE_TITLE_CHARS = 60
REASON_MAX_CHARS = 500
TITLE_CHARS = 200  # titles are at most 150 when typed; the cap guards old or odd data
ORIGINAL_FLAGS = {command_form(f) for f in moderator_phrases("original_flags")}
OTHER_REASON = {command_form(f) for f in moderator_phrases("other_reason")}
CANCEL = {command_form(p) for p in phrases("story_cancel")}


def refuse(event: Event, ctx: Context) -> None:
    """The router's answer to a moderator command from anyone else: refuse, and record the attempt."""
    help_handlers.forbidden(event, ctx)
    text = command_text(event.text) if isinstance(event, TextMessage) else ""
    head = text.strip().split(maxsplit=1)[0][:30] if text.strip() else event.name
    if not head.startswith("/"):  # the command was hidden later in the message (handlers/command_guard.py)
        head = attempted_command(text) or head
    who = audit.citizen(ctx.redis, ctx.user_id)
    ctx.on_commit(lambda pipe: audit.record(pipe, "forbidden", who=who, at_ms=event.timestamp_ms, command=head))


def show_queue(event: Event, ctx: Context) -> None:
    total, items = stories.queue(ctx.redis, QUEUE_PAGE)
    if not total:
        ctx.say("mod_queue_empty")
        return
    lines = [ctx.text("mod_queue_head", count=total)]
    for story in items:
        lines.append(ctx.text("mod_queue_item", code=story.code, date=_date(ctx, story.submitted_ms),
                              title=safe_text.one_line(story.title, QUEUE_TITLE_CHARS),
                              province=safe_text.one_line(story.where, 120),
                              flags=screening.describe(story.flags, screened=story.screened, parked=story.parked)))
    if total > len(items):
        lines.append(ctx.text("mod_queue_more", more=total - len(items)))
    first = items[0].code
    ctx.send_text("\n".join(lines), buttons=[Button(ctx.text("mod_button_view_code", code=first),
                                                    command_payload("view", first)),
                                             *flow.decision_buttons(first)])


def view(event: Event, ctx: Context) -> None:
    """`/xem <code>`: the masked story; `/xem <code> --goc`: the original (recorded separately)."""
    words = command_args(_text(event)).split()
    code = stories.parse_code(words[0]) if words else None
    if code is None:
        ctx.say("mod_usage_view")
        return
    story = stories.load(ctx.redis, code)
    if story is None:
        ctx.say("mod_not_found", code=code)
        return
    want_original = any(command_form(w) in ORIGINAL_FLAGS for w in words[1:])
    who = audit.moderator(ctx.user_id)
    if want_original:
        original = stories.original(ctx.redis, code)
        if original is None:
            ctx.say("mod_original_gone", code=code)
            return
        ctx.on_commit(lambda pipe: audit.record(pipe, "viewed_original", who=who, code=code,
                                                at_ms=event.timestamp_ms))
        ctx.say("mod_view_original", code=code, title=safe_text.one_line(original["title"], TITLE_CHARS),
                body=safe_text.block(original["body"], ctx.settings.story_max_chars),
                links=flow.links(original["links"]))
        return
    ctx.on_commit(lambda pipe: audit.record(pipe, "viewed", who=who, code=code, at_ms=event.timestamp_ms))
    flow.show_card(ctx, story)


def approve(event: Event, ctx: Context) -> None:
    args = command_args(_text(event)).split()
    code = stories.parse_code(args[0]) if args else None
    if code is None:
        ctx.say("mod_usage_approve")
        return
    _decide(event, ctx, code, stories.APPROVED, "")


def reject(event: Event, ctx: Context) -> None:
    args = command_args(_text(event)).split(maxsplit=1)
    code = stories.parse_code(args[0]) if args else None
    reason = safe_text.one_line(args[1], REASON_MAX_CHARS) if len(args) > 1 else ""
    if code is None:
        ctx.say("mod_usage_reject")
        return
    if not reason:
        flow.ask_reason(ctx, code)
        return
    if command_form(reason) in OTHER_REASON:
        flow.await_typed_reason(ctx, code)
        return
    _decide(event, ctx, code, stories.REJECTED, reason)


def typed_reason(event: Event, ctx: Context) -> None:
    """The text after "Lý do khác" is the reason (or "hủy" to leave the story waiting)."""
    code = ctx.state.pop("mod_reason_code", "")
    ctx.state.pop("step", None)
    text = safe_text.one_line(_text(event), REASON_MAX_CHARS)
    if not text or command_form(text) in CANCEL:
        ctx.say("mod_reason_cancelled", code=code)
        return
    _decide(event, ctx, code, stories.REJECTED, text)


def _decide(event: Event, ctx: Context, code: str, status: str, reason: str) -> None:
    decision = stories.decide(ctx.redis, code, status, moderator=ctx.user_id, now_ms=event.timestamp_ms,
                              event_key=event.key, retention_s=ctx.settings.story_original_retention_s,
                              reason=reason)
    if decision.outcome == "missing":
        ctx.say("mod_not_found", code=code)
        return
    if decision.outcome == "unscreened":
        ctx.say("mod_unscreened", code=code)
        return
    if decision.outcome == "taken":
        by = ctx.text("mod_taken_self") if decision.decided_by == ctx.user_id else \
            ctx.text("mod_taken_other", who=decision.decided_by)
        ctx.say("mod_taken", code=code, by=by, status=ctx.text(f"mod_status_{decision.status}"),
                time=_date(ctx, decision.decided_ms))
        return
    story = stories.load(ctx.redis, code)
    submitter = story.user_id if story else ""
    title = story.title if story else ""
    who = audit.moderator(ctx.user_id)
    ctx.on_commit(lambda pipe: audit.record(pipe, status, who=who, code=code, at_ms=event.timestamp_ms,
                                            **({"reason": pii.mask(reason).text} if reason else {})))
    if status == stories.APPROVED:
        if ctx.settings.articles:  # the story becomes an OA article (bot/stories/articles.py)
            ctx.on_commit(lambda pipe: articles.enqueue_publish(pipe, ctx.redis, code))
        notice = ctx.text("story_notice_approved", title=title, code=code)
        done = ctx.text("mod_approved" if submitter else "mod_approved_anonymous", code=code)
    else:
        notice = ctx.text("story_notice_rejected", title=title, code=code, reason=reason)
        done = ctx.text("mod_rejected", code=code, reason=reason.rstrip(" .!?…"))  # no ".." before the next
    flow.offer_next(ctx, done, code)
    if submitter:
        # If Zalo's window has closed, the outbox parks it and delivers it at the user's next message.
        ctx.send_text(notice, to=submitter, keep_if_unreachable=True)


def stats(event: Event, ctx: Context) -> None:
    counts = stories.counts(ctx.redis)
    ctx.say("mod_stats", pending=counts["pending"], unscreened=counts["unscreened"], approved=counts["approved"],
            rejected=counts["rejected"], subscribers=_subscribers(ctx.redis), unanswered=count_unanswered(ctx.redis),
            review_due=_review_due(ctx))


def _review_due(ctx: Context) -> int:
    """Knowledge-base entries whose ``review_by`` has come (local day): editors re-check them."""
    return len(due_for_review(get_kb().entries, datetime.now(ctx.settings.tz).date()))


def _subscribers(client: redis.Redis) -> int:
    """From the digest feature when it is installed; 0 otherwise."""
    try:
        module = importlib.import_module("bot.digest.subscribers")
    except ImportError:
        return 0
    count = getattr(module, "count", None)
    return int(count(client)) if count is not None else 0


def _text(event: Event) -> str:
    return event.text if isinstance(event, TextMessage) else ""


def _date(ctx: Context, ms: int) -> str:
    return flow.date(ctx, ms)


def edit(event: Event, ctx: Context) -> None:
    """`/sua <mã> <nội dung mới>`: replace the text that will be published; the original stays."""
    args = command_args(_text(event)).split(maxsplit=1)
    code = stories.parse_code(args[0]) if args else None
    body = args[1].strip() if len(args) > 1 else ""
    if code is None or not body:
        ctx.say("mod_edit_usage")
        return
    if len(body) > ctx.settings.story_max_chars:
        ctx.say("mod_edit_too_long", chars=len(body), limit=ctx.settings.story_max_chars)
        return
    outcome = story_edit.edit_body(ctx.redis, code, body, moderator=ctx.user_id, now_ms=event.timestamp_ms)
    if outcome == "missing":
        ctx.say("mod_not_found", code=code)
    elif outcome == "unscreened":
        ctx.say("mod_unscreened", code=code)
    elif outcome.startswith("closed:"):
        ctx.say("mod_edit_closed", code=code, status=ctx.text(f"mod_status_{outcome.split(':', 1)[1]}"))
    else:
        story = stories.load(ctx.redis, code)
        if story is not None:
            flow.show_card(ctx, story, head=ctx.text("mod_edit_done", code=code, chars=len(story.body)))
