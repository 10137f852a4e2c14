"""Round 25 (bot/kb/question_part.py): the pieces of a question clause that ask, without the story run into the same
sentence by commas."""

from __future__ import annotations

import time

import pytest

from bot.kb.question_part import asking_pieces, pieces

pytestmark = pytest.mark.unit

LETTER = ("lam ngoai Ha Long may nam nay, dua ban cung phong noi chuyen doi so co 3 tru cot chi do ma tui ko nho, "
          "3 tru cot cua chuyen doi so la nhung cai gi vay?")


def test_a_letter_is_cut_at_its_commas_and_keeps_its_question_mark() -> None:
    cut = pieces(LETTER)
    assert len(cut) == 3 and cut[-1].endswith("?")


def test_a_number_is_never_cut() -> None:
    assert pieces("Cổng tiết kiệm 4,22 nghìn tỷ, có từ 1.7.2024 không?") == [
        "Cổng tiết kiệm 4,22 nghìn tỷ,", "có từ 1.7.2024 không?"]


def test_the_story_pieces_are_left_out() -> None:
    """The first piece tells where the asker works (Hạ Long), the second what a colleague said: neither asks, and the
    second, though right before the question, is a story's length, no subject fronted."""
    assert asking_pieces([LETTER]) == pieces(LETTER)[-1:]


def test_a_fronted_subject_right_before_the_question_is_kept() -> None:
    clause = "Hôm trước tôi đi họp tổ dân phố, còn ở thành phố Huế, tỷ lệ hồ sơ trực tuyến là bao nhiêu?"
    assert asking_pieces([clause]) == ["còn ở thành phố Huế,", "tỷ lệ hồ sơ trực tuyến là bao nhiêu?"]


def test_a_clause_none_of_whose_pieces_asks_stays_whole() -> None:
    for clause in ("Cho tôi hỏi, năm 2025 tỷ lệ hồ sơ trực tuyến toàn trình", "Tôi ở Hà Nội, nhà gần chợ",
                   "Tôi ở Hà Nội, nhà gần chợ, hôm qua đi họp"):
        assert asking_pieces([clause]) == [clause]


def test_cutting_stays_linear_in_the_length() -> None:
    """Adversarial input: tens of thousands of commas and digits (no backtracking in the cut)."""
    text = "1,2,a," * 20000 + " ở đâu?"
    started = time.perf_counter()
    found = asking_pieces([text])
    assert time.perf_counter() - started < 2.0
    assert found and found[-1].endswith("?")


@pytest.mark.parametrize(("text", "cut"), [
    ("tôi tạo tài khoản từ năm 2021, giờ vẫn dùng được không",
     ["tôi tạo tài khoản từ năm 2021,", "giờ vẫn dùng được không"]),
    ("Hồi 2022 tui có làm. Giờ sao rồi?", ["Hồi 2022 tui có làm.", "Giờ sao rồi?"]),
    ("tỷ lệ 4,22 triệu, năm 1.000 người", ["tỷ lệ 4,22 triệu,", "năm 1.000 người"]),
])
def test_a_mark_after_a_number_and_before_a_space_ends_a_piece(text: str, cut: list[str]) -> None:
    """Round 29: "… từ năm 2021, giờ …": the year closes the story's piece; a number's own mark ("4,22") has a digit
    on both sides."""
    assert pieces(text) == cut


@pytest.mark.parametrize(("text", "cut"), [
    ("thôn e mạng yếu quá 😩 cho e hỏi cáp quang tới đâu rồi",
     ["thôn e mạng yếu quá 😩", "cho e hỏi cáp quang tới đâu rồi"]),
    ("ngày cds là ngày nào z 🤔 e ở Cái Bè", ["ngày cds là ngày nào z 🤔", "e ở Cái Bè"]),
    ("vui quá ❤️ cho hỏi VNeID là gì", ["vui quá ❤️", "cho hỏi VNeID là gì"]),  # an emoji ended by its selector
    ("VNeID là gì vậy ad 😅", ["VNeID là gì vậy ad 😅"]),  # the message's last mark cuts nothing
    ("cái này😅hay ghê", ["cái này😅hay ghê"]),  # no space after it: no pause read
])
def test_an_emoji_before_a_space_ends_a_piece(text: str, cut: list[str]) -> None:
    """Round 32: in chat an emoji is punctuation, closing what was said where writing would put a comma or a stop."""
    assert pieces(text) == cut


def test_the_story_after_an_emoji_is_left_out_of_the_asking_part() -> None:
    """The question first, an emoji, then where the asker works: only the question asks."""
    text = "3 tru cot cds la j v ad 😅 e cay lua o Tam Nong Đồng Tháp, hoi nong dan xa bat hoc ma e quen"
    assert asking_pieces([text]) == ["3 tru cot cds la j v ad 😅"]


def test_an_emoji_cut_stays_linear_in_the_length() -> None:
    """Adversarial input: tens of thousands of emoji and spaces."""
    text = "😅 a " * 30000 + "ở đâu?"
    started = time.perf_counter()
    found = asking_pieces([text])
    assert time.perf_counter() - started < 2.0
    assert found and found[-1].endswith("?")
