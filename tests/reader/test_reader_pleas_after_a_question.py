"""The commonest pleas after a question ("có ai biết không ạ", "ai giải thích giúp em với", "ai trả lời giúp với")
ask no topic of their own (``bot.kb.tails``), while "Có hướng dẫn không?" asks for the how-to: a second question
whose entry is offered.
"""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.tails import only_asks_answer

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text", [
    "có ai biết không ạ",
    "ai biết ko",
    "ai biết không",
    "ai giải thích giúp em với",
    "ai trả lời giúp với",
])
def test_a_common_plea_asks_no_topic(text: str) -> None:
    assert only_asks_answer(text)


@pytest.mark.parametrize("text", ["Có hướng dẫn không?", "có hướng dẫn ko"])
def test_asking_for_instructions_is_a_question(text: str) -> None:
    assert not only_asks_answer(text)


@pytest.mark.parametrize("question, entry", [
    ("VNeID là gì? có ai biết không ạ", "vneid-la-gi"),
    ("VNeID là gì? ai giải thích giúp em với", "vneid-la-gi"),
    ("Kênh này có phải của nhà nước không? ai trả lời giúp với", "kenh-ai-van-hanh"),
])
def test_nothing_is_offered_for_a_plea(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry and not answer.choice_entries


def test_the_how_to_asked_after_is_offered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Chữ ký số là gì? Có hướng dẫn không?")
    assert answer.confident and answer.entry == "chu-ky-so-la-gi"
    assert "chu-ky-so-dang-ky-tren-vneid" in answer.choice_entries
