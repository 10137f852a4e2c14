"""A complaint about a stop told done ("Tôi hủy bản tin rồi. Sao vẫn nhận?"): it unsubscribed again, silently.

Read as ``intents.STOP_COMPLAINT`` (a clause tells the stop done, it or a later one that the digest still comes, and
nothing after asks for a command); the handler changes nothing and says the asker's state: still subscribed, with a
button that stops, or not subscribed, with what still comes (the channel's article Zalo sends every follower). Round
15's "… nhưng vẫn nhận bản tin" reads the same (it was the knowledge base's).

The messages are the engineer's own.
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.infra.texts import render
from bot.nlp.intents import STOP_COMPLAINT, plain_command
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import Chat

pytestmark = pytest.mark.unit

COMPLAINTS = [
    "Tôi hủy bản tin rồi. Sao vẫn nhận?",
    "Tôi hủy bản tin rồi, sao vẫn nhận vậy",
    "Toi huy ban tin roi. Sao van nhan?",
    "Mình đã dừng nhận bản tin rồi mà tuần này vẫn thấy gửi tới",
    # the stop said bare, or of the channel (review 17, H1: these still read as the digest's)
    "Tôi đã hủy đăng ký rồi mà vẫn nhận tin",
    "Em hủy theo dõi kênh rồi mà vẫn thấy gửi",
]

REQUESTS = [
    ("Tôi đã hủy rồi nhưng vẫn nhận, hủy bản tin giúp tôi lần nữa nhé", "unsubscribe"),
    ("hủy bản tin đi, tôi vẫn đọc trên web", "unsubscribe"),
    ("Hủy bản tin giúp tôi. VNeID là gì?", "unsubscribe"),
]

# review 17 (H1): a stop told done of something else than the digest (a bank's service, a carrier's plan, a SIM, an
# advertiser, an account, a page) is the knowledge base's, however the "vẫn" clause goes on
ELSEWHERE = [
    "Tôi đã hủy đăng ký dịch vụ SMS banking rồi nhưng vẫn bị trừ tiền",
    "Tôi đã hủy đăng ký gói cước 4G rồi mà nhà mạng vẫn trừ tiền",
    "Mình đã hủy đăng ký sim rác rồi mà vẫn bị gọi quảng cáo hoài",
    "Tôi đã dừng nhận tin nhắn quảng cáo rồi mà vẫn nhận, báo ở đâu?",
    "Tôi đã hủy theo dõi trang lừa đảo rồi nhưng vẫn nhận tin nhắn lạ",
    "Tôi đã hủy tài khoản Zalo cũ rồi mà vẫn nhận tin nhắn",
    "Tôi đã hủy đăng ký VNeID rồi nhưng vẫn nhận thông báo, làm sao?",
    "toi da huy dang ky goi cuoc roi ma van bi tru tien",
    "Em hủy đăng ký rồi mà tháng này vẫn bị trừ tiền",
]
# review 17 (H2): the stop told, the digest still coming, then a wish to get it back or a question: no complaint (its
# reply may offer a stop button)
ASKED_AFTER = [
    "Hôm trước tôi hủy đăng ký rồi, giờ tôi vẫn thấy bản tin hiện lên, tôi muốn nhận lại thì gõ gì",
    "Tôi hủy bản tin rồi, tuần này vẫn thấy gửi tới, giờ muốn đăng ký lại thì làm sao?",
    "Tôi đã hủy bản tin rồi, tôi vẫn thấy bản tin, làm sao để nhận lại?",
]

# review 17 (M5): a stop someone else did on their own account: the complaint's reply would speak of the asker's
BY_ANOTHER = [
    "Mẹ tôi đã hủy đăng ký rồi mà vẫn nhận bản tin",
    "Vợ tôi hủy bản tin rồi nhưng vẫn nhận bản tin hoài",
]


@pytest.mark.parametrize("text", BY_ANOTHER)
def test_a_stop_someone_else_did_is_no_complaint_of_this_account(text: str) -> None:
    assert plain_command(text) is None  # neither the complaint nor a stop of the asker's own digest


@pytest.mark.parametrize("text", ELSEWHERE)
def test_a_stop_of_something_else_is_no_complaint_of_the_digest(text: str) -> None:
    assert plain_command(text) is None


@pytest.mark.parametrize("text", ASKED_AFTER)
def test_a_wish_or_question_after_the_complaint_is_no_complaint(text: str) -> None:
    assert plain_command(text) not in (STOP_COMPLAINT, "unsubscribe")


@pytest.mark.parametrize("text", COMPLAINTS)
def test_a_stop_told_done_then_still_receiving_is_a_complaint(text: str) -> None:
    assert plain_command(text) == STOP_COMPLAINT


@pytest.mark.parametrize(("text", "name"), REQUESTS)
def test_a_request_said_with_it_is_still_done(text: str, name: str) -> None:
    assert plain_command(text) == name


def test_still_subscribed_says_so_and_offers_the_stop(chat: Chat) -> None:
    chat.say("đăng ký")
    assert chat.say(COMPLAINTS[0]) == [render("sub_complaint_subscribed")]
    assert subscribers.is_subscribed(chat.redis, USER)  # nothing changed
    button = chat.messages()[-1].buttons[0]
    chat.say(button[1])  # the tap stops it
    assert not subscribers.is_subscribed(chat.redis, USER)


def test_not_subscribed_says_what_still_comes(chat: Chat) -> None:
    assert chat.say(COMPLAINTS[0]) == [render("sub_complaint_not_subscribed")]
    assert not subscribers.is_subscribed(chat.redis, USER)
