"""A stop and a question in a short message, and a stop asked for someone else (round 16, ``qa16cmd``).

* "Hủy bản tin giúp tôi. VNeID là gì?" (under ``MAX_WORDS``) was read whole: its "là gì" kept the stop from it, the
  question was answered and the stop dropped. Like round 15's long letters, the stop is done and the question offered
  as a button under the confirmation (``intents._short_asked_after``, ``handlers/asked_too``).
* The same for a subscription ("Đăng ký nhận bản tin cho tôi nhé. VNeID là gì?"): subscribe is now one of
  ``ASKED_AFTER`` and its reply offers the question too.
* "hủy đăng ký cho mẹ tôi" stopped the asker's own digest. The channel changes only the subscription of the Zalo
  account that writes, so nothing is stopped and the reply says how that person stops it (``intents.for_others``).

The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.infra.texts import render
from bot.kb import get_kb
from bot.nlp.intents import for_others, plain_command
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

pytestmark = pytest.mark.unit

STOP_THEN_QUESTION = [
    "Hủy bản tin giúp tôi. VNeID là gì?",
    "Dừng nhận bản tin giúp tôi nhé. VNeID là gì vậy?",
    "huy ban tin giup toi nhe. VNeID la gi?",
]

STILL_QUESTIONS = [
    "Hủy bản tin thì sao? VNeID là gì?",
    "Nếu tôi hủy bản tin nhé. Thì có nhận lại được không?",
    "Bản tin là gì? Hủy thế nào?",
    "Tôi muốn biết VNeID là gì. Còn Đề án 06 là gì?",
]

FOR_OTHERS = ["hủy đăng ký cho mẹ tôi", "ngưng gửi bản tin giùm ba tui nha", "huy dang ky ban tin cho me toi",
              "hủy bản tin của bố mình đi",
              # review 16 (M1): the asker as "em", "con", "cháu"; a grandparent named
              "hủy bản tin cho chồng em", "hủy đăng ký cho mẹ em", "hủy bản tin cho bà ngoại tôi",
              "hủy đăng ký giùm ông bà"]
FOR_ME = ["hủy đăng ký", "hủy bản tin cho tôi", "hủy bản tin giúp em, mình cảm ơn", "dừng nhận bản tin giùm bà con nhé",
          "Mẹ tôi bảo hủy bản tin cho tôi",
          # review 16 (H1): a relative named in another clause than the stop, or whose phone is used
          "dừng gửi cho tôi, nhưng cho mẹ tôi nhận lại",
          "Hủy đăng ký giúp tôi, tôi đọc cho mẹ tôi nghe rồi giờ không cần",
          "Tôi đọc tin cho bố mẹ nghe, giờ bận quá hủy giúp tôi",
          "Hủy nhận tin giúp tôi, tôi sẽ chuyển tin cho người nhà sau",
          "Dừng gửi bản tin cho tôi, của mẹ tôi thì cứ để",
          "Tôi dùng zalo của mẹ tôi, hủy đăng ký giúp", "hủy bản tin giúp anh em"]


@pytest.mark.parametrize("text", STOP_THEN_QUESTION)
def test_a_short_stop_then_a_question_is_the_stop(text: str) -> None:
    assert plain_command(text) == "unsubscribe"


@pytest.mark.parametrize("text", STILL_QUESTIONS)
def test_a_question_about_the_stop_stays_a_question(text: str) -> None:
    assert plain_command(text) is None


def test_the_stop_is_done_and_the_question_offered(chat: Chat) -> None:
    chat.say("đăng ký")
    chat.say(STOP_THEN_QUESTION[0])
    message = chat.messages()[-1]
    assert message.text.startswith(render("sub_unsubscribed"))
    assert not subscribers.is_subscribed(chat.redis, USER)
    title = get_kb().by_id["vneid-la-gi"].title
    assert (title, title) in [tuple(b) for b in message.buttons]


SUBSCRIBE_THEN_QUESTION = [
    "Đăng ký nhận bản tin cho tôi nhé. VNeID là gì?",
    "Cho tôi đăng ký bản tin hằng tuần nhé. Mà VNeID là gì vậy?",
]


@pytest.mark.parametrize("text", SUBSCRIBE_THEN_QUESTION)
def test_a_short_subscription_then_a_question_is_the_subscription(text: str) -> None:
    assert plain_command(text) == "subscribe"


def test_the_subscription_is_done_and_the_question_offered(chat: Chat) -> None:
    chat.say(SUBSCRIBE_THEN_QUESTION[0])
    message = chat.messages()[-1]
    assert subscribers.is_subscribed(chat.redis, USER)
    assert render("asked_too") in message.text or render("asked_too_choices") in message.text
    title = get_kb().by_id["vneid-la-gi"].title
    assert (title, title) in [tuple(b) for b in message.buttons]


def test_a_plain_subscription_is_confirmed_as_before(chat: Chat) -> None:
    chat.say("đăng ký nhận bản tin cho tôi nhé")
    assert subscribers.is_subscribed(chat.redis, USER)
    assert not chat.messages()[-1].buttons


@pytest.mark.parametrize("text", FOR_OTHERS)
def test_a_stop_for_someone_else_is_read_as_such(text: str) -> None:
    assert for_others(text)


@pytest.mark.parametrize("text", FOR_ME)
def test_a_stop_for_the_asker_is_not(text: str) -> None:
    assert not for_others(text)


@pytest.mark.parametrize("text", FOR_OTHERS)
def test_a_stop_for_someone_else_stops_nothing_and_explains(chat: Chat, text: str) -> None:
    chat.say("đăng ký")
    assert chat.say(text) == [render("sub_for_others")]
    assert subscribers.is_subscribed(chat.redis, USER)


def test_the_asker_own_stop_still_stops(chat: Chat) -> None:
    chat.say("đăng ký")
    assert chat.say("hủy bản tin cho tôi") == [render("sub_unsubscribed")]
    assert not subscribers.is_subscribed(chat.redis, USER)


@pytest.mark.parametrize("text", FOR_ME[5:])
def test_a_relative_named_beside_the_stop_still_stops_the_asker(chat: Chat, text: str) -> None:
    chat.say("đăng ký")
    chat.say(text)
    assert not subscribers.is_subscribed(chat.redis, USER)


def test_a_stop_for_someone_else_still_offers_the_question(chat: Chat) -> None:
    chat.say("đăng ký")
    chat.say("hủy bản tin giùm mẹ tôi nhé. VNeID là gì?")
    message = chat.messages()[-1]
    assert message.text.startswith(render("sub_for_others"))
    assert subscribers.is_subscribed(chat.redis, USER)
    title = get_kb().by_id["vneid-la-gi"].title
    assert (title, title) in [tuple(b) for b in message.buttons]
