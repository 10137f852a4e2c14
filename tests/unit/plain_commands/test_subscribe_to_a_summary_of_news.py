"""A subscription that names the digest by what it is, a summary of the news, typed without marks: "moi tuan kenh gui
tom tat tin cho minh nhe" went to the knowledge base — unmarked, "tin" alone is too many words to count as what is
sent, and nothing else named it. "tóm tắt tin" (and its word orders) now names it, typed either way; this week's
summary asked ("gửi tóm tắt tin tuần này") stays the digest, and a summary of something else is no command.

The messages are the engineer's own.
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
    "moi tuan kenh gui tom tat tin cho minh nhe",
    "tuan nao cung gui tin tom tat cho toi nha",
    "Mỗi tuần gửi bản tóm tắt tin cho em với",
]


@pytest.mark.parametrize("text", SUBSCRIBE)
def test_a_weekly_summary_of_news_asked_subscribes(text: str) -> None:
    assert plain_command(text) == "subscribe"
    assert plain_command(command_form(text)) == "subscribe"


@pytest.mark.parametrize(("text", "name"), [
    ("gui tom tat tin tuan nay cho minh", "digest"),
    ("gửi tóm tắt tin tuần này cho mình", "digest"),
    ("gui tom tat bai nay cho minh nhe", None),
    ("Tắt bản tin tóm tắt đi", "unsubscribe"),
])
def test_this_weeks_summary_or_another_summary_is_not_a_subscription(text: str, name: str | None) -> None:
    assert plain_command(text) == name


def test_a_place_said_after_it_is_the_subscription_province(chat: Chat) -> None:
    chat.say("moi tuan kenh gui tom tat tin cho minh nhe, minh o Hai Phong")
    sub = subscribers.get(chat.redis, USER)
    assert sub is not None
    assert sub.province == command_form("Hải Phòng")
