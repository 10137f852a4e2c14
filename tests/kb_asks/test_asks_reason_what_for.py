"""A purpose asked ("… để làm gì") is a reason asked (``bot.kb.asks.reasons``): the entry that says which day the
national digital-transformation day is names no purpose, so it is offered beside the purpose's entry, not answered
with confidence."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked, provided
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


def test_what_for_asks_a_reason_and_a_task_does_not() -> None:
    assert "reason" in kinds("Ngày 10/10 lập ra để làm gì vậy?")
    assert "reason" in kinds("ngay 10/10 lap ra de lam gi z")
    assert "reason" not in kinds("Tổ công nghệ số cộng đồng làm gì?")  # what the teams do: a task
    assert "reason" not in kinds("Ngày chuyển đổi số quốc gia là ngày nào?")


def test_the_entry_of_which_day_gives_no_purpose(real_kb: KnowledgeBase) -> None:
    assert "reason" not in provided(real_kb.by_id["ngay-cds-la-ngay-nao"])
    assert "reason" in provided(real_kb.by_id["ngay-cds-muc-dich"])


@pytest.mark.parametrize("question", [
    "Lập ra cái ngày 10/10 về chuyển đổi số để làm gì vậy, hay chỉ là ngày kỷ niệm cho vui thôi?",
    "Bày ra ngày 10/10 chuyển đổi số để làm gì thế nhỉ, hay chỉ là ngày kỷ niệm?",
])
def test_which_day_is_no_answer_to_what_for(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert not (answer.confident and answer.entry == "ngay-cds-la-ngay-nao")
    shown = [answer.entry] if answer.confident else answer.choice_entries
    assert "ngay-cds-muc-dich" in shown


@pytest.mark.parametrize(("question", "entry"), [
    ("Ngày chuyển đổi số quốc gia lập ra để làm gì vậy?", "ngay-cds-muc-dich"),
    ("VNeID dùng để làm gì", "vneid-la-gi"),
    ("chữ ký số để làm gì", "chu-ky-so-la-gi"),
])
def test_what_for_with_an_entry_that_says_why_is_still_answered(real_kb: KnowledgeBase, question: str,
                                                                  entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry
