"""Round 14's kinds of fact asked (bot.kb.asks_round14): look-alikes written for these tests in the session-14
writers' registers, not copied from a dev set.

A claim doubted as talk, a phone number asked with "where", which country leads a ranking, the speed or rank of
fixed broadband: the entry the ranker finds shares the question's other words, and the floor offers it instead of
answering with it. Each test also checks that the channel's own questions near the look-alike keep their answers.
"""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked, unanswered
from bot.kb.asks_round14 import asked_round14, provided_round14
from bot.nlp.normalize import analyze


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize(("question", "kind"), [
    ("tới 2030 kinh tế số chiếm 30% GDP là thiệt hay nói cho vui vậy ad", "opinion"),
    ("mục tiêu 100% xã có cáp quang là làm thật hay chỉ là khẩu hiệu thế", "opinion"),
    ("top 50 EGDI năm 2030 nghe sướng tai, thật không hay chỉ nói chơi", "opinion"),
    ("đề án 06 có làm thiệt hông hay chỉ trên giấy vậy", "opinion"),
    ("số điện thoại của Bộ Khoa học và Công nghệ ở đâu vậy", "phone"),
    ("đường dây nóng của Cục Chuyển đổi số quốc gia tìm ở đâu", "phone"),
    ("nước nào dẫn đầu chỉ số chính phủ điện tử của Liên Hợp Quốc năm 2024", "leader"),
    ("đứng đầu bảng xếp hạng chính phủ điện tử 2024 là quốc gia nào thế", "leader"),
    ("internet cố định Việt Nam xếp hạng mấy thế giới năm 2025", "broadband:fixed"),
    ("wifi cáp quang ở Việt Nam tốc độ trung bình bao nhiêu, xếp thứ mấy", "broadband:fixed"),
    ("Việt Nam đứng sau mấy nước ASEAN về EGDI năm 2024", "region"),
    ("chỉ số chính phủ điện tử của Việt Nam năm 2024 xếp thứ mấy trong khu vực Đông Nam Á", "region"),
])
def test_a_round_14_look_alike_asks_its_kind_and_is_not_answered(real_kb: KnowledgeBase, question: str,
                                                                 kind: str) -> None:
    assert kind in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry


@pytest.mark.parametrize(("question", "entry"), [
    ("tới 2030 kinh tế số phải chiếm bao nhiêu phần trăm GDP", "ct-kinh-te-so-30-gdp-2030"),
    ("khẩu hiệu ngày chuyển đổi số năm 2025 là gì", "ngay-cds-chu-de-2025"),
    ("cáp quang đã phủ bao nhiêu phần trăm thôn bản", "ngay-cds-2025-so-lieu"),
    ("tốc độ mạng di động nước mình xếp thứ mấy thế giới", "ngay-cds-2025-so-lieu"),
    ("Việt Nam đặt mục tiêu vào nhóm bao nhiêu nước dẫn đầu về chính phủ điện tử", "ct-muc-tieu-2030"),
    ("năm 2024 Việt Nam lọt vào nhóm nước nào về EGDI", "ct-xep-hang-egdi-2024"),
    ("ai đứng đầu bộ khoa học và công nghệ", "bo-truong-khcn"),
    ("kênh có số điện thoại tổng đài không", "npv-so-dien-thoai-tong-dai"),
    ("tổ công nghệ số cộng đồng ở xã tui ở đâu, hỏi ai", "tcns-tim-o-dau"),
])
def test_the_channels_own_questions_near_them_keep_their_answers(real_kb: KnowledgeBase, question: str,
                                                                 entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry, (answer.kind, answer.entry)


def test_the_group_asked_or_the_lead_without_a_country_is_no_leader_and_a_slogan_no_doubt() -> None:
    for question in ("Việt Nam lọt vào nhóm nước nào về chính phủ điện tử", "ai đứng đầu bộ khoa học và công nghệ",
                     "mục tiêu vào nhóm 50 nước dẫn đầu là năm nào", "khẩu hiệu ngày chuyển đổi số 2024 là gì",
                     "kênh hay nói về chuyển đổi số cho vui không", "tốc độ internet di động xếp thứ mấy",
                     "mục tiêu 2025 hạ tầng số đạt trình độ nào trong khu vực ASEAN",
                     "5G phủ bao nhiêu phần trăm khu vực dân cư"):
        assert not asked_round14(analyze(question).text), question


def test_an_answer_that_names_the_leader_or_a_fixed_speed_gives_the_kind() -> None:
    assert provided_round14("Năm 2024, đứng đầu là Đan Mạch.") == {"leader"}
    assert provided_round14("Tốc độ băng rộng cố định đạt 150 Mb/s, xếp thứ 40.") == {"broadband:fixed"}
    assert provided_round14("Tốc độ internet di động 146,64 Mb/s, xếp thứ 20 thế giới. Cáp quang phủ 99 % xã.") \
        == frozenset()
    assert provided_round14("Việt Nam đứng thứ 5 trong ASEAN.") == {"region"}
    assert provided_round14("Hạ tầng số đạt trình độ tiên tiến của khu vực ASEAN.") == frozenset()


def test_no_phrasing_of_the_kb_asks_a_round_14_kind_its_own_entry_lacks(real_kb: KnowledgeBase) -> None:
    """Every title, question, keyword and learned phrasing of an entry is answered by that entry as far as these
    kinds go."""
    lacking = []
    for e in real_kb.entries:
        for t in (e.title, *e.questions, *e.keywords, *real_kb.phrasings.get(e.id, ())):
            ours = asked_round14(analyze(t).text)
            if ours and unanswered(kinds(t), e) & ours:
                lacking.append((e.id, t))
    assert lacking == []


def test_a_follow_up_after_a_question_refused_as_out_of_scope_borrows_its_subject(real_kb: KnowledgeBase) -> None:
    """"…, có phải đăng nhập bằng VNeID không?" after a tax question the channel refuses asks about the tax app:
    the VNeID login entry is no answer to it. Alone, or after a question of the channel, it is answered as before."""
    refused = real_kb.answer("Nộp thuế đất trên app eTax Mobile làm thế nào, có phải đăng nhập bằng VNeID không?")
    assert not refused.confident
    alone = real_kb.answer("có phải đăng nhập dịch vụ công bằng VNeID không?")
    assert alone.confident and alone.entry == "vneid-dang-nhap-dich-vu-cong"
    two = real_kb.answer("Cái VNeID đó là của bên công an làm hả, tên đăng nhập là gì vậy?")
    assert two.confident and two.entry == "vneid-ten-dang-nhap"
    other = real_kb.answer("Giá vàng hôm nay bao nhiêu, còn ngày chuyển đổi số quốc gia là ngày nào?")
    assert other.confident and other.entry == "ngay-cds-la-ngay-nao"
