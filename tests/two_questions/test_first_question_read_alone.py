"""Two questions, the first read unsure inside the message but answered when sent alone ("Tổ làm những việc gì?"):
it is decided again with the intent reader reading it as the message it would be alone (``bot.kb.first_alone``),
so the first question is answered and the next offered (issue 12), not the second answered first."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit

_TASKS, _MEMBERS = "tcns-nhiem-vu", "tcns-thanh-vien"


@pytest.mark.parametrize("question", [
    "Tổ làm những việc gì, tổ gồm những ai?",
    "Tổ làm những việc gì. Tổ gồm những ai?",
    "Tổ công nghệ số cộng đồng làm những việc gì? Gồm những ai?",
    "to cong nghe so lam gi, gom nhung ai?",
    "Tổ công nghệ số làm gì vậy, trong tổ có ai?",
])
def test_what_the_team_does_is_answered_and_who_is_in_it_offered(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == _TASKS
    assert answer.choice_entries[:1] == [_MEMBERS]


def test_the_other_order_answers_the_members_first(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Tổ gồm những ai, tổ làm những việc gì?")
    assert answer.confident and answer.entry == _MEMBERS
    assert answer.choice_entries[:1] == [_TASKS]


def test_the_first_question_alone_is_read_as_before(real_kb: KnowledgeBase) -> None:
    # the reader reads a clause of a message only in the case above: alone, the question was already answered
    assert real_kb.answer("Tổ làm những việc gì?").entry == _TASKS
    answer = real_kb.answer("Tổ làm những việc gì")
    assert answer.confident and answer.entry == _TASKS
