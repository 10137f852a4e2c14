"""The citizen's side of a reader story: title → locality → story (text, photos, links) → `xong` →
summary → `đồng ý`, with `hủy` at any step.

The draft lives in the user's conversation state (`ctx.state`, saved with the event's commit), so it
survives restarts and is never half-written. Times come from Zalo's event timestamps: an untouched draft
expires after `STORY_DRAFT_TTL_SECONDS`, and the user is told at their next message.

Questions in the middle of a draft: a message starting with "?" is always a question. At the title,
locality and consent steps a message that reads like a question and that the knowledge base answers
confidently is one too. At the story step everything else is story text: people tell stories with
question marks ("Vì sao làng tôi bỏ tiền mặt?") and a story must never be swallowed as a question.
"""

from __future__ import annotations

import time
from typing import Any

from bot.core.context import Button, Context
from bot.core.events import AttachmentMessage, Event, TextMessage
from bot.core.routing import REDISPATCH, Redispatch
from bot.infra import audit, keys
from bot.infra.provinces import match as match_province
from bot.infra.texts import payload, phrases
from bot.nlp.normalize import command_form, fold
from bot.stories import draft
from bot.stories import model as stories
from bot.stories.jobs import enqueue_media, enqueue_screening
from handlers import answer_view, story_parts, story_text
from handlers.ask import ask, note_unanswered
from handlers.story_parts import cancel_button, done_button

STEP_TITLE, STEP_LOCALITY, STEP_BODY, STEP_CONSENT = "story:title", "story:locality", "story:body", "story:consent"
TITLE_MAX_CHARS = 150
EXCERPT_CHARS = 300
DAY_MS = 24 * 3600 * 1000

START_PHRASES = phrases("story_start")  # the words of every command: content/commands.toml
_START = {command_form(p) for p in START_PHRASES}
_CANCEL = {command_form(p) for p in phrases("story_cancel")}
_DONE = {command_form(p) for p in phrases("story_done")}
_AGREE = {command_form(p) for p in (*phrases("story_agree"), *phrases("yes"))}
_AGREE_NAMED = {command_form(p) for p in phrases("story_agree_named")}  # the article shows their Zalo name


# --- matchers ---------------------------------------------------------------------------------------

def is_drafting(event: Event, ctx: Context) -> bool:
    return ctx.state.get("step", "").startswith("story:")


def draft_expired(event: Event, ctx: Context) -> bool:
    """A draft untouched for longer than the configured time (measured on Zalo's timestamps)."""
    if not is_drafting(event, ctx):
        return False
    touched = int(ctx.state.get("story_touched") or 0)
    return event.timestamp_ms - touched > ctx.settings.story_draft_ttl_s * 1000


def is_cancel(event: Event, ctx: Context) -> bool:
    return isinstance(event, TextMessage) and command_form(event.text) in _CANCEL


# --- handlers ---------------------------------------------------------------------------------------

def start(event: Event, ctx: Context) -> None:
    """`gửi câu chuyện`: open a draft, unless the user has reached today's limit."""
    if _limit_reached(event, ctx):
        return
    draft.clear(ctx.state)
    ctx.state["step"] = STEP_TITLE
    ctx.state["story_touched"] = str(event.timestamp_ms)
    ctx.say("story_ask_title", buttons=[cancel_button(ctx)])


def cancel(event: Event, ctx: Context) -> None:
    draft.clear(ctx.state)
    ctx.say("story_cancelled")


def expire(event: Event, ctx: Context) -> Redispatch | None:
    """Tell the user their draft expired, then treat the message as if there had been no draft."""
    title = ctx.state.get("story_title") or ctx.text("story_untitled")
    draft.clear(ctx.state)
    ctx.say("story_expired", title=title, hours=round(ctx.settings.story_draft_ttl_s / 3600))
    if isinstance(event, TextMessage) and command_form(event.text) not in _DONE | _AGREE | _AGREE_NAMED | _CANCEL:
        return REDISPATCH
    return None


def continue_draft(event: Event, ctx: Context) -> None:
    """Any message while a draft is open: route by step."""
    step = ctx.state["step"]
    ctx.state["story_touched"] = str(event.timestamp_ms)
    if isinstance(event, AttachmentMessage):
        _attachment(event, ctx, step)
        return
    if not isinstance(event, TextMessage):
        return
    text = event.text.strip()
    said = command_form(text)
    if text.startswith("?"):
        _answer(ctx, text.lstrip("?").strip() or text, always=True)
        return
    if said in _START:
        ctx.say("story_already_drafting")
        _remind(ctx)
        return
    {STEP_TITLE: _title, STEP_LOCALITY: _locality, STEP_BODY: _body, STEP_CONSENT: _consent}[step](text, ctx)


# --- steps ------------------------------------------------------------------------------------------

def _title(text: str, ctx: Context) -> None:
    if story_text.looks_like_question(text) and _answer(ctx, text):
        return
    if len(text) > TITLE_MAX_CHARS:
        ctx.say("story_title_too_long", length=len(text), limit=TITLE_MAX_CHARS, buttons=[cancel_button(ctx)])
        return
    ctx.state["story_title"] = " ".join(text.split())
    ctx.state["step"] = STEP_LOCALITY
    ctx.say("story_ask_locality", buttons=[cancel_button(ctx)])


def _locality(text: str, ctx: Context) -> None:
    found = match_province(text)
    if found is None:
        if _answer(ctx, text):
            return
        ctx.say("story_locality_unknown", text=text[:60], buttons=[cancel_button(ctx)])
        return
    ctx.state["story_locality"] = found.province.name
    place = story_text.place_before_province(text, found.province.name)
    if place:
        ctx.state["story_place"] = place
    else:
        ctx.state.pop("story_place", None)
    ctx.state["step"] = STEP_BODY
    if found.former:
        ctx.say("story_locality_merged", old=found.former, province=found.province.display)
    ctx.say("story_ask_body", province=found.province.display, max_photos=ctx.settings.story_max_photos)


