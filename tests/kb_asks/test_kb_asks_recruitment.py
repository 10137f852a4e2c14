"""A recruitment or a job sought (bot.kb.asks.recruitment): no entry states one. Look-alikes written for these tests."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.kb.asks.recruitment import asked_recruitment, provided_recruitment
from bot.nlp.normalize import analyze, fold

pytestmark = pytest.mark.unit


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize("question", [
    "Cổng thông tin tuyển dụng viên chức của tỉnh đã mở chưa ạ?",
    "năm nay sở có thi tuyển công chức không ad",
    "tìm việc làm online trên cổng dịch vụ công được không",
])
def test_a_recruitment_is_asked_and_not_answered(real_kb: KnowledgeBase, question: str) -> None:
    assert "recruitment" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry


@pytest.mark.parametrize("question", [
    "Tôi đang ôn thi công chức, tài liệu có phần chuyển đổi số. Ba trụ cột của chuyển đổi số là gì?",
    "tổ công nghệ số cộng đồng tuyển thành viên không",
])
def test_an_exam_told_as_context_or_a_team_taking_members_asks_none(question: str) -> None:
    assert "recruitment" not in kinds(question)


def test_an_answer_that_speaks_of_recruiting_gives_the_kind() -> None:
    assert provided_recruitment(fold("Kỳ tuyển dụng công chức được đăng trên cổng của Sở Nội vụ.")) == {"recruitment"}
    assert provided_recruitment(fold("Dịch vụ công trực tuyến toàn trình.")) == frozenset()


def test_no_phrasing_of_the_kb_asks_a_recruitment(real_kb: KnowledgeBase) -> None:
    found = [(e.id, t) for e in real_kb.entries
             for t in (e.title, *e.questions, *e.keywords, *real_kb.phrasings.get(e.id, ()))
             if asked_recruitment(analyze(t).text, t)]
    assert found == []


@pytest.mark.parametrize("question", [
    "có người gọi tự xưng công an bảo cài app để tuyển dụng, có phải lừa đảo không",
    "nhan tin moi tuyen nhan vien viec nhe luong cao, co phai lua dao ko",
])
def test_a_scam_with_a_job_as_its_pretext_asks_no_recruitment(question: str) -> None:
    assert "recruitment" not in asked(analyze(question).text, question)


@pytest.mark.parametrize("question", [
    "năm nay tỉnh có thi công chức không, nộp hồ sơ ở đâu?",
    "Năm nay có thi viên chức giáo viên không ạ",
])
def test_a_civil_service_exam_without_the_word_for_recruiting_is_read(real_kb: KnowledgeBase, question: str) -> None:
    """"thi công chức" holds neither "tuyển" nor "việc": the reader's substring test let it through unread."""
    assert "recruitment" in asked(analyze(question).text, question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry


@pytest.mark.parametrize(("question", "entry"), [
    # "X thì công chức …" folds to "thi cong chuc" (an exam) but asks what the officials do (review, M1)
    ("Khi đã có VNeID thì công chức một cửa có còn yêu cầu bản sao giấy tờ không", "de-an-06-khong-nop-lai-giay-to"),
    ("Làm định danh mức 2 thì công chức nào tiếp nhận", "vneid-kich-hoat-muc-2"),
])
def test_then_the_officials_is_no_exam(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    assert "recruitment" not in kinds(question)
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.kind, answer.entry)


@pytest.mark.parametrize(("question", "recruits"), [
    ("Chuyển đổi số thì công chức xã phải làm gì", False),
    ("Nghị quyết 57 thì viên chức có phải học không", False),
    ("chuyen doi so thi cong chuc can ky nang gi", False),  # unmarked, no word of exams: not read
    ("năm nay tỉnh có thi công chức không, nộp hồ sơ ở đâu?", True),  # "thi" typed without its mark
    ("ky thi cong chuc nam nay khi nao", True),
    ("Đợt thi viên chức năm nay đăng ký ở đâu", True),
])
def test_a_civil_service_exam_is_read_as_typed(question: str, recruits: bool) -> None:
    assert ("recruitment" in kinds(question)) is recruits
