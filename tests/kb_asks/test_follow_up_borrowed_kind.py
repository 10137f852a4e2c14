"""A short follow-up asks its fact of what the first question asked (bot.kb.follow_up): "…, làm ở đâu?" after a child's
question, "…, nộp hồ sơ ở đâu?" after a recruitment's. A second question opened by a connector is its own. Messages
written for these tests."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "Cháu nó mới 11 tuổi thì có làm tài khoản định danh điện tử được không, làm ở đâu?",
    "Trang thông tin tuyển dụng công chức của thành phố năm nay mở chưa vậy, nộp hồ sơ ở đâu?",
    "Cổng thông tin tuyển dụng của sở năm nay đã mở chưa, nộp hồ sơ ở đâu vậy?",
])
def test_a_follow_up_after_a_kind_no_entry_gives_is_not_answered(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry


def test_a_follow_up_after_a_question_of_the_channel_is_answered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Chữ ký số cá nhân đăng ký ở đâu, có mất phí không?")
    assert answer.confident and answer.entry == "chu-ky-so-dang-ky-tren-vneid", (answer.kind, answer.entry)


def test_a_second_question_opened_by_a_connector_is_its_own(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Giá vàng hôm nay bao nhiêu, còn ngày chuyển đổi số quốc gia là ngày nào?")
    assert answer.confident and answer.entry == "ngay-cds-la-ngay-nao", (answer.kind, answer.entry)


@pytest.mark.parametrize(("question", "entry"), [
    ("Bé nhà tôi 12 tuổi có đăng ký chữ ký số được không, chữ ký số là gì vậy?", "chu-ky-so-la-gi"),
    ("Chủ nhật có làm căn cước không? Định danh mức 1 khác mức 2 ra sao?", "vneid-muc-1-khac-muc-2"),
    ("Thi tuyển viên chức có cần chữ ký số không, chữ ký số là gì?", "chu-ky-so-la-gi"),
])
def test_a_second_question_that_names_its_own_subject_is_answered(real_kb: KnowledgeBase, question: str,
                                                                   entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.kind, answer.entry)
