"""A send of the digest, or a subscription, refused in the clause that asks for it (bot/nlp/send_refused.py): the
refusal said right before the verb, closing the clause after the object, or alone right after it; and the requests
whose refusal is said of something else, which stay the digest. The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command
from bot.nlp.send_refused import send_refused
from handlers.probe import router_probe

pytestmark = pytest.mark.unit

_SENT = {"digest", "subscribe"}

REFUSED = [
    # before the verb
    "không cần gửi bản tóm tắt tuần này",
    "chưa cần gửi bản tin tuần này cho tôi đâu",
    "chưa cần gửi bản tin cho tôi đâu",
    "chua can gui ban tin cho toi dau",
    "cấm gửi bản tin tuần này",
    "chưa cần đăng ký nhận bản tin đâu",
    "tôi chưa muốn nhận bản tin",
    "chưa cần gửi tóm tắt tin này",
    "khong can gui tom tat tin nay dau",
    # after the object, closing its clause
    "gửi bản tin tuần này cho mình thì không cần đâu",
    "bản tin mới nhất thì chưa cần đâu",
    "tóm tắt tin này thì khỏi gửi",
    "gửi tóm tắt tin này cho mình thì khỏi nha",
    "gui tom tat tin nay cho minh thi khoi nha",
    # alone, right after the request
    "gửi tóm tắt tin này cho mình, thôi khỏi nha",
    "xem bản tin tuần này, khỏi cần đâu",
    # a plain "no" with "any more"
    "ko gui tom tat tin nay nua",
]

STILL_ASKED = [
    # a refusal said of something else, in another clause or of another verb
    "gửi bản tin mới nhất cho tôi, đừng gửi tin quảng cáo",
    "cho coi bản tin tuần này liền đi, khỏi đợi",
    "gửi bản tin tuần này cho tôi luôn, khỏi phải đi tìm",
]


@pytest.mark.parametrize("text", REFUSED)
def test_a_send_refused_in_its_clause_is_neither_the_digest_nor_a_subscription(text: str) -> None:
    assert plain_command(text) not in _SENT
    assert router_probe()(text) not in _SENT


@pytest.mark.parametrize("text", REFUSED)
def test_the_reader_finds_the_refusal(text: str) -> None:
    assert send_refused(text)


@pytest.mark.parametrize("text", STILL_ASKED)
def test_a_refusal_of_something_else_leaves_the_digest(text: str) -> None:
    assert not send_refused(text)
    assert plain_command(text) == "digest"


def test_a_refusal_of_reading_leaves_the_request_as_main_reads_it() -> None:
    # "chưa đọc" tells, it refuses nothing; with no "this issue" pattern (review of cmd21, H1) it is read as on main
    text = "Mình chưa đọc tóm tắt tin này, gửi cho mình với"
    assert not send_refused(text)
    assert plain_command(text) in _SENT
