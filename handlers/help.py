"""Welcome, help and the polite answers for what the bot cannot read."""

from __future__ import annotations

from bot.core.context import Button, Context
from bot.core.events import Event, TextMessage
from bot.infra.texts import payload

MAX_USER_TEXT_CHARS = 2000


def welcome(event: Event, ctx: Context, *, note_key: str | None = None) -> None:
    """`follow` and "Nhắn tin": say what the channel can do and how to stop (plus a feature's note)."""
    text = ctx.text("welcome") + (f"\n\n{ctx.text(note_key)}" if note_key else "")
    ctx.send_text(text, buttons=[Button(ctx.text("button_help"), payload("help"))])


def unfollowed(event: Event, ctx: Context) -> None:
    """The user left the OA: nothing can be sent to them; features hook their clean-up here."""
    ctx.state["followed"] = "0"


def show_help(event: Event, ctx: Context) -> None:
    ctx.say("help", buttons=[Button(ctx.text("story_button"), payload("story_start"))])
    if ctx.is_moderator:
        ctx.say("help_moderator")


def too_long(event: Event, ctx: Context) -> None:
    assert isinstance(event, TextMessage)
    ctx.say("too_long", length=len(event.text), limit=MAX_USER_TEXT_CHARS)


def is_too_long(event: Event, ctx: Context) -> bool:
    return isinstance(event, TextMessage) and len(event.text) > MAX_USER_TEXT_CHARS


def unsupported(event: Event, ctx: Context) -> None:
    ctx.say("unsupported_attachment")


def not_understood(event: Event, ctx: Context) -> None:
    ctx.say("not_understood")


def forbidden(event: Event, ctx: Context) -> None:
    ctx.say("forbidden")
