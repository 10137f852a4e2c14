"""What a message's question reads as a gate is read once, however many readings gate on it (latency, round 22).

A question inside a story gates the whole message's ranking and is then ranked alone: both readings measure the
same view against the out-of-scope class (its best phrasing, the classifier, the trained model's question
features) and plan its coverage. These parts depend on the question alone, so the query keeps them
(``bot.kb.index.Query.reads``); only what depends on each reading's top entry is read again. Counted (calls per
view), never timed; each kept part gives what a fresh reading gives.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.kb import index, load_kb, offtopic_model
from bot.kb.engine import KnowledgeBase
from bot.kb.lexicon import View
from bot.kb.outside import Outside
from bot.nlp.normalize import analyze

FIXTURES = Path(__file__).parent / "fixtures" / "kb" / "good"
# a story, then the question: the whole message ranks gated on the question, and the question is ranked alone
STORY_THEN_QUESTION = ("Mẹ tôi năm nay 70 tuổi, con cháu cài giúp cái app VNeID. Bà cứ sợ app lạ lừa đảo. "
                       "Cho hỏi app này do cơ quan nào làm?")
QUESTIONS = (STORY_THEN_QUESTION, "số điện thoại ngân hàng", "kênh có số điện thoại tổng đài không",
             "GDP tăng bao nhiêu năm 2025", "VNeID là gì", "chủ đề ngày chuyển đổi số năm 2026 là gì")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, seen: list[Any],
              which: Callable[..., Any]) -> None:
    """Record ``which(*args)`` of every call of ``owner.name`` (the object itself: kept alive, ids not reused)."""
    original = getattr(owner, name)

    def recording(*args: Any, **kwargs: Any) -> Any:
        seen.append(which(*args))
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, recording)


def test_each_gate_is_matched_and_planned_once(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    matched: list[View] = []
    planned: list[View] = []
    ranked: list[object] = []
    _counting(monkeypatch, Outside, "match", matched, lambda _self, qv: qv)
    _counting(monkeypatch, index.signals, "coverage_plan", planned, lambda qv, _idf: qv)
    _counting(monkeypatch, index.Index, "_hits", ranked, lambda _self, r, _k, gate: gate or r)
    kb.answer(STORY_THEN_QUESTION)
    assert len(ranked) > len(matched) >= 1  # some view gated two readings ...
    assert len({id(v) for v in matched}) == len(matched)  # ... and was matched once
    assert len({id(v) for v in planned}) == len(planned)


def test_what_is_kept_is_what_a_fresh_reading_gives(kb: KnowledgeBase) -> None:
    outside = kb.index.outside
    assert outside is not None and outside.model is not None
    for text in QUESTIONS:
        query = kb.index.query(analyze(text))
        assert query is not None
        qv = query.view
        read = outside.question(qv)
        for record in kb.index.records[:20]:
            assert outside.against(qv, record, read) == outside.against(qv, record)
            assert offtopic_model.features(qv, record, read.features) == offtopic_model.features(qv, record)


def test_hits_do_not_depend_on_what_the_query_kept(kb: KnowledgeBase) -> None:
    """A query read before (its reads kept) ranks as a new query of the same text does."""
    for text in QUESTIONS:
        gate = kb.index.query(analyze(text.split(".")[-1]))
        used = kb.index.query(analyze(text))
        first = kb.index.hits(used, gate=gate)
        again = kb.index.hits(used, gate=gate)
        fresh = kb.index.hits(kb.index.query(analyze(text)), gate=kb.index.query(analyze(text.split(".")[-1])))
        assert first == again == fresh  # every signal, exactly


def test_a_query_handed_to_another_index_is_read_there(kb: KnowledgeBase) -> None:
    """Review of lat22 (a Low): the kept reads were another index's (its word weights, its out-of-scope class) when a
    query made and read by one index was ranked by a second; the second reads it again."""
    other = load_kb(FIXTURES)  # other entries, other weights, no out-of-scope class
    assert other.index.outside is None
    compared = 0
    for text in QUESTIONS:
        query = kb.index.query(analyze(text))
        assert query is not None
        kb.index.hits(query)  # read by the first index
        handed = other.index.hits(query)
        fresh = other.index.hits(dataclasses.replace(query))  # the same query, nothing kept
        assert handed == fresh  # every signal, exactly
        compared += len(fresh)
        back = kb.index.hits(query)  # and back: the first index's own reading again
        assert back == kb.index.hits(dataclasses.replace(query))
    assert compared
