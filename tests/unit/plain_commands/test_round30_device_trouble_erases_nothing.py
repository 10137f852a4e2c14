"""Round 30 (`cmdkb30`): a story of the asker's own device in trouble, its data erased by the asker, is no erase.

"máy em bị lỗi, em bỏ hết dữ liệu rồi mà vẫn chậm" names the device whose data was erased ("máy em") and a device's
state ("chậm", "lag", "đơ", a full memory): what was erased is the phone's, never what the channel keeps. Erase's
``unless`` gains ``@device_trouble`` (content/intents.toml). An erase told done through the channel ("Tôi đã xóa dữ
liệu rồi mà vẫn thấy bản tin …") stays the erase complaint, and erase asked of the channel stays the erase.
"""

from __future__ import annotations

import unicodedata

import pytest

from bot.nlp.intents import plain_command


def _unmarked(text: str) -> str:
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return stripped.replace("đ", "d").replace("Đ", "D")


@pytest.mark.parametrize("text", [
    "máy em bị lỗi, em bỏ hết dữ liệu rồi mà vẫn chậm",
    "máy tui chậm quá, tui xóa hết dữ liệu rồi mà không ăn thua",
    "em xóa hết dữ liệu rồi mà máy em vẫn lag",
    "máy của bác bị đơ, bác gỡ hết dữ liệu mà vẫn đơ",
])
@pytest.mark.parametrize("form", ["typed", "unmarked"])
def test_a_device_in_trouble_erases_nothing(text: str, form: str) -> None:
    assert plain_command(text if form == "typed" else _unmarked(text)) is None


@pytest.mark.parametrize(("text", "command"), [
    ("xóa hết dữ liệu của tôi đi", "erase"),
    ("tui không dùng nữa, xóa hết dữ liệu của tui trên kênh này giùm", "erase"),
    ("Tôi đã xóa dữ liệu rồi mà vẫn thấy bản tin gửi tới", "erase_complaint"),
    ("Tôi đã xóa dữ liệu trên kênh rồi mà vẫn nhận bản tin", "erase_complaint"),
])
def test_erase_asked_of_the_channel_or_told_done_there_stays(text: str, command: str) -> None:
    assert plain_command(text) == command
