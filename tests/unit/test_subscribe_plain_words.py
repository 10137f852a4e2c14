"""A wish to receive the digest said in plain words the exclusions misread (round 16, ``qa16cmd``).

* A yes/no on what the channel sends, asked as the condition of a request after "thì" ("Mỗi tuần kênh có gửi tin tổng
  hợp … thì cho tôi nhận với"): the request is what is asked (``[subscribe] spare_before``). Asked alone it stays a
  question.
* The digest's own name "tin tóm tắt" holds "tắt" (a stop), and "gửi vào đây" is where, not when (``[subscribe]
  spare``).
* A stop told, then a wish to receive again ("Tuần trước tôi lỡ nhắn dừng nhận bản tin, giờ muốn nhận lại …")
  subscribes; it was an unsubscribe (round 15's leftover, review 15 H4 row 1). A resume refused or put off ("không
  muốn nhận lại nữa", "sau này muốn nhận lại") leaves the stop a stop.

Subscribing names the province when the message does. The first and fourth messages of ``SUBSCRIBE`` are dev16a's (a
tuned set); the rest are the engineer's own, built in the shapes the round's brief describes.
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.nlp.intents import plain_command
from bot.nlp.normalize import command_form
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

pytestmark = pytest.mark.unit

SUBSCRIBE = [
    "Mỗi tuần kênh có gửi tin tổng hợp về chuyển đổi số thì cho tôi nhận với, tôi ở Đà Nẵng.",
    "Kênh có gửi bản tin hằng tuần thì cho mình nhận với nhé",
    "kenh co gui tin tong hop moi tuan thi cho toi nhan voi",
    "tuần nào cũng muốn nhận tin tóm tắt về chuyển đổi số ở Hà Nội gửi vào đây, bật cho mình với",
    "muốn nhận tin tóm tắt mỗi tuần gửi vô đây nha kênh",
    "Tuần trước tôi lỡ nhắn dừng nhận bản tin, giờ muốn nhận lại bản tin mỗi tuần thì kênh bật lại giúp tôi nhé.",
    "Tuần trước tôi lỡ nhắn dừng nhận bản tin. Giờ tôi muốn được nhận lại bản tin thì phải làm gì?",
    "hôm qua em lỡ bấm hủy bản tin, cho em nhận lại bản tin với ạ",
]

UNSUBSCRIBE = [
    "Tôi không muốn nhận lại bản tin nữa, hủy giúp tôi",
    "Hủy bản tin giúp tôi, sau này muốn nhận lại tôi sẽ đăng ký",
    "dừng nhận bản tin giúp tôi nhé",
    "thôi đừng gửi bản tin cho tôi nữa",
    # review 16 (H5): the wish to receive again is someone else's
    "Hủy đăng ký đi. Bạn tôi muốn nhận lại thì bảo nó gõ",
    "Đừng gửi nữa, ai muốn nhận lại thì tự đăng ký",
    # review 16 (M3): the digest named by its summary
    "Tắt bản tin tóm tắt đi",
    "tắt thông báo tin tóm tắt giúp tôi",
]

QUESTIONS = [
    "Kênh có gửi tin tổng hợp mỗi tuần không?",
    "Bản tin có gửi vào cuối tuần không?",
    "Bản tin gửi vào thứ mấy vậy?",
    "Nếu tôi hủy bản tin thì có nhận lại được không?",
    "Lỡ hủy bản tin rồi thì muốn nhận lại làm sao?",
    # review 16 (H4): turning it back on, asked
    "Dừng nhận bản tin rồi bật lại được không?",
    "dung nhan ban tin roi bat lai duoc khong",
    # review 16 (H6): a yes/no about another service's notice before "thì cho tôi đăng ký"
    "Kênh có gửi thông báo lịch tiêm không thì cho tôi đăng ký",
    "cho xem bản tin tóm tắt tuần này",
]


@pytest.mark.parametrize("text", SUBSCRIBE)
def test_a_wish_to_receive_subscribes(text: str) -> None:
    assert plain_command(text) == "subscribe"


@pytest.mark.parametrize("text", UNSUBSCRIBE)
def test_a_stop_stays_a_stop(text: str) -> None:
    assert plain_command(text) == "unsubscribe"


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_question_stays_a_question(text: str) -> None:
    assert plain_command(text) != "subscribe"
    assert plain_command(text) != "unsubscribe"


@pytest.mark.parametrize(("text", "province"), [(SUBSCRIBE[0], "Đà Nẵng"), (SUBSCRIBE[3], "Hà Nội")])
def test_the_province_named_is_kept(chat: Chat, text: str, province: str) -> None:
    chat.say(text)
    sub = subscribers.get(chat.redis, USER)
    assert sub is not None
    assert sub.province == command_form(province)


def test_a_slip_undone_subscribes_again(chat: Chat) -> None:
    chat.say("đăng ký")
    chat.say("hủy đăng ký")
    assert not subscribers.is_subscribed(chat.redis, USER)
    chat.say(SUBSCRIBE[5])
    assert subscribers.is_subscribed(chat.redis, USER)
