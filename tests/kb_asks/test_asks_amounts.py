"""Amounts asked (bot.kb.asks.amounts): a calculation between figures with their units (and an opinion asked as "ý ad",
bot.kb.asks.opinion, read in the same round). Look-alikes written for these tests, not copied from a dev set.
"""

from __future__ import annotations

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.nlp.normalize import analyze


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


def test_an_operation_between_figures_with_their_units_and_an_opinion_asked_as_y_ad(real_kb: KnowledgeBase) -> None:
    assert "compute" in kinds("120 tổ chia đều cho 8 xã thì mỗi xã mấy tổ?")
    assert "compute" in kinds("5 tổ nhân với 4 người thì bao nhiêu người?")
    assert "compute" not in kinds("Năm 2025 có bao nhiêu tổ công nghệ số cộng đồng?")
    assert "opinion" in kinds("Ý bạn thế nào về chính quyền hai cấp?")
    assert "opinion" not in kinds("Ý nghĩa của Ngày Chuyển đổi số quốc gia là gì?")
    assert not real_kb.answer("Ý bạn thế nào về chính quyền hai cấp?").confident
