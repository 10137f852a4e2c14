""""bao lâu" (how long) asks, as "bao giờ" and "bao nhiêu" do: "…, xây dựng mất bao lâu vậy?" is a second question
of its own, so the first one is answered and this one offered (issue 12); "bao lâu nay" (for so long now) tells."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.nlp.clauses import asks_by_itself, clauses

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("clause", ["xây dựng mất bao lâu vậy", "xay dung bao lau", "làm trong bao lâu thì xong"])
def test_how_long_asks(clause: str) -> None:
    assert asks_by_itself(clause)


@pytest.mark.parametrize("clause", ["bao lâu nay tôi vẫn nộp hồ sơ giấy", "bao lau nay em van lam o xa"])
def test_for_so_long_now_tells(clause: str) -> None:
    assert not asks_by_itself(clause)


def test_a_how_long_after_a_comma_is_a_question_of_its_own() -> None:
    assert len(clauses("Cổng Dịch vụ công quốc gia có mấy thành phần chính, xây dựng mất bao lâu vậy?")) == 2


@pytest.mark.parametrize("question", [
    "Cổng Dịch vụ công quốc gia có mấy thành phần chính, xây dựng mất bao lâu vậy?",
    "cong dich vu cong quoc gia co may thanh phan, xay dung bao lau",
])
def test_the_components_are_answered_and_how_long_offered(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "dvcqg-thanh-phan"
    assert answer.choice_entries[:1] == ["dvcqg-ra-doi"]


def test_how_long_alone_is_answered_as_before(real_kb: KnowledgeBase) -> None:
    assert real_kb.answer("Cổng Dịch vụ công quốc gia xây dựng mất bao lâu?").entry == "dvcqg-ra-doi"
