"""A first clause that names no subject of its own ("Có làm ở xã được không, chữ ký số cấp ở đâu?", "co lam duoc
tren dien thoai ko, vneid la gi?"): opened by "có / còn / chỉ / đi" (typed with or without marks) and a verb, it
asks about the noun the next clause names. The next clause is the question answered; read alone the first matched
whatever help entry it resembled (review of round 19, H2; ``bot.nlp.introductions.points_forward``)."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.nlp.introductions import points_forward, without_introduction

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("clause", [
    "Có làm ở xã được không", "co lam o xa duoc ko", "Còn làm ở xã không", "Có làm được trên điện thoại không",
    "con lam o buu dien duoc ko", "Đi làm ở đâu", "Chỉ bán trên mạng thôi à",
])
def test_a_clause_opened_by_no_noun_points_forward(clause: str) -> None:
    assert points_forward(clause)


@pytest.mark.parametrize("clause", [
    "Tổ làm những việc gì", "to lam nhung viec gi", "Em làm ở xã", "Có làm ở xã được không?",
    "VNeID có làm ở xã được không",
])
def test_a_clause_with_a_subject_or_its_own_mark_does_not(clause: str) -> None:
    assert not points_forward(clause)


def test_the_clause_with_the_noun_is_the_question() -> None:
    asks = ["Có làm ở xã được không", "chữ ký số cấp ở đâu?"]
    assert without_introduction(asks, asks) == asks[1:]


@pytest.mark.parametrize(("question", "entry"), [
    ("Có làm ở xã được không, chữ ký số cấp ở đâu?", "chu-ky-so-dang-ky-tren-vneid"),
    ("co lam o xa duoc ko, chu ky so dang ky o dau?", "chu-ky-so-dang-ky-tren-vneid"),
    ("Còn làm ở xã không, đăng ký chữ ký số ở đâu?", "chu-ky-so-dang-ky-tren-vneid"),
    ("Có làm trên mạng được không, dịch vụ công trực tuyến toàn trình là gì?", "dvc-toan-trinh-la-gi"),
    ("Có làm được trên điện thoại không, VNeID là gì?", "vneid-la-gi"),
    ("co lam duoc tren dien thoai ko, vneid la gi?", "vneid-la-gi"),
    ("con lam o buu dien duoc ko, dang ky vneid o dau?", "vneid-kich-hoat-muc-2"),
])
def test_the_question_naming_the_subject_is_answered(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and not answer.out_of_scope and answer.entry == entry
