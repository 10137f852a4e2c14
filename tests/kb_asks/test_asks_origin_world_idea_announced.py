"""Where a world-wide idea was announced (``origin``, bot.kb.asks.world): "… cách mạng công nghiệp lần thứ tư được
công bố ở hội nghị nào", "CMCN 4.0 được giới thiệu tại diễn đàn nào". The KB names Resolution 52 on the Fourth
Industrial Revolution, never the forum where the idea was first made known: not answered with confidence. Where the
channel's own things were announced stays no origin. Messages written for these tests."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize("question", [
    "Cách mạng công nghiệp lần thứ tư được công bố ở hội nghị nào?",
    "CMCN 4.0 được giới thiệu tại diễn đàn nào vậy ad",
    "cach mang cong nghiep 4.0 duoc cong bo lan dau tai hoi nghi nao",
])
def test_where_a_world_idea_was_announced_is_asked_and_not_answered(real_kb: KnowledgeBase, question: str) -> None:
    assert "origin" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry


@pytest.mark.parametrize("question", [
    "Ngày chuyển đổi số được công bố tại hội nghị nào?",
    "Chương trình chuyển đổi số quốc gia được công bố tại hội nghị nào?",
    "Nghị quyết 52 về cách mạng công nghiệp lần thứ tư là gì?",
])
def test_the_channels_own_things_announced_are_no_origin(question: str) -> None:
    assert "origin" not in kinds(question)


@pytest.mark.parametrize("question", [
    # review 18, M4: the resolution's own name holds the world idea; announced where, it asks about the resolution
    "Nghị quyết 52 về cách mạng công nghiệp lần thứ tư được công bố ở hội nghị nào?",
    "Nghị quyết 52 về cmcn 4.0 được công bố tại hội nghị nào vậy ad",
    "Nghị quyết về cách mạng công nghiệp lần thứ tư được giới thiệu tại hội nghị nào?",
])
def test_the_channels_own_document_announced_is_answered(real_kb: KnowledgeBase, question: str) -> None:
    assert "origin" not in kinds(question)
    assert real_kb.answer(question).confident


@pytest.mark.parametrize("question", [
    # review 18, M5: the same question said otherwise — where, when, first mentioned
    "Cách mạng công nghiệp lần thứ tư được công bố ở đâu?",
    "Cách mạng công nghiệp lần thứ tư được công bố năm nào?",
    "Cách mạng công nghiệp lần thứ tư được nhắc đến lần đầu tại diễn đàn nào?",
    "cmcn 4.0 xuat hien lan dau khi nao",
])
def test_where_or_when_a_world_idea_was_first_made_known_is_not_answered(real_kb: KnowledgeBase,
                                                                        question: str) -> None:
    assert "origin" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry
