"""Round 15 (`fix15left`, review 15 L2): a question asked after a stop whose answer is not sure is offered under the
choices' line, not the "see the answer" line, and the entry that explains the stop just done is not among them."""

from __future__ import annotations

from bot.digest import subscribers
from handlers import asked_too
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

STOP_THEN_ASK = "Kênh cho tôi dừng nhận bản tin từ tuần này nhé. Kênh gửi bản tin vào thứ mấy vậy?"


def test_choices_after_a_stop_leave_out_the_stop_and_say_they_are_choices() -> None:
    line, buttons = asked_too.offer(STOP_THEN_ASK, "unsubscribe")
    assert line == asked_too.CHOICES
    assert buttons
    assert all("ngừng" not in b.title.lower() for b in buttons)  # the stop's own entry ("Làm sao ngừng …")


def test_an_answered_question_after_a_stop_keeps_the_answer_line() -> None:
    line, buttons = asked_too.offer("Kênh cho tôi dừng nhận bản tin nhé. VNeID là gì?", "unsubscribe")
    assert line == asked_too.ANSWERED and len(buttons) == 1


def test_the_chat_offers_the_choices(chat: Chat) -> None:
    chat.say("đăng ký")
    chat.say(STOP_THEN_ASK)
    assert not subscribers.is_subscribed(chat.redis, USER)
    assert chat.messages()[-1].buttons
