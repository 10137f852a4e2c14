"""A stop said bare for someone named ("huy cho anh Tuan", "hủy giùm mẹ tôi với"): "hủy" with no object read no
command, so the knowledge base took it. It now reads as the stop for someone else (``bare_stop_for``), whose reply
stops nothing and says how that person stops it. "hủy cho tôi" (the asker) still reads no command: "hủy" bare may
mean anything, and nothing is stopped on it.

And a name typed without marks beside one marked word or an emoji ("huy dang ky gium Lan nhé", "… gium Lan 😊"): the
clause is still typed without marks (``typed_plain``), so "gium" is "giùm" and Lan someone else; round 19 read such a
clause with marks and stopped the asker's own digest.

The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.infra.texts import render
from bot.nlp.intents import for_others, plain_command
from handlers.probe import router_probe
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

pytestmark = pytest.mark.unit

BARE_FOR_SOMEONE = [
    "huy cho anh Tuan",
    "hủy cho anh Tuấn",
    "hủy giùm mẹ tôi với",
    "ad ơi ngưng giúp bà ngoại tôi nhé",
    "dừng giúp bố tôi",
]

BARE_FOR_ME_OR_NO_ONE = [
    "huy cho toi",
    "hủy giúp tôi",
    "hủy cho em",
    "hủy cho Hà Nội",
    "hủy cho anh Tuấn. VNeID là gì?",
    "Hủy cho anh Tuấn cái lịch hẹn khám bệnh ngày mai",
]

NAME_WITH_A_MARKED_WORD = [
    "huy dang ky gium Lan 😊",
    "huy dang ky gium Lan nhé",
    "ngung gui ban tin ho Tuan nhé",
    "huy dang ky cho chi Lan ạ",
    "dung gui ban tin dum co Hoa 🙏",
]


@pytest.mark.parametrize("text", BARE_FOR_SOMEONE + NAME_WITH_A_MARKED_WORD)
def test_a_stop_for_someone_else(text: str) -> None:
    assert plain_command(text) == "unsubscribe"
    assert for_others(text)


@pytest.mark.parametrize("text", BARE_FOR_ME_OR_NO_ONE)
def test_no_stop_read(text: str) -> None:
    assert plain_command(text) is None


ASKER_OWN = ["huy dang ky gium toi nhé", "Hủy đăng ký giùm tôi 😊", "huy nhan tin Ho Chi Minh nhé"]


@pytest.mark.parametrize("text", ASKER_OWN)
def test_the_asker_own_stop_stays(text: str) -> None:
    assert plain_command(text) == "unsubscribe"
    assert not for_others(text)


@pytest.mark.parametrize("text", [BARE_FOR_SOMEONE[0], NAME_WITH_A_MARKED_WORD[0]])
def test_the_chat_stops_nothing_of_the_asker(chat: Chat, text: str) -> None:
    assert router_probe()(text) == "unsubscribe"
    chat.say("đăng ký")
    assert chat.say(text) == [render("sub_for_others")]
    assert subscribers.is_subscribed(chat.redis, USER)
