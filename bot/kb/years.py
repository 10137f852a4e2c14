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
# (one run of spaces before the joiner, one after it: no two adjacent runs that could split one run of spaces);
# after a joiner, the second year may be led by "vào / đến / tới" as the first was ("năm 2025 và vào năm 2030",
# "đến 2025 và đến 2030"; "2025 đến 2030" without a joiner is a range)
# (a separator is required: "20212025" is no two years; nor are years inside a longer run of digit groups, as a
# phone number "0912 2021 2022": no digit, alone or before one space, right before or after the pair)
_SIDE_BY_SIDE = re.compile(rf"(?<!\d)(?<!\d\s)\b({_YEAR})"
                           rf"(?:\s*(?:,|&|\bvs\b\.?|\bva\b|\bvoi\b|\blan\b)\s*(?:(?:vao|den|toi)\s+)?|\s+)"
                           rf"(?:nam\s+)?({_YEAR})\b(?!\s?\d)")
# a range or a school year as typed: any mark but a comma or "&" between two years ("2021-2025", "2021–2025",
# "2021 ~ 2025", "2021 → 2025", "2021 − 2025", "2025/2026", "2021..2025", "(2021 2025)" after a year: folding drops
# them, so they are read on the typed text; review of round 15, H3)
_RANGE = re.compile(rf"{_YEAR}\s*[^\w\s,&]+\s*{_YEAR}")
# the words of a title that say its kind, without the years (``same_title``)
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE = re.compile(r"(?<=[.;!?:])\s+|\n+")
# each year of ``_SIDE_BY_SIDE`` holds at least three ASCII digits ("19" or "20", then one of a class)
_DIGITS, _TWO_YEARS_DIGITS = "0123456789", 6


def two_years(text: str) -> tuple[str, str] | None:
    """The two different years ``text`` asks side by side, in the order typed, or ``None`` (none, one, a range, a
    choice)."""
    if sum(map(text.count, _DIGITS)) < _TWO_YEARS_DIGITS:
        return None  # too few digits for two years (latency: folding makes none)
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


def same_title(one: str, other: str) -> bool:
    """Whether two entries' titles say the same thing once their years are taken out ("Mục tiêu chính phủ số đến
    năm 2025 là gì?" / "… năm 2030 …"): most of their words are shared (review of round 15, M3)."""
    a, b = set(_WORD.findall(fold(one))), set(_WORD.findall(fold(other)))
    return bool(a and b) and len(a & b) >= 0.75 * len(a | b)


_ONE_YEAR = re.compile(rf"(?<!\d)({_YEAR})(?!\d)")


def one_year(text: str) -> str | None:
    """The one year ``text`` names ("… đến 2025 … top mấy", "còn năm 2030 thì sao"), or ``None`` (none, several, a
    range)."""
    if _RANGE.search(text) is not None:
        return None
    found = set(_ONE_YEAR.findall(text))
    return found.pop() if len(found) == 1 else None


def lists_both(answer: str, years: tuple[str, str]) -> bool:
    """Whether ``answer`` states its facts year by year, each of ``years`` heading its own statement ("Đến năm 2025:
    nhóm 70 … Đến năm 2030: nhóm 50 …", round 16): the entry gives both years' facts, like ``states_both``."""
    heads = [s for s in _SENTENCE.split(answer) if s.rstrip().endswith(":")]
    named = [{y for y in years if re.search(rf"\b{y}\b", h)} for h in heads]
    # a heading naming both years ("… đến năm 2025, định hướng đến năm 2030 đặt các mục tiêu sau:") heads one
    # statement, not each year's own
    return all(any(n == {y} for n in named) for y in years)


# the words that only put a year again ("còn năm 2030 thì sao", "đến 2030 thì"), folded: not a subject of their own
_AGAIN_WORDS = frozenset({"nam", "con", "thi", "den", "toi", "vao", "vay", "the", "sao", "nua", "a", "ha", "nhi"})
_FOLDED_WORD = re.compile(r"[a-z0-9]+")


def asked_again(first: str, second: str) -> bool:
    """Whether ``second`` asks ``first``'s fact again of its own year and names nothing else ("Mục tiêu EGDI 2025 là
    top mấy? Năm 2030 là top mấy?", "… đến 2025 top mấy, còn 2030 thì sao"): once its year and the words that only
    put a year again are taken out, every word it has is one ``first`` has."""
    year = one_year(second)
    if year is None or one_year(first) in (None, year):
        return False
    own = set(_FOLDED_WORD.findall(fold(second))) - _AGAIN_WORDS - {year}
    return own <= set(_FOLDED_WORD.findall(fold(first)))


def names_year_itself(text: str, year: str) -> bool:
    """Whether ``text`` names ``year`` as a year ("năm 2023", "đến 2030", "(2023)"), not only inside a document's
    number ("Thông tư 63/2023/TT-BTC") or a date ("từ 1/12/2023"), where it says when a document was signed or a
    rule holds from, not a fact of that year (review 17, H2)."""
    return re.search(rf"(?<![\w/]){year}(?![\w/])", text) is not None
