"""Who first put a concept forward (``origin``, bot.kb.asks.world): "ai là người đầu tiên đưa ra …", "người đầu tiên
nêu ra … là ai", "khái niệm … do ai đưa ra". The KB names Resolution 52 on the Fourth Industrial Revolution and
defines digital government, economy and transformation, never who coined those words. Look-alikes written for these
tests, not copied from a dev set. The channel's own "who" questions (who signed, who set up, who initiated at home)
keep their answers."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize("question", [
    "Ai là người đầu tiên đưa ra khái niệm cách mạng công nghiệp 4.0 vậy ạ?",
    "người đầu tiên nêu ra khái niệm chuyển đổi số là ai",
    "khái niệm chính phủ số do ai đưa ra vậy",
    "ai la nguoi dau tien de xuat khai niem kinh te so",
    "Thuật ngữ xã hội số là của ai đặt ra thế?",
])
def test_who_coined_a_concept_is_asked_and_not_answered(real_kb: KnowledgeBase, question: str) -> None:
    assert "origin" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry


@pytest.mark.parametrize(("question", "entry"), [
    ("nghị quyết 52 do ai ký", "ct-nghi-quyet-52"),
    ("tổ công nghệ số do ai ra quyết định thành lập", "tcns-ai-thanh-lap"),
    ("Cơ quan nào là bộ khởi xướng và chủ trì nhiệm vụ chuyển đổi số?", "co-quan-phu-trach-cds"),
    ("Khái niệm chuyển đổi số là gì?", "cds-la-gi"),
])
def test_the_channels_own_who_questions_keep_their_answers(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    assert "origin" not in kinds(question)
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.kind, answer.entry)


@pytest.mark.parametrize("question", [
    "Cách mạng công nghiệp lần thứ tư được nêu ra lần đầu ở diễn đàn nào?",
    "chính phủ số được đề xuất tại hội thảo nào vậy ad",
    "Người đặt ra cụm từ kinh tế số là ai?",
    "cha đẻ của khái niệm chính phủ điện tử là ai",
])
def test_the_forum_or_the_father_of_a_concept_is_asked_and_not_answered(real_kb: KnowledgeBase,
                                                                       question: str) -> None:
    assert "origin" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry


@pytest.mark.parametrize("question", [
    "21 câu chuyện chuyển đổi số được công bố ở đâu?",  # where the channel's stories were published
    "Ngày chuyển đổi số năm 2024 tổ chức tại hội nghị nào",
])
def test_where_the_channels_own_things_were_announced_is_no_origin(question: str) -> None:
    assert "origin" not in kinds(question)


@pytest.mark.parametrize("question", [
    # who coined it, as "ông / bà nào", its author, or first begun by whom of a world-wide idea (review, H4)
    "Khái niệm chuyển đổi số là do ông nào đưa ra",
    "khái niệm kinh tế số do bà nào đề xuất vậy",
    "ai là tác giả của khái niệm chuyển đổi số",
    "tác giả của thuật ngữ chính phủ số là ai",
    "Cách mạng công nghiệp 4.0 do ai khởi xướng đầu tiên?",
    "cmcn 4.0 do ai đưa ra đầu tiên",
    # first put forward where, and a named forum doubted
    "Khái niệm cách mạng công nghiệp 4.0 được nêu ra lần đầu ở đâu",
    "Cách mạng công nghiệp 4.0 được đưa ra tại Diễn đàn Kinh tế thế giới phải không",
])
def test_more_ways_to_ask_who_coined_a_concept_are_not_answered(real_kb: KnowledgeBase, question: str) -> None:
    assert "origin" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry


@pytest.mark.parametrize(("question", "entry"), [
    # the channel's own documents: at which conference one was put forward asks who issued it (review, M2)
    ("Nghị quyết 52 được đưa ra tại hội nghị nào", "ct-nghi-quyet-52"),
    ("Đề án 06 được đưa ra tại hội nghị nào", "de-an-06-la-gi"),
    ("Chương trình chuyển đổi số quốc gia được đề xuất tại hội nghị nào?", "ct-749-la-gi"),
    # the "father" of an app or a project is its maker, which its entry says (review, M3)
    ("cha đẻ của ứng dụng VNeID là ai", "vneid-la-gi"),
    ("cha đẻ của Đề án 06 là ai, đề án 06 là gì", "de-an-06-la-gi"),
    # "AI" typed in capitals is artificial intelligence, not "who" (review, M4)
    ("Khái niệm chính phủ số ứng dụng AI đưa ra quyết định thế nào?", "chinh-phu-so-la-gi"),
])
def test_a_document_an_app_or_ai_asks_no_coiner(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    assert "origin" not in kinds(question)
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.kind, answer.entry)


@pytest.mark.parametrize("question", [
    "Cha đẻ không có ở nhà thì ai đi đăng ký khai sinh cho con được?",  # a child's father
    "cha đẻ của cháu mất rồi thì ai làm giám hộ cho cháu",
    "Cha đẻ của cổng dịch vụ công quốc gia là ai vậy",  # a portal's maker
])
def test_a_father_or_a_makers_father_is_no_coiner(question: str) -> None:
    assert "origin" not in kinds(question)
