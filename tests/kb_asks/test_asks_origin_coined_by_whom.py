"""Who coined a word, asked before it, and who began a world-wide idea (``origin``, bot.kb.asks.world).

"Ai đặt ra khái niệm cách mạng công nghiệp lần thứ tư" and "cách mạng công nghiệp 4.0 do ai khởi xướng" ask who
began something the country did not start; the KB names Resolution 52 (what Viet Nam decided about that revolution),
never who coined the word, so the resolution is no answer. The channel's own "who" questions — who signed or
proposed its documents, who initiated its programme — keep their answers. Messages written for these tests."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize("question", [
    "ai đặt ra khái niệm cách mạng công nghiệp lần thứ tư",
    "Ai đưa ra thuật ngữ kinh tế số vậy ad?",
    "ai nghi ra cum tu chinh phu so",
    "cách mạng công nghiệp 4.0 do ai khởi xướng",
    "Cuộc cách mạng công nghiệp lần thứ tư là do ai đề xướng thế ạ?",
    "cmcn 4.0 ai là người đưa ra",
    "trí tuệ nhân tạo do ai phát minh ra vậy",
    # begun in which country, "bắt đầu" first; a world-wide idea begun when
    "cách mạng 4.0 bắt đầu từ năm nào, ở nước nào vậy",
    "Cách mạng công nghiệp lần thứ tư bắt đầu từ khi nào thế?",
    "cmcn 4.0 co tu bao gio",
])
def test_who_coined_or_began_it_is_asked_and_not_answered(real_kb: KnowledgeBase, question: str) -> None:
    assert "origin" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry


@pytest.mark.parametrize(("question", "entry"), [
    ("Nghị quyết 52 về cách mạng công nghiệp lần thứ tư do ai đề xuất", "ct-nghi-quyet-52"),
    ("ai ký nghị quyết về cách mạng công nghiệp lần thứ tư", "ct-nghi-quyet-52"),
    ("cách mạng công nghiệp lần thứ tư là gì", "ct-nghi-quyet-52"),
    ("ai khởi xướng chương trình chuyển đổi số quốc gia", "ct-749-la-gi"),
    ("Cơ quan nào là bộ khởi xướng và chủ trì nhiệm vụ chuyển đổi số?", "co-quan-phu-trach-cds"),
    # Viet Nam's own start, and the country's document: their entries give the year
    ("cách mạng công nghiệp 4.0 ở Việt Nam bắt đầu từ khi nào", "ct-nghi-quyet-52"),
    ("Nghị quyết 52 về cách mạng công nghiệp lần thứ tư có từ năm nào", "ct-nghi-quyet-52"),
])
def test_the_channels_own_who_questions_keep_their_answers(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    assert "origin" not in kinds(question)
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.kind, answer.entry)
