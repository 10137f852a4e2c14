"""How a message degrades to a plainer form when Zalo refuses the richer one (issue 16).

Zalo's v3 CS endpoint may refuse buttons, templates or long texts (zalo-oa-api.md §3.2, §9 item 5). A
refusal of the *form* is a definite "not delivered", so the same content can be sent again in a
plainer form without risking a double: buttons become typed choices in the text, an image becomes
its link, an over-long text is split into shorter parts. The rules are pure: the outbox decides when
to apply them (after a refusal, or at once for forms this install already knows Zalo refuses).
"""

from __future__ import annotations

import dataclasses

from bot.core.context import OutMessage
from bot.infra.texts import render
from bot.zalo.text import split_text

BUTTONS = "buttons"  # quick-reply buttons on a CS text
IMAGE = "image"  # the media template on a CS message
LONG_TEXT = "long_text"  # a text longer than half of ZALO_MAX_TEXT_CHARS
FORMS = (BUTTONS, IMAGE, LONG_TEXT)  # also the order in which a refused message is degraded
PROMOTION_BUTTONS = "promotion_buttons"  # buttons in the digest's promotion template (workers/digest_delivery)

# Zalo's answers that refuse the payload rather than the user or the OA (§7): -201 invalid parameter,
# -210 over a limit, -233 message type not supported, -100 attachment not usable.
FORM_ERROR_CODES = frozenset({-100, -201, -210, -233})
LIMIT_ERROR_CODE = -210  # only "over a limit" blames a text's length; a bare -201 on plain text is given up


def short_limit(max_chars: int) -> int:
    """The length a text is split to once long texts are refused."""
    return max(100, max_chars // 2)


def to_give_up(message: OutMessage, code: int, max_chars: int) -> str | None:
    """The form to degrade after Zalo refused this message with `code`; None when nothing plainer exists
    (then the message is given up and recorded)."""
    if code not in FORM_ERROR_CODES:
        return None
    used = [f for f in forms_of(message, max_chars) if f != LONG_TEXT or code == LIMIT_ERROR_CODE]
    return used[0] if used else None


def forms_of(message: OutMessage, max_chars: int) -> list[str]:
    """The rich forms this message uses, in the order they are given up."""
    used = []
    if message.kind == "text" and message.buttons:
        used.append(BUTTONS)
    if message.kind == "image":
        used.append(IMAGE)
    if message.kind == "text" and len(message.text) > short_limit(max_chars):
        used.append(LONG_TEXT)
    return used


def degrade(message: OutMessage, form: str, max_chars: int) -> list[OutMessage]:
    """The message without `form`: one or more plainer messages carrying the same content, in order.
    The first keeps the message's id; later parts get derived ids (for logs and dead-letter records)."""
    if form == BUTTONS:
        # a choice the text already lists (the topics of an unsure answer) is not listed twice
        missing = [payload for _, payload in message.buttons if f"• {payload}" not in message.text]
        lines = "\n".join(f"• {payload}" for payload in missing)
        text = f"{message.text}\n\n{render('buttons_fallback')}\n{lines}" if missing else message.text
        return _as_parts(message, split_text(text, max_chars), buttons=[])
    if form == IMAGE:
        link = render("image_link", url=message.url or "")
        text = f"{message.text}\n{link}".strip()
        return _as_parts(dataclasses.replace(message, kind="text", url=None), split_text(text, max_chars))
    if form == LONG_TEXT:
        return _as_parts(message, split_text(message.text, short_limit(max_chars)))
    raise ValueError(f"unknown form {form!r}")


def _as_parts(message: OutMessage, texts: list[str], *,
              buttons: list[tuple[str, str]] | None = None) -> list[OutMessage]:
    last_buttons = message.buttons if buttons is None else buttons
    return [dataclasses.replace(message, text=text, id=message.id if i == 0 else f"{message.id}.{i}",
                                buttons=last_buttons if i == len(texts) - 1 else [])
            for i, text in enumerate(texts)]


def plain_for(message: OutMessage, avoid: set[str], max_chars: int) -> list[OutMessage]:
    """The message with every form in `avoid` degraded away (unchanged when it uses none of them)."""
    parts = [message]
    for form in FORMS:
        if form in avoid:
            parts = [part for msg in parts
                     for part in (degrade(msg, form, max_chars) if form in forms_of(msg, max_chars) else [msg])]
    return parts
