"""A short follow-up ("…, ký ngày nào?") asks of the document the first question numbered ("Quyết định 749"): an
entry of another topic that leaves that number out (the DX day's Decision 505) answers another document's signing,
so it is not offered (``bot.kb.several.borrowed_by`` reads the number as ``bot.kb.explained.subject_left`` does). A
follow-up opened by a connector ("…, còn năm 2023 là gì?") asks one of its own."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "Quyết định 749 do ai ký, ký ngày nào?",
    "Tôi là cán bộ tư pháp xã. Cho tôi hỏi Quyết định 749 về Chương trình Chuyển đổi số quốc gia do ai ký, ký ngày"
    " nào và tầm nhìn đến năm 2030 của chương trình là gì?",
])
def test_another_decisions_signing_is_not_offered(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "ct-749-la-gi"
    assert "ngay-cds-quyet-dinh-505" not in answer.choice_entries


def test_the_vision_asked_third_is_still_offered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Cho tôi hỏi Quyết định 749 về Chương trình Chuyển đổi số quốc gia do ai ký, ký ngày nào"
                            " và tầm nhìn đến năm 2030 của chương trình là gì?")
    assert "ct-tam-nhin-2030" in answer.choice_entries


def test_the_days_decision_is_offered_after_the_day(real_kb: KnowledgeBase) -> None:
    """The day's own decision is no other decision's signing: both entries are given. Since round 24 the decision's
    entry, which says the day too ("lấy ngày 10/10 hằng năm"), answers and the day's is offered
    (``bot.kb.second_says_first``); before, the day answered and the decision was offered."""
    answer = real_kb.answer("Ngày chuyển đổi số là ngày nào, ai ký quyết định?")
    assert answer.entry == "ngay-cds-quyet-dinh-505" and answer.choice_entries[:1] == ["ngay-cds-la-ngay-nao"]


@pytest.mark.parametrize(("question", "offered"), [
    ("Chủ đề năm 2022 là gì, còn năm 2023 là gì?", "nam-du-lieu-so-2023"),
    ("Có bao nhiêu địa phương chọn ngày chuyển đổi số riêng khác ngày 10/10? Còn bài của Sở nói chuyển đổi số còn"
     " những hạn chế gì?", "cds-han-che-2022"),
])
def test_a_follow_up_opened_by_a_connector_is_offered(real_kb: KnowledgeBase, question: str, offered: str) -> None:
    assert real_kb.answer(question).choice_entries[:1] == [offered]
