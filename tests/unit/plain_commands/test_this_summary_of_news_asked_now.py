"""This issue asked as a summary, now: "gui tom tat tin nay cho minh" ("send me this summary of the news") subscribed
the asker — the summary named bare is a subscription's object (round 18), and "này" did not make it this issue. It is
the digest now; the summary asked every week is still a subscription.

The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.nlp.intents import plain_command
from handlers.probe import router_probe
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

pytestmark = pytest.mark.unit

NOW = [
    "gui tom tat tin nay cho minh",
    "gửi tóm tắt tin này cho mình",
    "Gửi mình bản tóm tắt tin này nhé",
    "cho xin ban tom tat nay voi",
]

EVERY_WEEK = [
    "mỗi tuần gửi tóm tắt tin này cho mình",
    "gửi tóm tắt tin này cho mình mỗi tuần nhé",
    "gui tom tat tin cho minh",
]


@pytest.mark.parametrize("text", NOW)
def test_this_summary_asked_is_the_digest(text: str) -> None:
    assert plain_command(text) == "digest"


@pytest.mark.parametrize("text", EVERY_WEEK)
def test_every_week_is_a_subscription(text: str) -> None:
    assert plain_command(text) == "subscribe"


def test_the_router_sends_the_digest_and_subscribes_no_one(chat: Chat) -> None:
    assert router_probe()(NOW[0]) == "digest"
    chat.say(NOW[0])
    assert not subscribers.is_subscribed(chat.redis, USER)
