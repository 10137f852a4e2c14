"""One fact asked of two years in turn, one question per year ("… đến 2025 top mấy, còn 2030 top mấy?"): an entry that
states the fact of both years — in one sentence or year by year ("Đến năm 2025: … Đến năm 2030: …") — answers both
(``bot.kb.years.one_year``, ``lists_both``, ``bot.kb.several.years_in_turn``). Before, the first year's entry was
answered and the other's offered, or, where the first question alone was unsure, the second year's entry was answered
as if it were the first question's."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.years import lists_both, one_year

pytestmark = pytest.mark.unit


def test_one_year_of_a_question() -> None:
    assert one_year("đến 2025 vn phải lọt top bn") == "2025"
    assert one_year("còn năm 2030 thì sao") == "2030"
    assert one_year("giai đoạn 2021-2025 làm gì") is None
    assert one_year("năm 2025 và 2030") is None
    assert one_year("số 0912345678") is None


def test_an_answer_year_by_year_lists_both() -> None:
    answer = "Các mục tiêu sau.\n\nĐến năm 2025: nhóm 70 về EGDI.\n\nĐến năm 2030: nhóm 50 về EGDI."
    assert lists_both(answer, ("2025", "2030"))
    assert not lists_both(answer, ("2025", "2024"))
    assert not lists_both("Năm 2025 nhóm 70. Năm 2030 nhóm 50.", ("2025", "2030"))


def test_one_heading_naming_both_years_is_not_a_list_year_by_year() -> None:
    answer = "Chương trình đến năm 2025, định hướng đến năm 2030 đặt các mục tiêu sau:\n\n- nhóm 70 về EGDI."
    assert not lists_both(answer, ("2025", "2030"))


@pytest.mark.parametrize("question", [
    "uh vay den 2025 vn phai lot top bn the gioi ve chinh phu dien tu (EGDI) z ad, con 2030 thi top may",
    "Mục tiêu EGDI 2025 là top mấy? Năm 2030 là top mấy?",
    "Mục tiêu EGDI 2025 là top mấy??? Năm 2030 là top mấy???",
    "2025 vn top may egdi?? 2030 top may??",
])
def test_one_fact_of_two_years_is_answered_by_the_entry_stating_both(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "ct-xep-hang-quoc-te-muc-tieu"


def test_another_fact_of_another_year_keeps_its_own_answer(real_kb: KnowledgeBase) -> None:
    # the 2025 targets name the year the programme was approved in passing: the first question is still its own
    answer = real_kb.answer("Chương trình chuyển đổi số phê duyệt năm 2020 phải không? Mục tiêu chính phủ số năm 2025 "
                            "là gì?")
    assert answer.entry == "ct-749-la-gi"
    assert answer.choice_entries == ["ct-2025-chinh-phu-so"]


def test_a_target_and_a_rank_of_two_years_answer_the_first_and_offer_the_next(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("việt nam muốn vào top bao nhiêu về chính phủ điện tử EGDI năm 2025, còn năm 2024 thì "
                            "xếp thứ mấy rồi")
    assert answer.confident and answer.entry == "ct-2025-chinh-phu-so"
    assert answer.choice_entries == ["ct-xep-hang-egdi-2024"]
