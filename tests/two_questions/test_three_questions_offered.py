"""Three questions or more in one message: the first answered, every later one asked in turn offered
(``bot.kb.further_questions``), up to the quick-reply limit, in the message's order."""

from __future__ import annotations

import pytest

from bot.kb.decision import SUGGESTIONS
from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit

_SET_UP, _MEMBERS, _TASKS = "tcns-ai-thanh-lap", "tcns-thanh-vien", "tcns-nhiem-vu"


@pytest.mark.parametrize("question", [
    # one sentence, three questions cut at commas
    "Ai ra quyết định thành lập tổ, trong tổ gồm những ai, tổ làm những việc gì?",
    # a context sentence before them
    "Ấp tôi muốn lập tổ công nghệ số cộng đồng. Ai ra quyết định thành lập tổ, trong tổ gồm những ai, tổ làm "
    "những việc gì?",
    # three sentences, the later ones short follow-ups that name no subject of their own
    "Tổ công nghệ số cộng đồng do ai thành lập? Gồm những ai? Làm những việc gì?",
])
def test_the_third_question_is_offered_after_the_second(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == _SET_UP
    assert answer.choice_entries[:2] == [_MEMBERS, _TASKS]
    assert len(answer.choices) == len(answer.choice_entries) <= SUGGESTIONS


def test_two_questions_still_offer_one_entry(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Ai ra quyết định thành lập tổ công nghệ số cộng đồng, trong tổ gồm những ai?")
    assert answer.confident and answer.entry == _SET_UP
    assert answer.choice_entries == [_MEMBERS]


def test_a_later_question_is_offered_once(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Tổ công nghệ số cộng đồng do ai thành lập? Gồm những ai? Thành viên gồm những ai?")
    assert answer.entry == _SET_UP
    assert answer.choice_entries.count(_MEMBERS) == 1
