"""Round 34 (lane cmd34), through the webhook: what a citizen sees where the readers of plain-words commands changed.

A story in hand named "chuyện này" or asked for in a sentence of its own after the wish starts the submission; the
asker's messages named first as the topic reach erase, which still asks to confirm; a leave-taking "Thôi chị đi …"
after a question, and "toàn đọc tin thôi", stop nothing: the citizen stays subscribed and gets no stop's reply; a
bulletin named by its subject is not answered with the digest. Messages written for these tests (the phrase-level
cases are in tests/unit/plain_commands/test_round34_story_in_hand_and_words_said_elsewhere.py).
"""

from __future__ import annotations

import pytest

from bot.digest import subscribers
from bot.infra.texts import render
from tests.support import BotHarness

USER = "2222222222222222222"


def ask(bot: BotHarness, text: str) -> str:
    bot.send(USER, text)
    bot.settle()
    return bot.messages(USER)[-1]["text"]


@pytest.mark.parametrize("text", [
    "Nhà tôi ở Hòa Vang trồng nấm, năm nay con gái tôi lập trang bán nấm qua mạng, đơn về đều đặn, cả xóm học theo. "
    "Tôi muốn gửi chuyện này lên kênh cho bà con nơi khác biết thì làm sao?",
    "Nhà tôi ba đời đan lát ở Phú Vinh, năm ngoái con dâu tôi mở gian hàng trên mạng, giờ khách ở tận Đà Lạt cũng đặt. "
    "Tôi muốn kể chuyện nhà tôi đổi nghề thế nào cho kênh đăng, để làng khác học theo. Gửi cho kênh thế nào?",
])
def test_a_story_in_hand_asked_how_to_send_starts_the_submission(bot: BotHarness, text: str) -> None:
    assert ask(bot, text) == render("story_ask_title").strip()


def test_the_messages_named_first_reach_erase_which_still_asks_first(bot: BotHarness) -> None:
    ask(bot, "đăng ký")
    text = "Mấy cái tin nhắn em gửi kênh, tên, số điện thoại... xóa hết giúp em được không ạ"
    assert ask(bot, text) == render("erase_ask").strip()
    assert subscribers.is_subscribed(bot.redis, USER)  # nothing deleted before the confirmation


@pytest.mark.parametrize("text", [
    "Tui nghe nói mà hông tin. Năm nay ngày chuyển đổi số có tổ chức không vậy em? Thôi chị đi nấu cơm đây.",
    "Kênh này lập ra để người dân làm gì vậy, tui thấy toàn đọc tin thôi à",
])
def test_thoi_said_of_no_digest_keeps_the_subscription(bot: BotHarness, text: str) -> None:
    ask(bot, "đăng ký")
    assert ask(bot, text) != render("sub_unsubscribed")
    assert subscribers.is_subscribed(bot.redis, USER)


def test_another_publishers_bulletin_is_not_answered_with_the_digest(bot: BotHarness) -> None:
    digest = ask(bot, "bản tin")
    assert ask(bot, "bản tin giá lúa hôm nay ở An Giang nhiêu 1 ký vậy mn") != digest
