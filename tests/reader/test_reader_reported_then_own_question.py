"""A question someone else asked ("bà con hỏi …", "hàng xóm hỏi …"), then the asker's own ("…, còn tôi muốn hỏi …",
"Tôi thì hỏi …"): the asker's question is answered, the reported one is the story — neither answered nor offered
(``bot.kb.reported``). Messages written for these tests."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.reported import unreported
from bot.nlp.clauses import clauses

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("message", "entry", "reported_entry"), [
    ("Bà con hỏi tổ công nghệ số là gì, còn tôi muốn hỏi tổ đó do ai lập?", "tcns-ai-thanh-lap", "tcns-la-gi"),
    ("Bà con có hỏi VNeID là gì, tôi thì hỏi tài khoản định danh mức 2 đăng ký ở đâu?", "vneid-kich-hoat-muc-2",
     "vneid-la-gi"),
    ("Hàng xóm hỏi tôi cổng dịch vụ công là gì. Tôi muốn hỏi cổng đó khai trương ngày nào?", "dvcqg-ra-doi",
     "dvcqg-la-gi"),
])
def test_the_askers_own_question_is_answered_and_the_reported_one_dropped(real_kb: KnowledgeBase, message: str,
                                                                         entry: str, reported_entry: str) -> None:
    answer = real_kb.answer(message)
    assert answer.confident and answer.entry == entry
    assert reported_entry not in answer.choice_entries


@pytest.mark.parametrize("message", [
    "Tổ công nghệ số là gì, còn tôi muốn hỏi tổ đó do ai lập?",  # the asker asks both
    "Tôi hỏi tổ công nghệ số là gì, còn em muốn biết tổ do ai lập?",
])
def test_the_askers_own_two_questions_are_both_kept(message: str) -> None:
    assert len(unreported(clauses(message))) == 2


def test_the_folk_are_others_whoever_follows() -> None:
    kept = unreported(clauses("Bà con có hỏi VNeID là gì, tôi thì hỏi tài khoản định danh mức 2 đăng ký ở đâu?"))
    assert len(kept) == 1 and kept[0].startswith("tôi thì hỏi")
