"""A later question of a message asking three or more is offered only where it is its own (review 18, M1–M3;
``bot.kb.further_questions``): the second question's button is the last question's own entry, not the whole
message's next one; an unsure later question that reads as nothing (``unknown``), whose closest entries tie, or
that the whole message does not point at, gets no button; a sentence of the asker's story or complaint typed with
"?" and no question word is no question; a later question the answer already answers (two years stated by one
entry) gets none either. Messages written for these tests."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit


def test_a_fourth_question_gets_its_own_entry(real_kb: KnowledgeBase) -> None:
    # the last question's own reading has the tasks first: they are offered, after the others, in order
    answer = real_kb.answer("Tổ công nghệ số cộng đồng là gì? Gồm những ai? Ai thành lập? Làm việc gì?")
    assert answer.confident and answer.entry == "tcns-la-gi"
    assert answer.choice_entries == ["tcns-thanh-vien", "tcns-ai-thanh-lap", "tcns-nhiem-vu"]


@pytest.mark.parametrize("question", [
    "VNeID là gì? Giá lúa vụ 1 là bao nhiêu? Đăng ký ở đâu?",  # an off-topic middle question
    "Chữ ký số là gì? Mua ở đâu? Giá bao nhiêu? Dùng được mấy năm?",  # read as nothing alone
    "Ngày chuyển đổi số là ngày nào? Năm nay tổ chức hôm nào? Chủ đề là gì?",  # three entries tied
])
def test_an_unsure_later_question_without_an_entry_of_its_own_gets_none(real_kb: KnowledgeBase,
                                                                       question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident
    offered = [real_kb.by_id[i].topic for i in answer.choice_entries]
    assert len(offered) <= 1, answer.choice_entries


@pytest.mark.parametrize("question", [
    "Ngày chuyển đổi số là ngày nào? Năm ngoái tôi có nghe nhưng quên mất? Con tôi hỏi mà tôi không trả lời được? "
    "Chủ đề năm nay là gì?",
    "Cổng dịch vụ công là gì? Tuần trước tôi lên xã làm giấy tờ mà cán bộ bảo làm online, tôi có biết đâu? Điện "
    "thoại tôi cũ lắm rồi? Có mất phí không?",
])
def test_story_sentences_typed_with_a_question_mark_offer_nothing(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident
    assert len(answer.choice_entries) == 1, answer.choice_entries  # the last question's own entry only


@pytest.mark.parametrize("question", [
    "Kinh tế số đến năm 2025 chiếm bao nhiêu GDP? Kinh tế số là gì? Năm 2030 chiếm bao nhiêu?",
    "Đến 2025 Việt Nam phải lọt top bao nhiêu về chính phủ điện tử? Hiện nay đứng thứ mấy? Còn 2030 thì top mấy?",
])
def test_a_year_the_answer_states_gets_no_button(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry is not None
    answered = real_kb.by_id[answer.entry]
    # the later year is answered by the entry stating both: no other entry of the same fact is offered for it
    assert not any(real_kb.by_id[i].topic == answered.topic and "2030" in real_kb.by_id[i].id
                   for i in answer.choice_entries if i != answer.entry), answer.choice_entries


def test_three_named_subjects_each_offered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("VNeID là gì? Chữ ký số là gì? Cổng dịch vụ công quốc gia là gì?")
    assert answer.confident and answer.entry == "vneid-la-gi"
    assert answer.choice_entries == ["chu-ky-so-la-gi", "dvcqg-la-gi"]
