"""Round 4 of the decision (bot/kb/decision.py, bot/kb/engine.py): when a near tie may be answered, and what a
two-question message offers when only its second question is answered."""

from __future__ import annotations

import dataclasses

import pytest

from bot.kb import KnowledgeBase
from bot.kb.decision import TIE_P, floors, near_tie
from bot.kb.index import Hit


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    return real_kb


def _tie(kb: KnowledgeBase, **top: float) -> list[Hit]:
    """Two hits of equal score, coverage and match (a near tie), the top one changed by ``top``."""
    first, second = kb.entries[0], kb.entries[1]
    base = Hit(second, 3.0, 0.9, 1.0, 1.0, 0.5, match=0.8)
    return [dataclasses.replace(base, entry=first, **top), base]


def test_an_indistinct_tie_is_never_answered(kb: KnowledgeBase) -> None:
    hits = _tie(kb)
    assert near_tie(hits)
    assert not floors(hits, p=0.0) and not floors(hits, p=1.0)


@pytest.mark.parametrize("lead", [{"coverage": 0.95}, {"match": 0.9}, {"kind": 0.6}])
def test_a_tie_the_top_entry_leads_is_answered_only_when_the_model_is_sure(kb: KnowledgeBase,
                                                                           lead: dict[str, float]) -> None:
    hits = _tie(kb, **lead)
    assert near_tie(hits)
    assert floors(hits, p=TIE_P)
    assert not floors(hits, p=TIE_P - 0.01)


def test_the_other_floors_still_hold_over_a_sure_tie(kb: KnowledgeBase) -> None:
    hits = _tie(kb, kind=0.6, coverage=0.4)  # the top entry leads on kind, but explains too little
    assert not floors(hits, p=1.0)


def test_an_unanswered_first_question_is_offered_beside_the_second_answer(kb: KnowledgeBase) -> None:
    """"Ứng dụng ấy do ai phát triển, đăng nhập VNeID bằng gì?": the first question names nothing the KB can
    answer alone, the login is answered, and the entry that explains the first question best is offered as a button.
    (The earlier example, "VNeID do cơ quan nào làm", is answered outright since the app's answer names its maker.)"""
    first = "Ứng dụng ấy do ai phát triển"
    first_alone = kb.answer(first)
    result = kb.answer(f"{first}, đăng nhập VNeID bằng gì?")
    assert result.confident and result.entry == kb.answer("đăng nhập VNeID bằng gì?").entry
    assert not first_alone.confident
    assert result.choice_entries and result.choice_entries[0] != result.entry
    best = max(kb.search(first, k=3), key=lambda h: h.coverage)
    assert result.choice_entries[0] == best.entry.id
