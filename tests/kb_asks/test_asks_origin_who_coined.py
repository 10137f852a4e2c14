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
