"""A state told ("tui hổng rành mấy cái này") then, in its sentence, something else asked (what a word means, what to
buy, how much) is the question, not help; the state with a plea for help stays help. The engineer's own messages."""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command
from handlers.probe import router_probe

pytestmark = pytest.mark.unit

ASKED = [
    "Tui hổng rành mấy cái này, số hóa của cây đàn nghĩa là sao, có nên mua đàn cũ hông?",
    "Tôi không rành mấy cái này, giá iPhone bây giờ bao nhiêu?",
    "Tôi không rành mấy cái này lắm, số hóa là gì vậy?",
    "tui ko rành mấy cái này, mua máy lọc nước loại nào tốt?",
    "Mẹ tôi kêu máy cũ chậm quá. Tôi không rành mấy cái này lắm, đang tính mua cái máy tính bảng cho mẹ. Giá khoảng "
    "bao nhiêu vậy em?",
    # what one can do for a goal, the channel named as who calls for it
    "Tôi cũng không rành công nghệ. Người dân như tôi có thể làm gì đơn giản để góp phần chuyển đổi số ở xã, như kênh "
    "hay nói?",
]

HELP = [
    "Tôi không rành mấy cái này. Giúp tôi với?",
    "tui không rành cái này, chỉ tui với",
    "tôi không rành bot, hướng dẫn tôi với",
    "kênh này làm được gì vậy",
    "tôi có thể làm gì ở kênh này",
    # the state, then the channel named or asked what it can do: help, whatever follows (review of cmd21, H6)
    "tôi không rành mấy cái này, kênh này giúp được gì cho người già, có nên dùng không",
    "tui không rành, chỉ tui cách xài kênh này, khi nào rảnh trả lời cũng được",
    "tôi không rành công nghệ, bot này làm được gì cho tôi, có nên dùng không",
    "tui hổng rành mấy vụ này, chatbot giúp được gì, giá bao nhiêu",
]


@pytest.mark.parametrize("text", ASKED)
def test_a_state_then_a_question_is_the_question(text: str) -> None:
    assert plain_command(text) is None


@pytest.mark.parametrize("text", HELP)
def test_a_state_then_a_plea_is_help(text: str) -> None:
    assert plain_command(text) == "help"
    assert router_probe()(text) == "help"
