"""A statement that the asker knows nothing about something, then a comma and the question ("Tôi chưa biết gì về tổ
công nghệ số, tổ làm gì?"): the statement is context, the comma a clause boundary, and the question is answered as
after a full stop (``bot.nlp.knowing_nothing``, hooked in ``bot.nlp.clauses._split_connectors``)."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.nlp.clauses import clauses
from bot.nlp.knowing_nothing import knows_nothing

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("clause", [
    "Tôi chưa biết gì về tổ công nghệ số", "em không hiểu gì về VNeID", "tui ko bik j ve vneid",
    "Mình chưa biết gì nhiều về dịch vụ công", "Tôi chưa biết gì về chuyển đổi số hết", "Em chưa hiểu gì cả",
    "toi chua biet gi",
])
def test_knowing_nothing_is_read(clause: str) -> None:
    assert knows_nothing(clause)


@pytest.mark.parametrize("clause", [
    "Em không biết làm gì", "tôi chưa biết VNeID là gì", "không biết gì thì hỏi ai", "Tôi biết gì về chuyển đổi số",
])
def test_not_knowing_what_is_no_statement_of_knowing_nothing(clause: str) -> None:
    assert not knows_nothing(clause)


def test_the_comma_after_knowing_nothing_parts_the_question() -> None:
    assert len(clauses("Tôi chưa biết gì về tổ công nghệ số, tổ làm gì?")) == 2


@pytest.mark.parametrize(("question", "entry"), [
    ("Tôi chưa biết gì về tổ công nghệ số, tổ làm gì?", "tcns-nhiem-vu"),
    ("Tôi chưa biết gì về chuyển đổi số, chuyển đổi số là gì?", "cds-la-gi"),
    ("Cháu chưa biết gì về chuyển đổi số ạ, chuyển đổi số là gì ạ?", "cds-la-gi"),
    ("Tôi chưa biết gì về chuyển đổi số hết, chuyển đổi số là gì?", "cds-la-gi"),
])
def test_the_question_after_the_comma_is_answered(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry
