"""Phrasings a citizen uses that the entries lacked (``content/phrasings/``): what an ordinary person can do to spread
digital transformation, how many stories the ministry published, a short definition asked for."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("message", "entry"), [
    ("kênh kêu gọi mọi người cùng lan tỏa chuyển đổi số, người bình thường làm được việc gì", "cds-nguoi-dan-gop-phan"),
    ("bai viet cua kenh keu goi nguoi dan lam viec don gian de thuc day cds, vay la viec gi", "cds-nguoi-dan-gop-phan"),
    ("Bộ TT&TT đã công bố bao nhiêu câu chuyện chuyển đổi số để các nơi học theo vậy?", "21-cau-chuyen-cds"),
    ("bo tt tt cong bo may cau chuyen chuyen doi so de nhan rong", "21-cau-chuyen-cds"),
    ("cho tui một định nghĩa ngắn gọn về chuyển đổi số nha", "cds-la-gi"),
])
def test_a_plain_need_is_answered(real_kb: KnowledgeBase, message: str, entry: str) -> None:
    answer = real_kb.answer(message)
    assert answer.confident and answer.entry == entry
