"""Whether one entry restates another entry's own fact of the kind a question asks (round 30, `second30`).

Two entries about one subject share its words, so how much of a question each explains (``Hit.coverage``) cannot
tell an entry that recaps its neighbour's fact from a neighbour that only names the same subject. The fact itself
can: an entry answering "ai ký quyết định chọn ngày 10/10" that recaps the day says "10/10", the day's own entry's
fact; one answering "tên đăng nhập VNeID" that recaps who built the app says "Bộ Công an", the app entry's fact.

The facts read are those a Vietnamese entry states in writing, by the kind asked (``bot.kb.wh``):

* ``when`` — a written date: a day and month ("10/10", "9/12/2019"), a month and year ("12/2019"), or "năm" with a
  year;
* ``count`` — a figure written in digits ("63", "1.500"), not a year ("2030") nor a part of a date or a
  document's number ("5/3/2022", "793/BTTTT");
* ``who`` — a proper name: Vietnamese capitalises every syllable of a person's name and the head words of a body's
  ("Vũ Đức Đam", "Bộ Công an"), so a run of two or more capitalised words that does not open a sentence is a name;
  and an office (round 31), which is written in lower case: a title built on "trưởng" ("head"), after the unit it
  heads in the native order ("trưởng thôn", "trưởng ban") or before it in the Sino-Vietnamese one ("tổ trưởng",
  "bộ trưởng"), or one of the titles without it ("chủ tịch", "bí thư", "giám đốc", "thủ tướng"). "Who is in the
  team" is answered by offices, not names ("trưởng thôn và hai người …");
* ``where`` — a web address (round 31): a place asked of a portal or an app ("vô trang nào") is answered with its
  address ("dichvucong.gov.vn"), which no other place an entry names in passing looks like. Other places (an office,
  a province) are not read: no reading tells the one asked from those named in passing.

Only the entry's lead paragraph is read (an entry answers its question first; later paragraphs add context), and a
fact the question names itself is its subject, not the answer, and is left out ("VNeID", the "10/10" asked about).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.kb.asks.addresses import web_hosts
from bot.kb.first_view import first_view
from bot.kb.loader import Entry
from bot.nlp.syllables import fold

_DATE = re.compile(r"\b\d{1,2}/\d{1,2}(?:/\d{4})?\b|\b\d{1,2}/\d{4}\b|\bnăm \d{4}\b")
_FIGURE = re.compile(r"(?<![\d/.,])\d+(?:[.,]\d+)*(?![\d/])")
# a year written alone ("đến 2030", "năm 2022") dates a figure, it counts nothing
_YEAR = re.compile(r"(?:19|20)\d\d")
_WORD = re.compile(r"\w+|[^\w\s]")
# an office: "trưởng" and the unit it heads, in either order, or a title without "trưởng" (not "tăng trưởng",
# growth, nor "trưởng thành", grown: neither word is a unit)
_UNIT = r"(?:thôn|bản|ấp|xóm|khu|phố|tổ|nhóm|ban|phòng|khoa|đoàn|bộ|cục|vụ|sở)"
_OFFICE = re.compile(rf"\btrưởng {_UNIT}\b|\b{_UNIT} trưởng\b|\b(?:chủ tịch|bí thư|giám đốc|thủ tướng)\b",
                     re.IGNORECASE)


def lead(entry: Entry) -> str:
    """The entry's first paragraph: where it answers its own question."""
    return entry.answer.strip().split("\n\n", 1)[0]


def _names(text: str) -> Iterable[str]:
    """Runs of two or more capitalised words, a sentence's first word left out (it is capitalised as the sentence's,
    not as a name's)."""
    run: list[str] = []
    opening = True  # the next word opens a sentence
    for token in [*_WORD.findall(text), "."]:
        capitalised = token[0].isalpha() and token[0].isupper()
        if capitalised and not opening:
            run.append(token)
            continue
        if len(run) >= 2:
            yield " ".join(run)
        run = []
        # a sentence opens after its stop, and still after quotes or brackets that open it
        opening = token in (".", "!", "?", ":", ";") or (opening and not token[0].isalnum())


def facts(text: str, asked: frozenset[str]) -> frozenset[str]:
    """The facts of the asked kinds written in ``text``, folded (``bot.nlp.syllables.fold``)."""
    found: set[str] = set()
    if "when" in asked:
        found.update(m.group(0) for m in _DATE.finditer(text))
    if "count" in asked:
        found.update(m.group(0) for m in _FIGURE.finditer(text) if not _YEAR.fullmatch(m.group(0)))
    if "who" in asked:
        found.update(_names(text))
        found.update(m.group(0) for m in _OFFICE.finditer(text))
    if "where" in asked:
        found.update(web_hosts(text))
    return frozenset(f for f in map(fold, found) if f)


def restates(own: Entry, other: Entry, question: str, asked: frozenset[str], every: bool = False) -> bool:
    """Whether ``other`` says, in what a phone shows first of it (``bot.kb.first_view``), a fact of the asked kinds
    that ``own`` gives in its lead, one the question does not name itself. A fact said only after "Xem thêm" is one
    most citizens never see: the first question would go unanswered for them. ``every``: each such fact, not one of
    them (an entry that names the day once celebrated does not restate the one moved to)."""
    named = f" {fold(question)} "
    own_facts = {f for f in facts(lead(own), asked) if f" {f} " not in named}
    if not own_facts:
        return False
    said = f" {fold(first_view(other.answer))} "
    return (all if every else any)(f" {f} " in said for f in own_facts)
