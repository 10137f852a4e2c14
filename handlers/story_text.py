"""Reading what a citizen typed into a story draft: does it read like a question, and which place comes
before the province ("Ea Kar, Đắk Lắk"). Plain functions of the text, so ``handlers/story.py`` keeps the steps.
"""

from __future__ import annotations

from bot.infra.provinces import match as match_province
from bot.nlp.normalize import fold
from bot.stories import pii

# Folded markers of a question; only trusted when the knowledge base also answers confidently.
QUESTION_MARKERS = (" la gi", "nhu the nao", "the nao", "o dau", "bao gio", "lam sao", "lam the nao", "tai sao",
                    "vi sao", "co phai", "duoc khong", "bao nhieu", "khi nao", "cach nao", "ra sao")
PLACE_CHARS = 60


def looks_like_question(text: str) -> bool:
    """Ends with "?" or holds a folded question marker (only trusted with a confident KB answer)."""
    folded = " " + fold(text)
    return text.rstrip().endswith("?") or any(m in folded for m in QUESTION_MARKERS)


def place_before_province(text: str, province: str) -> str:
    """"Ea Kar, Đắk Lắk" → "Ea Kar": what comes before a last comma-separated part naming the same
    province (it used to be dropped, leaving only "Đắk Lắk"). Masked like the story; empty if none."""
    head, sep, last = text.rpartition(",")
    found = match_province(last) if sep else None
    if found is None or found.province.name != province or not head.strip():
        return ""
    return pii.mask(" ".join(head.split())[:PLACE_CHARS]).text


def where(state: dict[str, str]) -> str:
    """The draft's locality as shown to people: "place, province" or the province alone."""
    place, province = state.get("story_place", ""), state.get("story_locality", "")
    return f"{place}, {province}" if place else province
