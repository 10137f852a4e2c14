"""An opening statement that shares its words with the question after it ("Tôi chưa biết gì về chuyển đổi số.
Chuyển đổi số là gì?"): "chưa biết gì về …" knows nothing, no question (``bot.nlp.clauses``), and a question that is,
word for word, one of an entry's phrasings is answered with that entry, not with the entry the statement's words
pull the whole message to (``bot.kb.own_phrasing``). Southern "thiệt ra" is "thật ra" (in fact), framing."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.nlp.clauses import is_question

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("clause", [
    "Tôi chưa biết gì về chuyển đổi số", "Cháu chưa biết gì về chuyển đổi số ạ", "tui ko bik j ve vneid",
    "Tôi không biết gì cả", "Em chưa biết gì",
])
def test_knowing_nothing_about_something_asks_nothing(clause: str) -> None:
    assert not is_question(clause)


@pytest.mark.parametrize("clause", [
    "Em không biết làm gì", "em chưa biết viết gì về chuyển đổi số", "không biết gì về VNeID?",
    "tôi chưa biết VNeID là gì",
])
def test_not_knowing_what_still_asks(clause: str) -> None:
    assert is_question(clause)


@pytest.mark.parametrize(("question", "entry"), [
    ("Tôi chưa biết gì về chuyển đổi số. Chuyển đổi số là gì?", "cds-la-gi"),
    ("toi chua biet gi ve chuyen doi so. chuyen doi so la gi?", "cds-la-gi"),
    ("Em chưa hiểu lắm về VNeID. VNeID là gì vậy?", "vneid-la-gi"),
    ("Ông bà tôi không biết gì về dịch vụ công trực tuyến. Dịch vụ công trực tuyến là gì?", "dvc-toan-trinh-la-gi"),
    ("Tôi không biết gì về Ngày Chuyển đổi số quốc gia. Ngày Chuyển đổi số quốc gia là ngày nào?",
     "ngay-cds-la-ngay-nao"),
])
def test_the_question_after_a_statement_of_its_words_is_answered(real_kb: KnowledgeBase, question: str,
                                                                  entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry


@pytest.mark.parametrize("question", [
    "Thiệt ra chuyển đổi số là gì?",
    "Con tui nói chuyển đổi số là mua máy tính. Thiệt ra chuyển đổi số là gì?",
    "Thằng con tui nói chuyển đổi số là mua máy tính về bán hàng, bả vợ tui thì nói là xài Zalo. Hai mẹ con cãi "
    "nhau quá trời. Thiệt ra chuyển đổi số là gì, người ta định nghĩa sao dzậy ad?",
])
def test_in_fact_typed_in_the_south_is_framing(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "cds-la-gi"
