"""Round 7 (latency after the rules): every cached or precomputed value equals the value computed afresh.

The clause readings (``bot.nlp.clauses``) are cached for the last clauses seen, an entry's answer text with its
source lines is built once per entry and wording (``bot.kb.decision``), the kinds a reading asks for are read
once per text of a message (``bot.kb.texts.Texts``), and the phrasing postings are counted into a plain dict
(``bot.kb.signals._counted``). Each is checked against the uncached computation on the chat messages of the dev
splits and the real KB's entries.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain
from pathlib import Path

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.kb.decision import _answer_text, answer_text
from bot.kb.evaluate import load_cases
from bot.kb.signals import _counted
from bot.kb.texts import Texts
from bot.nlp import clauses as clauses_module
from bot.nlp.clauses import _REQUEST_PHRASES, asks_by_itself, clauses, is_question
from bot.nlp.dialect import standardize
from bot.nlp.normalize import fold

BLIND = Path(__file__).parent / "eval" / "blind"


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    """The session's real KB (tests/conftest.py): these tests only read it and ask it questions."""
    return real_kb


@pytest.fixture(scope="module")
def messages() -> list[str]:
    return [c.question for name in ("dev.toml", "dev2.toml") for c in load_cases(BLIND / name)]


def _clauses_of(kb: KnowledgeBase, messages: list[str]) -> list[str]:
    return [p for m in messages for p in clauses(standardize(m, kb.index.known_pair))]


def test_cached_clause_readings_equal_the_computed_ones(kb: KnowledgeBase, messages: list[str]) -> None:
    parts = _clauses_of(kb, messages)
    assert len(parts) > len(messages)  # some messages hold several clauses
    for part in parts * 2:  # the second pass reads the cache where it still holds the clause
        itself = asks_by_itself.__wrapped__(part)
        assert asks_by_itself(part) == itself
        padded = f" {fold(part)} "
        assert clauses_module._padded(part) == padded
        assert is_question(part) == (itself or any(f" {p} " in padded for p in _REQUEST_PHRASES))


def test_the_clause_cache_is_bounded() -> None:
    for i in range(clauses_module._CLAUSE_CACHE + 50):
        asks_by_itself(f"câu số {i} là gì")
    assert asks_by_itself.cache_info().currsize <= clauses_module._CLAUSE_CACHE


def test_cached_answer_texts_equal_the_built_ones(kb: KnowledgeBase) -> None:
    for entry in kb.entries:
        first = answer_text(entry, kb.messages)
        assert first == _answer_text(entry, kb.messages)
        assert answer_text(entry, kb.messages) is first  # built once


def test_an_answer_text_follows_the_wording_of_its_source_lines(kb: KnowledgeBase) -> None:
    entry = next(e for e in kb.entries if e.sources)
    before = answer_text(entry, kb.messages)
    reworded = {**kb.messages, "source_line": "Theo: {title} ({date}) {url}",
                "source_line_undated": "Theo: {title} {url}"}
    after = answer_text(entry, reworded)
    assert after == _answer_text(entry, reworded)
    assert after != before
    assert answer_text(entry, kb.messages) == before


def test_a_readings_asked_kinds_are_the_computed_ones(kb: KnowledgeBase, messages: list[str]) -> None:
    texts = Texts(kb.index)
    for text in [*messages, *_clauses_of(kb, messages)]:
        expected = asked(texts.analysis(text).text, text, with_places=False)
        assert texts.asked(text) == expected
        assert texts.asked(text) == expected  # from the cache


def test_counted_postings_equal_a_counter_in_the_same_order() -> None:
    postings = [(0, 2, 5), (2, 3), (), (5, 0, 0), (7,)]
    counts = _counted(postings)
    counter = Counter(chain.from_iterable(postings))
    assert counts == counter
    assert list(counts.items()) == list(counter.items())
    assert _counted([]) == {}
