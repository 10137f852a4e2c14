"""A state told ("tui hổng rành mấy cái này") then, in its sentence, something else asked (what a word means, what to
buy, how much) is the question, not help; the state with a plea for help stays help. The engineer's own messages."""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command

pytestmark = pytest.mark.unit

ASKED = [
    "Tui hổng rành mấy cái này, số hóa của cây đàn nghĩa là sao, có nên mua đàn cũ hông?",
    "Tôi không rành mấy cái này, giá iPhone bây giờ bao nhiêu?",
    "Tôi không rành mấy cái này lắm, số hóa là gì vậy?",
    "tui ko rành mấy cái này, mua máy lọc nước loại nào tốt?",
]

HELP = [
    "Tôi không rành mấy cái này. Giúp tôi với?",
    "tui không rành cái này, chỉ tui với",
    "tôi không rành bot, hướng dẫn tôi với",
]


@pytest.mark.parametrize("text", ASKED)
def test_a_state_then_a_question_is_the_question(text: str) -> None:
    assert plain_command(text) is None


@pytest.mark.parametrize("text", HELP)
def test_a_state_then_a_plea_is_help(text: str) -> None:
    assert plain_command(text) == "help"
