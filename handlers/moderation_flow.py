"""Moderation in a few taps: the story card with its buttons and photos, ready-made rejection reasons,
and the next pending story offered after each decision.

A moderator used to type about 40 commands for 20 stories. Now `/hangdoi` (or a notice) leads to a story
card with Duyệt / Từ chối buttons; a decision answers with the next story's card, so the queue is cleared
by tapping. Every button sends the slash command the moderator could type (`/duyet 7KQ2`), so the chat
history reads as what was done.
"""

from __future__ import annotations

from datetime import datetime

from bot.core.context import Button, Context
from bot.infra import safe_text
from bot.infra.texts import moderator_phrases
from bot.stories import alerts, screening
from bot.stories import model as stories

STEP_REASON = "mod:reason"  # waiting for a typed rejection reason; `mod_reason_code` names the story
TITLE_CHARS = 200
LINK_CHARS = 120
MAX_LINKS_SHOWN = 5
MAX_PHOTOS_SHOWN = 5
NEXT_SCAN = 30  # how many queued stories are looked at to find the next one that can be decided


def date(ctx: Context, ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, ctx.settings.tz).strftime("%d/%m %H:%M")


def links(found: list[str]) -> str:
    """Links as one line each capped, at most a few (a story's links are also flagged by screening)."""
    shown = [safe_text.one_line(u, LINK_CHARS) for u in found[:MAX_LINKS_SHOWN]]
    more = len(found) - len(shown)
    return ", ".join(shown + ([f"+{more}"] if more > 0 else [])) or "—"


def card_text(ctx: Context, story: stories.Story) -> str:
    return ctx.text("mod_view", code=story.code, status=ctx.text(f"mod_status_{story.status}"),
                    date=date(ctx, story.submitted_ms), title=safe_text.one_line(story.title, TITLE_CHARS),
                    province=safe_text.one_line(story.where, 120),
                    topic=screening.topic_label(story.topic) if story.screened else "—",
                    flags=screening.describe(story.flags, screened=story.screened, parked=story.parked),
                    photos=len(story.photos), links=links(story.links),
                    body=safe_text.block(story.body, ctx.settings.story_max_chars))


def decision_buttons(code: str) -> list[Button]:
    """Duyệt and Từ chối (the card itself is the "Xem")."""
    return alerts.story_buttons(code)[1:]


def show_card(ctx: Context, story: stories.Story, head: str = "") -> None:
    """The story's card (after `head`, in one message), its buttons if it can still be decided, then its
    photos as Zalo image messages (so the moderator sees what they approve)."""
    open_ = story.status in stories.OPEN
    text = f"{head}\n\n{card_text(ctx, story)}" if head else card_text(ctx, story)
    ctx.send_text(text, buttons=decision_buttons(story.code) if open_ else [])
    shown = story.photos[:MAX_PHOTOS_SHOWN]
    for n, url in enumerate(shown, 1):
        ctx.send_image(url, caption=ctx.text("mod_photo_caption", n=n, total=len(story.photos), code=story.code))


def next_story(ctx: Context, after: str) -> tuple[int, stories.Story | None]:
    """(how many still wait, the oldest one other than `after`, preferring those already screened)."""
    total, waiting = stories.queue(ctx.redis, NEXT_SCAN)
    others = [s for s in waiting if s.code != after and s.status in stories.OPEN]
    ready = [s for s in others if s.screened or s.parked]
    remaining = total - (1 if any(s.code == after for s in waiting) else 0)
    return remaining, (ready or others or [None])[0]


def offer_next(ctx: Context, done_text: str, after: str) -> None:
    """After a decision: the confirmation and the next story's card, or "the queue is empty"."""
    remaining, story = next_story(ctx, after)
    if story is None:
        ctx.send_text(f"{done_text}\n{ctx.text('mod_queue_done')}")
        moderator = ctx.user_id
        ctx.on_commit(lambda pipe: alerts.end_burst(pipe, moderator))
        return
    show_card(ctx, story, head=f"{done_text}\n{ctx.text('mod_next', count=remaining)}")


def ask_reason(ctx: Context, code: str) -> None:
    """Ready-made reasons as buttons (content/commands.toml), plus "Lý do khác"."""
    reasons = moderator_phrases("reject_reasons")
    other = moderator_phrases("other_reason")[0]
    buttons = [Button(r, alerts.command_payload("reject", code, r)) for r in reasons]
    buttons.append(Button(ctx.text("mod_button_other_reason"), alerts.command_payload("reject", code, other)))
    ctx.say("mod_pick_reason", code=code, buttons=buttons)


def await_typed_reason(ctx: Context, code: str) -> None:
    ctx.state["step"] = STEP_REASON
    ctx.state["mod_reason_code"] = code
    ctx.say("mod_type_reason", code=code)
