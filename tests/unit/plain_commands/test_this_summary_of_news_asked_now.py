"""This issue named as a summary ("tóm tắt tin này"). Round 19 read "gửi / xem / đọc" + "tóm tắt … này" as the digest
asked now; review 19 (H2) found it sent the digest to a citizen who said not to send it ("Đừng gửi bản tóm tắt này
nữa"), asked a question about it ("… có mất phí không?", "… được không") or told it read ("… đã đọc … rồi"). The
pattern is taken out again (a word list for one sentence, review 19 M3): a summary said so is no request for the
digest, and the summary asked every week is a subscription, as before.

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

NOT_ASKED = [
    # negated: do not send it
    "Đừng gửi bản tóm tắt này nữa",
    "ko gui tom tat tin nay nua",
    "thôi khỏi gửi tóm tắt tin này",
    # a question about it
    "Xem tóm tắt tin này có mất phí không?",
    "gửi tóm tắt tin này lên facebook được không",
    "doc tom tat tin nay tren dien thoai the nao",
    # told, nothing asked
    "Tôi đã đọc bản tóm tắt này rồi",
    "Mình chưa đọc tóm tắt tin này",
    "không xem được tóm tắt tin này",
]

EVERY_WEEK = [
    "mỗi tuần gửi tóm tắt tin này cho mình",
    "gửi tóm tắt tin này cho mình mỗi tuần nhé",
    "gui tom tat tin cho minh",
]


@pytest.mark.parametrize("text", NOT_ASKED)
def test_this_summary_negated_asked_about_or_told_sends_no_digest(text: str) -> None:
    assert plain_command(text) != "digest"


@pytest.mark.parametrize("text", EVERY_WEEK)
def test_every_week_is_a_subscription(text: str) -> None:
    assert plain_command(text) == "subscribe"


def test_the_router_sends_no_digest_to_a_citizen_who_said_not_to(chat: Chat) -> None:
    assert router_probe()(NOT_ASKED[0]) != "digest"
    chat.say(NOT_ASKED[0])
    assert not subscribers.is_subscribed(chat.redis, USER)
