"""How many parts something has (registered with ``bot.kb.asks``): the kind ``parts``.

"Cổng Dịch vụ công quốc gia có mấy thành phần chính, xây dựng mất bao lâu vậy?", "… lúc khai trương gồm mấy cấu phần
…": how many components asks for the parts themselves, and an entry that names none cannot say how many there are.
The portal's launch entry (when, built in nine months, the savings) shares the portal's words and "khai trương", and
was answered with confidence over the entry that lists the six components. Given by an answer or phrasings that name
the parts ("thành phần", "cấu phần", "hợp phần", "bộ phận": one word for another, as writers use them); asked with
"mấy / bao nhiêu" right before the word. Folded; run behind the substring every match holds.
"""

from __future__ import annotations

import re
from collections.abc import Set

from bot.kb.asks import patterns
from bot.kb.asks.registry import Said, register

_PART_WORDS = ("thanh phan", "cau phan", "hop phan", "bo phan")
_ASKED = re.compile(r"\b(?:may|bao nhieu) (?:" + "|".join(_PART_WORDS) + r")\b")
_SAID = re.compile(r"\b(?:" + "|".join(_PART_WORDS) + r")\b")
_HINTS = ("phan",)


def _asked(normalized: str, _raw: str, _found: Set[str]) -> set[str]:
    return {"parts"} if patterns.hinted(normalized, _HINTS) and _ASKED.search(normalized) else set()


def _provided(said: Said) -> set[str]:
    return {"parts"} if _SAID.search(said.everything) else set()


register(_asked, _provided)
