"""Dates asked: a year, a quarter, a named day, a weekday.

"năm 2018 có bao nhiêu…" is not answered with the end-2024 count: the ranker finds the entry about the topic, not one
that names the date asked (``bot.kb.asks``). Kinds (read on the folded question):

* ``year:NNNN`` — a year the question names: the answer or the entry's phrasings name it (a year the answer names
  only to say the channel lacks it — "kênh chưa tìm được nguồn chính thức nêu chủ đề năm 2026" — is not given). Of
  several years asked ("giai đoạn 2021–2025") one named by the entry is enough (``bot.kb.asks.unanswered``);
* ``quarter:<n>`` — a quarter of a year ("quý 3", "quý III"), like a year: the entry names it;
* ``day:<name>`` — the date or kind of a named day ("Ngày Khoa học … là ngày mấy", "… là ngày quốc tế gì"): the entry
  names that day ("ngày <name>");
* ``date:<d>/<m>`` — which day a day of the year is ("ngày 22/4 hằng năm là ngày gì"): the entry says that day and
  month as a day of every year ("10/10", "ngày 10 tháng 10"), not only inside one year's date ("ngày 22/4/2022", the
  day Decision 505 was signed, is no yearly day); and a day of the year said to be a named day ("22/4 có phải là
  Ngày Trái Đất không", "ngày 10/10 là ngày chuyển đổi số phải không") asks ``day:<name>`` like a named day's date;
* ``weekday`` — the day of the week of a date ("Ngày 10/10 năm 2025 là thứ mấy?", "rơi vào thứ mấy", "nhằm thứ
  mấy", the Southern "rơi vô thứ mấy"): the answer names a weekday ("vào thứ Sáu", "chủ nhật, ngày 12/10"). Not a
  rank ("xếp / đứng … là thứ mấy") nor an ordinal ("năm thứ mấy", "lần thứ mấy": a word stands between "là" and "thứ").

(year from round 2, day and quarter from round 7, a year said as lacking from round 10, weekday from round 13, a
day of the year from round 27 — the judged "is 22/4 Earth Day?" answered with Decision 505, signed on 22/4/2022;
docs/question-answering.md)
"""

from __future__ import annotations

import re
from collections.abc import Set

from bot.kb.asks.registry import Said, register
from bot.nlp.normalize import fold

_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
# A named day whose date or kind is asked ("Ngày <tên> là ngày nào", "… là ngày quốc tế gì"): its name's first word;
# not a date ("ngày 9/12", "vào ngày tháng năm nào"), nor "ngày nào / này / mai"; round 12: nor a day described by
# what follows it ("ngày dành cho chuyển đổi số", "ngày mà …", "ngày của …", "ngày để …"), which names no day; round
# 29: nor "ngày đấy" (folded "day"), which points back like "ngày đó / ấy / này".
_NOT_A_NAME = (r"(?!(?:nao|may|bao|gi|nay|do|day|mai|hom|kia|ay|thu|dau|cuoi|thang|nam|gio|tuan|sau|truoc|danh|cua"
               r"|ma|de"
               r"|duoc|\d+)\b)")
_DAY = re.compile(rf"\bngay {_NOT_A_NAME}(\w+)(?: \w+){{0,7}} (?:la|vao|roi vao|dien ra vao|to chuc vao) (?:ngay|hom) "
                  r"(?:nao|may|bao nhieu|gi)\b"
                  rf"|\b(?:la|vao) ngay {_NOT_A_NAME}(\w+)(?: \w+){{0,3}} (?:gi|nao)\b")
_DAY_SAID = re.compile(r"\bngay (\w+)")
# A day of the year (day, month, no year: the next word is none of the digits) said to be a day (folded: "22/4" reads
# "22 4"): "<d> <m> (hằng năm) (có phải) (là) ngày (hội | lễ) <name | gì | nào>" ("ngày hội chuyển đổi số" names the
# day, not "hội"). Never after another number ("505 22 4").
_OF_YEAR = re.compile(r"(?<!\d )\b([0-3]?\d) (?:thang )?([01]?\d) (?:hang nam |moi nam |nay |do )?"
                      r"(?:co phai la |co phai |chinh la |la )?ngay (?:hoi |le )?(\w+)")
