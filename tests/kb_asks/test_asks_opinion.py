"""An opinion asked (bot.kb.asks.opinion): a guess or a forecast, a judgement asked by kinship address, a feat or a
claim doubted. Look-alikes written for these tests (in the writers' registers of sessions 12–14), not copied from a
dev set.

The channel states facts and targets; the entry the ranker finds states the target and does not judge it, so the
floor offers it instead of answering with it. A fact asked politely ("theo anh thì … là ngày nào", "… phải không")
keeps its answer.
"""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.nlp.normalize import analyze


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize("question", [
    "Ad dự đoán xem năm 2030 kinh tế số có chiếm 30% GDP không?",
    "Bạn đoán năm sau chủ đề ngày chuyển đổi số là gì?",
    "ad doan coi nam 2026 co bao nhieu tai khoan vneid",
])
def test_a_guess_or_a_forecast_asked_is_an_opinion(real_kb: KnowledgeBase, question: str) -> None:
    assert "opinion" in kinds(question)
    assert not real_kb.answer(question).confident


def test_a_youth_union_member_or_a_period_is_no_guess() -> None:
    """Folded, "đoán" is "đoàn" and "đoạn": only the marked verb or a guess asked of the bot is read."""
    assert "opinion" not in kinds("Đoàn viên thanh niên tham gia tổ công nghệ số thế nào?")
    assert "opinion" not in kinds("Giai đoạn 2021-2025 có mục tiêu gì?")
    assert "opinion" not in kinds("Dù bao nhiêu tuổi cũng học kỹ năng số được không?")


@pytest.mark.parametrize("question", [
    "theo anh thì đến 2030 mình có vào top 50 chính phủ điện tử không",
    "Theo bác thì tới 2025 có đạt 80% dịch vụ công toàn trình không?",
    "theo mọi người thì kinh tế số năm 2030 có được 30% GDP không",
    "Tới 2030 kinh tế số có lên được 30% GDP nổi không?",
])
def test_a_judgement_asked_by_kinship_address_or_a_feat_doubted_is_an_opinion(real_kb: KnowledgeBase,
                                                                                question: str) -> None:
    assert "opinion" in kinds(question)
    assert not real_kb.answer(question).confident


def test_a_fact_asked_by_kinship_address_is_polite_framing() -> None:
    """With a question word the asker wants a fact; "theo em thì …" is as often the asker's own view; a confirmation
    ("… phải không") asks a fact too."""
    assert "opinion" not in kinds("theo anh thì ngày chuyển đổi số là ngày nào")
    assert "opinion" not in kinds("Theo em thì đề án 06 là của Bộ Công an phải không ạ")
    assert "opinion" not in kinds("theo chị thì kinh tế số năm 2030 chiếm 30% GDP đúng không")
    assert "opinion" not in kinds("Theo kế hoạch thì đến 2030 có bao nhiêu phần trăm dịch vụ công trực tuyến?")
    assert "opinion" not in kinds("Ca sĩ đó nổi tiếng không?")


def test_a_judgement_asked_of_the_addressee_who_thinks_is_an_opinion_but_a_rest_or_a_change_is_not() -> None:
    assert "opinion" in kinds("Chị nghĩ năm 2030 kinh tế số có chiếm được 30% GDP không?")
    assert "opinion" in kinds("mn thấy app VNeID có dễ dùng không")
    assert "opinion" not in kinds("Chị nghỉ hưu rồi có dùng VNeID được không?")
    assert "opinion" not in kinds("Anh thấy trên báo nói kinh tế số năm 2030 chiếm 30% GDP phải không?")
    assert "opinion" not in kinds("Bác thấy con cháu dùng VNeID, bác có đăng ký được không?")


@pytest.mark.parametrize(("question", "kind"), [
    ("tới 2030 kinh tế số chiếm 30% GDP là thiệt hay nói cho vui vậy ad", "opinion"),
    ("mục tiêu 100% xã có cáp quang là làm thật hay chỉ là khẩu hiệu thế", "opinion"),
    ("top 50 EGDI năm 2030 nghe sướng tai, thật không hay chỉ nói chơi", "opinion"),
    ("đề án 06 có làm thiệt hông hay chỉ trên giấy vậy", "opinion"),
])
def test_a_claim_doubted_as_talk_is_an_opinion_and_is_not_answered(real_kb: KnowledgeBase, question: str,
                                                                   kind: str) -> None:
    assert kind in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry
