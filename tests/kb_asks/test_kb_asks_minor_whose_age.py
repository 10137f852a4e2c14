"""Whose age a question names (bot.kb.asks.minor): ``minor`` is a rule of a child's (may a child do a procedure),
not any age nor any mention of children. A limit no child has ("dưới 30 tuổi"), a thing's age ("tổ … đã 3 tuổi") and
a child who only learns or is taught ask no such rule; a child's own procedure still does. Look-alikes written for
these tests, not copied from a dev set."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.kb.asks.minor import asked_minor
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize(("question", "entry"), [
    # children only as the ones who learn: the entry on where to learn speaks to everyone
    ("Trẻ em thì học kỹ năng số ở đâu", "hoc-ky-nang-so-o-dau"),
    # the age of a thing, not a person
    ("Tổ công nghệ số của xã tôi đã 3 tuổi, tổ có nhiệm vụ gì?", "tcns-nhiem-vu"),
])
def test_no_childs_rule_keeps_the_channels_answer(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    assert "minor" not in kinds(question)
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.kind, answer.entry)


@pytest.mark.parametrize("question", [
    "dưới 30 tuổi có được vào tổ công nghệ số không",  # youth, no child
    "người dưới 40 tuổi có phải đi làm định danh mức 2 không",
    "Ứng dụng VNeID ra mắt mới 4 tuổi mà đã nhiều tính năng, ai làm ra nó vậy?",
    "kênh này tròn 2 tuổi rồi, kênh do ai vận hành?",
    "dạy trẻ nhỏ an toàn trên mạng thế nào",
])
def test_an_age_or_a_child_that_asks_no_childs_rule(question: str) -> None:
    assert asked_minor(analyze(question).text, question) == frozenset(), question


@pytest.mark.parametrize("question", [
    "chưa đủ 18 tuổi có làm chữ ký số được không",
    "Trẻ em học kỹ năng số có cần tài khoản VNeID không",  # learning, but a rule of an account asked
    "con tôi 10 tuổi có được cấp tài khoản định danh không",
    "Tớ 12 tuổi, tớ có đăng ký VNeID được không?",
])
def test_a_childs_own_rule_is_still_asked(real_kb: KnowledgeBase, question: str) -> None:
    assert "minor" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry
