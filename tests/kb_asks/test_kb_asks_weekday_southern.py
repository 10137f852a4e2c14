"""A weekday asked with the Southern "vô" for "vào" (bot.kb.asks.dates): "rơi vô thứ mấy". Look-alikes written for
these tests, not copied from a dev set."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize("question", [
    "Năm sau ngày 10/10 rơi vô thứ mấy vậy?",
    "ngay chuyen doi so nam 2026 roi vo thu may z",
    "Bữa 10/10 năm nay trúng vô thứ mấy hả ad?",
])
def test_a_weekday_asked_with_vo_needs_an_entry_that_names_one(real_kb: KnowledgeBase, question: str) -> None:
    assert "weekday" in kinds(question)
    assert not real_kb.answer(question).confident


def test_a_wife_is_no_weekday() -> None:
    assert "weekday" not in kinds("Ông ấy có vợ thứ mấy rồi?")


# Review of round 18 (M4): "ngày" before "thứ", and the Southern "dô / zô", after any of the verbs
@pytest.mark.parametrize("question", [
    "Ngày chuyển đổi số năm nay rơi vào ngày thứ mấy?",
    "10/10 năm nay rơi dô thứ mấy",
    "ngay cds nam nay roi zo thu may vay ad",
    "Năm sau 10/10 nhằm vô ngày thứ mấy?",
])
def test_a_weekday_asked_in_other_words_needs_an_entry_that_names_one(real_kb: KnowledgeBase, question: str) -> None:
    assert "weekday" in kinds(question)
    assert not real_kb.answer(question).confident
