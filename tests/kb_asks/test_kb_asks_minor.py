"""A child asked about (bot.kb.asks.minor): whether or how a child may do something is a rule no entry states.
Look-alikes written for these tests, not copied from a dev set (dev16a's are measured by ``dxbot kb eval``)."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.kb.asks.minor import asked_minor, provided_minor
from bot.nlp.normalize import analyze, fold

pytestmark = pytest.mark.unit


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize("question", [
    "Bé nhà em 8 tuổi có đăng ký định danh điện tử mức 2 được không ạ?",
    "con toi 12 tuoi lam vneid muc 2 duoc ko",
    "trẻ dưới 14 tuổi có được cấp tài khoản định danh điện tử không",
    "Cho con 9 tuổi đi đăng ký tài khoản định danh mức 2 có được không ad",
])
def test_a_child_asked_about_is_a_kind_no_entry_gives(real_kb: KnowledgeBase, question: str) -> None:
    assert "minor" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry


@pytest.mark.parametrize(("question", "entry"), [
    # the asker's age told in a sentence that does not ask, then a question of the channel
    ("Em mới 15 tuổi, vừa làm căn cước xong. Giờ em muốn làm định danh mức 2 thì đi đâu ạ?", "vneid-kich-hoat-muc-2"),
    # an adult's age is no child's
    ("Bố tôi 72 tuổi, đăng ký định danh điện tử mức 2 ở đâu?", "vneid-kich-hoat-muc-2"),
    ("đăng ký định danh điện tử mức 2 ở đâu", "vneid-kich-hoat-muc-2"),
])
def test_the_channels_own_questions_near_them_keep_their_answers(real_kb: KnowledgeBase, question: str,
                                                                 entry: str) -> None:
    assert "minor" not in kinds(question)
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.kind, answer.entry)


def test_a_short_follow_up_asks_of_the_child_too(real_kb: KnowledgeBase) -> None:
    """"…, làm ở đâu?" after a child's question asks where *the child* registers (bot.kb.follow_up)."""
    answer = real_kb.answer("Cháu nó mới 11 tuổi thì có làm tài khoản định danh điện tử được không, làm ở đâu?")
    assert not answer.confident, answer.entry
    assert "vneid-kich-hoat-muc-2" in answer.choice_entries  # still offered


def test_an_answer_that_speaks_of_children_gives_the_kind() -> None:
    assert provided_minor(fold("Trẻ em dưới 14 tuổi được cấp tài khoản qua người đại diện.")) == {"minor"}
    assert provided_minor(fold("Người cao tuổi được tổ công nghệ số hướng dẫn tại nhà.")) == frozenset()
    for question in ("mẹ tôi 70 tuổi làm vneid được không",
                     "Bà nội con nhờ con hỏi giùm: tổ công nghệ số cộng đồng là gì ạ?",  # "nhờ" folds to "nhỏ"
                     "Mấy đứa nhỏ trong xóm nói kinh tế số là gì, tui không hiểu?"):  # the kids told it
        assert asked_minor(analyze(question).text, question) == frozenset(), question


def test_no_phrasing_of_the_kb_asks_of_a_child(real_kb: KnowledgeBase) -> None:
    found = [(e.id, t) for e in real_kb.entries
             for t in (e.title, *e.questions, *e.keywords, *real_kb.phrasings.get(e.id, ()))
             if asked_minor(analyze(t).text, t)]
    assert found == []
