"""A stop asked together with this week's digest ("Tôi bận quá, hủy giúp, nhưng vẫn muốn đọc bản tin tuần này"): read
whole, it reached one command only — the digest with the stop dropped, or the stop with the digest never sent. The
chat now sends this week's digest and asks whether to stop from next week (a button), stopping nothing silently
(``bot.nlp.stop_with_digest``). A plain stop, a plain digest, and a story that tells of a missed digest are as before.

The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.infra.texts import render
from bot.nlp.stop_with_digest import stop_with_digest
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

pytestmark = pytest.mark.unit

BOTH = [
    "Tôi bận quá, hủy giúp, nhưng vẫn muốn đọc bản tin tuần này",
    "toi ban qua, huy giup, nhung van muon doc ban tin tuan nay",
    "Hủy bản tin giúp tôi nhưng cho tôi xem bản tin tuần này đã",
    "hủy đăng ký nhưng gửi tôi bản tin tuần này trước nhé",
    "Tôi hủy đăng ký rồi nhưng vẫn muốn đọc bản tin tuần này",
]
ONE = [
    "hủy đăng ký",
    "cho xem bản tin tuần này",
    "Hủy bản tin giúp tôi. VNeID là gì?",
    "Bỏ đi, cho tôi xem bản tin",
    "Cho tôi xem tin tổng hợp tuần này. Điện thoại hỏng nên bỏ lỡ mất tin kênh gửi, tôi muốn đọc luôn.",
]


@pytest.mark.parametrize("text", BOTH)
def test_a_stop_and_this_weeks_digest_asked_together(text: str) -> None:
    assert stop_with_digest(text)


@pytest.mark.parametrize("text", ONE)
def test_one_command_asked(text: str) -> None:
    assert not stop_with_digest(text)


@pytest.mark.parametrize("text", BOTH[:4])
def test_the_digest_is_sent_and_the_stop_asked(chat: Chat, text: str) -> None:
    chat.say("đăng ký")
    replies = chat.say(text)
    assert replies[-1] == render("sub_stop_after_digest")
    assert len(replies) >= 2  # this week's digest (or that none is out yet) first
    assert subscribers.is_subscribed(chat.redis, USER)  # nothing stopped silently
    chat.say(chat.messages()[-1].buttons[0][1])  # the tap stops it
    assert not subscribers.is_subscribed(chat.redis, USER)
