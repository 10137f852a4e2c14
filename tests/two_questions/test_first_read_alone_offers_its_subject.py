"""The first of two questions decided again as if sent alone (``bot.kb.first_alone``) keeps the offer on its
subject (review of round 20, M2): a follow-up that names no subject ("…, mục tiêu là gì ạ?", "…, tầm nhìn đến năm
nào?") is not offered another subject's entry (the national programme's goals or vision), a follow-up that names
its own ("…, VNeID là gì?") is offered, not dropped, and a first clause asking two years stays two questions."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit

_PROJECT_06 = "de-an-06-la-gi"
_PROGRAMME = {"ct-muc-tieu-kep", "ct-tam-nhin-2030", "ct-muc-tieu-2030", "ct-749-la-gi"}


@pytest.mark.parametrize("question", [
    "Đề án 06 triển khai giai đoạn nào, mục tiêu là gì ạ?",
    "de an 06 trien khai giai doan nao, muc tieu la gi",
    "Đề án 06 triển khai trong giai đoạn nào, tầm nhìn đến năm nào?",
])
def test_a_follow_up_naming_no_subject_is_offered_no_other_subject(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    shown = set(answer.choice_entries) | {answer.entry}
    assert not shown & _PROGRAMME
    assert _PROJECT_06 in shown
    topics = {real_kb.by_id[e].topic for e in shown if e}
    assert topics == {real_kb.by_id[_PROJECT_06].topic}


def test_marks_or_none_offer_the_same(real_kb: KnowledgeBase) -> None:
    marked = real_kb.answer("Đề án 06 triển khai giai đoạn nào, mục tiêu là gì ạ?")
    plain = real_kb.answer("de an 06 trien khai giai doan nao, muc tieu la gi")
    assert (marked.entry, marked.choice_entries) == (plain.entry, plain.choice_entries)


def test_a_follow_up_naming_its_own_subject_is_offered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Tổ làm những việc gì, VNeID là gì?")
    assert answer.confident and answer.entry == "tcns-nhiem-vu"
    assert answer.choice_entries[:1] == ["vneid-la-gi"]


def test_two_years_asked_in_the_first_clause_keep_the_other_year_reachable(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Năm 2025 và 2030 phổ cập 5G thế nào, có EGDI không?")
    assert "ct-muc-tieu-2030" in set(answer.choice_entries) | {answer.entry}


def test_one_talk_is_answered_and_offered_as_before(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Tổ làm những việc gì, tổ gồm những ai?")
    assert answer.confident and answer.entry == "tcns-nhiem-vu"
    assert answer.choice_entries[:1] == ["tcns-thanh-vien"]


def test_a_one_syllable_follow_up_said_whole_still_borrows_the_subject(real_kb: KnowledgeBase) -> None:
    # "mấy tỉnh thế" is a phrasing of the provinces' entry, but it asks how many provinces had the teams
    answer = real_kb.answer("ad ơi hồi 2022 cả nc lập đc bn tổ công nghệ số cộng đồnng rồi nhỉ, mấy tỉnh thế")
    assert answer.confident and answer.entry == "tcns-so-luong"
    assert "chinh-quyen-hai-cap-2025" not in answer.choice_entries
