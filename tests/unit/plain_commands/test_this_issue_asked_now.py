"""This issue asked now, named as a summary or the digest with "this" ("gui tom tat tin nay cho minh", "cho xin bản
tóm tắt này"): it subscribed the asker (subscribe read "gửi … tóm tắt tin … cho mình"), or reached the knowledge base.
The digest now reads "gửi / xem / đọc / cho xin" + the digest's name + "này" as this issue asked (``[vocabulary]
this_issue``). Round 19's list of six phrases for it was reverted because it sent the digest on "Đừng gửi bản tóm tắt
này nữa": a send or a read said not wanted, told done or not done, or asked about (``[vocabulary] unwanted`` and
digest's ``unless``) never sends it — also for this week's issue ("không cần gửi bản tóm tắt tuần này" sent it).
This issue told not read yet is sent, as "tôi chưa đọc bản tin tuần này" was before (round 19's "Mình chưa đọc tóm tắt
tin này" and "không xem được tóm tắt tin này", which its pattern did not reach, move with it: test_this_summary_of_
news_asked_now.py).

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

ASKED_NOW = [
    "gui tom tat tin nay cho minh",
    "gửi tóm tắt tin này cho mình",
    "cho xin bản tóm tắt này",
    "gửi mình bản tóm tắt này nhé",
    "ad ơi gởi em bản tin này với",
    "xem tom tat ban tin nay",
    # a negation of something else, the digest's Zalo named: still asked
    "gửi bản tin mới nhất cho tôi, đừng gửi tin quảng cáo",
    "gửi bản tin tuần này lên zalo cho mình nhé",
    # not read yet: sent, as "tôi chưa đọc bản tin tuần này" is (a reason, often before the request)
    "mình chưa xem tóm tắt tin này, gửi mình với",
    "không mở được bản tóm tắt này, gửi lại giúp mình",
    "tuần này chưa xem tin tuần này, gửi cho mình nhé",
    # not sent, told read: sent, as before (excluded from the digest, subscribe took them)
    "sao kênh không gửi tin tuần này cho tôi vậy",
    "tôi đã xem tin tuần này rồi, gửi tin mới cho tôi",
]

NEVER_SENT = [
    "Đừng gửi bản tóm tắt này nữa",
    "dung gui tom tat tin nay cho minh nua",
    "không cần gửi bản tóm tắt tuần này",
    "ko can gui ban tom tat tuan nay dau",
    "khỏi gửi tóm tắt tin này nha",
    "chưa cần gửi bản tin này đâu",
    "Xem tóm tắt tin này có mất phí không?",
    "chưa cần gửi bản tin cho tôi đâu",
    "chua can gui tom tat tin cho minh dau",
]


@pytest.mark.parametrize("text", NEVER_SENT[-2:])
def test_not_wanted_subscribes_no_one(text: str) -> None:
    assert plain_command(text) not in ("digest", "subscribe")


@pytest.mark.parametrize("text", ASKED_NOW)
def test_this_issue_asked_is_the_digest(text: str) -> None:
    assert plain_command(text) == "digest"


@pytest.mark.parametrize("text", NEVER_SENT)
def test_not_wanted_told_or_asked_about_sends_no_digest(text: str) -> None:
    assert plain_command(text) != "digest"


def test_the_chat_shows_this_issue_and_subscribes_no_one(chat: Chat) -> None:
    probe = router_probe()
    assert probe(ASKED_NOW[0]) == "digest"
    replies = chat.say(ASKED_NOW[0])
    assert not subscribers.is_subscribed(chat.redis, USER)
    assert replies and "bản tin" in replies[0].lower()


@pytest.mark.parametrize("text", NEVER_SENT[:4])
def test_the_router_sends_nothing_on_a_negation(text: str) -> None:
    assert router_probe()(text) != "digest"
