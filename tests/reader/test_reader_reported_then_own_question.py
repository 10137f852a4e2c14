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


# Review of round 18 (H2): what the asker says they do not know is no question of theirs, and "con tôi" is the asker's
# child: the reported question is the only one asked, and it is answered
@pytest.mark.parametrize(("message", "entry"), [
    ("Bà con hỏi tổ công nghệ số là gì, tôi biết đâu mà trả lời.", "tcns-la-gi"),
    ("ba con hoi to cong nghe so la gi, toi biet dau ma tra loi", "tcns-la-gi"),
    ("Bà con hỏi tổ công nghệ số là gì, tôi biết đâu mà trả lời, kênh giải thích giúp.", "tcns-la-gi"),
    ("Mọi người hỏi ngày chuyển đổi số là ngày nào, em biết đâu mà trả lời.", "ngay-cds-la-ngay-nao"),
    ("Con tôi hỏi chữ ký số là gì, con tôi muốn biết đăng ký ở đâu", "chu-ky-so-la-gi"),
])
def test_a_reported_question_is_kept_when_the_asker_only_says_what_they_know(real_kb: KnowledgeBase, message: str,
                                                                             entry: str) -> None:
    answer = real_kb.answer(message)
    assert answer.confident and answer.entry == entry


@pytest.mark.parametrize("message", [
    "Bà con hỏi tổ công nghệ số là gì, tôi biết đâu mà trả lời.",
    "Mọi người hỏi VNeID là gì, em biết sơ sơ thôi.",
    "Con tôi hỏi chữ ký số là gì, con tôi muốn biết đăng ký ở đâu",
])
def test_knowing_or_the_askers_child_is_no_own_question(message: str) -> None:
    asks = clauses(message)
    assert unreported(asks) == asks


def test_an_unmarked_con_still_opens_the_askers_own_question() -> None:
    asks = clauses("ba con hoi to cong nghe so la gi, con toi muon hoi to do do ai lap")
    assert len(unreported(asks)) == len(asks) - 1
