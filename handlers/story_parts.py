"""What the story step adds to a draft: text, photos, links and captions, each within its limit.

Why its own module: the limits (characters, photos, links, the state's size) are checked where a part is
added, on every path, so nothing is stored past a limit; ``handlers/story.py`` keeps the order of the steps.
"""

from __future__ import annotations

import json

from bot.core.context import Button, Context
from bot.core.events import AttachmentMessage
from bot.infra.texts import payload
from bot.stories import draft


def add_text(ctx: Context, parts: list[dict[str, str]], text: str, too_long: str) -> bool:
    """Append story text (a message or a caption) unless the whole story would pass the limit. The check
    counts the separator the text is joined with, so what is stored is exactly what was counted."""
    chars = draft.chars(parts)
    limit = ctx.settings.story_max_chars
    if draft.chars([*parts, {"type": "text", "text": text}]) > limit:
        ctx.say(too_long, limit=limit, chars=chars, buttons=[done_button(ctx), cancel_button(ctx)])
        return False
    parts.append({"type": "text", "text": text})
    return True


def add_attachments(event: AttachmentMessage, ctx: Context) -> None:
    """Photos, links and the caption of one message sent at the story step; each one answered."""
    parts = draft.load_parts(ctx.state)
    settings = ctx.settings
    for attachment in event.attachments:
        if attachment.type in ("image", "gif", "link") and attachment.url and len(attachment.url) > draft.URL_MAX_CHARS:
            ctx.say("story_link_too_long", buttons=[done_button(ctx)])
        elif attachment.type in ("image", "gif") and attachment.url:
            photos = sum(p["type"] == "photo" for p in parts)
            if photos >= settings.story_max_photos:
                ctx.say("story_too_many_photos", limit=settings.story_max_photos, buttons=[done_button(ctx)])
                continue
            parts.append({"type": "photo", "url": attachment.url})
            ctx.say("story_photo_saved", count=photos + 1, limit=settings.story_max_photos)
        elif attachment.type == "link" and attachment.url:
            if sum(p["type"] == "link" for p in parts) >= settings.story_max_links:
                ctx.say("story_too_many_links", limit=settings.story_max_links, buttons=[done_button(ctx)])
                continue
            title = (attachment.title or "")[:draft.LINK_TITLE_CHARS]
            parts.append({"type": "link", "url": attachment.url, "title": title})
            ctx.say("story_link_saved")
        else:
            ctx.say("story_unsupported_part")
    if event.text.strip():  # a caption is story text too, under the same limit
        add_text(ctx, parts, event.text.strip(), "story_caption_too_long")
    save_parts(ctx, parts)


def save_parts(ctx: Context, parts: list[dict[str, str]]) -> None:
    saved = json.dumps(parts, ensure_ascii=False)
    if len(saved) > draft.max_state_chars(ctx.settings):  # the last guard: no path grows the state past this
        ctx.say("story_draft_full", buttons=[done_button(ctx)])
        return
    ctx.state["story_parts"] = saved


def cancel_button(ctx: Context) -> Button:
    return Button(ctx.text("story_button_cancel"), payload("story_cancel"))


def done_button(ctx: Context) -> Button:
    return Button(ctx.text("story_button_done"), payload("story_done"))
