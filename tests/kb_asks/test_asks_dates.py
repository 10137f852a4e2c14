"""Dates asked (bot.kb.asks.dates): a weekday, not a rank nor an ordinal. Look-alikes written for these tests, not
copied from a dev set (the older date kinds are tested in tests/test_kb_asks.py).
"""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.nlp.normalize import analyze


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize("question", [
    "Ngày 10/10 năm 2025 là thứ mấy?",
    "Ngày chuyển đổi số năm 2026 rơi vào thứ mấy vậy ad",
    "21/10/2025 nhằm thứ mấy rứa",
])
def test_a_weekday_asked_needs_an_entry_that_names_one(real_kb: KnowledgeBase, question: str) -> None:
    assert "weekday" in kinds(question)
    assert not real_kb.answer(question).confident


def test_a_rank_or_an_ordinal_is_no_weekday() -> None:
    assert "weekday" not in kinds("Năm 2024 Việt Nam xếp hạng chính phủ điện tử là thứ mấy?")
    assert "weekday" not in kinds("Năm 2022 là năm thứ mấy của công cuộc chuyển đổi số?")
    assert "weekday" not in kinds("Ngày chuyển đổi số năm 2025 là lần thứ mấy được tổ chức?")


def test_a_rank_where_it_ranks_is_no_weekday_and_only_is_no_sister() -> None:
    assert "weekday" not in kinds("Việt Nam là thứ mấy trong ASEAN về chính phủ số?")
    assert "weekday" not in kinds("Chỉ số EGDI của Việt Nam năm 2024 là thứ mấy trên thế giới?")
    assert "opinion" not in kinds("Chỉ thấy nói VNeID mức 2 có được dùng thay CCCD không?")
    assert "opinion" in kinds("Chị thấy VNeID mức 2 có dễ dùng không?")
    assert "opinion" in kinds("chi thay app VNeID co tot khong")
