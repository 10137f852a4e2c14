"""An entry whose own title and phrasings claim another year is no confident answer to a year a close runner-up
claims (``bot.kb.year_claims``): "… theo quyết định 749 đặt mục tiêu kinh tế số chiếm bao nhiêu phần trăm GDP vào năm
2025 …" ranked the 2030 share-of-GDP entry (which names another plan's 2025 figure in passing) a hair over the
programme's 2025 digital-economy targets, and answered it with confidence."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.year_claims import claimed_elsewhere, claims

pytestmark = pytest.mark.unit

_2025 = "ct-2025-kinh-te-so"
_2030 = "ct-kinh-te-so-30-gdp-2030"


@pytest.mark.parametrize("question", [
    "Cho hỏi chương trình chuyển đổi số quốc gia theo quyết định 749 đặt mục tiêu kinh tế số chiếm bao nhiêu phần "
    "trăm GDP vào năm 2025? Năng suất lao động tăng bao nhiêu mỗi năm?",
    "chuong trinh chuyen doi so quoc gia theo quyet dinh 749 dat muc tieu kinh te so chiem bao nhieu phan tram GDP "
    "vao nam 2025, nang suat lao dong tang bao nhieu moi nam",
])
def test_the_entry_claiming_the_year_asked_answers(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == _2025
    assert _2030 in answer.choice_entries  # the other year's entry is still offered


@pytest.mark.parametrize("question", [
    "Kinh tế số chiếm bao nhiêu phần trăm GDP vào năm 2030?",
    "kinh te so nam 2030 chiem bao nhieu phan tram gdp",
])
def test_the_entry_claiming_its_own_year_still_answers(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == _2030


def test_only_a_close_runner_up_claiming_the_year_asked_holds_it_back(real_kb: KnowledgeBase) -> None:
    hits = real_kb.search("chuong trinh chuyen doi so quoc gia theo quyet dinh 749 dat muc tieu kinh te so chiem bao "
                          "nhieu phan tram GDP vao nam 2025")
    by_id = {h.entry.id: h for h in hits}
    assert "2030" in claims(by_id[_2030].entry) and "2025" not in claims(by_id[_2030].entry)
    assert "2025" in claims(by_id[_2025].entry)
    pair = [by_id[_2030], by_id[_2025]]
    assert claimed_elsewhere(pair, frozenset({"year:2025"}))
    assert not claimed_elsewhere(pair, frozenset({"year:2030"}))  # the top entry claims the year asked
    assert not claimed_elsewhere(pair, frozenset({"percent"}))  # no year asked
    assert not claimed_elsewhere(pair[::-1], frozenset({"year:2025"}))
    assert not claimed_elsewhere(pair, frozenset({"year:2025", "year:2030"}))  # two years: bot.kb.years' business
