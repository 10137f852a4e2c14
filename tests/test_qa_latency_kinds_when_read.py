"""The kinds a reading asks are read only where the decision reads them; its years alone otherwise (round 23).

A dozen families of expressions read the kinds of fact a text asks (``bot.kb.asks``). The decision reads them in its
floors, for an answer it may give; for a reading it will not answer it needs only the years asked, to drop the
runners-up that name none (``bot.kb.year_rivals``). Only the dates family reads years, so ``Texts.years`` reads them
alone. Checked: those years are the years among the kinds, for every text the reader makes of the dev messages
(whole, clauses, the question's years over the context's), and the decisions are the same; the families' work is
counted, never timed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.kb import KnowledgeBase, texts
from bot.kb.evaluate import load_cases
from bot.kb.texts import YEAR, Texts
from bot.nlp.clauses import clauses
from bot.nlp.dialect import standardize

EVAL = Path(__file__).parent / "eval"
OFF_TOPIC = ("giá vàng hôm nay bao nhiêu", "thời tiết hà nội ngày mai", "cách nấu phở bò năm 2024")


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    """The session's real KB (tests/conftest.py): only read and asked."""
    return real_kb


def test_the_years_read_alone_are_the_years_among_the_kinds(kb: KnowledgeBase) -> None:
    with_years = 0
    for case in (*load_cases(EVAL / "blind" / "dev.toml"), *load_cases(EVAL / "blind" / "dev5.toml")):
        text = standardize(case.question, kb.index.known_pair)
        parts = clauses(text)
        for question in ("", parts[-1], parts[0]):
            read = Texts(kb.index, kb.intent, text)
            read.message, read.question = text, question
            for t in (text, *parts):
                years = read.years(t)
                assert years == frozenset(k for k in read.kinds(t) if k.startswith(YEAR)), (t, question)
                with_years += bool(years)
    assert with_years > 50  # years were asked, not only none


def test_an_unanswered_reading_reads_no_family(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    original = texts.asked
    monkeypatch.setattr(texts, "asked", lambda normalized, *a, **k: read.append(normalized)
                        or original(normalized, *a, **k))
    for message in OFF_TOPIC:
        assert not kb.answer(message).confident
    assert read == []
    assert kb.answer("cho mình hỏi cái app VNeID là gì vậy").confident and read  # an answer the floors allow: read
