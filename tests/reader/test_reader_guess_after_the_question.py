"""A guess the asker adds after a question asked with a question word ("…để làm gì, hay chỉ là ngày kỷ niệm thôi?")
is not read as topic (``bot.kb.guesses``): its words ranked a neighbouring entry (which day it is, not what it is
for). After a yes/no question the clause after "hay" is the other half of a choice and stays."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.guesses import without_guess

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "Ngày chuyển đổi số quốc gia đặt ra để làm gì vậy, hay chỉ là một ngày kỷ niệm cho vui?",
    "Nhà nước lập ra ngày chuyển đổi số 10/10 để làm gì thế nhỉ, hay chỉ là ngày kỷ niệm thôi?",
])
def test_the_question_before_the_guess_is_answered(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "ngay-cds-muc-dich"


@pytest.mark.parametrize(("text", "kept"), [
    ("Ngày chuyển đổi số là ngày nào, hay là 10/10?", "Ngày chuyển đổi số là ngày nào?"),
    ("cai ngay cds lap ra de lm j, hay chi la ngay le thoi", "cai ngay cds lap ra de lm j"),
])
def test_a_guess_after_a_question_word_is_cut(text: str, kept: str) -> None:
    assert without_guess(text) == kept


@pytest.mark.parametrize("text", [
    "Đến 2030 Việt Nam có vào top 50 chính phủ điện tử không, hay chỉ là khẩu hiệu?",  # a choice
    "Tổ công nghệ số đã phủ khắp cả nước chưa, hay mới có vài tỉnh thôi?",
    "Xóm tui có tổ công nghệ số chỉ bà con bán hàng qua mạng, hay lắm, tui muốn kể cho kênh được không?",
    "Ngày chuyển đổi số là ngày nào, hay ngày nào cũng được?",  # the clause asks itself
    "Chuyển đổi số là gì hay là gì",  # no comma: one clause as typed
])
def test_a_choice_or_a_question_after_hay_stays(text: str) -> None:
    assert without_guess(text) is None
