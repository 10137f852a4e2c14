"""A stop for someone else named without "my", by a title and a name, and said before a question.

* "hủy đăng ký cho bố" stopped the asker's digest: round 16 read only a relative said with "my" ("cho mẹ tôi"). A
  relative no one writing to the channel calls himself ("bố", "vợ", "con gái" …) now counts bare where the message is
  typed with marks (``[request] for_others_marked``: unmarked "cho ba" is also "cho bà", a grandmother speaking), and
  so does a title and a name ("giùm chị Lan").
* "Hủy đăng ký cho mẹ tôi. VNeID là gì?" went to the knowledge base (its request sentence says no "giúp / nhé"): a
  sentence that opens with the stop and is for someone else is said to the channel; the reply says how that person
  stops it and offers the question.

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

FOR_OTHERS = [
    "hủy đăng ký cho bố",
    "ngưng gửi bản tin giùm vợ",
    "hủy bản tin cho con gái nhé",
    "Hủy đăng ký giùm chị Lan nhé",
    "Dừng gửi bản tin hộ anh Tư",
    # review 17 (M4): typed without marks (the relatives whose unmarked form is no other word) or in Title Case
    "huy dang ky cho bo",
    "ngung gui ban tin giup chong",
    "dung nhan ban tin ho me nhe",
    "Hủy Đăng Ký Giùm Chị Mai",
    "Ngưng Gửi Bản Tin Cho Anh Hùng",
]

FOR_ME = [
    # review 17 (M2): a command's word typed capitalised after "cho em / nhờ chị" is no name
    "Cho em Hủy đăng ký bản tin",
    "Nhờ chị Dừng gửi bản tin giúp em",
    "Giúp em Ngưng nhận tin nhé",
    "Hủy Bản Tin Giúp Anh Với",
    # review 17 (M3): "cho X khỏi / đỡ …" is "so that X …", not "for X"
    "Hủy bản tin giúp tôi cho vợ khỏi cằn nhằn",
    "Dừng gửi bản tin cho con trai đỡ xem điện thoại",
    "ngung gui ban tin cho chong do phai doc",
    "hủy đăng ký cho bà",  # a grandmother speaking
    # round 18: unmarked "huy dang ky cho ba" is read as a father now (tests/unit/test_stop_for_someone_bare.py)
    "dừng gửi tin cho bác nha",
    "Hủy Đăng Ký Giùm Bác Nha",  # every word capitalised: no name
    "hủy đăng ký cho tôi, tôi đọc cho bố nghe rồi",
]


@pytest.mark.parametrize("text", FOR_OTHERS)
def test_a_relative_or_a_name_is_someone_else(text: str) -> None:
    assert plain_command(text) == "unsubscribe"
    assert for_others(text)


@pytest.mark.parametrize("text", FOR_ME)
def test_the_asker_own_words_for_himself_are_not(text: str) -> None:
    assert not for_others(text)


@pytest.mark.parametrize("text", FOR_ME[:7])
def test_the_asker_own_stop_is_done(chat: Chat, text: str) -> None:
    chat.say("đăng ký")
    chat.say(text)
    assert not subscribers.is_subscribed(chat.redis, USER)


@pytest.mark.parametrize("text", FOR_OTHERS[:2])
def test_a_stop_for_a_relative_named_bare_stops_nothing(chat: Chat, text: str) -> None:
    chat.say("đăng ký")
    assert chat.say(text) == [render("sub_for_others")]
    assert subscribers.is_subscribed(chat.redis, USER)


@pytest.mark.parametrize("text", ["Hủy đăng ký cho mẹ tôi. VNeID là gì?", "Hủy đăng ký cho bố. VNeID là gì?"])
def test_a_stop_for_someone_else_then_a_question_explains_and_offers_it(chat: Chat, text: str) -> None:
    chat.say("đăng ký")
    chat.say(text)
    message = chat.messages()[-1]
    assert message.text.startswith(render("sub_for_others"))
    assert subscribers.is_subscribed(chat.redis, USER)
    title = get_kb().by_id["vneid-la-gi"].title
    assert (title, title) in [tuple(b) for b in message.buttons]


def test_who_did_it_told_before_a_question_is_no_request() -> None:
    assert plain_command("Con tôi hủy đăng ký cho mẹ tôi. VNeID là gì?") is None
