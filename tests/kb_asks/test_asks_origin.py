"""Who or where began something (``origin``, bot.kb.asks.world). Look-alikes written for these tests in the
session-15 writers' registers, and the review of round 15's (fix15oos) messages, not copied from a dev set (dev15a's
one such question is measured by ``dxbot kb eval``, not tested here).

The entry the ranker finds names the thing (Resolution 52 on the Fourth Industrial Revolution, digital signatures,
cashless payment) and says what Viet Nam decided about it, never which country began it: the floor offers it instead
of answering with it. The channel's own questions near the look-alikes (the ministry or the Prime Minister who
initiated digital transformation at home, the portal's first services, the group of leading countries) keep their
answers. The review: read within one clause, "lần đầu tiên" (the first time) and "đầu tiên cần làm" (the first step)
no beginning (M1); "(trở) thành quốc gia gì" asks what Viet Nam becomes (M2); where it came from, whose it is, who
thought of it and a country typed as where it began are the same kind, "bắt đầu từ đâu" (where to start) is not
(M3 / L1).
"""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.kb.asks.world import origin_said
from bot.nlp.normalize import analyze, fold


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


pytestmark = pytest.mark.unit


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
        assert "origin" not in asked(analyze(question).text), question


def test_an_answer_that_names_a_first_country_or_an_origin_gives_the_kind() -> None:
    assert origin_said(fold("Đức là nước đầu tiên đưa ra khái niệm Công nghiệp 4.0."))
    assert origin_said(fold("Khái niệm này bắt nguồn từ Đức."))
    assert not origin_said(fold("Thủ tướng Chính phủ khởi xướng công cuộc chuyển đổi số."))


@pytest.mark.parametrize(("question", "entry"), [
    # M1: the country and the "first" are in different clauses, or "first" is the first time / step
    ("em sinh ra ở nước nào thì làm VNeID được, lần đầu tiên làm sao ạ", "vneid-dang-ky-muc-1"),
    ("chữ ký số dùng được ở những nước nào, đăng ký lần đầu tiên ở đâu", "chu-ky-so-dang-ky-tren-vneid"),
    # M2: what Viet Nam becomes
    ("Chương trình chuyển đổi số quốc gia ra đời nhằm đưa Việt Nam trở thành nước gì", "ct-tam-nhin-2030"),
    # where to start, the first step: the channel's own
    ("chuyển đổi số trước tiên cần làm gì", "cds-bat-dau-tu-nhan-thuc"),
])
def test_no_origin_is_read_where_none_is_asked(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    assert "origin" not in kinds(question)
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.kind, answer.entry)


@pytest.mark.parametrize("question", [
    "Nghị quyết 57 ra đời để đưa Việt Nam thành quốc gia gì",
    "chiến luoc cds ra doi de vn thanh quoc gia j vay ad",
    "chuyển đổi số bắt đầu từ đâu",
    "mẫu đơn đăng ký có ở đâu",
])
def test_what_a_country_becomes_and_where_to_start_ask_no_origin(question: str) -> None:
    assert "origin" not in kinds(question)


@pytest.mark.parametrize("question", [
    "cách mạng công nghiệp 4.0 bắt nguồn từ đâu",
    "cách mạng công nghiệp 4.0 là của nước nào",
    "cách mạng công nghiệp 4.0 bắt đầu từ Đức phải không",
    "cách mạng 4.0 ai nghĩ ra vậy",
    "khái niệm chuyển đổi số do ai đưa ra đầu tiên",
    "chính phủ điện tử có đầu tiên ở đâu",
    "chuyển đổi số bắt nguồn từ đâu",
    "internet ra đời ở đâu",
    "thanh toán không tiền mặt xuất hiện đầu tiên ở đâu vậy",
    "chữ ký số là do ai phát minh",
])
def test_where_whose_or_who_began_it_is_asked_and_not_answered(real_kb: KnowledgeBase, question: str) -> None:
    assert "origin" in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry
