"""Help, where it is asked and where it is not.

* The channel's features asked to be shown ("Bot này làm được những gì vậy, chỉ em mấy chức năng với ạ"): after a
  request to be shown ("chỉ em") only a few words may follow for it to be help (``shown_bare``); "mấy chức năng" was
  not one of them, so the message went to the knowledge base. The features said as a set (``[vocabulary] features``)
  now follow it, and "chỉ em mấy chức năng" is help by itself; one feature of something else is not ("chỉ em chức
  năng chụp màn hình").
* What a citizen can do to take part, the channel named as who calls for it ("tôi có thể làm gì để góp phần …, như
  kênh kêu gọi?"): help read "có thể làm gì" + "kênh". Taking part ("góp phần", "chung tay", …) and the channel calling
  for it ("kêu gọi") are help's exclusions.
* A state told, another thing asked ("Tôi không rành mấy cái này lắm, đang tính mua …. Giá bây giờ khoảng bao nhiêu?"):
  help read "không rành … cái này" in a sentence with no question mark while another sentence asks (``help_told``).

The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command
from handlers.probe import router_probe
from tests.unit.handler_support import Chat

pytestmark = pytest.mark.unit

FEATURES_SHOWN = [
    "Kênh này làm được gì vậy, chỉ tôi các tính năng nhé",
    "bot lam dc nhung gi, chi e may chuc nang voi",
    "chỉ tui các chức năng của kênh với",
    "ad ơi hướng dẫn mình mấy tính năng nha",
    "chỉ em mấy chức năng với ạ",
]

FEATURES_OF_ELSE = [
    "chỉ em chức năng chụp màn hình",
    "hướng dẫn tôi các tính năng của VNeID",
    "chỉ mình các chức năng của Cổng dịch vụ công với",
    "chỉ tôi cách bật tính năng ghi âm",
]

TAKING_PART = [
    "Tôi có thể làm gì để góp phần chuyển đổi số như kênh hay nói?",
    "nguoi dan nhu minh lam duoc gi gop suc cho cds vay kenh",
    "Kênh kêu gọi chung tay chuyển đổi số, vậy tôi có thể làm gì?",
    "kenh keu goi moi nguoi cung lam cds, vay tui lam duoc gi",
    "người bình thường có thể làm gì đơn giản để thúc đẩy chuyển đổi số, như kênh vận động?",
]

STATE_TOLD_ELSE_ASKED = [
    "Tôi không rành mấy cái này. Giá iPhone bây giờ bao nhiêu?",
    "mình k rành mấy cái này lắm. mua laptop nào tốt z ad?",
    "Em không rành mấy cái này ạ. Cho em hỏi nên mua máy nào?",
    "Tôi mới vào, chưa biết dùng kênh. Bản tin gửi vào thứ mấy?",
]

STILL_HELP = [
    "Tôi không rành cái này, chỉ tôi với",
    "Tôi mới vào, chưa biết dùng kênh. Kênh dùng sao vậy?",
    "Tôi mới vào, chưa biết dùng kênh. Chỉ tôi với.",
    "Bot này làm được gì?",
    "kênh này giúp được gì cho tôi",
]


@pytest.mark.parametrize("text", FEATURES_SHOWN + STILL_HELP)
def test_help_asked(text: str) -> None:
    assert plain_command(text) == "help"


@pytest.mark.parametrize("text", FEATURES_OF_ELSE + TAKING_PART + STATE_TOLD_ELSE_ASKED)
def test_not_help(text: str) -> None:
    assert plain_command(text) != "help"


def test_the_chat_answers_the_question_asked_after_a_state(chat: Chat) -> None:
    text = STATE_TOLD_ELSE_ASKED[-1]
    assert router_probe()(text) is None
    assert chat.say(text)  # the knowledge base answers, not the help menu
