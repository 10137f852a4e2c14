"""Round 15 (`qa15left`): a long letter that asks to stop the digest and then asks a question. The stop is done, with
its confirmation, and the question is offered as buttons under it (it was dropped); a stop with nothing asked after it
is confirmed as before, without buttons. Through the real route table and the drain's commit."""

from __future__ import annotations

from bot.digest import subscribers
from bot.infra.texts import render
from bot.kb import get_kb
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

LETTER = ("Chào kênh, tôi là giáo viên về hưu ở Nam Định, mấy tháng nay tôi có nhận bản tin hằng tuần nhưng dạo này "
          "mắt kém đọc không nổi nữa. Kênh cho tôi dừng nhận bản tin từ tuần này nhé. Mà Ngày Chuyển đổi số quốc gia "
          "là ngày nào vậy?")


def test_a_stop_then_a_question_unsubscribes_and_offers_the_question(chat: Chat) -> None:
    chat.say("đăng ký")
    chat.say(LETTER)
    message = chat.messages()[-1]
    assert message.text.startswith(render("sub_unsubscribed"))
    # the question is not sure, so its closest questions are offered under the choices' line (review 15, L2: the
    # "see the answer" line promised an answer the buttons did not hold)
    assert render("asked_too_choices") in message.text
    assert not subscribers.is_subscribed(chat.redis, USER)
    title = get_kb().by_id["ngay-cds-la-ngay-nao"].title
    assert (title, title) in [tuple(b) for b in message.buttons]
    # the tap sends the title, which is answered with the entry
    assert chat.say(title)[0].startswith(get_kb().by_id["ngay-cds-la-ngay-nao"].answer[:60])


def test_a_stop_then_a_question_asked_to_know_unsubscribes_and_offers_it(chat: Chat) -> None:
    chat.say("đăng ký")
    chat.say("Kính gửi kênh, tôi là nông dân ở Tiền Giang, con tôi đăng ký cho tôi nhận bản tin mỗi tuần mà tôi bận "
             "rộn ruộng vườn không có thời gian coi. Kênh ngừng gửi bản tin cho tôi giùm nha. Với lại cho tôi hỏi "
             "VNeID mức 2 đăng ký ở đâu vậy kênh?")
    message = chat.messages()[-1]
    assert message.text.startswith(render("sub_unsubscribed"))
    assert not subscribers.is_subscribed(chat.redis, USER)
    title = get_kb().by_id["vneid-kich-hoat-muc-2"].title
    assert [tuple(b) for b in message.buttons] == [(title, title)]


def test_a_stop_without_a_question_is_confirmed_as_before(chat: Chat) -> None:
    chat.say("đăng ký")
    assert chat.say("Kênh cho tôi dừng nhận bản tin nhé. Cảm ơn kênh.") == [render("sub_unsubscribed")]
    assert not chat.messages()[-1].buttons


def test_not_subscribed_still_offers_the_question(chat: Chat) -> None:
    chat.say(LETTER)
    message = chat.messages()[-1]
    assert message.text.startswith(render("sub_not_subscribed"))
    assert message.buttons


def test_a_stop_then_a_number_asked_for_unsubscribes_and_offers_it(chat: Chat) -> None:
    # round 29 (cmd29): a request for a piece of information asks as a question does ("Cho tôi xin địa chỉ …")
    chat.say("đăng ký")
    chat.say("Hủy đăng ký bản tin cho tôi. Cho tôi xin địa chỉ trang dịch vụ công quốc gia")
    message = chat.messages()[-1]
    assert message.text.startswith(render("sub_unsubscribed"))
    assert not subscribers.is_subscribed(chat.redis, USER)
    assert message.buttons
