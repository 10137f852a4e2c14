"""A story before a question that names its own subject may pull the whole message's ranking (and so the question's
gate) to an entry that explains only part of the question: the question is then read alone, and its own confident
answer, explaining clearly more of it, is taken (``bot.kb.story_pull``). A gated answer that explains the question,
or a question pointing back at the story ("Tổ đó …"), keeps the gated reading."""

from __future__ import annotations

import dataclasses

import pytest

from bot.kb.decision import confident
from bot.kb.engine import KnowledgeBase
from bot.kb.several import Decided
from bot.kb.story_pull import EXPLAINED, question_own
from bot.kb.texts import Texts

pytestmark = pytest.mark.unit

_QUESTION = ("Xin hỏi Chương trình Chuyển đổi số quốc gia có đặt mục tiêu gì về doanh nghiệp công nghệ số Việt Nam "
             "không?")
_STORY = "Cháu tôi làm phần mềm, hay kể chuyện cạnh tranh với nước ngoài. " + _QUESTION


def _gated(kb: KnowledgeBase, texts: Texts, question: str, entry: str, coverage: float) -> Decided:
    """A gated reading answering ``entry`` with ``coverage`` of the question, as a story's ranking would give it."""
    hits = kb.index.hits(texts.query(question), k=10)
    hit = dataclasses.replace(next(h for h in hits if h.entry.id == entry), coverage=coverage)
    return confident(hit, kb.messages, question, 0.3), [hit]


def test_the_question_alone_answers_what_the_story_pulled_away(real_kb: KnowledgeBase) -> None:
    texts = Texts(real_kb.index, real_kb.intent, _STORY)
    gated = _gated(real_kb, texts, _QUESTION, "ct-xep-hang-quoc-te-muc-tieu", 0.7)
    own = question_own(texts, _QUESTION, gated, lambda q: real_kb.decide(texts, q))
    assert own is not None and own[0].confident and own[0].entry == "ct-muc-tieu-kep"


def test_a_gated_answer_explaining_the_question_stands(real_kb: KnowledgeBase) -> None:
    texts = Texts(real_kb.index, real_kb.intent, _STORY)
    gated = _gated(real_kb, texts, _QUESTION, "ct-xep-hang-quoc-te-muc-tieu", EXPLAINED)
    assert question_own(texts, _QUESTION, gated, lambda q: real_kb.decide(texts, q)) is None


def test_a_question_pointing_back_keeps_the_story(real_kb: KnowledgeBase) -> None:
    question = "Vậy tổ đó gồm những ai?"
    texts = Texts(real_kb.index, real_kb.intent, "Thôn tôi mới lập tổ công nghệ số cộng đồng. " + question)
    gated = _gated(real_kb, texts, question, "tcns-thanh-vien", 0.5)
    assert question_own(texts, question, gated, lambda q: real_kb.decide(texts, q)) is None
