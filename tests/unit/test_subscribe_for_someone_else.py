"""A subscription asked for someone else ("đăng ký nhận bản tin cho mẹ tôi", "… cho bố", "… giùm Lan"): the channel
can sign up only the Zalo account that writes. "cho mẹ tôi" went to the knowledge base, whose answer offers a button
that subscribes the asker; "cho bố" subscribed the asker. Now nothing is subscribed and the reply says how that person
subscribes from their own Zalo (``intents.SUBSCRIBE_FOR_OTHERS``). The asker's own ("cho tôi", "cho em"), a province
("cho Hà Nội") and a grandmother speaking ("cho bà") still subscribe.

The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.infra.texts import render
from bot.nlp.intents import SUBSCRIBE_FOR_OTHERS, plain_command
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

pytestmark = pytest.mark.unit

FOR_OTHERS = [
    "đăng ký nhận bản tin cho mẹ tôi",
    "đăng ký nhận bản tin cho bố",
    "Đăng ký bản tin giùm ba tui nhé",
    "dang ky nhan ban tin cho bo",
    "đăng ký nhận bản tin giùm Lan",
]

FOR_ME = [
    "đăng ký nhận bản tin cho tôi",
    "đăng ký nhận bản tin cho em nhé",
    "Cho tôi đăng ký nhận bản tin",
    "đăng ký nhận bản tin cho bà",
    "đăng ký nhận tin cho Hà Nội",
]


@pytest.mark.parametrize("text", FOR_OTHERS)
def test_a_subscription_for_someone_else_is_read_as_such(text: str) -> None:
    assert plain_command(text) == SUBSCRIBE_FOR_OTHERS


@pytest.mark.parametrize("text", FOR_ME)
def test_the_asker_own_subscription_is_not(text: str) -> None:
    assert plain_command(text) == "subscribe"


@pytest.mark.parametrize("text", FOR_OTHERS[:2])
def test_nothing_is_subscribed_and_the_reply_says_how(chat: Chat, text: str) -> None:
    assert chat.say(text) == [render("sub_for_others_subscribe")]
    assert not subscribers.is_subscribed(chat.redis, USER)


def test_the_asker_own_is_subscribed(chat: Chat) -> None:
    chat.say(FOR_ME[0])
    assert subscribers.is_subscribed(chat.redis, USER)
