"""What the asker heard, told vaguely after a question, asks again (``bot.kb.afterthoughts``): "chuyển đổi số là gì
thế, nghe bảo trước tiên phải đổi cái gì đó" asks what DX is, then what it is that must change first — the first is
answered, the second's entry offered. Told before the question ("Tôi có nghe … chủ đề năm 2023 là gì đó. Chủ đề năm
2026 là gì?") it stays context. And "còn" after a verb of saying ("nghe nói còn có …": it is said there is also …)
is no connector opening a second question (``bot.nlp.clauses``)."""

from __future__ import annotations

import pytest

from bot.kb.afterthoughts import vaguely_told
from bot.kb.engine import KnowledgeBase
from bot.nlp.clauses import clauses

pytestmark = pytest.mark.unit


def test_a_vague_tell_before_the_question_is_context_after_it_a_question() -> None:
    heard = "Tôi có nghe chủ đề năm 2023 là gì đó"
    asked = "Chủ đề năm 2026 là gì?"
    assert vaguely_told([heard, asked]) == [asked]
    assert vaguely_told([asked, heard]) == [asked, heard]
    assert vaguely_told([heard]) == [heard]  # alone it is still read as asking


@pytest.mark.parametrize("question", [
    "chuyển đổi số là gì thế, nghe bảo trước tiên phải đổi cái gì đó",
    "Chuyển đổi số là gì vậy ạ? Em có nghe nói trước hết phải chuyển đổi cái gì đó",
])
def test_the_afterthought_is_offered_after_the_first_answer(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "cds-la-gi"
    assert answer.choice_entries == ["cds-bat-dau-tu-nhan-thuc"]


def test_said_then_also_is_no_second_question() -> None:
    cut = clauses("Chủ đề năm 2024 là gì, nghe nói còn có cả một tháng khuyến mãi cho người dân?")
    assert len(cut) == 1


def test_the_next_question_is_offered_when_its_tail_tells_what_was_said(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Năm 2023 được chọn là năm gì về dữ liệu vậy? Và chủ đề Ngày Chuyển đổi số năm 2024 là "
                            "gì, nghe nói còn có cả một tháng khuyến mãi cho người dân?")
    assert answer.confident and answer.entry == "nam-du-lieu-so-2023"
    assert answer.choice_entries == ["ngay-cds-chu-de-2024"]


# review 17, H1: the afterthought is only ever offered; where the first question is left unsure, the asker gets that
# question's own reply, never the other year's entry the afterthought names as if it were the reply
@pytest.mark.parametrize(("question", "heard_of"), [
    ("Năm 2026 chủ đề ngày CĐS là gì, nghe bảo năm 2025 là gì đó", "ngay-cds-chu-de-2025"),
    ("chu de ngay cds 2026 la gi vay ad, nghe noi nam 2025 la gi do", "ngay-cds-chu-de-2025"),
    ("Chủ đề năm 2026 là gì? Tôi có nghe chủ đề năm 2023 là gì đó", "ngay-cds-chu-de-2023"),
    ("Chủ đề ngày chuyển đổi số năm 2027 là gì? Nghe nói năm 2024 là gì đó", "ngay-cds-chu-de-2024"),
])
def test_an_afterthought_never_answers_a_first_question_left_unsure(real_kb: KnowledgeBase, question: str,
                                                                    heard_of: str) -> None:
    answer = real_kb.answer(question)
    assert not (answer.confident and answer.entry == heard_of)
    assert not answer.confident  # the year asked is not in the KB: its own "Ý bạn là…?" or not-known reply


# review 17, M1: a question the channel does not handle keeps its out-of-scope reply whatever the asker heard after
@pytest.mark.parametrize("question", [
    "Lương hưu năm nay tăng bao nhiêu? Nghe nói phải cài VNeID gì đó",
    "Làm sao để xin trợ cấp thất nghiệp, nghe nói làm trên VNeID gì đó",
    "Bao giờ được nghỉ Tết, hình như có thông báo trên VNeID gì đó",
])
def test_an_afterthought_keeps_the_first_questions_out_of_scope_reply(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.kind == "unknown" and answer.out_of_scope


@pytest.mark.parametrize("question", [
    "Giá xăng hôm nay bao nhiêu, nghe nói có ngày chuyển đổi số gì đó",
    "Thi THPT năm nay ngày nào, nghe bảo phải đăng ký trên cổng dịch vụ công gì đó",
])
def test_an_afterthought_does_not_turn_an_unknown_question_into_choices(real_kb: KnowledgeBase,
                                                                        question: str) -> None:
    assert real_kb.answer(question).kind == "unknown"


def test_the_afterthought_may_still_change_a_wrong_whole_reading_into_the_first_questions_own(
        real_kb: KnowledgeBase) -> None:
    # the whole message alone is pulled to "the day" by the afterthought's words; the first question, alone,
    # answers what DX is: that answer stands, the day offered
    answer = real_kb.answer("Chuyển đổi số là gì, nghe bảo có ngày gì đó")
    assert answer.confident and answer.entry == "cds-la-gi"
    assert answer.choice_entries == ["ngay-cds-la-ngay-nao"]


# review 17, M2: after "nói", "còn" before a year or a subject opens the next question; before "có" it is the adverb
@pytest.mark.parametrize("question", [
    "Chủ đề năm 2023 là gì, nói còn năm 2024?",
    "Chủ đề năm 2023 là gì thì nghe nói còn năm 2024 là gì",
])
def test_said_then_another_year_is_a_second_question(real_kb: KnowledgeBase, question: str) -> None:
    assert len(clauses(question)) == 2
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "ngay-cds-chu-de-2023"
    assert answer.choice_entries == ["ngay-cds-chu-de-2024"]
