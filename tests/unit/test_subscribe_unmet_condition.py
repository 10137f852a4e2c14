"""A subscription asked on a condition the digest cannot meet ("Có gửi bản tin bằng tiếng Khmer không thì cho tôi
nhận với"): it subscribed silently. The handler asks first (``bot.nlp.digest_asked.asks_unmet``): it says what the
digest is (Vietnamese, on Zalo, weekly) and offers a button that subscribes. A plain request still subscribes.

The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.infra.texts import render
from bot.nlp.digest_asked import asks_unmet
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

pytestmark = pytest.mark.unit

UNMET = [
    "Có gửi bản tin bằng tiếng Khmer không thì cho tôi nhận với",
    "Kênh có gửi bản tin bằng tiếng Anh không thì cho tôi nhận với",
    "đăng ký nhận bản tin mỗi ngày cho tôi nhé",
]

MET = [
    "đăng ký nhận bản tin cho tôi nhé",
    "Có gửi bản tin bằng tiếng Việt không thì cho tôi nhận với",
    "Mỗi tuần kênh có gửi tin tổng hợp về chuyển đổi số không thì cho tôi nhận với",
]


@pytest.mark.parametrize("text", UNMET)
def test_a_condition_the_digest_cannot_meet_subscribes_no_one(chat: Chat, text: str) -> None:
    assert asks_unmet(text)
    replies = chat.say(text)
    assert not subscribers.is_subscribed(chat.redis, USER)
    assert replies and replies[0].startswith(render("sub_unmet", when="{when}").split("{when}")[0])
    chat.say(chat.messages()[-1].buttons[0][1])  # the button subscribes
    assert subscribers.is_subscribed(chat.redis, USER)


@pytest.mark.parametrize("text", MET)
def test_what_the_digest_has_still_subscribes(chat: Chat, text: str) -> None:
    assert not asks_unmet(text)
    chat.say(text)
    assert subscribers.is_subscribed(chat.redis, USER)
