"""Runners-up that name no year the question asks are no rivals of a top entry that does (``bot.kb.year_rivals``):
"đến năm 2030 tỷ lệ hồ sơ công việc cấp xã … là bao nhiêu?" ranks the 2030 targets first and the 2025 targets, which
share more of its words but cannot say what 2030 holds, third; the 2030 targets are answered and the next question
offered, no longer three choices."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.year_rivals import year_rivals_dropped
from bot.kb.years import names_year_itself

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "Cho tôi hỏi: đến năm 2030 tỷ lệ hồ sơ công việc cấp xã được xử lý trên môi trường mạng là bao nhiêu? Còn chỉ số "
    "an toàn an ninh mạng GCI năm 2030 đặt mục tiêu top mấy?",
    "Xin hỏi: đến năm 2030 tỷ lệ hồ sơ công việc cấp xã được xử lý trên môi trường mạng là bao nhiêu? Còn về an ninh "
    "mạng thì Việt Nam muốn xếp hạng thứ mấy?",
])
def test_the_year_asked_answers_and_the_next_is_offered(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "ct-muc-tieu-2030"
    assert answer.choice_entries == ["muc-tieu-an-toan-an-ninh-mang"]


def test_only_runners_up_naming_no_year_asked_are_dropped(real_kb: KnowledgeBase) -> None:
    hits = real_kb.search("đến năm 2030 tỷ lệ hồ sơ công việc cấp xã xử lý trên môi trường mạng là bao nhiêu")
    by_id = {h.entry.id: h for h in hits}
    top = [by_id["ct-muc-tieu-2030"], by_id["ct-2025-chinh-phu-so"]]
    assert [h.entry.id for h in year_rivals_dropped(top, frozenset({"year:2030"}))] == ["ct-muc-tieu-2030"]
    assert year_rivals_dropped(top, frozenset({"percent"})) == top  # no year asked: as they are
    # a top entry that does not name the year asked keeps its rivals
    assert year_rivals_dropped(top[::-1], frozenset({"year:2030"})) == top[::-1]


# review 17, H2: an entry naming the year asked only in a document's number or a date of effect ("Thông tư
# 63/2023/TT-BTC … từ 1/12/2023") says no fact of that year: its rivals stay, the dossiers entry is offered
@pytest.mark.parametrize("question", [
    "năm 2023 có bao nhiêu hồ sơ nộp trực tuyến",
    "năm 2023 có bao nhiêu hồ sơ nộp online",
    "Năm 2023 cả nước có bao nhiêu hồ sơ được nộp trực tuyến vậy ạ?",
])
def test_a_year_named_in_passing_drops_no_rival(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert not (answer.confident and answer.entry == "dvc-truc-tuyen-co-mat-phi-khong")
    assert "dvc-ty-le-ho-so-truc-tuyen" in ([answer.entry] if answer.confident else answer.choice_entries)


def test_a_year_inside_a_document_number_or_a_date_is_not_named_as_a_year() -> None:
    assert not names_year_itself("Thông tư 63/2023/TT-BTC thu 90% mức phí từ 1/12/2023", "2023")
    assert names_year_itself("Năm 2023 là Năm Dữ liệu số", "2023")
    assert names_year_itself("đến năm 2030 (2030)", "2030")
    assert not names_year_itself("mã 12023", "2023")
