"""Round 24 (cmd24): the plain-command leftovers of the cmd22 and tidy23 reviews, each through the router as typed and
typed without diacritics (punctuation kept). The messages are the engineer's own or the reviewers' (none from an
evaluation set); each list holds the side of the rule that must not move too.

* one issue refused: "nên" after a reason done splits the clause ("… coi luôn rồi nên khỏi gửi lại nghen"); "bỏ qua"
  skips one issue; the digest named bare as the topic ("bản tin thì thôi nha") beside the issue named elsewhere;
* typed without marks, "dung" before a send verb is "đừng" (a refusal), not "dừng" (a stop that lasts);
* a polite pass ("con xin thôi ạ") and "… thì thôi" close a refusal of the digest;
* a clause keeping the subscription, or naming a later issue, is no lasting stop and asks no digest now.
"""

from __future__ import annotations

import pytest

from handlers.probe import router_probe
from tests.typed_forms import both_forms

pytestmark = pytest.mark.unit

# one issue refused, whatever joins the reason and the refusal: neither the stop nor the digest
ONE_ISSUE_REFUSED = [
    ("bản tin tuần này tui coi luôn rồi nên khỏi gửi lại nghen", None),
    ("bản tin tuần này tôi đọc xong nên thôi khỏi gửi lại nha", None),
    ("tuần này bỏ qua bản tin cho tôi nha", None),
    ("bản tin mới nhất bỏ qua giùm tui nghen, tui đọc trên web rồi", None),
    ("tuần này bận quá trời luôn, bản tin thì thôi nha", None),
    ("bản tin thì thôi nghen, tuần này tui đi vắng", None),
    ("tuần này đừng gửi bản tin nha, tôi đọc luôn trên web rồi", None),
    ("bản tin tuần này tui đọc hết rồi, thôi đừng gửi lại", None),
]

# … and the stops beside them stay stops: a stop that lasts said after "nên", "bỏ" as a stop, "dừng" marked
STOPS_STAY = [
    ("bản tin tuần này đọc rồi nên hủy đăng ký luôn giùm tui", "unsubscribe"),
    ("đọc không kịp rồi nên khỏi gửi bản tin nữa nha", "unsubscribe"),
    ("bỏ đăng ký bản tin tuần này luôn giùm tôi", "unsubscribe"),
    ("từ tuần này đừng gửi bản tin cho tôi", "unsubscribe"),
    ("bản tin thì thôi khỏi nha", "unsubscribe"),
    ("thôi đừng gửi bản tin nữa, tuần này tui bận", "unsubscribe"),
    ("bản tin tuần này thì thôi, hủy luôn đi", "unsubscribe"),
]

# the digest refused politely or with "thì thôi", even beside another command's words: no digest sent
DIGEST_REFUSED = [
    ("dạ con cảm ơn, bản tin tuần này thì con xin thôi ạ", None),
    # (round 25: the story told after the refusal is read in the rest, "story": test_round25_leftovers.py)
    ("bản tin mới nhất cháu xin thôi ạ", None),
    # this issue refused and the subscription kept, or a later one asked for: nothing sent now, nothing stopped
    ("bản tin tuần này thì khỏi, nhưng từ tuần sau vẫn gửi nha", None),
    ("bản tin tuần này thì thôi, đăng ký cho tôi nhận từ tuần sau nhé", None),
    ("bản tin tuần này khỏi gửi, tuần sau gửi tiếp cho tui nha", None),
]

# … and the requests beside them keep their command
REQUESTS_STAY = [
    ("gửi bản tin tuần này cho tôi, tuần sau gửi tiếp nha", "digest"),
    ("gửi bản tin tuần này, chưa cần bản tin tuần trước đâu", "digest"),
    ("cho tôi xem bản tin mới nhất nha", "digest"),
    ("từ tuần sau gửi bản tin hàng tuần cho tôi nhé", "subscribe"),
    ("đăng ký nhận bản tin hàng tuần cho tôi với", "subscribe"),
    ("thôi khỏi gửi bản tin tuần này nữa", "unsubscribe"),
]


@pytest.mark.parametrize(("text", "command"), both_forms(ONE_ISSUE_REFUSED + STOPS_STAY))
def test_one_issue_refused_however_joined(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), both_forms(DIGEST_REFUSED + REQUESTS_STAY))
def test_the_digest_refused_politely_or_kept_for_later(text: str, command: str | None) -> None:
    assert router_probe()(text) == command


@pytest.mark.parametrize(("text", "command"), [("tuan nay dung gui ban tin nha, toi doc luon tren web roi", None),
                                               ("ban tin moi nhat do ec, dung gui cho tui", None),
                                               ("dừng gửi bản tin tuần này luôn giùm tôi", "unsubscribe"),
                                               ("dung gui ban tin nua nha", "unsubscribe")])
def test_unmarked_dung_before_a_send_verb_is_a_refusal(text: str, command: str | None) -> None:
    assert router_probe()(text) == command