def _body(text: str, ctx: Context) -> None:
    if command_form(text) in _DONE:
        _finish(ctx)
        return
    parts = draft.load_parts(ctx.state)
    if not story_parts.add_text(ctx, parts, text, "story_too_long"):
        return
    story_parts.save_parts(ctx, parts)
    ctx.say("story_part_saved", chars=draft.chars(parts), limit=ctx.settings.story_max_chars,
            buttons=[done_button(ctx)])


def _attachment(event: AttachmentMessage, ctx: Context, step: str) -> None:
    if step == STEP_CONSENT:
        ctx.say("story_consent_reminder")
        return
    if step != STEP_BODY:
        ctx.say("story_photo_too_early")
        _remind(ctx)
        return
    story_parts.add_attachments(event, ctx)


def _finish(ctx: Context) -> None:
    """`xong`: check the story is a story, then show the summary and ask for consent."""
    parts = draft.load_parts(ctx.state)
    body = draft.body_text(parts)
    words = len(fold(body).split())
    if words == 0:
        ctx.say("story_empty", buttons=[cancel_button(ctx)])
        return
    if words < ctx.settings.story_min_words:
        ctx.say("story_too_short", words=words, min_words=ctx.settings.story_min_words)
        return
    ctx.state["step"] = STEP_CONSENT
    excerpt = body if len(body) <= EXCERPT_CHARS else body[:EXCERPT_CHARS].rstrip() + "…"
    ctx.say("story_summary", title=ctx.state.get("story_title", ""), province=story_text.where(ctx.state),
            chars=len(body), excerpt=excerpt, photos=sum(p["type"] == "photo" for p in parts),
            links=sum(p["type"] == "link" for p in parts),
            buttons=[Button(ctx.text("story_button_agree"), payload("story_agree")),
                     Button(ctx.text("story_button_agree_named"), payload("story_agree_named")), cancel_button(ctx)])


def _consent(text: str, ctx: Context) -> None:
    named = command_form(text) in _AGREE_NAMED  # optional: by default the article says "Bạn đọc"
    if command_form(text) not in _AGREE and not named:
        if not _answer(ctx, text):
            ctx.say("story_consent_reminder",
                    buttons=[Button(ctx.text("story_button_agree"), payload("story_agree")), cancel_button(ctx)])
        return
    if _limit_reached(ctx.event, ctx):
        draft.clear(ctx.state)
        return
    parts = draft.load_parts(ctx.state)
    if not draft.within_limits(parts, ctx.settings):  # a draft from before the limits held on every path
        ctx.say("story_over_limit", chars=draft.chars(parts), limit=ctx.settings.story_max_chars,
                photos=sum(p["type"] == "photo" for p in parts), links=sum(p["type"] == "link" for p in parts),
                buttons=[cancel_button(ctx)])
        return
    code = stories.allocate_code(ctx.redis)
    submission = stories.Submission(
        code=code, user_id=ctx.user_id, title=ctx.state.get("story_title", ""),
        locality=ctx.state.get("story_locality", ""), place=ctx.state.get("story_place", ""),
        body=draft.body_text(parts),
        photos=tuple(p["url"] for p in parts if p["type"] == "photo"),
        links=tuple(p["url"] for p in parts if p["type"] == "link"), submitted_ms=ctx.event.timestamp_ms)
    settings = ctx.settings
    who = audit.citizen(ctx.redis, ctx.user_id)

    def store(pipe: Any) -> None:
        stories.write_submission(pipe, submission, now_ms=int(time.time() * 1000), who=who)
        if named:
            pipe.hset(keys.story(code), "show_name", "1")
        enqueue_screening(pipe, ctx.redis, code, settings)
        if submission.photos:
            enqueue_media(pipe, ctx.redis, code, settings)

    ctx.on_commit(store)
    draft.clear(ctx.state)
    ctx.say("story_submitted", code=code)


# --- helpers ----------------------------------------------------------------------------------------

def _limit_reached(event: Event, ctx: Context) -> bool:
    limit = ctx.settings.story_max_per_day
    count = stories.submissions_since(ctx.redis, ctx.user_id, event.timestamp_ms - DAY_MS)
    if count >= limit:
        ctx.say("story_daily_limit", count=count, limit=limit)
        return True
    return False


def _answer(ctx: Context, text: str, *, always: bool = False) -> bool:
    """Answer `text` from the knowledge base if it is confident (or `always`), then say where the draft
    stands. Choice buttons are left out: their payload would come back as a draft message."""
    result = ask(text)
    if not (result.confident or always):
        return False
    if not result.confident and result.normalized:
        note_unanswered(ctx, text)
    ctx.send_text(answer_view.shape(result).text if result.confident else result.text)  # short, as on a phone
    _remind(ctx)
    return True


def _remind(ctx: Context) -> None:
    step = ctx.state.get("step", "")
    parts = draft.load_parts(ctx.state)
    title = ctx.state.get("story_title", "")
    key = {STEP_TITLE: "story_reminder_title", STEP_LOCALITY: "story_reminder_locality",
           STEP_BODY: "story_reminder_body", STEP_CONSENT: "story_reminder_consent"}[step]
    ctx.say(key, title=title, chars=draft.chars(parts), photos=sum(p["type"] == "photo" for p in parts),
            buttons=[cancel_button(ctx)])
