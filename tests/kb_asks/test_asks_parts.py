"""How many parts something has (``bot.kb.asks.parts``): an entry that names no parts cannot say how many there are.
The portal's launch entry (when, built in nine months, the savings) is offered, not answered, where the question
asks how many components the portal has; the entry that lists them answers it."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked, provided
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


def test_how_many_parts_is_asked_in_every_word_for_them() -> None:
    for question in ("Cổng có mấy thành phần chính?", "cong gom may cau phan", "có bao nhiêu hợp phần",
                     "cổng có mấy bộ phận vậy"):
        assert "parts" in kinds(question), question
    assert "parts" not in kinds("Thành phần tổ công nghệ số gồm những ai?")  # who the members are: no count
    assert "parts" not in kinds("Cổng Dịch vụ công quốc gia khai trương khi nào?")


def test_only_an_entry_naming_the_parts_gives_them(real_kb: KnowledgeBase) -> None:
    assert "parts" in provided(real_kb.by_id["dvcqg-thanh-phan"])
    assert "parts" not in provided(real_kb.by_id["dvcqg-ra-doi"])


@pytest.mark.parametrize("question", [
    "Cổng dịch vụ công quốc gia có mấy thành phần chính, xây mất bao lâu vậy ad?",
    "cong dich vu cong quoc gia co may thanh phan chinh, xay dung mat bao lau",
    "Cổng DVC quốc gia có bao nhiêu thành phần, xây dựng trong bao lâu?",
    "Cổng Dịch vụ công quốc gia lúc khai trương gồm mấy cấu phần?",
])
def test_the_launch_is_no_answer_to_how_many_parts(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert not (answer.confident and answer.entry == "dvcqg-ra-doi")
    shown = [answer.entry] if answer.confident else answer.choice_entries
    assert "dvcqg-thanh-phan" in shown


@pytest.mark.parametrize("question", ["cong dich vu cong quoc gia gom may thanh phan", "dvcqg gồm mấy thành phần",
                                      "Cổng dịch vụ công quốc gia có mấy bộ phận chính, khai trương năm nào?"])
def test_the_entry_listing_the_parts_still_answers(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "dvcqg-thanh-phan"
