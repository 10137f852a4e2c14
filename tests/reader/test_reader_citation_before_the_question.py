"""The source the asker cites before the question ("Theo loa xã thông báo thì …", "Nghe đài nói …") is context: the
question after it is what is ranked (``bot.kb.citations``). Messages written for these tests."""

from __future__ import annotations

import pytest

from bot.kb.citations import without_citation
from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("message", "entry"), [
    ("theo loa xa thong bao thi to cong nghe so lam gi", "tcns-nhiem-vu"),
    ("Theo loa ấp thông báo thì tổ công nghệ số làm những gì vậy?", "tcns-nhiem-vu"),
])
def test_the_question_after_a_cited_source_is_answered(real_kb: KnowledgeBase, message: str, entry: str) -> None:
    answer = real_kb.answer(message)
    assert answer.confident and answer.entry == entry


@pytest.mark.parametrize(("message", "question"), [
    ("Theo như loa xã đọc sáng nay thì VNeID mức 2 đăng ký ở đâu?", "VNeID mức 2 đăng ký ở đâu?"),
    ("theo dai truyen hinh thi chuyen doi so co may tru cot", "chuyen doi so co may tru cot"),
    ("Nghe đài phát thanh nói thì cổng dịch vụ công ra đời năm nào?", "cổng dịch vụ công ra đời năm nào?"),
    ("Hôm qua nghe cán bộ xã nói là tổ công nghệ số do xã lập, đúng không?", "tổ công nghệ số do xã lập, đúng không?"),
])
def test_a_citation_is_taken_off_the_question(message: str, question: str) -> None:
    assert without_citation(message) == question


@pytest.mark.parametrize("message", [
    "Theo Quyết định 505 thì ngày chuyển đổi số là ngày nào?",  # the document asked about
    "Theo kế hoạch thì năm 2025 có bao nhiêu tổ công nghệ số?",
    "Theo báo cáo thì năm 2024 có bao nhiêu tổ?",  # a report, not the press
    "theo toi thi chuyen doi so la gi",  # the asker's opinion
    "Theo loa xã thông báo thì hôm nay mất điện.",  # no question after it
])
def test_no_citation(message: str) -> None:
    assert without_citation(message) is None
