"""What a phone shows first of an answer: its head, about 500 characters cut at a sentence.

Lives in ``bot.kb`` (not in ``handlers.answer_view``, which shapes the bubble) so the evaluation and ``kb
check`` judge the very head a citizen reads before tapping "Xem thêm": a fact only after the cut is a fact
most citizens never see, though the keyword rule on the whole answer counts it right.
"""

from __future__ import annotations

import re

MAX_CHARS = 500  # a phone bubble a citizen reads without scrolling
_SENTENCE_END = re.compile(r"(?<=[.!?…:])\s+|\n+")
_SCHEME = re.compile(r"https?://(?:www\.)?([^\s/]+)/?(?=[\s,.;)]|$)")


def readable(text: str) -> str:
    """URLs written as the site's name ("https://dichvucong.gov.vn" → "dichvucong.gov.vn"): shorter on a phone."""
    return _SCHEME.sub(r"\1", text)


def cut(text: str, limit: int = MAX_CHARS) -> tuple[str, str]:
    """(what fits in `limit` ending at a sentence, the rest). Never cuts inside a word."""
    if len(text) <= limit:
        return text, ""
    ends = [m.start() for m in _SENTENCE_END.finditer(text) if m.start() <= limit]
    at = ends[-1] if ends and ends[-1] >= limit // 3 else text.rfind(" ", 0, limit - 1)
    at = at if at > 0 else limit - 1
    head, rest = text[:at].rstrip(), text[at:].strip()
    return (head if head[-1:] in ".!?…:" else head + "…"), rest


def split(answer: str) -> tuple[str, str]:
    """(the head a phone shows first of an entry's ``answer``, what "Xem thêm" holds)."""
    return cut(readable(answer.strip()))


def first_view(answer: str) -> str:
    """The head a phone shows first of an entry's ``answer`` (see :func:`split`)."""
    return split(answer)[0]
