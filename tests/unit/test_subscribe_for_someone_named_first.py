"""A subscription for someone else said in other word orders: the person named before the request ("Cho mẹ tôi đăng
ký nhận bản tin", "Giúp bà ngoại tôi đăng ký …") or inside it ("đăng ký cho bố tôi nhận bản tin", "Mình muốn đăng ký
cho mẹ nhận bản tin"). Only "… nhận bản tin cho mẹ tôi" was read as such; the others went to the knowledge base (whose
answer subscribes the asker) or subscribed the asker. The asker's own ("Cho tôi đăng ký …", "Cho bà đăng ký …", typed
without marks "cho ba dang ky …"), a subscription told done and another service's notices are as before.

The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.infra.texts import render
from bot.nlp.intents import SUBSCRIBE_FOR_OTHERS, for_others, plain_command
from handlers.probe import router_probe
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

pytestmark = pytest.mark.unit

FOR_OTHERS = [
    "Cho mẹ tôi đăng ký nhận bản tin",
    "cho me toi dang ky nhan ban tin",
    "đăng ký cho bố tôi nhận bản tin",
    "dang ky cho bo toi nhan ban tin",
    "Đăng ký giùm mẹ tôi nhận bản tin hàng tuần",
    "Giúp bà ngoại tôi đăng ký nhận bản tin",
    "Cho vợ tôi đăng ký bản tin với",
    "Mình muốn đăng ký cho mẹ nhận bản tin",
    "Cho Lan đăng ký nhận bản tin với",
]

FOR_ME = [
    "Cho tôi đăng ký nhận bản tin",
    "Cho em đăng ký nhận bản tin",
    "Cho mình đăng ký nhận bản tin với",
    "Cho bác đăng ký nhận bản tin",
    "Cho bà đăng ký nhận bản tin",
    "cho ba dang ky nhan ban tin",  # "cho bà", the asker, as likely as a father where the request opens with it
    "Con giúp mẹ đăng ký nhận bản tin nhé",  # a mother calling the channel "con"
    "dang ky cho minh nhan ban tin",
    "Cho Hà Nội đăng ký nhận bản tin",
    "dang ky cho vo danh sach nhan ban tin",  # "vô danh sách", on the list (review 18, L4)
]


@pytest.mark.parametrize("text", FOR_OTHERS)
def test_someone_named_before_or_inside_the_request_is_someone_else(text: str) -> None:
    assert plain_command(text) == SUBSCRIBE_FOR_OTHERS


@pytest.mark.parametrize("text", FOR_ME)
def test_the_asker_own_is_a_subscription(text: str) -> None:
    assert plain_command(text) == "subscribe"


@pytest.mark.parametrize("text", [
    "Tôi giúp mẹ tôi đăng ký nhận bản tin rồi",  # told done
    "Cho mẹ tôi hỏi cách đăng ký nhận bản tin",  # asks how
    "Cho mẹ tôi đăng ký nhận thông báo VNeID",  # another service's notices
    "Cho mẹ tôi đăng ký nhận bản tin. Mà VNeID là gì?",  # a question asked besides
])
def test_what_is_no_subscription_for_someone_stays_as_it_was(text: str) -> None:
    assert plain_command(text) is None


def test_the_router_takes_it_to_the_subscription_for_someone() -> None:
    probe = router_probe()
    assert probe(FOR_OTHERS[0]) == SUBSCRIBE_FOR_OTHERS
    assert probe(FOR_ME[0]) == "subscribe"


@pytest.mark.parametrize("text", FOR_OTHERS[:3])
def test_nothing_is_subscribed_and_the_reply_says_how(chat: Chat, text: str) -> None:
    assert chat.say(text) == [render("sub_for_others_subscribe")]
    assert not subscribers.is_subscribed(chat.redis, USER)


# review 19 (H1): a stop for someone named first is a stop (the channel stops no one's but the asker's and says so), not
# a subscription read once the run "Giúp mẹ tôi hủy" took the stop's verb in
STOPS_FOR_SOMEONE_NAMED_FIRST = [
    "Giúp mẹ tôi hủy đăng ký bản tin",
    "Cho mẹ tôi ngưng nhận bản tin",
    "Hộ bà tôi huỷ đăng kí bản tin với",
    "giup me toi huy dang ky ban tin",
    "cho bo toi dung nhan ban tin nhe",
    "Con ơi giúp mẹ hủy đăng ký bản tin",
]

# review 19 (H4, M5): a relative without "my" where the request opens, or with the channel called "con" / "cháu"
# before or after it, is an elder speaking of himself: the asker's own subscription, as before round 19
ELDER_SPEAKING = [
    "Con ơi cho mẹ đăng ký nhận bản tin",
    "Con ơi, cho mẹ đăng ký nhận bản tin",
    "con oi giup me dang ky nhan ban tin",
    "Cho mẹ đăng ký nhận bản tin nhé con",
    "Cho bố đăng ký nhận bản tin nghe con",
    "Cháu giúp ông bà đăng ký nhận bản tin",
    "Cho mẹ đăng ký nhận bản tin",
    "Giúp bố đăng ký nhận bản tin với",
    "cho me dang ky nhan ban tin",
    "Cho ông nội đăng ký nhận bản tin",
]

# review 19 (H5): the asker's own stop in another clause is not answered with a subscription for someone else
OWN_STOP_BESIDES = [
    "Hủy đăng ký cho tôi. Giúp mẹ tôi đăng ký nhận bản tin",
    "cho me toi dang ky nhan ban tin, con toi thi huy dang ky",
    "Giúp mẹ tôi đăng ký nhận bản tin. Còn tôi thì hủy đăng ký",
]


@pytest.mark.parametrize("text", STOPS_FOR_SOMEONE_NAMED_FIRST)
def test_a_stop_for_someone_named_first_stays_a_stop_for_someone(text: str) -> None:
    assert plain_command(text) == "unsubscribe"
    assert for_others(text)


@pytest.mark.parametrize("text", ELDER_SPEAKING)
def test_an_elder_speaking_of_himself_subscribes(text: str) -> None:
    assert plain_command(text) == "subscribe"


@pytest.mark.parametrize("text", OWN_STOP_BESIDES)
def test_the_asker_own_stop_besides_is_the_stop(text: str) -> None:
    assert plain_command(text) == "unsubscribe"


def test_a_stop_for_a_mother_named_first_stops_nothing(chat: Chat) -> None:
    chat.say("đăng ký")
    assert chat.say(STOPS_FOR_SOMEONE_NAMED_FIRST[0]) == [render("sub_for_others")]
    assert subscribers.is_subscribed(chat.redis, USER)


def test_a_mother_calling_the_channel_con_is_subscribed(chat: Chat) -> None:
    chat.say(ELDER_SPEAKING[0])
    assert subscribers.is_subscribed(chat.redis, USER)
