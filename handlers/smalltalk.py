"""Greetings, thanks, goodbyes, "ok", emoji and stickers get a short friendly reply.

Before this, "cảm ơn nhé" was answered "Câu hỏi đã được chuyển tới ban biên tập" and counted as an
unanswered question. A message is small talk only when every word of it is a small-talk phrase or a filler
(content/conversation.toml), so "chào ad, cho hỏi VNeID mức 2 là gì" stays a question.
"""

from __future__ import annotations

from functools import lru_cache

from bot.core.context import Context
from bot.core.events import AttachmentMessage, Event, TextMessage
from bot.nlp.normalize import command_form
from handlers import address

KINDS = ("thanks", "bye", "greeting", "ack")  # the first kind found in a message decides the reply


@lru_cache(maxsize=1)
def _phrases() -> tuple[list[tuple[tuple[str, ...], str]], frozenset[tuple[str, ...]]]:
    """(phrase tokens → kind, longest first), and the filler phrases as token tuples."""
    table = address.words()["smalltalk"]
    found = [(tuple(command_form(p).split()), kind) for kind in KINDS for p in table[kind]]
    found = [(t, k) for t, k in found if t]
    found.sort(key=lambda item: -len(item[0]))
    fillers = frozenset(tuple(command_form(f).split()) for f in table["fillers"])
    return found, fillers


def kind_of(text: str) -> str | None:
    """The small-talk kind of `text`, or None when any word of it is something else (a question)."""
    tokens = command_form(text).split()
    if not tokens:
        return "sticker" if text.strip() else None  # only emoji or punctuation
    phrases, fillers = _phrases()
    longest = max(len(t) for t, _ in phrases)
    kinds: list[str] = []
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            chunk = tuple(tokens[i:i + size])
            kind = next((k for t, k in phrases if t == chunk), None)
            if kind is not None:
                kinds.append(kind)
                break
            if chunk in fillers:
                break
        else:
            return None
        i += size
    if not kinds:
        return None
    return min(kinds, key=KINDS.index)


def is_small_talk(event: Event, ctx: Context) -> bool:
    if isinstance(event, AttachmentMessage):
        return event.kind in ("sticker", "gif")
    return isinstance(event, TextMessage) and kind_of(event.text) is not None


def reply(event: Event, ctx: Context) -> None:
    """A short reply in the citizen's own register; nothing is recorded as a question."""
    if isinstance(event, TextMessage):
        address.note(event.text, ctx)
        kind = kind_of(event.text) or "sticker"
    else:
        kind = "sticker"
    ctx.say(f"smalltalk_{kind}", **address.forms(ctx))
