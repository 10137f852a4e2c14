"""A stop of the digest counts only where it is said of the digest, in its clause (review of cmd21, H3/H7;
bot/nlp/stop_bound.py): a refusal of one issue stops nothing and sends nothing, a request that says what it spares the
asker ("để khỏi …", "bỏ lỡ") is read without it, and a stop that lasts ("nữa", every week, a stop's own verb) stays the
stop. A refusal said without a verb ("chưa cần bản tóm tắt tuần này đâu") is no digest (send_refused). The messages are
the engineer's own (none from an evaluation set); the refusals and look-alikes come before the requests.
"""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command
from bot.nlp.normalize import command_form
from handlers.probe import router_probe

pytestmark = pytest.mark.unit

# one issue refused, with or without its verb: neither the digest nor a stop (nothing done)
ISSUE_REFUSED = [
    "chưa cần bản tóm tắt tuần này đâu",
    "bản tin tuần này thì thôi nha",
    "bản tin tuần này tôi không đọc đâu",
    "thôi, chưa cần bản tin tuần này",
    "không cần bản tin mới nhất đâu ad",
    "bản tin tuần này, thôi khỏi nha",
    "tuần này đừng gửi bản tin nha, tôi đi vắng",
    "không cần gửi bản tin tuần này",
    "gửi bản tin tuần này cho tôi thì khỏi nha",
    "chưa cần bản tin đâu",
    "không muốn bản tin tuần trước đâu",
    "hôm nay khỏi gửi bản tin cho bác nghen",
    # the refusal alone in the clause beside the issue, with its verb, "again" and to whom
    "Kênh ơi, bản tin tuần này tôi đọc rồi, thôi khỏi gửi lại nha",
    "bản tin tuần này, thôi đừng gửi cho tôi",
]


@pytest.mark.parametrize("text", ISSUE_REFUSED)
def test_one_issue_refused_is_neither_sent_nor_a_stop(text: str) -> None:
    assert plain_command(text) is None
    assert router_probe()(text) is None


# typed without marks (not "dung", which is also "dừng", a stop's own verb)
@pytest.mark.parametrize("text", [t for t in ISSUE_REFUSED if "đừng" not in t])
def test_one_issue_refused_typed_without_marks_is_neither_sent_nor_a_stop(text: str) -> None:
    assert plain_command(command_form(text)) is None


# a request that says what it spares the asker: no stop; the request said around it is read
SPARED = [
    ("đăng ký để khỏi bỏ lỡ bản tin", None),
    ("không muốn bỏ lỡ bản tin nào, đăng ký cho tôi nhé", None),
    ("đăng ký cho tôi nhận bản tin để khỏi phải xem web", "subscribe"),
    ("cho tôi nhận bản tin hàng tuần để không bỏ sót tin nào", "subscribe"),
    ("mình muốn nhận bản tin mỗi tuần kẻo lỡ mất tin hay", "subscribe"),
]


@pytest.mark.parametrize(("text", "command"), SPARED)
def test_what_a_request_spares_the_asker_is_no_stop(text: str, command: str | None) -> None:
    assert plain_command(text) == command
    assert router_probe()(text) == command


# a stop that lasts, or said with a stop's own verb: the stop, also beside a purpose or an issue
STOPS = [
    "khỏi gửi nữa",
    "khỏi gửi bản tin nữa nha",
    "thôi khỏi gửi bản tin tuần này nữa",
    "từ tuần này đừng gửi bản tin cho tôi",
    "hủy bản tin để khỏi phiền",
    "dừng nhận bản tin giùm tôi",
    "thôi đừng gửi tin nữa",
    "bản tin thì thôi khỏi nha",
    "không cần gửi bản tin hàng tuần nữa",
    "từ nay không nhận bản tin nữa, kể cả bản tin tuần này",
    "Bản tin tuần này tôi đọc rồi. Thôi khỏi gửi cho tôi nữa",
]


@pytest.mark.parametrize("text", STOPS)
def test_a_stop_that_lasts_stays_the_stop(text: str) -> None:
    assert plain_command(text) == "unsubscribe"
    assert router_probe()(text) == "unsubscribe"


# the digest asked in another clause than the refusal: still the digest
@pytest.mark.parametrize("text", [
    "bản tin tuần trước thì khỏi, gửi bản tin tuần này cho tôi",
    "bản tin tuần trước tôi không đọc đâu, gửi bản tin mới nhất đi",
    "cho coi bản tin tuần này liền đi, khỏi đợi",
])
def test_the_digest_asked_beside_a_refusal_is_sent(text: str) -> None:
    assert plain_command(text) == "digest"
