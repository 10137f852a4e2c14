"""An office's days asked with the day first or by its number (bot.kb.asks.hours_by_day): round 11's ``hours`` read
"làm việc … thứ bảy", not "thứ 7 có làm việc không". Look-alikes written for these tests."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.kb.asks.hours_by_day import asked_hours
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize("question", [
    "bo phan mot cua xa thu 7 co lam viec khong, tui can nop ho so dich vu cong",
    "Chủ nhật UBND phường có tiếp dân không ạ?",
    "ngày lễ bộ phận một cửa có nhận hồ sơ dịch vụ công không",
    "T7 cong an xa co lam dinh danh muc 2 ko",
])
def test_an_offices_days_are_asked_and_not_answered(real_kb: KnowledgeBase, question: str) -> None:
    assert "hours" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry


@pytest.mark.parametrize("question", [
    "mình mới sinh bé thứ 2, làm định danh mức 2 cho mình ở đâu",  # an ordinal, not a weekday
    "trụ cột thứ 3 của chuyển đổi số là gì",
    "Chủ nhật này ở xã ai hướng dẫn cài VNeID?",
])
def test_an_ordinal_or_a_day_told_asks_no_hours(question: str) -> None:
    assert asked_hours(analyze(question).text) == frozenset()


def test_no_phrasing_of_the_kb_asks_an_offices_days(real_kb: KnowledgeBase) -> None:
    found = [(e.id, t) for e in real_kb.entries
             for t in (e.title, *e.questions, *e.keywords, *real_kb.phrasings.get(e.id, ()))
             if asked_hours(analyze(t).text)]
    assert found == []


@pytest.mark.parametrize("question", [
    "Trung tâm hành chính công huyện có hoạt động vào dịp Tết không",  # "hoạt động": the office's work
    "buổi trưa có nộp hồ sơ ở một cửa được không",  # "nộp hồ sơ"
    "mình nộp hồ sơ qua cổng dịch vụ công vào chủ nhật có được không",  # the work, five words, then the day
    "Ngày 10/10 năm nay rơi vào chủ nhật thì cơ quan có nghỉ bù không",  # a day off
])
def test_other_words_of_an_offices_work_ask_hours(real_kb: KnowledgeBase, question: str) -> None:
    assert "hours" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry


@pytest.mark.parametrize("question", [
    "Thứ 7 này tôi đi làm căn cước ở Hà Nội, cần mang giấy tờ gì?",  # "Hà" is no yes-or-no... nor asks a day
    "thứ 7 vừa rồi tôi nộp trực tuyến xong, tra cứu ở đâu",  # "trực tuyến" is online, not on duty
    "Giờ giấc gửi bản tin của kênh thế nào",  # "giờ giấc" of no office's work
])
def test_a_day_or_hours_without_an_offices_work_asks_no_hours(question: str) -> None:
    assert "hours" not in kinds(question)


@pytest.mark.parametrize("question", [
    "Tổng đài hỗ trợ có trực cuối tuần không",
    "tong dai ho tro co lam viec chu nhat ko",
    "hotline VNeID thứ 7 có trực không",
])
def test_a_hotlines_days_get_the_redirect_that_says_there_is_none(real_kb: KnowledgeBase, question: str) -> None:
    """The channel's redirect says it has no hotline and where to go instead: it answers when that hotline works."""
    assert "hours" in kinds(question)
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "npv-so-dien-thoai-tong-dai", (answer.kind, answer.entry)
