"""Round 22: a goal wished beyond the channel, then not knowing where to start, is asked about (help's
``unless_in_order`` with the ``goal`` class, which also binds "làm gì để …" — review of cmd21, M1: one class, not a list
per sentence); a shop's orders ("giờ đơn về quá trời") are no petition, so a letter that tells them still tells a story;
a relative's telling, told, is no story sent, unless the asker's wish to send it follows. The messages are the
engineer's own, except the two of tuned sets named in the report (facts_local, dev22a), reworded here.
"""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command
from handlers.probe import router_probe

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text", [
    "tôi muốn góp sức cho chuyển đổi số ở thôn mà không biết bắt đầu từ việc gì",
    "tôi muốn chuyển đổi số cho tiệm tạp hóa mà chưa biết bắt đầu từ đâu",
    "mình muốn góp phần chuyển đổi số mà không biết phải làm gì",
    "tui phải làm gì để góp phần chuyển đổi số",
    "bà con có thể làm gì để thúc đẩy số hóa ở xã",
])
def test_a_goal_beyond_the_channel_is_asked_about_not_help(text: str) -> None:
    assert plain_command(text) is None
    assert router_probe()(text) is None


@pytest.mark.parametrize("text", [
    "tôi muốn dùng kênh này mà chưa biết bắt đầu từ đâu",
    "mới vào không biết bắt đầu từ đâu",
    "Tôi muốn hỏi mà không biết bắt đầu từ đâu",
])
def test_a_newcomer_or_the_channel_as_the_goal_is_help(text: str) -> None:
    assert plain_command(text) == "help"


def test_a_letter_telling_a_shops_orders_then_asking_how_to_send_is_a_story() -> None:
    text = ("Ở xóm tui có anh thanh niên bày mấy cô bán bánh tráng qua mạng, giờ đơn về nhiều lắm, "
            "nhà nào cũng khá lên. Tui muốn kể chuyện này cho kênh đăng lên cho bà con học theo thì làm sao?")
    assert plain_command(text) == "story"


@pytest.mark.parametrize("text", ["viết đơn khiếu nại gửi xã thế nào",
                                  "tôi muốn gửi đơn kiến nghị lên kênh được không"])
def test_a_petition_is_no_story(text: str) -> None:
    assert plain_command(text) is None


@pytest.mark.parametrize(("text", "command"), [
    ("bà ngoại tôi kể chuyện hồi xưa làng chưa có điện", None),
    ("ba tôi hay kể chuyện thời bao cấp", None),
    ("Mẹ tôi kể chuyện xóm hay lắm, tôi muốn gửi cho kênh", "story"),
])
def test_a_relatives_telling_is_told_unless_the_asker_sends_it(text: str, command: str | None) -> None:
    assert plain_command(text) == command
