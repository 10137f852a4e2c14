"""Complaints that the digest still comes, told in two shapes a stop did not read:

* the stop done for the asker by someone else ("Con tôi hủy đăng ký giúp tôi rồi mà vẫn nhận"): its "giúp tôi" read
  as a wish, so the clause was no state going on, and the message went to the knowledge base. "… rồi mà vẫn …" is
  read as two clauses now: the complaint about the asker's own account (``STOP_COMPLAINT``), its state said;
* an erase told done ("Tôi đã xóa dữ liệu rồi mà vẫn thấy bản tin"): it started another erase. Erasing ended the
  subscription too, so it is a complaint (``ERASE_COMPLAINT``): nothing changes, the state is said, and a stop is
  offered where the account is subscribed again.

Someone else's own stop ("Mẹ tôi đã hủy đăng ký rồi …"), a stop of something else, and an erase asked stay as they were.
The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.infra.texts import render
from bot.nlp.intents import ERASE_COMPLAINT, STOP_COMPLAINT, plain_command
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

pytestmark = pytest.mark.unit

DONE_FOR_ME = [
    "Con tôi hủy đăng ký giúp tôi rồi mà vẫn nhận",
    "Con tôi hủy đăng ký giúp tôi rồi mà vẫn nhận bản tin",
    "con toi huy dang ky giup toi roi ma van nhan",
]
ERASED = [
    "Tôi đã xóa dữ liệu rồi mà vẫn thấy bản tin",
    "toi da xoa du lieu roi ma van thay ban tin",
    "Tôi xóa dữ liệu rồi sao vẫn nhận bản tin hoài vậy",
]


@pytest.mark.parametrize("text", DONE_FOR_ME)
def test_a_stop_done_for_the_asker_then_still_receiving_is_a_complaint(text: str) -> None:
    assert plain_command(text) == STOP_COMPLAINT


@pytest.mark.parametrize("text", ERASED)
def test_an_erase_done_then_still_seeing_the_digest_is_a_complaint(text: str) -> None:
    assert plain_command(text) == ERASE_COMPLAINT


@pytest.mark.parametrize(("text", "name"), [
    ("Mẹ tôi đã hủy đăng ký rồi mà vẫn nhận bản tin", None),
    ("Con tôi hủy đăng ký gói cước giúp tôi rồi mà vẫn trừ tiền", None),
    ("Xóa dữ liệu của tôi", "erase"),
    ("Tôi hủy bản tin rồi. Sao vẫn nhận?", STOP_COMPLAINT),
])
def test_the_others_read_as_before(text: str, name: str | None) -> None:
    assert plain_command(text) == name


def test_a_stop_done_for_the_asker_says_the_state(chat: Chat) -> None:
    chat.say("đăng ký")
    assert chat.say(DONE_FOR_ME[0]) == [render("sub_complaint_subscribed")]
    assert subscribers.is_subscribed(chat.redis, USER)


def test_erased_and_subscribed_again_offers_the_stop(chat: Chat) -> None:
    chat.say("đăng ký")
    assert chat.say(ERASED[0]) == [render("sub_erase_complaint_subscribed")]
    assert chat.state() == {}  # no erase is waiting for a confirmation
    assert subscribers.is_subscribed(chat.redis, USER)
    chat.say(chat.messages()[-1].buttons[0][1])  # the tap stops it
    assert not subscribers.is_subscribed(chat.redis, USER)


def test_erased_and_not_subscribed_says_what_still_comes(chat: Chat) -> None:
    assert chat.say(ERASED[0]) == [render("sub_erase_complaint_not_subscribed",
                                          then=render("sub_complaint_not_subscribed"))]
    assert chat.state() == {}


def test_erased_and_not_subscribed_says_the_state_once(chat: Chat) -> None:
    """Review 18 (M5): the state, as after a stop, with no line before it that says the same."""
    assert chat.say(ERASED[0]) == chat.say("Tôi hủy bản tin rồi. Sao vẫn nhận?")


# review 18 (H1): a stop told bare ("tôi hủy rồi"), the object only in the state that goes on ("… mà vẫn nhận tin")
STOP_TOLD_BARE = [
    "tôi hủy rồi mà vẫn nhận tin",
    "tôi huỷ rồi mà vẫn thấy tin",
    "đã dừng rồi mà vẫn nhận tin",
    "tôi tắt rồi mà vẫn nhận tin hoài",
    "Tôi hủy rồi mà sao vẫn thấy bản tin gửi tới",
    "tui huy r ma van nhan tin",
]


@pytest.mark.parametrize("text", STOP_TOLD_BARE)
def test_a_stop_told_bare_then_still_receiving_is_a_complaint(text: str) -> None:
    assert plain_command(text) == STOP_COMPLAINT


@pytest.mark.parametrize("text", STOP_TOLD_BARE[:1])
def test_a_stop_told_bare_says_the_state(chat: Chat, text: str) -> None:
    chat.say("đăng ký")
    assert chat.say(text) == [render("sub_complaint_subscribed")]
    assert subscribers.is_subscribed(chat.redis, USER)


# review 18 (H7): the chat deleted on the phone is no erase of the channel's data; a worry about a published story
# and an erase asked again are the erase (it explains what stays and asks to confirm)
@pytest.mark.parametrize(("text", "name"), [
    ("Tôi đã xóa lịch sử chat rồi mà vẫn thấy bản tin", STOP_COMPLAINT),
    ("tôi xoá đoạn chat rồi mà vẫn nhận bản tin", STOP_COMPLAINT),
    ("Tôi đã xóa dữ liệu rồi mà vẫn thấy câu chuyện của tôi trên bản tin", "erase"),
    ("Hôm qua tôi bấm xóa dữ liệu rồi mà vẫn nhận bản tin, xóa lại giúp tôi", "erase"),
    ("toi da xoa du lieu roi ma van nhan ban tin, xoa giup toi lan nua", "erase"),
])
def test_what_an_erase_told_done_complains_of(text: str, name: str) -> None:
    assert plain_command(text) == name


# review 18 (H2): a question asked besides the erase complaint is not dropped: the message is read as before
@pytest.mark.parametrize("text", [
    "Tôi đã xóa dữ liệu rồi mà vẫn thấy bản tin. Cho hỏi chữ ký số là gì?",
    "Tôi xóa dữ liệu rồi mà vẫn nhận bản tin. VNeID là gì vậy?",
])
def test_an_erase_complaint_with_a_question_is_not_taken(text: str) -> None:
    assert plain_command(text) != ERASE_COMPLAINT


# review 18 (M2): the asker tells a stop done for someone else; that person's account is not the asker's
@pytest.mark.parametrize("text", [
    "Tôi đã hủy đăng ký giúp bà rồi mà vẫn nhận bản tin",
    "tôi hủy đăng ký giúp mẹ tôi rồi mà mẹ vẫn nhận bản tin",
    "mình đã hủy đăng ký cho bố rồi mà bố vẫn nhận bản tin",
])
def test_a_stop_done_by_the_asker_for_someone_else_is_no_complaint_of_his_own(text: str) -> None:
    assert plain_command(text) is None
