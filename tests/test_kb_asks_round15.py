"""Round 15's kind of fact asked (bot.kb.asks_round15): which country began something. Look-alikes written for these
tests in the session-15 writers' registers, not copied from a dev set (dev15a's one such question is measured by
``dxbot kb eval``, not tested here).

The entry the ranker finds names the thing (Resolution 52 on the Fourth Industrial Revolution, digital signatures,
cashless payment) and says what Viet Nam decided about it, never which country began it: the floor offers it instead
of answering with it. The channel's own questions near the look-alikes (the ministry or the Prime Minister who
initiated digital transformation at home, the portal's first services, the group of leading countries) keep their
answers.
"""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked, unanswered
from bot.kb.asks_round15 import asked_round15, provided_round15
from bot.nlp.normalize import analyze, fold

pytestmark = pytest.mark.unit


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize("question", [
    "cach mang cong nghiep lan thu tu do nuoc nao khoi xuong",
    "cái chữ ký số là do nước nào phát minh ra vậy",
    "thanh toán không dùng tiền mặt xuất phát từ quốc gia nào",
    "ngày chuyển đổi số thì nước nào có đầu tiên, mình học theo ai",
    "tổ công nghệ số cộng đồng là mô hình học theo nước nào hay mình tự nghĩ ra",
    "cách mạng công nghiệp lần thứ tư là quốc gia nào đề xướng trước tiên hả ad",
])
def test_a_country_that_began_something_is_asked_and_not_answered(real_kb: KnowledgeBase, question: str) -> None:
    assert "origin" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry


@pytest.mark.parametrize(("question", "entry"), [
    ("nghị quyết nào về cách mạng công nghiệp lần thứ tư", "ct-nghi-quyet-52"),
    ("Những dịch vụ đầu tiên trên Cổng dịch vụ công quốc gia là gì", "dvcqg-dich-vu-dau-tien"),
    ("năm nào là năm đầu tiên có ngày chuyển đổi số quốc gia", "ngay-cds-la-ngay-nao"),
    ("chuyển đổi số trước tiên là chuyển đổi cái gì", "cds-bat-dau-tu-nhan-thuc"),
    ("năm 2024 Việt Nam lọt vào nhóm nước nào về EGDI", "ct-xep-hang-egdi-2024"),
    ("Tầm nhìn đến 2030 Việt Nam trở thành quốc gia gì", "ct-tam-nhin-2030"),
    ("Cổng dịch vụ công quốc gia ra đời năm nào", "dvcqg-ra-doi"),
])
def test_the_channels_own_questions_near_them_keep_their_answers(real_kb: KnowledgeBase, question: str,
                                                                 entry: str) -> None:
    assert "origin" not in kinds(question)
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.kind, answer.entry)


def test_who_or_which_ministry_began_it_and_the_group_joined_ask_no_country() -> None:
    for question in ("Bộ nào khởi xướng và chủ trì chuyển đổi số ngay từ đầu thế?",
                     "ai khởi xướng công cuộc chuyển đổi số ở Việt Nam",
                     "tỉnh nào thí điểm tổ công nghệ số đầu tiên",
                     "Việt Nam vào nhóm nước nào đầu tiên về chính phủ điện tử"):
        assert not asked_round15(analyze(question).text), question


def test_an_answer_that_names_a_first_country_or_an_origin_gives_the_kind() -> None:
    assert provided_round15(fold("Đức là nước đầu tiên đưa ra khái niệm Công nghiệp 4.0.")) == {"origin"}
    assert provided_round15(fold("Khái niệm này bắt nguồn từ Đức.")) == {"origin"}
    assert provided_round15(fold("Thủ tướng Chính phủ khởi xướng công cuộc chuyển đổi số.")) == frozenset()


def test_no_phrasing_of_the_kb_asks_a_round_15_kind_its_own_entry_lacks(real_kb: KnowledgeBase) -> None:
    """Every title, question, keyword and learned phrasing of an entry is answered by that entry as far as this kind
    goes."""
    lacking = []
    for e in real_kb.entries:
        for t in (e.title, *e.questions, *e.keywords, *real_kb.phrasings.get(e.id, ())):
            ours = asked_round15(analyze(t).text)
            if ours and unanswered(kinds(t), e) & ours:
                lacking.append((e.id, t))
    assert lacking == []
