"""A command's "unless" words block only the words they are, not every word of their folded form.

Session 4 found that "dừng" (stop), folded to "dung", also blocked "dùng" (use) and the "dụng" of "ứng dụng"
— and "app", which reads "ứng dụng" — so a citizen offering a story about an app got no story flow.
"""

from __future__ import annotations

import pytest

from bot.nlp.intents import plain_command
from bot.nlp.normalize import command_words


@pytest.mark.parametrize("text", [
    "Em muốn chia sẻ chuyện thôn em ai cũng cài app đi chợ online ạ.",
    "em muon chia se cau chuyen thon em ai cung cai app di cho",
    "tôi muốn chia sẻ câu chuyện dùng ứng dụng VNeID",
    "muốn gửi câu chuyện về người dân dùng dịch vụ công",
])
def test_use_and_app_do_not_block_a_story(text: str) -> None:
    assert plain_command(text) == "story"


@pytest.mark.parametrize("text", [
    "muốn kể câu chuyện, dừng lại đã",  # typed with marks: the exclusion itself
    "muon gui cau chuyen nhung dung lai",  # typed without: "dung" may be "dừng", so it still blocks
    "muốn gửi câu chuyện nhưng dung lai",  # one unmarked word in a marked message is just as ambiguous
    "muon gui cau chuyen nhung dwngf lai",  # Telex "dừng": its marks are known
])
def test_stop_still_blocks_a_story(text: str) -> None:
    assert plain_command(text) is None


def test_command_words_know_where_the_marks_are() -> None:
    words = command_words("dừng dung app 2025")
    assert [w for w, _, _ in words] == ["dung", "dung", "ung", "dung", "2025"]
    assert [sure for _, _, sure in words] == [True, False, True, True, False]
    assert words[0][1] != words[3][1]  # "dừng" ≠ the "dụng" of "ứng dụng"
