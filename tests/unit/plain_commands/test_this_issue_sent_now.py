"""This issue named with "this" ("tóm tắt tin này", "bản tóm tắt này") and asked for with a verb of sending is the
digest now, not a subscription; negated, asked about or told read it is no command (the refusals and questions
first). Every week is a subscription. The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command
from handlers.probe import router_probe

pytestmark = pytest.mark.unit

NOT_SENT = [
    "tóm tắt tin này thì khỏi gửi",
    "gửi tóm tắt tin này cho mình thì khỏi nha",
    "chưa cần gửi tóm tắt tin này",
    "không cần gửi tóm tắt tin này",
    "đừng gửi bản tóm tắt này nữa",
    "cấm gửi tóm tắt tin này",
    "gửi bản tin này làm gì",
    "ai gửi bản tin này vậy",
    "ai gửi bản tin tuần này vậy",
    "bản tin tuần này sao gửi trễ vậy",
    "xem bản tin tuần này có mất phí không",
    "gửi tóm tắt tin này lên facebook được không",
    "Tôi đã đọc bản tóm tắt này rồi",
    "xin lỗi, tóm tắt tin này sai",
]

SENT_NOW = [
    "gui tom tat tin nay cho minh",
    "gửi tóm tắt tin này cho mình",
    "cho xin bản tóm tắt này",
    "gửi bản tóm tắt này cho tôi đọc với",
]


@pytest.mark.parametrize("text", NOT_SENT)
def test_this_issue_refused_or_asked_about_is_no_command(text: str) -> None:
    assert plain_command(text) is None
    assert router_probe()(text) is None


@pytest.mark.parametrize("text", SENT_NOW)
def test_this_issue_asked_for_is_the_digest_now(text: str) -> None:
    assert plain_command(text) == "digest"
    assert router_probe()(text) == "digest"


def test_this_issue_every_week_is_a_subscription() -> None:
    assert plain_command("mỗi tuần gửi tóm tắt tin này cho mình") == "subscribe"
