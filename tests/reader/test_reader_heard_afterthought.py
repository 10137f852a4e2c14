"""What the asker heard, told vaguely after a question, asks again (``bot.kb.afterthoughts``): "chuyển đổi số là gì
thế, nghe bảo trước tiên phải đổi cái gì đó" asks what DX is, then what it is that must change first — the first is
answered, the second's entry offered. Told before the question ("Tôi có nghe … chủ đề năm 2023 là gì đó. Chủ đề năm
2026 là gì?") it stays context. And "còn" after a verb of saying ("nghe nói còn có …": it is said there is also …)
is no connector opening a second question (``bot.nlp.clauses``)."""

from __future__ import annotations

import pytest

from bot.kb.afterthoughts import vaguely_told
from bot.kb.engine import KnowledgeBase
from bot.nlp.clauses import clauses

pytestmark = pytest.mark.unit


def test_a_vague_tell_before_the_question_is_context_after_it_a_question() -> None:
    heard = "Tôi có nghe chủ đề năm 2023 là gì đó"
    asked = "Chủ đề năm 2026 là gì?"
    assert vaguely_told([heard, asked]) == [asked]
    assert vaguely_told([asked, heard]) == [asked, heard]
    assert vaguely_told([heard]) == [heard]  # alone it is still read as asking


@pytest.mark.parametrize("question", [
    "chuyển đổi số là gì thế, nghe bảo trước tiên phải đổi cái gì đó",
    "Chuyển đổi số là gì vậy ạ? Em có nghe nói trước hết phải chuyển đổi cái gì đó",
])
def test_the_afterthought_is_offered_after_the_first_answer(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "cds-la-gi"
    assert answer.choice_entries == ["cds-bat-dau-tu-nhan-thuc"]


def test_said_then_also_is_no_second_question() -> None:
    cut = clauses("Chủ đề năm 2024 là gì, nghe nói còn có cả một tháng khuyến mãi cho người dân?")
    assert len(cut) == 1


def test_the_next_question_is_offered_when_its_tail_tells_what_was_said(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Năm 2023 được chọn là năm gì về dữ liệu vậy? Và chủ đề Ngày Chuyển đổi số năm 2024 là "
                            "gì, nghe nói còn có cả một tháng khuyến mãi cho người dân?")
    assert answer.confident and answer.entry == "nam-du-lieu-so-2023"
    assert answer.choice_entries == ["ngay-cds-chu-de-2024"]
