"""One fact asked of two years in turn ("… năm 2025 là top mấy, tới 2030 là top mấy"), the first question answered
alone but typing the fact's short name ("EGDI"): the name pins the fact, so the entry writing it and stating both
years answers both (``bot.kb.several.years_in_turn``, round 33); without a name the first question keeps its year's
entry."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.years import lists_both, states_both

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "chi so chinh phu dien tu EGDI cua LHQ, VN dat muc tieu nam 2025 dung top may, toi 2030 dung top may",
    "xep hang chinh phu dien tu EGDI muc tieu nam 2025 la nhom may, den 2030 la nhom may",
])
def test_the_short_name_asked_in_turn_is_answered_with_both_years(real_kb: KnowledgeBase, question: str) -> None:
    # both were answered with the 2025 e-government targets (EGDI for 2025 only) and 2030's offered
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry != "ct-2025-chinh-phu-so"
    said = real_kb.by_id[answer.entry or ""].answer
    assert "EGDI" in said and (states_both(said, ("2025", "2030")) or lists_both(said, ("2025", "2030")))


def test_a_first_question_without_a_short_name_keeps_its_years_entry(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Chủ đề ngày chuyển đổi số năm 2023 là gì? Năm 2024 là gì?")
    assert answer.confident and answer.entry == "ngay-cds-chu-de-2023"
