"""A stop asked together with this week's digest ("Tôi bận quá, hủy giúp, nhưng vẫn muốn đọc bản tin tuần này"): read
whole, it reached one command only — the digest with the stop dropped, or the stop with the digest never sent. The
chat now sends this week's digest and asks whether to stop from next week (a button), stopping nothing silently
(``bot.nlp.stop_with_digest``). A plain stop, a plain digest, and a story that tells of a missed digest are as before.

The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.digest.compose import when_label
from bot.infra import keys
from bot.infra.texts import render
from bot.nlp.stop_with_digest import digest_not_stop, stop_with_digest
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
    asked = {render("sub_stop_after_digest"), render("sub_stop_no_digest_yet", when=when_label(chat.settings))}
    assert replies[-1] in asked
    assert subscribers.is_subscribed(chat.redis, USER)  # nothing stopped silently
    chat.say(chat.messages()[-1].buttons[0][1])  # the tap stops it
    assert not subscribers.is_subscribed(chat.redis, USER)


def _publish_digest(chat: Chat) -> None:
    """A digest that went out this week, with no story (its heading and footer only)."""
    slot = "2026-W49"
    chat.redis.hset(keys.digest_run(slot), mapping={"stories": "[]", "fact": "null", "week": "49"})
    chat.redis.set(keys.DIGEST_LATEST, slot)


def test_with_a_digest_out_it_is_sent_before_the_stop_is_asked(chat: Chat) -> None:
    """Review 18 (L1): the digest itself, then the question about the stop that says it was sent above."""
    chat.say("đăng ký")
    _publish_digest(chat)
    replies = chat.say(BOTH[0])
    assert len(replies) == 2 and replies[-1] == render("sub_stop_after_digest")
    none_yet = render("digest_none_yet", when=when_label(chat.settings))
    assert replies[0] not in {none_yet, render("sub_stop_after_digest")}
    assert subscribers.is_subscribed(chat.redis, USER)


@pytest.mark.parametrize("text", BOTH[:4])
def test_with_no_digest_out_the_stop_is_asked_without_saying_one_was_sent(chat: Chat, text: str) -> None:
    """Review 18 (H4): a subscriber was told to subscribe, then that the digest was sent "above"."""
    chat.say("đăng ký")
    replies = chat.say(text)
    assert replies == [render("sub_stop_no_digest_yet", when=when_label(chat.settings))]
    assert subscribers.is_subscribed(chat.redis, USER)
    chat.say(chat.messages()[-1].buttons[0][1])  # the tap stops it
    assert not subscribers.is_subscribed(chat.redis, USER)


def test_a_question_asked_after_is_offered(chat: Chat) -> None:
    """Review 18 (H2): the question asked after the stop and the digest was dropped."""
    chat.say("đăng ký")
    chat.say("Tôi bận quá, hủy giúp, nhưng vẫn muốn đọc bản tin tuần này. Mà Ngày Chuyển đổi số là ngày nào?")
    buttons = chat.messages()[-1].buttons
    assert len(buttons) >= 2  # the stop, then the question's answer
    assert subscribers.is_subscribed(chat.redis, USER)


# review 18 (M1): a stop said negated is no stop: the digest only, nothing stopped and no stop asked
NEGATED = [
    "Gửi bản tin tuần này cho tôi, nhưng đừng hủy đăng ký nhé",
    "Xem bản tin tuần này. Tôi không muốn hủy đăng ký đâu",
    "Bản tin tuần này hay quá, đừng hủy nhé",
    "xem ban tin tuan nay, dung huy nha",
]


@pytest.mark.parametrize("text", NEGATED)
def test_a_negated_stop_is_no_stop(text: str) -> None:
    assert not stop_with_digest(text)
    assert digest_not_stop(text)


@pytest.mark.parametrize("text", NEGATED)
def test_a_negated_stop_gets_the_digest_only(chat: Chat, text: str) -> None:
    chat.say("đăng ký")
    _publish_digest(chat)
    replies = chat.say(text)
    assert len(replies) == 1 and replies[0] != render("sub_stop_after_digest")
    assert subscribers.is_subscribed(chat.redis, USER)


@pytest.mark.parametrize("text", BOTH + ["hủy đăng ký", "Hủy bản tin giúp tôi. VNeID là gì?"])
def test_a_stop_said_is_not_negated(text: str) -> None:
    assert not digest_not_stop(text)
