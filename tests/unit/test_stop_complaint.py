"""A complaint about a stop told done ("Tôi hủy bản tin rồi. Sao vẫn nhận?"): it unsubscribed again, silently.

Read as ``intents.STOP_COMPLAINT`` (a clause tells the stop done, it or a later one that the digest still comes, and
nothing after asks for a command); the handler changes nothing and says the asker's state: still subscribed, with a
button that stops, or not subscribed, with what still comes (the channel's article Zalo sends every follower). Round
15's "… nhưng vẫn nhận bản tin" reads the same (it was the knowledge base's).

The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.infra.texts import render
from bot.nlp.intents import STOP_COMPLAINT, plain_command
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

pytestmark = pytest.mark.unit

COMPLAINTS = [
    "Tôi hủy bản tin rồi. Sao vẫn nhận?",
    "Tôi hủy bản tin rồi, sao vẫn nhận vậy",
    "Toi huy ban tin roi. Sao van nhan?",
    "Mình đã dừng nhận bản tin rồi mà tuần này vẫn thấy gửi tới",
]

REQUESTS = [
    ("Tôi đã hủy rồi nhưng vẫn nhận, hủy bản tin giúp tôi lần nữa nhé", "unsubscribe"),
    ("hủy bản tin đi, tôi vẫn đọc trên web", "unsubscribe"),
    ("Hủy bản tin giúp tôi. VNeID là gì?", "unsubscribe"),
]


@pytest.mark.parametrize("text", COMPLAINTS)
def test_a_stop_told_done_then_still_receiving_is_a_complaint(text: str) -> None:
    assert plain_command(text) == STOP_COMPLAINT


@pytest.mark.parametrize(("text", "name"), REQUESTS)
def test_a_request_said_with_it_is_still_done(text: str, name: str) -> None:
    assert plain_command(text) == name


def test_still_subscribed_says_so_and_offers_the_stop(chat: Chat) -> None:
    chat.say("đăng ký")
    assert chat.say(COMPLAINTS[0]) == [render("sub_complaint_subscribed")]
    assert subscribers.is_subscribed(chat.redis, USER)  # nothing changed
    button = chat.messages()[-1].buttons[0]
    chat.say(button[1])  # the tap stops it
    assert not subscribers.is_subscribed(chat.redis, USER)


def test_not_subscribed_says_what_still_comes(chat: Chat) -> None:
    assert chat.say(COMPLAINTS[0]) == [render("sub_complaint_not_subscribed")]
    assert not subscribers.is_subscribed(chat.redis, USER)
