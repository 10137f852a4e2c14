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


# Review of round 18 (H1): "theo dõi / theo học" is no citation, and a bulletin or news the question is about is no
# source — the question keeps its subject
@pytest.mark.parametrize("message", [
    "Theo dõi bản tin thì đăng ký ở đâu?",
    "Tối qua theo dõi bản tin thì đăng ký ở đâu?",
    "theo doi tin tuc tren zalo thi co mat phi khong",
    "Theo học lớp kỹ năng số trên tivi thì đăng ký ở đâu?",
    "Theo kịp tin tức trên zalo thì làm thế nào?",
    "Nghe bản tin của kênh thì đọc ở đâu?",  # "đọc" after "thì" is the asker's verb
    "Nghe bản tin chuyển đổi số cho người già ở đâu?",  # "cho" is no "cho biết"
    "Theo thông báo về tổ công nghệ số thì cả nước có bao nhiêu tổ?",  # the subject is named in the citation
    "Theo bản tin của kênh thì đăng ký ở đâu?",  # the channel's own bulletin is the topic
    "Theo loa xã thì đọc ở đâu?",  # the rest names no subject of its own
])
def test_a_source_that_is_the_subject_is_no_citation(message: str) -> None:
    assert without_citation(message) is None


@pytest.mark.parametrize(("message", "question"), [
    ("Theo lời ông trưởng thôn thì tổ công nghệ số làm gì?", "tổ công nghệ số làm gì?"),
    ("Nghe mấy bà hàng xóm nói là VNeID mức 2 đăng ký ở đâu?", "VNeID mức 2 đăng ký ở đâu?"),
    ("Theo tin tức trên zalo thì ngày chuyển đổi số là ngày nào?", "ngày chuyển đổi số là ngày nào?"),
])
def test_a_source_after_who_speaks_is_a_citation(message: str, question: str) -> None:
    assert without_citation(message) == question


@pytest.mark.parametrize(("message", "entry"), [
    ("Theo dõi bản tin thì đăng ký ở đâu?", "kenh-dang-ky-ban-tin"),
    ("Tối qua theo dõi bản tin thì đăng ký ở đâu?", "kenh-dang-ky-ban-tin"),
    ("Theo dõi bản tin trên zalo thì gõ gì?", "kenh-dang-ky-ban-tin"),
    ("theo doi ban tin hang tuan thi dang ky sao", "kenh-dang-ky-ban-tin"),
    ("Nghe bản tin của kênh thì đọc ở đâu?", "kenh-doc-ban-tin-moi-nhat"),
])
def test_following_the_bulletin_is_answered_about_the_bulletin(real_kb: KnowledgeBase, message: str,
                                                               entry: str) -> None:
    answer = real_kb.answer(message)
    assert answer.confident and answer.entry == entry


@pytest.mark.parametrize("message", [
    "Theo dõi tin tức của kênh thì có mất phí không?",
    "Theo dõi bản tin hằng tuần thì có mất tiền không?",
    "Theo học lớp kỹ năng số trên tivi thì đăng ký ở đâu?",
])
def test_following_the_news_is_not_answered_with_the_bare_tail(real_kb: KnowledgeBase, message: str) -> None:
    tail = real_kb.answer(message.split(" thì ", 1)[1])
    answer = real_kb.answer(message)
    assert not (answer.confident and tail.confident and answer.entry == tail.entry), answer.entry
