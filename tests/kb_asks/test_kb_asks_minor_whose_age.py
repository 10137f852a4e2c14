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
    "Đề án 06 đã 4 tuổi, đề án 06 là gì",
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


@pytest.mark.parametrize(("question", "entry"), [
    # a thing's age told tightly: the thing, who holds it, how old it got
    ("Tổ công nghệ số của phường mình mới thành lập 2 tuổi, tổ có nhiệm vụ gì", "tcns-nhiem-vu"),
    ("Đề án 06 đã 4 tuổi rồi, đề án 06 là gì vậy", "de-an-06-la-gi"),
    # where a child learns: the entry on where to learn speaks to everyone
    ("trẻ em muốn học kỹ năng số thì hỏi ai", "hoc-ky-nang-so-o-dau"),
])
def test_a_things_age_or_where_to_learn_keeps_the_answer(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    assert "minor" not in kinds(question)
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.kind, answer.entry)


@pytest.mark.parametrize("question", [
    # a pupil ("học sinh") is a child, not one who learns; joining and "có thể" are a child's rule (review, H1)
    "Học sinh 16 tuổi có thể vào làm thành viên tổ công nghệ số không",
    "học sinh 15 tuổi muốn tham gia tổ công nghệ số cộng đồng thì thế nào",
    # a child taught or kept safe online: no entry speaks of children's safety (review, H2)
    "Trẻ em học online có an toàn không",
    "dạy con 10 tuổi dùng điện thoại an toàn thế nào",
    "Dạy trẻ em cách nhận biết lừa đảo qua mạng như thế nào",
    "dạy trẻ nhỏ an toàn trên mạng thế nào",
    # a person's age after a vocative, an app or "chuyển đổi số" (review, H3): not the thing's
    "Kênh ơi mình 15 tuổi thì đăng ký chữ ký số trên VNeID thế nào",
    "Trong chuyển đổi số, 16 tuổi có được đăng ký chữ ký số trên VNeID không",
    "Ứng dụng VNeID cho phép 15 tuổi đăng ký chữ ký số không",
    "Con gái tôi tên Trang 12 tuổi có làm VNeID được không",
    "App VNeID có đăng ký được cho dưới 14 tuổi không",
    "Chào kênh, tớ 13 tuổi thì làm tài khoản định danh được không",
])
def test_a_child_named_beside_a_thing_or_a_lesson_is_still_a_child(real_kb: KnowledgeBase, question: str) -> None:
    assert "minor" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry
