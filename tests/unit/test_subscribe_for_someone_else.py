"""A subscription asked for someone else ("đăng ký nhận bản tin cho mẹ tôi", "… cho bố", "… giùm Lan"): the channel
can sign up only the Zalo account that writes. "cho mẹ tôi" went to the knowledge base, whose answer offers a button
that subscribes the asker; "cho bố" subscribed the asker. Now nothing is subscribed and the reply says how that person
subscribes from their own Zalo (``intents.SUBSCRIBE_FOR_OTHERS``). The asker's own ("cho tôi", "cho em"), a province
("cho Hà Nội") and a grandmother speaking ("cho bà") still subscribe.

The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.infra import provinces
from bot.infra.texts import render
from bot.nlp.intents import SUBSCRIBE_FOR_OTHERS, plain_command
from bot.nlp.normalize import command_form
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

pytestmark = pytest.mark.unit

FOR_OTHERS = [
    "đăng ký nhận bản tin cho mẹ tôi",
    "đăng ký nhận bản tin cho bố",
    "Đăng ký bản tin giùm ba tui nhé",
    "dang ky nhan ban tin cho bo",
    "đăng ký nhận bản tin giùm Lan",
]

FOR_ME = [
    "đăng ký nhận bản tin cho tôi",
    "đăng ký nhận bản tin cho em nhé",
    "Cho tôi đăng ký nhận bản tin",
    "đăng ký nhận bản tin cho bà",
    "đăng ký nhận tin cho Hà Nội",
    "dang ky nhan ban tin cho vo danh sach",  # review 18 (L4): "vô danh sách", on the list
]


@pytest.mark.parametrize("text", FOR_OTHERS)
def test_a_subscription_for_someone_else_is_read_as_such(text: str) -> None:
    assert plain_command(text) == SUBSCRIBE_FOR_OTHERS


@pytest.mark.parametrize("text", FOR_ME)
def test_the_asker_own_subscription_is_not(text: str) -> None:
    assert plain_command(text) == "subscribe"


@pytest.mark.parametrize("text", FOR_OTHERS[:2])
def test_nothing_is_subscribed_and_the_reply_says_how(chat: Chat, text: str) -> None:
    assert chat.say(text) == [render("sub_for_others_subscribe")]
    assert not subscribers.is_subscribed(chat.redis, USER)


def test_the_asker_own_is_subscribed(chat: Chat) -> None:
    chat.say(FOR_ME[0])
    assert subscribers.is_subscribed(chat.redis, USER)


# review 18 (H3): notices of another service for a relative are the knowledge base's, as before
@pytest.mark.parametrize("text", [
    "đăng ký nhận thông báo cho con tôi trên VNeID",
    "đăng ký nhận tin nhắn cho bố tôi trên app ngân hàng",
    "dang ky nhan thong bao cho me toi",
    "đăng ký nhận tin tuyển sinh cho con gái tôi",
    "đăng ký nhận tin nhắn SMS cho mẹ tôi",
    "đăng ký nhận tin tức cho bố tôi",
    "đăng ký nhận thông báo biến động số dư cho vợ",
])
def test_notices_of_another_service_are_not_the_digest(text: str) -> None:
    assert plain_command(text) != SUBSCRIBE_FOR_OTHERS


# review 18 (H2): a question asked besides is not dropped: the message is read as before
@pytest.mark.parametrize("text", [
    "Đăng ký nhận bản tin cho mẹ tôi. Mà VNeID là gì?",
    "đăng ký nhận bản tin cho bố, cho hỏi dịch vụ công trực tuyến mức 4 là gì",
    "dang ky nhan ban tin cho me toi ma vneid la gi",
])
def test_a_subscription_for_someone_with_a_question_is_not_taken(text: str) -> None:
    assert plain_command(text) != SUBSCRIBE_FOR_OTHERS


# review 18 (H6): a province after "cho / giúp" is the edition asked, the asker subscribed with it
PROVINCE = [
    "đăng ký nhận bản tin cho Huế",
    "đăng ký bản tin cho Huế nhé",
    "ĐĂNG KÝ BẢN TIN CHO HUẾ",
    "Đăng Ký Nhận Bản Tin Cho Thái Bình Nhé",
    "Đăng Ký Nhận Bản Tin Giúp Ngay",
    "đăng ký nhận bản tin giúp Bình Dương",
]


@pytest.mark.parametrize("text", PROVINCE)
def test_a_province_or_an_adverb_after_cho_subscribes(text: str) -> None:
    assert plain_command(text) == "subscribe"


def test_a_province_after_giup_subscribes_with_it(chat: Chat) -> None:
    chat.say("đăng ký nhận bản tin giúp Bình Dương")
    sub, found = subscribers.get(chat.redis, USER), provinces.match("Bình Dương")
    assert sub is not None and found is not None and sub.province == command_form(found.province.name)
