"""One reader of "knows nothing" (``bot.nlp.knowing_nothing``): the clause reader (``bot.nlp.clauses``, whether a
clause asks) and the comma rule read the same statements as asking nothing — "không hiểu gì về …", "chưa biết gì
nhiều về …", teencode "ko bit j" — while "không biết làm gì" still asks; and a question opened by a request ("Cho
hỏi …") after such a statement is answered as the phrasing it says (``bot.kb.own_phrasing``)."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.nlp.clauses import asks_by_itself
from bot.nlp.knowing_nothing import knows_nothing

pytestmark = pytest.mark.unit

_NOTHING = [
    "Tôi chưa biết gì về chuyển đổi số",
    "Tôi không hiểu gì về chuyển đổi số",
    "Tôi chưa biết gì nhiều về chuyển đổi số",
    "em ko bit j ve vneid",
    "cháu chẳng hiểu gì lắm",
    "tui hog biết gì hết",
]
_ASKS = [
    "Tôi không biết làm gì để đăng ký VNeID",
    "chưa rõ phải làm gì",
    "không biết gì thì hỏi ai",
]


@pytest.mark.parametrize("clause", _NOTHING)
def test_both_readers_read_knowing_nothing(clause: str) -> None:
    assert knows_nothing(clause)
    assert not asks_by_itself(clause)


@pytest.mark.parametrize("clause", _ASKS)
def test_not_knowing_what_still_asks(clause: str) -> None:
    assert not knows_nothing(clause)
    assert asks_by_itself(clause)


@pytest.mark.parametrize("question", [
    "Tôi chưa biết gì về chuyển đổi số. Cho hỏi chuyển đổi số là gì?",
    "Tôi chưa biết gì về chuyển đổi số. Dạ cho em hỏi chuyển đổi số là gì ạ?",
    "Tôi chưa biết gì về chuyển đổi số. Em muốn biết chuyển đổi số là gì",
    "Tôi không hiểu gì về chuyển đổi số, chuyển đổi số là gì?",
    "Tôi chưa biết gì nhiều về chuyển đổi số, cho hỏi chuyển đổi số là gì?",
])
def test_what_dx_is_is_answered_after_knowing_nothing(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "cds-la-gi"


def test_a_request_for_a_subjectless_phrasing_keeps_the_subject_told(real_kb: KnowledgeBase) -> None:
    # review 20, H1: "Mục tiêu 2030?" names no subject; asked for ("Cho hỏi …") it is no different
    answer = real_kb.answer("Mình đang tìm hiểu về kinh tế số. Cho hỏi mục tiêu 2030?")
    assert answer.entry == "ct-kinh-te-so-30-gdp-2030"
