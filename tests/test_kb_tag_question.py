"""Round 31 (``bot.kb.question_part.only_confirms``, ``bot.kb.asking_part.asking_part``): a tag question ("Thật rứa
không?", "phải hông?") asks only whether the story just told is true; it names nothing, so a long letter's asking
part read alone is the questions around it, not the tag with them."""

from __future__ import annotations

import pytest

from bot.kb.asking_part import asking_part
from bot.kb.question_part import only_confirms

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("piece", ["Thật rứa không?", "Có thật vậy không?", "phải hông?", "đúng ko?",
                                   "thiệt hông vậy?", "có phải không"])
def test_a_tag_question_only_confirms(piece: str) -> None:
    assert only_confirms(piece)


@pytest.mark.parametrize("piece", ["Gộp vào bộ nào?", "phải làm sao không", "đúng ngày nào không",
                                   "có phải chụp hình lăn tay không", "Có thật là ngày 10/10 không?", ""])
def test_a_question_naming_something_is_no_tag(piece: str) -> None:
    assert not only_confirms(piece)


def test_the_tag_is_left_out_of_a_long_letter_s_asking_part() -> None:
    text = ("Ông nội tôi làm thợ điện ở Bộ Bưu chính Viễn thông từ thời bao cấp. Nay hàng xóm bảo bộ ấy bị gộp rồi. "
            "Thật vậy không? Gộp vào bộ nào, từ khi nào?")
    assert asking_part(text, ["Thật vậy không?", "Gộp vào bộ nào, từ khi nào?"]) == "Gộp vào bộ nào, từ khi nào?"


def test_a_tag_alone_is_still_the_asking_part() -> None:
    text = ("Ông nội tôi làm thợ điện ở Bộ Bưu chính Viễn thông từ thời bao cấp. Nay hàng xóm bảo bộ ấy bị gộp. "
            "Thật vậy không?")
    assert asking_part(text, ["Thật vậy không?"]) == "Thật vậy không?"
