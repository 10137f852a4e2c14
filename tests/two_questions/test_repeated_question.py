"""A question typed twice ("VNeID là gì? VNeID là gì?"), marks alone sent again when nothing came back ("??", "Hả?
Hả?") or a question wrapped in the same interjection ("Ủa? VNeID là gì? Ủa?"): the repeated clause is one question
asked again, read as one (``bot.kb.message.questions``). Before, the clauses de-duplicated to one reading while the
message still counted two asks, and reading the second one raised ``IndexError`` — in production the event was retried
and crashed each time, so the citizen got no reply."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "VNeID là gì?", "vneid la gi?", "Ngày chuyển đổi số là ngày nào?", "Mục tiêu EGDI 2025 là top mấy?",
])
def test_a_question_typed_twice_is_answered_as_once(real_kb: KnowledgeBase, question: str) -> None:
    once = real_kb.answer(question)
    twice = real_kb.answer(f"{question} {question}")
    assert twice.kind == once.kind and twice.entry == once.entry


@pytest.mark.parametrize("message", ["??", "?? ??", "?!? ?!?", "😀? 😀?", "Hả? Hả?", "ok? ok?", "2025? 2025?",
                                     "Mục tiêu 2025? Mục tiêu 2025?", "năm 2025 thế nào, còn 2030? " * 40])
def test_repeated_clauses_get_a_reply(real_kb: KnowledgeBase, message: str) -> None:
    assert real_kb.answer(message).kind in {"confident", "ambiguous", "unknown"}


def test_a_question_inside_a_repeated_interjection_is_answered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Ủa? VNeID là gì? Ủa?")
    assert answer.confident and answer.entry == "vneid-la-gi"
