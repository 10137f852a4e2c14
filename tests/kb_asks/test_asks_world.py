"""Facts of the world outside the channel (bot.kb.asks.world): a storm's or the weather's own facts. Look-alikes
written for these tests, not copied from a dev set.

The KB names the 2025 storm only as the reason the Digital Transformation Day moved: a storm told as a cause asks none
of its facts, and keeps the answer.
"""

from __future__ import annotations

import re

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.nlp.normalize import analyze


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize("question", [
    "Bão số 10 năm 2025 đổ bộ vào tỉnh nào, thiệt hại ra sao?",
    "Cơn bão số 3 năm 2024 gây thiệt hại bao nhiêu người?",
    "Lũ lụt miền Trung năm 2025 làm chết bao nhiêu người?",
    "Thời tiết Đà Nẵng ngày mai có mưa không?",
    "Động đất ở Kon Tum mấy độ richter vậy ad?",
])
def test_a_storms_or_the_weathers_own_facts_are_a_disaster_asked(real_kb: KnowledgeBase, question: str) -> None:
    assert "disaster" in kinds(question)
    assert not real_kb.answer(question).confident


@pytest.mark.parametrize("question", [
    "Ngày chuyển đổi số 2025 bị hoãn vì bão phải không?",
    "Năm nay nghe nói dời ngày vì bão. Năm 2025 ngày chuyển đổi số tổ chức ngày nào?",
    "Vì sao năm 2025 ngày chuyển đổi số lùi sang 21/10, có phải do bão số 10 không?",
])
def test_a_storm_named_as_the_reason_the_day_moved_keeps_the_answer(real_kb: KnowledgeBase, question: str) -> None:
    """The KB names the 2025 storm as the reason the day moved: a storm told as a cause asks none of its facts."""
    assert "disaster" not in kinds(question)
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "ngay-cds-2025-ngay-to-chuc"


@pytest.mark.parametrize(("question", "entry"), [
    ("Chỉ số EGDI của Việt Nam năm 2024 là thứ mấy trên thế giới?", "ct-xep-hang-egdi-2024"),
    ("Chỉ thấy nói VNeID mức 2 có được dùng thay CCCD không?", "vneid-kich-hoat-muc-2"),
    ("Ngày Chuyển đổi số quốc gia năm 2025 bị dời vì mưa bão gây ngập à?", "ngay-cds-2025-ngay-to-chuc"),
])
def test_review_13_questions_keep_their_answers(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    """A rank asked "là thứ mấy trên thế giới" (M1), the adverb "chỉ thấy" (M2), a compound storm cause (M3)."""
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry


def test_a_compound_storm_cause_asks_no_disaster() -> None:
    assert "disaster" not in kinds("Ngày Chuyển đổi số quốc gia năm 2025 bị dời vì mưa bão gây ngập à?")
    assert "disaster" not in kinds("Ngày chuyển đổi số năm 2025 dời lại do bão lũ làm ngập nhiều nơi hả ad?")
    assert "disaster" in kinds("Vì mưa bão mà Huế ngập, bão số 10 đổ bộ vào tỉnh nào?")


def test_the_storm_check_finds_the_causes_once_per_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    """P1: the causes are scanned once per sentence, not once per event word, so the check is linear in the
    sentence ("bão, " × 500 rescanned the whole sentence 500 times)."""
    from bot.kb.asks import world

    scans = []

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def finditer(self, text: str):  # noqa: ANN202 - a stand-in for re.Pattern.finditer
            scans.append(len(text))
            return self.pattern.finditer(text)

    monkeypatch.setattr(world, "_EVENT_AS_CAUSE", Counting(world._EVENT_AS_CAUSE))
    assert world._asks_event("bão, " * 500 + "thiệt hại")
    assert len(scans) <= 1
    scans.clear()
    assert not world._asks_event("hoãn vì bão, " * 300 + "ngập")
    assert len(scans) == 1
