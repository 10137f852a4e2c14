"""The kind of fact a question asks for, and the floor it puts under a confident answer (bot.kb.asks)."""

from __future__ import annotations

from bot.kb import load_kb
from bot.kb.asks import asked, unanswered
from bot.nlp.normalize import analyze


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


def test_kinds_are_read_on_marked_unmarked_and_vni_text() -> None:
    assert "percent" in kinds("Đề án 06 muốn bao nhiêu phần trăm thủ tục làm trực tuyến?")
    assert "percent" in kinds("bao nhiêu % thôn bản có cáp quang")
    assert "docnumber" in kinds("Ke61 hoach5 na8m 2022 la2 quye61t d9i5nh so61 ma6y1?")
    assert "reason" in kinds("sao năm 2025 ngày chuyển đổi số lại lùi sang ngày khác")
    assert "reason" in kinds("ly do doi ngay chuyen doi so")
    assert "year:2023" in kinds("cuối năm 2023 có bao nhiêu cơ quan dùng Zalo")
    # "làm sao" asks how, not why; a plain question asks for no particular kind
    assert kinds("làm sao để lấy lại tài khoản") == frozenset()
    assert kinds("chuyển đổi số là gì") == frozenset()


def test_an_entry_that_does_not_say_what_is_asked_is_not_answered_confidently() -> None:
    kb = load_kb()
    teams = kb.by_id["tcns-so-luong"]  # the counts of 6/2022 and 10/2025 only
    assert unanswered(kinds("năm 2023 có bao nhiêu tổ công nghệ số cộng đồng"), teams) == {"year:2023"}
    zalo = kb.by_id["zalo-oa-co-quan-nha-nuoc"]  # the counts of 2018, 12/2022, 12/2023 and end-2024
    assert not unanswered(kinds("năm 2018 có bao nhiêu tài khoản zalo cơ quan nhà nước"), zalo)
    assert not unanswered(kinds("cuối năm 2024 có bao nhiêu zalo oa cơ quan nhà nước"), zalo)
    # a range: one year named by the entry is enough
    strategy = kb.by_id["ct-chien-luoc-942"]
    assert not unanswered(kinds("chiến lược chính phủ điện tử giai đoạn 2021–2025 là quyết định số mấy"),
                          strategy)
    result = kb.answer("Hồi 2023 có mấy tổ công nghệ số cộng đồng vậy?")
    assert not result.confident
    assert kb.answer("bao nhiêu cơ quan nhà nước có zalo oa").confident
