"""In-scope neighbours of requests the KB has no source for keep their answers: what the fourth industrial
revolution is (Resolution 52), the national day, Viet Nam's digital-economy share and its world e-government rank, a
citizen's own signature. Guards any out-of-scope group for other countries, world days, trades or firms' licences
(docs/qa-history/round-21-outside-neighbours.md). Messages written for these tests."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit


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
