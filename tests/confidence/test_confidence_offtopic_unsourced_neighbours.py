"""Neighbours the KB has no source for are refused by the out-of-scope class; the in-scope questions next to them
are not.

``content/out_of_scope.toml`` holds groups for other countries' and the world's digital economy, world and
international days, one trade's or firm's own digital transformation and a firm's licences and signature token (who
began the industrial revolutions is an ``origin`` asked: tests/kb_asks/test_asks_origin_coined_by_whom.py).
Their phrasings name what makes the request foreign ("Mỹ", "thế giới", "quốc tế", a bank, a shop) and avoid the
words the KB shares with them, so the naive Bayes does not learn those words as out of scope: "cách mạng công
nghiệp lần thứ tư là gì" (Resolution 52), the national day, Viet Nam's digital-economy share and its world
e-government rank stay answered. Messages written for these tests."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text", [
    "Kinh tế số của nước Mỹ chiếm mấy phần trăm GDP vậy?",
    "kinh tế số ở mỹ chiếm mấy phần trăm",
    "ngay chuyen doi so the gioi la ngay may",
    "nuoc my kinh te so chiem bao nhieu phan tram gdp vay",
])
def test_a_foreign_neighbour_gets_no_confident_answer(real_kb: KnowledgeBase, text: str) -> None:
    answer = real_kb.answer(text)
    assert not answer.confident, answer.entry


@pytest.mark.parametrize(("text", "entry"), [
    ("cách mạng công nghiệp lần thứ tư là gì", "ct-nghi-quyet-52"),
    ("Việt Nam có chủ trương gì để tham gia cách mạng công nghiệp lần thứ tư?", "ct-nghi-quyet-52"),
    ("ngày chuyển đổi số là ngày mấy", "ngay-cds-la-ngay-nao"),
    ("kinh tế số nước ta chiếm bao nhiêu phần trăm gdp", "kinh-te-so-ty-trong-hien-nay"),
    ("việt nam xếp thứ mấy thế giới về chính phủ điện tử", "ct-xep-hang-egdi-2024"),
    ("Đăng ký chữ ký số cá nhân trên VNeID có mất phí không?", "chu-ky-so-dang-ky-tren-vneid"),
])
def test_the_in_scope_neighbours_keep_their_answers(real_kb: KnowledgeBase, text: str, entry: str) -> None:
    answer = real_kb.answer(text)
    assert answer.confident and answer.entry == entry, (answer.kind, answer.entry)
