"""Two years asked side by side: one question for each year (round 15).

"Việt Nam muốn đứng top bao nhiêu về chính phủ điện tử, năm 2025 vs 2030", "mục tiêu … năm 2025 và năm 2030" ask
the same fact of two years, and the KB often holds one entry per year (the 2025 targets, the 2030 targets). Answered
with one year's entry, the other year was neither answered nor offered: it is the message's second question. A
range ("giai đoạn 2021–2025", "2020-2022", "năm học 2025/2026") and a choice ("năm 2019 hay 2020", which one) are
not two questions, so only years joined by a space, a comma, "&", "vs", "và", "với" or "lẫn" are read so.
Deterministic and linear in the message's length (one regular expression without nested quantifiers over the
folded text, one over the typed text).
"""

from __future__ import annotations

import re

from bot.nlp.normalize import fold

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
# two years joined as a list, on the folded text ("va", "voi", "lan" are và, với, lẫn); "nam" (năm) may repeat
# (one run of spaces before the joiner, one after it: no two adjacent runs that could split one run of spaces)
_SIDE_BY_SIDE = re.compile(rf"\b({_YEAR})\s*(?:(?:,|&|\bvs\b\.?|\bva\b|\bvoi\b|\blan\b)\s*)?(?:nam\s+)?({_YEAR})\b")
# a range or a school year as typed: folding drops the dash and keeps no slash between the years
_RANGE = re.compile(rf"{_YEAR}\s*[-–—/]\s*{_YEAR}")
_SENTENCE = re.compile(r"(?<=[.;!?:])\s+|\n+")


def two_years(text: str) -> tuple[str, str] | None:
    """The two different years ``text`` asks side by side, in the order typed, or ``None`` (none, one, a range, a
    choice)."""
    if _RANGE.search(text) is not None:
        return None
    found = _SIDE_BY_SIDE.search(fold(text))
    if found is None or found.group(1) == found.group(2):
        return None
    return found.group(1), found.group(2)


def states_both(answer: str, years: tuple[str, str]) -> bool:
    """Whether one sentence of ``answer`` names both ``years`` ("… vào nhóm 70 nước dẫn đầu năm 2025 và nhóm 50 nước
    dẫn đầu năm 2030."): the entry states the fact of both, not one year's fact and the other year in passing."""
    return any(all(re.search(rf"\b{y}\b", s) for y in years) for s in _SENTENCE.split(answer))


def names_year(answer: str, year: str) -> bool:
    """Whether ``answer`` names ``year`` at all."""
    return re.search(rf"\b{year}\b", answer) is not None
