"""Fitting text into Zalo's limits: NFC, then split on sentence boundaries under the maximum length."""

from __future__ import annotations

import re
import unicodedata

_BREAKS = [re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?…])\s+"), re.compile(r"\s+")]


def split_text(text: str, limit: int = 2000) -> list[str]:
    """Split `text` into parts of at most `limit` characters, preferring paragraph, line, sentence and
    word boundaries in that order, so a long answer reads naturally as several messages."""
    text = unicodedata.normalize("NFC", text).strip()
    parts: list[str] = []
    while len(text) > limit:
        cut = _best_cut(text, limit)
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text or not parts:
        parts.append(text)
    return parts


def _best_cut(text: str, limit: int) -> int:
    window = text[: limit + 1]
    for pattern in _BREAKS:
        ends = [m.start() for m in pattern.finditer(window) if limit // 3 < m.start() <= limit]
        if ends:
            return ends[-1]
    return limit
