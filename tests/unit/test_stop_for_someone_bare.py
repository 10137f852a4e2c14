"""A stop for someone else said with a bare given name ("hủy đăng ký giùm Lan"), any relative no one calls himself,
and the relatives typed without marks ("huy dang ky cho ba", "cho vo"): each stopped the asker's own digest.

* A bare given name: one capitalised word, a Vietnamese syllable, after "giùm / dùm / hộ / giúp / cho" — not a
  title, a pronoun, the channel or a command's word ("giúp Tôi", "giùm Ad", "cho Em Dừng", "giúp OA"), and after
  "cho" not the first of two capitalised words (a place, "cho Hà Nội").
* Unmarked "cho ba / vo / ma / cha" is read as a father, a wife, a mother (the reply stops nothing and says the one
  word the asker types to stop their own), unless the message calls the asker so elsewhere ("thoi dung gui ban tin cho
  ba nua, ba doc khong kip": a grandmother, "bà", speaking), or "ba" counts something ("cho ba tháng").

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
    "hủy đăng ký giùm Lan",
    "ngưng gửi bản tin hộ Tuấn nhé",
    "Hủy Đăng Ký Giùm Lan",
    "huy dang ky cho ba",
    "huy dang ky cho vo",
    "ngung nhan tin giup ma nha",
    "hủy đăng ký giùm mẹ chồng",
    "hủy bản tin giúp bà xã nhé",
    "dừng gửi bản tin cho mạ",
]

FOR_ME = [
    "hủy đăng ký giúp Tôi",
    "Hủy đăng ký giúp Em nhé",
    "hủy bản tin giùm Ad",
    "dừng nhận tin giúp OA nha",
    "hủy đăng ký nhận bản tin hộ Zalo",
    "dừng gửi bản tin cho ba tháng",
    "dung gui ban tin cho ba thang",
    "thoi dung gui ban tin hang tuan cho ba nua, ba doc khong kip",
    "huy dang ky cho toi",
    # review 18 (H5): how soon, or a plea, after "giúp / giùm", capitalised or typed without marks
    "HỦY ĐĂNG KÝ GIÚP NGAY",
    "Hủy đăng ký giúp Gấp",
    "Hủy Đăng Ký Giùm Ngay Nhé",
    "HUY DANG KY GIUP GAP",
    "huy dang ky gium ma",
    # review 18 (H6): a province is no person
    "hủy đăng ký cho Huế",
    "hủy đăng ký giùm Huế",
    # review 18 (M6): the bot called "con" at the end, an elder speaking of herself
    "dung gui ban tin cho ba nua nghe con",
    "huy dang ky gium ba voi con",
]


@pytest.mark.parametrize("text", FOR_OTHERS)
def test_a_bare_name_or_relative_is_someone_else(text: str) -> None:
    assert plain_command(text) == "unsubscribe"
    assert for_others(text)


@pytest.mark.parametrize("text", FOR_ME)
def test_the_asker_own_stop(text: str) -> None:
    assert plain_command(text) == "unsubscribe"
    assert not for_others(text)


@pytest.mark.parametrize("text", FOR_OTHERS[:4])
def test_a_stop_for_someone_named_bare_stops_nothing(chat: Chat, text: str) -> None:
    chat.say("đăng ký")
    assert chat.say(text) == [render("sub_for_others")]
    assert subscribers.is_subscribed(chat.redis, USER)


@pytest.mark.parametrize("text", [FOR_ME[7], FOR_ME[8], FOR_ME[9], FOR_ME[13]])
def test_the_asker_own_stop_is_done(chat: Chat, text: str) -> None:
    chat.say("đăng ký")
    chat.say(text)
    assert not subscribers.is_subscribed(chat.redis, USER)
