"""One fact asked of two years, naming an index by its short name ("EGDI"): only an entry that writes that name and
states both years answers it (``bot.kb.both_years``); an entry stating another index's targets for the same years
is neither answered nor weighed against it."""

from __future__ import annotations

import pytest

from bot.kb.both_years import asked_names, says_names
from bot.kb.engine import KnowledgeBase
from bot.kb.years import lists_both, states_both

pytestmark = pytest.mark.unit

_RANKINGS, _CYBER = "ct-xep-hang-quoc-te-muc-tieu", "muc-tieu-an-toan-an-ninh-mang"


@pytest.mark.parametrize("question", [
    "Mục tiêu EGDI năm 2025 và 2030 là top mấy?",
    "EGDI năm 2025 với năm 2030 mục tiêu top mấy vậy",
    "Việt Nam đặt mục tiêu chỉ số EGDI năm 2025 và 2030 vào top bao nhiêu?",
])
def test_the_entry_writing_the_name_and_both_years_answers(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == _RANKINGS


def test_another_index_of_the_same_years_is_not_answered(real_kb: KnowledgeBase) -> None:
    assert real_kb.answer("EGDI năm 2025 với năm 2030 mục tiêu top mấy vậy").entry != _CYBER
    # its own index asked, it answers as before
    answer = real_kb.answer("An toàn an ninh mạng năm 2025 và 2030 mục tiêu top mấy?")
    assert answer.confident and answer.entry == _CYBER


def test_the_short_name_is_read_however_typed(real_kb: KnowledgeBase) -> None:
    hits = real_kb.search("muc tieu egdi nam 2025 va 2030 la top may", k=3)
    assert asked_names("muc tieu egdi nam 2025 va 2030 la top may", hits) == {"egdi"}
    assert says_names(real_kb.by_id[_RANKINGS], frozenset({"egdi"}))
    assert not says_names(real_kb.by_id[_CYBER], frozenset({"egdi"}))
    assert asked_names("Mục tiêu chính phủ số năm 2025 và 2030 là gì?", hits) == frozenset()



@pytest.mark.parametrize("question", [
    "Mục tiêu xếp hạng Chính phủ điện tử EGDI của Liên Hợp Quốc năm 2025 và năm 2030 là bao nhiêu?",
    "chỉ số EGDI của LHQ, VN đặt mục tiêu đứng nhóm mấy năm 2025 và 2030 vậy",
])
def test_an_answer_of_one_year_gives_way_to_an_entry_writing_the_name(real_kb: KnowledgeBase, question: str) -> None:
    # the first was answered confidently with the 2025 e-government targets (EGDI for 2025 only), nothing offered
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry in {_RANKINGS, "ct-xep-hang-egdi-2024"}
    said = real_kb.by_id[answer.entry].answer
    assert states_both(said, ("2025", "2030")) or lists_both(said, ("2025", "2030"))
