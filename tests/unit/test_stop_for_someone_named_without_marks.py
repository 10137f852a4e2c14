"""A stop for someone else named by a bare given name, or a title and a name, in a message typed without marks ("huy
dang ky gium Lan", "ngung gui ban tin ho Tuan nhe", "huy dang ky cho chi Lan"): "gium", "ho", "chi" were compared as
typed with marks, so the stop was the asker's own. Typed without marks, the words before a capitalised name are now
read folded (only where the message does not capitalise most words, and only as typed in lower case). A place said so
is no person: "Ho Chi Minh" is no "hộ chị mình" (it was read as someone else before).

The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.infra.texts import render
from bot.nlp.intents import for_others, plain_command
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

pytestmark = pytest.mark.unit

FOR_OTHERS = [
    "huy dang ky gium Lan",
    "ngung gui ban tin ho Tuan nhe",
    "huy dang ky cho chi Lan",
    "dung gui ban tin dum co Hoa",
    "huy dang ky giup Tuan nha",
]

FOR_ME = [
    "huy dang ky gium toi",
    "huy dang ky gium lan",  # no capital: "lần" as likely
    "HUY DANG KY GIUP KHONG",
    "HUY DANG KY GIUM LAN",
    "huy dang ky gium Hue",
    "huy dang ky giup Binh Duong",
    "huy dang ky gium Ad",
    "huy dang ky gium Ngay",
    "huy nhan tin Ho Chi Minh",
    "huy dang ky ban tin tp Ho Chi Minh",
]


@pytest.mark.parametrize("text", FOR_OTHERS)
def test_a_name_typed_without_marks_is_someone_else(text: str) -> None:
    assert plain_command(text) == "unsubscribe"
    assert for_others(text)


@pytest.mark.parametrize("text", FOR_ME)
def test_the_asker_own_stop(text: str) -> None:
    assert plain_command(text) == "unsubscribe"
    assert not for_others(text)


@pytest.mark.parametrize("text", FOR_OTHERS[:3])
def test_it_stops_nothing(chat: Chat, text: str) -> None:
    chat.say("đăng ký")
    assert chat.say(text) == [render("sub_for_others")]
    assert subscribers.is_subscribed(chat.redis, USER)


def test_a_place_typed_without_marks_stops_the_asker_own(chat: Chat) -> None:
    chat.say("đăng ký")
    chat.say(FOR_ME[-2])
    assert not subscribers.is_subscribed(chat.redis, USER)


# review 19 (H3): a name that folds to a command's word ("Huy" / "hủy", "Dung" / "dừng", "Dang" / "đăng") is compared
# as typed: a capitalised word after "cho" + a title is a name
NAMES_LIKE_COMMAND_WORDS = [
    "huy dang ky cho em Huy",
    "ngung gui ban tin cho anh Huy nha",
    "huy dang ky cho anh Dung",
    "dung gui ban tin cho em Dang nhe",
]

# review 19 (M1): typed in lower case, "ho chi minh" is as likely "hộ chị mình" (for my sister): the safer reading,
# someone else's (nothing stopped), as before round 19; capitalised, it is the city (FOR_ME above)
PLACE_IN_LOWER_CASE = [
    "huy dang ky ho chi minh",
    "ngung nhan ban tin ho chi minh nhe",
]


@pytest.mark.parametrize("text", NAMES_LIKE_COMMAND_WORDS + PLACE_IN_LOWER_CASE)
def test_a_name_like_a_command_word_or_a_lowercase_sister_is_someone_else(text: str) -> None:
    assert plain_command(text) == "unsubscribe"
    assert for_others(text)


def test_a_brother_named_huy_stops_nothing_of_the_asker(chat: Chat) -> None:
    chat.say("đăng ký")
    assert chat.say(NAMES_LIKE_COMMAND_WORDS[0]) == [render("sub_for_others")]
    assert subscribers.is_subscribed(chat.redis, USER)
