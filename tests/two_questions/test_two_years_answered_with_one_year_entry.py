"""One fact asked of two years side by side, answered confidently with an entry that states one year's target only:
the entry of the first three stating the fact year by year ("Đến năm 2025: … Đến năm 2030: …"), writing the short
name asked ("EGDI") and saying the most of the question, answers instead (``bot.kb.several.years_apart`` reads
``bot.kb.both_years.stating_both``, as for an unsure answer). And the second year may be led by "vào / đến / tới" as
the first was ("năm 2025 và vào năm 2030"): still two years side by side (``bot.kb.years``), never a range."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.years import lists_both, states_both, two_years

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "Việt Nam đặt mục tiêu đứng hạng bao nhiêu về chỉ số phát triển Chính phủ điện tử (EGDI) của Liên Hợp Quốc "
    "năm 2025 và năm 2030?",
    "Nhà nước đặt mục tiêu xếp hạng bao nhiêu về chỉ số Chính phủ điện tử EGDI của Liên Hợp Quốc vào năm 2025 và "
    "vào năm 2030?",
])
def test_the_answer_states_the_target_of_both_years(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident
    said = real_kb.by_id[answer.entry].answer
    assert states_both(said, ("2025", "2030")) or lists_both(said, ("2025", "2030"))


@pytest.mark.parametrize(("text", "years"), [
    ("năm 2025 và vào năm 2030", ("2025", "2030")),
    ("đến 2025 và đến 2030 thì sao", ("2025", "2030")),
    ("muc tieu den nam 2025 va toi nam 2030", ("2025", "2030")),
    ("giai đoạn từ 2025 đến 2030", None),  # a range
    ("từ năm 2021 tới năm 2025", None),
])
def test_a_second_year_led_by_a_preposition_after_a_joiner(text: str, years: tuple[str, str] | None) -> None:
    assert two_years(text) == years
