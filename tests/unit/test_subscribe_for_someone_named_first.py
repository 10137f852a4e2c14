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
from bot.nlp.intents import SUBSCRIBE_FOR_OTHERS, plain_command
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
