"""Help asked as the channel's features shown as a set ("chỉ em mấy chức năng"), and "chatbot này" as the channel
asked what it can do; another thing's features, or one feature, are no help (those first). The messages are the
engineer's own."""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command

pytestmark = pytest.mark.unit

NOT_HELP = [
    "chỉ tôi mấy tính năng của iPhone",
    "chỉ em mấy chức năng của VNeID",
    "chỉ em chức năng chụp màn hình",
    "chỉ em mấy tính năng mới của Zalo",
    "máy giặt này có mấy chức năng",
    # features asked to be shown, then something else named in their clause
    "chỉ bà mấy chức năng gọi video",
    "chỉ em mấy tính năng chỉnh ảnh với",
    "chi em may chuc nang goi video",
    # round 22 (review of cmd21, M3): the thing named in the next clause, opening it or pointed at
    "chỉ tôi mấy chức năng, cái iPhone mới mua",
    "chỉ bà mấy chức năng nha, gọi video ấy",
    "chỉ em mấy tính năng với, chiếc đồng hồ thông minh",
    "chi toi may chuc nang, cai may giat moi",
]

HELP = [
    "chỉ em mấy chức năng",
    "Bot này làm được những gì vậy, chỉ em mấy chức năng với ạ",
    "hướng dẫn mình các tính năng nha",
    "chỉ em mấy chức năng của kênh này với",
    "Chatbot này làm được những việc gì vậy, chỉ cho tôi với?",
    "chatbot này giúp được gì cho tôi",
    "chi em may chuc nang",
    "chỉ em các chức năng của bot nhé ad",
    "chỉ cháu mấy chức năng gì vậy",
    # round 22: the next clause tells or thanks, or names the channel
    "chỉ em mấy chức năng với, em mới vào",
    "chỉ em mấy chức năng, của kênh này nha",
    "chỉ tui mấy tính năng nhé, cảm ơn ad",
    "chỉ em mấy chức năng, của kênh ấy",
]


@pytest.mark.parametrize("text", NOT_HELP)
def test_another_things_features_are_no_help(text: str) -> None:
    assert plain_command(text) is None


@pytest.mark.parametrize("text", HELP)
def test_the_channels_features_asked_are_help(text: str) -> None:
    assert plain_command(text) == "help"
