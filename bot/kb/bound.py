"""A year the question names must be said *about* what the question asks (round 12, issue 12).

``bot.kb.asks`` checks that an entry names the year a question asks about (``year:NNNN``). An entry that names
the year about something else passes that check: "Năm 2024 Việt Nam xếp thứ mấy về chỉ số đổi mới sáng tạo
toàn cầu GII?" ranks first the entry on the ranking *targets* — its targets paragraph names the GII, its last
paragraph gives the 2024 *e-government* result — and was answered with confidence. The year and the thing asked
are each said, in different parts of the answer: the entry answers another question.

:func:`unbound_year` is that rule, general over every year and entry rather than a list of kinds: of the
question's content words that the answer says, the most specific one (highest IDF: "gii" over "việt nam") must
be said in a paragraph of the answer that names the year. An entry whose title, phrasings or keywords name the
year claims that year's question ("năm 2020 việt nam xếp hạng chính phủ điện tử thứ mấy"): no check. Numbers
other than years were measured and dropped (a date's day and month stand apart from the count they date:
"tính đến tháng 6/2022 … bao nhiêu tổ", five right answers lost on the tuning sets). The decision
(``bot.kb.decision.floors``) does not answer an unbound year with confidence; the entry is still offered.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.kb.lexicon import CONTENT, View
from bot.kb.records import EntryRecord
from bot.nlp.normalize import analyze

_PARAGRAPH = re.compile(r"\n\s*\n")
YEAR_KIND = "year:"


def paragraphs(record: EntryRecord) -> tuple[frozenset[str], ...]:
    """The folded words of each paragraph of the entry's answer (cached by entry id, checked by identity)."""
    found = _PARAGRAPHS.get(record.entry.id)
    if found is None or found[0] is not record:
        words = tuple(frozenset(analyze(p).tokens) for p in _PARAGRAPH.split(record.entry.answer) if p.strip())
        _PARAGRAPHS[record.entry.id] = found = (record, words)
    return found[1]


_PARAGRAPHS: dict[str, tuple[EntryRecord, tuple[frozenset[str], ...]]] = {}


def _subject(question: View, record: EntryRecord, idf: Callable[[str], float]) -> tuple[tuple[str, ...], ...]:
    """The readings of the most specific content unit of the question that the answer says (empty: none).

    Numbers are qualifiers, not the thing asked; of equal weights the first unit wins (deterministic)."""
    said = record.a_vocab
    best: tuple[tuple[str, ...], ...] = ()
    weight = 0.0
    for uv in question.units:
        if uv.role != CONTENT or not uv.alts or any(t.isdigit() for alt in uv.alts for t in alt):
            continue
        readings = tuple(alt for alt in uv.alts if all(t in said for t in alt))
        if not readings:
            continue
        w = max(sum(idf(t) for t in alt) for alt in readings)
        if w > weight:
            best, weight = readings, w
    return best


def unbound_year(question: View | None, record: EntryRecord | None, asks: frozenset[str],
                 idf: Callable[[str], float] | None) -> str | None:
    """The first year ``asks`` names (``year:NNNN``) that the entry's answer says only apart from the question's
    most specific word (see the module docstring), or None. Most questions name no year: nothing is computed."""
    if question is None or record is None or idf is None:
        return None
    years = sorted(k[len(YEAR_KIND):] for k in asks if k.startswith(YEAR_KIND))
    subject: tuple[tuple[str, ...], ...] | None = None
    for year in years:
        if year in record.q_vocab:
            continue  # the entry's own phrasings ask about that year
        dated = [p for p in paragraphs(record) if year in p]
        if not dated:
            continue  # the year is not said at all: ``bot.kb.asks`` refuses it already
        if subject is None:
            subject = _subject(question, record, idf)
        if subject and not any(all(t in p for t in alt) for alt in subject for p in dated):
            return year
    return None
