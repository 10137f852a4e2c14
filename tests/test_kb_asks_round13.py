"""Round 13's kinds of fact asked (bot.kb.asks_round13, and the ranks grown in bot.kb.asks_round12): look-alikes
written for these tests, not copied from a dev set.

A storm's own facts, a judgement asked of the person addressed by kinship, "tỉnh mô", a rank in an index of another
field: the entry the ranker finds shares the question's other words, and the floor offers it instead of answering
with it. Each test also checks that the channel's own questions near the look-alike keep their answers.
"""

from __future__ import annotations

import re

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked, unanswered
from bot.kb.asks_round12 import asked_round12
from bot.kb.asks_round13 import asked_round13
from bot.nlp.normalize import analyze


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize("question", [
    "Bão số 10 năm 2025 đổ bộ vào tỉnh nào, thiệt hại ra sao?",
    "Cơn bão số 3 năm 2024 gây thiệt hại bao nhiêu người?",
    "Lũ lụt miền Trung năm 2025 làm chết bao nhiêu người?",
    "Thời tiết Đà Nẵng ngày mai có mưa không?",
    "Động đất ở Kon Tum mấy độ richter vậy ad?",
])
def test_a_storms_or_the_weathers_own_facts_are_a_disaster_asked(real_kb: KnowledgeBase, question: str) -> None:
    assert "disaster" in kinds(question)
    assert not real_kb.answer(question).confident


@pytest.mark.parametrize("question", [
    "Ngày chuyển đổi số 2025 bị hoãn vì bão phải không?",
    "Năm nay nghe nói dời ngày vì bão. Năm 2025 ngày chuyển đổi số tổ chức ngày nào?",
    "Vì sao năm 2025 ngày chuyển đổi số lùi sang 21/10, có phải do bão số 10 không?",
])
def test_a_storm_named_as_the_reason_the_day_moved_keeps_the_answer(real_kb: KnowledgeBase, question: str) -> None:
    """The KB names the 2025 storm as the reason the day moved: a storm told as a cause asks none of its facts."""
    assert "disaster" not in kinds(question)
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "ngay-cds-2025-ngay-to-chuc"


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


def test_tinh_mo_after_a_verb_of_going_asks_a_province() -> None:
    assert "province" in kinds("Bão đổ bộ vô tỉnh mô rứa?")
    assert "province" not in asked_round13("tinh dau tram", "tinh dầu tràm")


@pytest.mark.parametrize(("question", "index"), [
    ("Việt Nam xếp hạng chỉ số phát triển con người HDI năm 2024 thứ mấy vậy ad", "hdi"),
    ("Việt Nam đứng thứ mấy về chỉ số cảm nhận tham nhũng năm 2024?", "corruption"),
    ("Việt Nam xếp hạng tự do báo chí thứ bao nhiêu?", "press"),
    ("Chỉ số hiệu quả logistics của nước mình xếp hạng mấy?", "logistics"),
])
def test_a_rank_in_an_index_of_another_field_is_offered(real_kb: KnowledgeBase, question: str, index: str) -> None:
    """Round 12's ranks with more indexes and a longer reach between "xếp hạng" and "thứ mấy"."""
    assert f"rank:{index}" in kinds(question)
    assert not real_kb.answer(question).confident


def test_the_e_government_rank_asked_at_length_keeps_its_answer(real_kb: KnowledgeBase) -> None:
    question = "Việt Nam xếp hạng chỉ số chính phủ điện tử EGDI năm 2024 của Liên hợp quốc thứ mấy vậy ad"
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "ct-xep-hang-egdi-2024"


def test_no_phrasing_of_the_kb_asks_a_round_13_kind_its_own_entry_lacks(real_kb: KnowledgeBase) -> None:
    """Every title, question, keyword and learned phrasing of an entry is answered by that entry as far as these kinds
    (and the grown ranks) go."""
    lacking = []
    for e in real_kb.entries:
        for t in (e.title, *e.questions, *e.keywords, *real_kb.phrasings.get(e.id, ())):
            text = analyze(t).text
            ours = asked_round13(text, t) | asked_round12(text, t)
            if ours and unanswered(kinds(t), e) & ours:
                lacking.append((e.id, t))
    assert lacking == []


