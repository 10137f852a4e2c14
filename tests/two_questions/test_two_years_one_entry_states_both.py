"""One fact asked of two years (``bot.kb.years``, ``bot.kb.both_years``):

- side by side in one question ("… EGDI … năm 2025 và năm 2030?") and left unsure between each year's entry and the
  entry stating both: the one that states both, and says as much of the question, is answered;
- in turn, the second question naming nothing but its year ("muc tieu egdi 2025 la top may? nam 2030 la top may?",
  typed without marks): it asks the first one's fact again (``years.asked_again``), so any of its hits may be the
  entry stating both (round 16 answered the marked form only) — where the first question alone is unsure; one answered
  alone keeps its year's entry and offers the next ("Chủ đề 2023 là gì? Năm 2024 là gì?", the review of round 16)."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.years import asked_again

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "Xin hỏi theo chương trình chuyển đổi số quốc gia, Việt Nam phấn đấu đứng top bao nhiêu về chỉ số phát triển "
    "Chính phủ điện tử (EGDI) của Liên Hợp Quốc năm 2025 và năm 2030?",
    "theo chuong trinh chuyen doi so quoc gia viet nam phan dau top bao nhieu ve chi so phat trien chinh phu dien tu "
    "EGDI cua Lien Hop Quoc nam 2025 va 2030",
])
def test_two_years_side_by_side_answered_by_the_entry_stating_both(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "ct-xep-hang-quoc-te-muc-tieu"


def test_one_year_asked_stays_with_its_own_entry(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Việt Nam đặt mục tiêu đến năm 2030 đứng trong top bao nhiêu về Chính phủ điện tử EGDI?")
    assert answer.entry != "ct-2025-chinh-phu-so"


def test_a_question_asked_again_of_its_year() -> None:
    assert asked_again("muc tieu egdi 2025 la top may?", "nam 2030 la top may?")
    assert asked_again("Mục tiêu EGDI 2025 là top mấy?", "Còn năm 2030 thì sao?")
    assert not asked_again("Chương trình phê duyệt năm 2020 phải không?", "Mục tiêu chính phủ số năm 2025 là gì?")
    assert not asked_again("muc tieu egdi 2025 la top may?", "la top may?")  # no year of its own
    assert not asked_again("muc tieu egdi 2025 la top may?", "nam 2025 la top may?")  # the same year


@pytest.mark.parametrize("question", [
    "muc tieu egdi 2025 la top may? nam 2030 la top may?",
    "Mục tiêu EGDI 2025 là top mấy? Năm 2030 là top mấy?",
])
def test_the_year_asked_again_is_answered_by_the_entry_stating_both(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "ct-xep-hang-quoc-te-muc-tieu"


@pytest.mark.parametrize("question", [
    "Chủ đề 2023 là gì? Năm 2024 là gì?",
    "Chủ đề ngày chuyển đổi số 2023 là gì? Năm 2024 là gì?",
])
def test_a_first_question_answered_alone_keeps_its_year_and_offers_the_next(real_kb: KnowledgeBase,
                                                                           question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "ngay-cds-chu-de-2023"
    assert answer.choice_entries == ["ngay-cds-chu-de-2024"]
