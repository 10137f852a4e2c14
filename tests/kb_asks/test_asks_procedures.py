"""Procedures that are not the channel's (bot.kb.asks.procedures): another agency's procedure, how long one takes.
Look-alikes written for these tests, not copied from a dev set.

The entry the ranker finds shares the question's other words, and the floor offers it instead of answering with it.
Each test also checks that the channel's own questions near the look-alike keep their answers; a follow-up after a
procedure the channel refuses borrows that procedure as its subject.
"""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked, provided
from bot.nlp.normalize import analyze


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize(("question", "procedure"), [
    ("Làm lý lịch tư pháp trên VNeID cần những giấy tờ gì?", "ly lich tu phap"),
    ("Nộp thuế thu nhập cá nhân trên dịch vụ công quốc gia được không?", "thue"),
    ("Tra cứu phạt nguội trên VNeID ở mục nào?", "giao thong"),
    ("Đóng bảo hiểm xã hội tự nguyện trên VNeID được không?", "bao hiem xa hoi"),
    ("Sang tên sổ đỏ nộp hồ sơ trên cổng dịch vụ công được không?", "dat dai"),
    ("Làm hộ chiếu online cần chụp ảnh thế nào?", "ho chieu"),
])
def test_another_agencys_procedure_needs_an_entry_that_names_it(real_kb: KnowledgeBase, question: str,
                                                                procedure: str) -> None:
    assert f"procedure:{procedure}" in kinds(question)
    assert not real_kb.answer(question).confident


def test_a_procedure_the_kb_names_or_one_told_as_context_keeps_the_answer(real_kb: KnowledgeBase) -> None:
    """The first services of the portal include the driving licence: that entry names it. A procedure in a context
    sentence is not what the question after it asks."""
    assert "procedure:lai xe" in provided(real_kb.by_id["dvcqg-dich-vu-dau-tien"])
    licence = real_kb.answer("Đổi giấy phép lái xe trên dịch vụ công được không?")
    assert licence.confident and licence.entry == "dvcqg-dich-vu-dau-tien"
    told = "Tôi đang làm giấy khai sinh cho con. Cổng dịch vụ công quốc gia có địa chỉ trang là gì?"
    assert not any(k.startswith("procedure:") for k in kinds(told))
    assert "procedure:dat dai" not in kinds("Số đó là số tổ công nghệ số năm nào?")  # folded "sổ đỏ" is "số đó"


def test_how_long_a_procedure_takes_needs_an_entry_that_names_a_length_of_time(real_kb: KnowledgeBase) -> None:
    assert "duration" in kinds("Làm lại căn cước bị mất bao lâu thì có thẻ mới?")
    assert "duration" in kinds("Cấp lại căn cước mất mấy ngày làm việc?")
    assert not real_kb.answer("Cấp lại căn cước mất mấy ngày làm việc?").confident
    # how long the portal took to build is no procedure's duration, and its entry names the time anyway
    assert "duration" not in kinds("Gửi câu chuyện cho kênh bao lâu thì được đăng?")
    built = real_kb.answer("Cổng Dịch vụ công quốc gia xây dựng mất bao lâu?")
    assert built.confident and built.entry == "dvcqg-ra-doi"


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