def test_a_judgement_asked_of_the_addressee_who_thinks_is_an_opinion_but_a_rest_or_a_change_is_not() -> None:
    assert "opinion" in kinds("Chị nghĩ năm 2030 kinh tế số có chiếm được 30% GDP không?")
    assert "opinion" in kinds("mn thấy app VNeID có dễ dùng không")
    assert "opinion" not in kinds("Chị nghỉ hưu rồi có dùng VNeID được không?")
    assert "opinion" not in kinds("Anh thấy trên báo nói kinh tế số năm 2030 chiếm 30% GDP phải không?")
    assert "opinion" not in kinds("Bác thấy con cháu dùng VNeID, bác có đăng ký được không?")


@pytest.mark.parametrize("question", [
    "Ngày 10/10 năm 2025 là thứ mấy?",
    "Ngày chuyển đổi số năm 2026 rơi vào thứ mấy vậy ad",
    "21/10/2025 nhằm thứ mấy rứa",
])
def test_a_weekday_asked_needs_an_entry_that_names_one(real_kb: KnowledgeBase, question: str) -> None:
    assert "weekday" in kinds(question)
    assert not real_kb.answer(question).confident


def test_a_rank_or_an_ordinal_is_no_weekday() -> None:
    assert "weekday" not in kinds("Năm 2024 Việt Nam xếp hạng chính phủ điện tử là thứ mấy?")
    assert "weekday" not in kinds("Năm 2022 là năm thứ mấy của công cuộc chuyển đổi số?")
    assert "weekday" not in kinds("Ngày chuyển đổi số năm 2025 là lần thứ mấy được tổ chức?")


# Review 13's fixes (/work/review13.md M1–M3, P1): each input lost a confident right answer, or cost a rescan.

@pytest.mark.parametrize(("question", "entry"), [
    ("Chỉ số EGDI của Việt Nam năm 2024 là thứ mấy trên thế giới?", "ct-xep-hang-egdi-2024"),
    ("Chỉ thấy nói VNeID mức 2 có được dùng thay CCCD không?", "vneid-kich-hoat-muc-2"),
    ("Ngày Chuyển đổi số quốc gia năm 2025 bị dời vì mưa bão gây ngập à?", "ngay-cds-2025-ngay-to-chuc"),
])
def test_review_13_questions_keep_their_answers(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    """A rank asked "là thứ mấy trên thế giới" (M1), the adverb "chỉ thấy" (M2), a compound storm cause (M3)."""
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry


def test_a_rank_where_it_ranks_is_no_weekday_and_only_is_no_sister() -> None:
    assert "weekday" not in kinds("Việt Nam là thứ mấy trong ASEAN về chính phủ số?")
    assert "weekday" not in kinds("Chỉ số EGDI của Việt Nam năm 2024 là thứ mấy trên thế giới?")
    assert "opinion" not in kinds("Chỉ thấy nói VNeID mức 2 có được dùng thay CCCD không?")
    assert "opinion" in kinds("Chị thấy VNeID mức 2 có dễ dùng không?")
    assert "opinion" in kinds("chi thay app VNeID co tot khong")


def test_a_compound_storm_cause_asks_no_disaster() -> None:
    assert "disaster" not in kinds("Ngày Chuyển đổi số quốc gia năm 2025 bị dời vì mưa bão gây ngập à?")
    assert "disaster" not in kinds("Ngày chuyển đổi số năm 2025 dời lại do bão lũ làm ngập nhiều nơi hả ad?")
    assert "disaster" in kinds("Vì mưa bão mà Huế ngập, bão số 10 đổ bộ vào tỉnh nào?")


def test_the_storm_check_finds_the_causes_once_per_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    """P1: the causes are scanned once per sentence, not once per event word, so the check is linear in the
    sentence ("bão, " × 500 rescanned the whole sentence 500 times)."""
    import bot.kb.asks_round13 as r13

    scans = []

    class Counting:
        def __init__(self, pattern: re.Pattern[str]) -> None:
            self.pattern = pattern

        def finditer(self, text: str):  # noqa: ANN202 - a stand-in for re.Pattern.finditer
            scans.append(len(text))
            return self.pattern.finditer(text)

    monkeypatch.setattr(r13, "_EVENT_AS_CAUSE", Counting(r13._EVENT_AS_CAUSE))
    assert r13._asks_event("bão, " * 500 + "thiệt hại")
    assert len(scans) <= 1
    scans.clear()
    assert not r13._asks_event("hoãn vì bão, " * 300 + "ngập")
    assert len(scans) == 1