_WHICH = frozenset({"gi", "nao", "le"})  # "là ngày gì / nào / lễ gì": which day it is
# A day and month as typed in an entry (``Said.typed``) that no year follows ("10/10", not "22/4/2022"), and as written
# out in words ("ngày 10 tháng 10", "mùng 10 tháng 10"; folded), no year after them.
_DATE_TYPED = re.compile(r"(?<![\d/])([0-3]?\d)/([01]?\d)(?![\d/])")
_DATE_WORDS = re.compile(r"\b(?:ngay|mung) ([0-3]?\d) thang ([01]?\d)\b(?! nam \d)")
# A quarter of a year ("quý 3", "quý III"): like a year, the entry must name it.
_QUARTER = re.compile(r"\bquy (1|2|3|4|i|ii|iii|iv)\b")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
# A sentence in which the channel says it lacks a fact ("kênh chưa tìm được nguồn chính thức nêu chủ đề
# năm 2026", "kênh chưa thấy con số này"): the years it names are what the entry cannot give, not what it gives.
_LACKING = re.compile(r"\b(?:kenh )?chua (?:tim duoc|tim thay|thay|co) (?:nguon|con so|so lieu|thong tin)\b"
                      r"|\bkenh chua (?:tim duoc|tim thay|thay|co)\b")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n+")


def _without_lacking(written: str, folded: str) -> str:
    """The folded answer (``folded``, of ``written``) without the sentences in which the channel says it lacks the
    fact they name. Sentences are cut on the written text: folding drops the punctuation."""
    if "chua" not in folded:
        return folded
    return " ".join(f for f in (fold(s) for s in _SENTENCE_END.split(written)) if not _LACKING.search(f))


# A weekday asked (folded), unless the question speaks of a rank; a weekday said by an answer (as typed).
# Southern "vô" for "vào" ("rơi vô thứ mấy") folds to "vo", as "vợ" does: read only after "rơi / nhằm / trúng"
_WEEKDAY = re.compile(r"\b(?:la|vao|roi vao|nham|trung|trung vao|(?:roi|nham|trung) (?:vo|do|zo))(?: ngay)? thu "
                      r"(?:may|gi|nao|bao nhieu)\b")
# A rank is also asked as "là thứ mấy" with where it ranks ("… là thứ mấy trên thế giới", "trong ASEAN") or of an
# index ("chỉ số EGDI … là thứ mấy"): those name no date.
_RANKING_WORDS = re.compile(r"\b(?:xep|dung|hang|vi tri|top|the gioi|quoc te|asean|khu vuc|chi so)\b")
_DAYS = r"(?:thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)"
_WEEKDAY_SAID = re.compile(rf"\b(?:vào|hôm|nhằm|rơi vào|là) {_DAYS}\b|\b{_DAYS},? (?:ngày )?\d{{1,2}}/\d{{1,2}}")


def years_asked(normalized: str) -> frozenset[str]:
    """The ``year:NNNN`` kinds of a question (analysed, folded): the only reader of years, so a caller that needs
    the years alone (``bot.kb.texts.Texts.years``) reads them without every family's expressions (latency)."""
    return frozenset(f"year:{y}" for y in _YEAR.findall(normalized))


def _asked(normalized: str, _raw: str, _found: Set[str]) -> set[str]:
    kinds: set[str] = set()
    if "ngay" in normalized:
        kinds.update(f"day:{m.group(1) or m.group(2)}" for m in _DAY.finditer(normalized))
        kinds.update(_of_year(normalized))
    if "quy " in normalized:
        kinds.update(f"quarter:{_ROMAN.get(m.group(1), m.group(1))}" for m in _QUARTER.finditer(normalized))
    kinds.update(years_asked(normalized))
    if "thu " in normalized and _WEEKDAY.search(normalized) and not _RANKING_WORDS.search(normalized):
        kinds.add("weekday")
    return kinds


def _of_year(normalized: str) -> set[str]:
    """The kinds of a day of the year said to be a day (``_OF_YEAR``): ``date:<d>/<m>`` where which day it is is asked,
    ``day:<name>`` where a named day is said (a name no named day's expression takes: ``_NOT_A_NAME``)."""
    kinds: set[str] = set()
    for m in _OF_YEAR.finditer(normalized):
        day, month, name = int(m.group(1)), int(m.group(2)), m.group(3)
        if not (1 <= day <= 31 and 1 <= month <= 12):
            continue
        if name in _WHICH:
            kinds.add(f"date:{day}/{month}")
        elif _NAME.match(name):
            kinds.add(f"day:{name}")
    return kinds


_NAME = re.compile(rf"{_NOT_A_NAME}\w+$")


def _provided(said: Said) -> set[str]:
    everything = said.everything
    kinds = {f"day:{m.group(1)}" for m in _DAY_SAID.finditer(everything)}
    kinds.update(f"date:{int(d)}/{int(m)}" for d, m in _DATE_TYPED.findall(said.typed))
    kinds.update(f"date:{int(d)}/{int(m)}" for d, m in _DATE_WORDS.findall(everything))
    kinds.update(f"quarter:{_ROMAN.get(m.group(1), m.group(1))}" for m in _QUARTER.finditer(everything))
    years_said = f"{_without_lacking(said.answer, said.folded)} {said.phrasings}"
    kinds.update(f"year:{y}" for y in _YEAR.findall(years_said))
    if _WEEKDAY_SAID.search(said.written):
        kinds.add("weekday")
    return kinds


register(_asked, _provided)
