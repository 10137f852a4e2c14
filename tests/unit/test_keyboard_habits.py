"""Punctuation typed without the space after it and a held-down last letter, read apart before any reader (round 30,
mixed30: bot.nlp.keyboard_habits)."""

from __future__ import annotations

import time

import pytest

from bot.nlp.dialect import standardize
from bot.nlp.keyboard_habits import as_typed_apart, ends_questions


@pytest.mark.parametrize(("typed", "read"), [
    ("Định danh ở mô,làm răng?", "Định danh ở mô, làm răng?"),
    ("xã tui ở xa.Tui hỏi chút", "xã tui ở xa. Tui hỏi chút"),
    ("cài giùm cái vneid.bà sợ lừa đảo", "cài giùm cái vneid. bà sợ lừa đảo"),
    ("năm 2022.Tôi nhớ vậy", "năm 2022. Tôi nhớ vậy"),
    ("có phải không ạ?Em cảm ơn", "có phải không ạ? Em cảm ơn"),
    ("con hỏi hoài...Tui chịu", "con hỏi hoài... Tui chịu"),
    ("tò mò:cả nước có mấy tổ", "tò mò: cả nước có mấy tổ"),
    ("nha ngheo.ong ba gia roi", "nha ngheo. ong ba gia roi"),
    ("chi roi rứaaaa", "chi roi rứa"),
    ("hồi nào dzậyyyy?", "hồi nào dzậy?"),
    ("ngày cđssss là ngày mấy", "ngày cđs là ngày mấy"),
    ("mức 2 làm ở đâu vậy nhaaa 🙏", "mức 2 làm ở đâu vậy nha 🙏"),
    ("làm lại cccdddd", "làm lại cccd"),
    # round 31: raw Telex initials and teencode held down ("cddssss" = "cđs", "bnnnn" = "bn", bao nhiêu)
    ("ngày cddssss là ngày mấy", "ngày cdds là ngày mấy"),
    ("tiết kiệm bnnnn tiền", "tiết kiệm bn tiền"),
])
def test_a_keyboard_habit_is_read_apart(typed: str, read: str) -> None:
    assert as_typed_apart(typed) == read


@pytest.mark.parametrize("typed", [
    "vào dichvucong.gov.vn mà nộp",  # a web address
    "trang c63.mic.gov.vn có gì",
    "nhắn zalo.me/abc nha",
    "https://vneid.gov.vn",
    "TP.HCM có bao nhiêu xã",  # initials on both sides
    "Tp.Huế mới lập tổ",  # a city's abbreviation before its name
    "ở Q.Ba Đình",  # a single letter: an address unit
    "tăng 1,5 lần lúc 8:30",  # numbers
    "bộ tttt giờ nhập vô đâu",  # one letter four times: an abbreviation
    "bộ btttt",  # an abbreviation ending in a repeated letter
    "quý III năm 2024, khóa XIII",  # Roman numerals
    "định nghĩa chuẩn ạ",
    # round 31: a dossier's code (a full stop before letters and digits run together) and a sound held down
    "Tra giúp tôi mã hồ sơ 000.00.12.H40-250101-0001",
    "mã 12.AB40 nha",
    "hmmmm để tui nghĩ",
    "brrrr lạnh quá",
])
def test_what_is_typed_so_on_purpose_stays(typed: str) -> None:
    assert as_typed_apart(typed) == typed


def test_the_regional_reader_sees_both_words_of_a_comma_typed_without_its_space() -> None:
    """"mô,làm" was one word to bot.nlp.dialect, so neither Central word was read."""
    assert standardize(as_typed_apart("Định danh mức 1 thì tự làm ở mô,làm răng?")) == \
        "Định danh mức 1 thì tự làm ở đâu, làm sao?"


def test_linear_in_the_length_of_the_message() -> None:
    """A message of glued sentences and held letters a hundred times longer takes about a hundred times as long."""
    unit = "tui hỏi nè.Cổng dvc mở hồi nào,ai làm dzậyyyy?Cảm ơn nhaaaa. "
    as_typed_apart(unit * 10)
    started = time.perf_counter()
    as_typed_apart(unit * 10)
    short = time.perf_counter() - started
    started = time.perf_counter()
    long = as_typed_apart(unit * 1000)
    assert time.perf_counter() - started < max(short, 1e-4) * 1000
    assert "nè. Cổng" in long and "dzậy?" in long


@pytest.mark.parametrize(("typed", "read"), [
    # round 32 (mixed32), round 34 (emoji34): an emoji (or a run of them, with skin tones and joiners) typed where a
    # question ends, in the question mark's place: read as the question's end
    ("ngay cds la ngay nao z 🤔 tui quen mat r", "ngay cds la ngay nao z. tui quen mat r"),
    ("3 tru cot cds la j 😅😅 c hai che o Thanh Ba", "3 tru cot cds la j. c hai che o Thanh Ba"),
    ("chủ đề năm 2024 là gì ạ 🙏🏻 em cảm ơn", "chủ đề năm 2024 là gì ạ. em cảm ơn"),
    ("vneid mức 2 làm ở đâu ❤️ kênh ơi", "vneid mức 2 làm ở đâu. kênh ơi"),
    ("cổng dvc qg mở năm nào 🤔 ông e hỏi", "cổng dvc qg mở năm nào. ông e hỏi"),
    ("dc ko😅em hỏi", "dc ko. em hỏi"),
    # the words since the last sentence mark are what the emoji closes
    ("Nhà e ở quê. vneid là gì z 🤔 bà e hỏi", "Nhà e ở quê. vneid là gì z. bà e hỏi"),
    ("e ở quê 😂 ngày cds là ngày nào 🤔 e quên", "e ở quê 😂 ngày cds là ngày nào. e quên"),
    # and an emoticon typed apart, the keyboard's older emoji
    ("cds la gi =)) cho e hoi", "cds la gi. cho e hoi"),
    ("bộ trưởng là ai :)) tui đố", "bộ trưởng là ai. tui đố"),
    ("đề án 06 là gì ^^ e hỏi thêm", "đề án 06 là gì. e hỏi thêm"),
])
def test_an_emoji_that_closes_a_question_ends_it(typed: str, read: str) -> None:
    assert ends_questions(typed) == read


@pytest.mark.parametrize("typed", [
    # round 34 (emoji34): after words that tell, the emoji is the story's tone, and the question after it leans on
    # the story for what it asks about: they stay one sentence
    "facebook e bị hack mất rồi 😭 lấy lại tài khoản sao ad",
    "khách toàn quét qr 😂😂 cho c hỏi đến 2030 thì sao",
    "hay qua =)) cho e hoi",
    "hic :( tui quen r",
    # a question that points at what follows it ("bên đó", "nó") does not name its subject: the afterthought does
    "bên đó có bao nhiêu dịch vụ công trực tuyến v ad 😍 Singapore làm smart nation hay quá",
    "nó ra đời năm nào vậy 🤔 cái cổng dịch vụ công ấy",
    # a statement closed by a tag question asks only whether it is true: it tells
    "Giờ tỉnh tui nhập vô tỉnh bên rồi phải hông 🤔 cho hoi chinh quyen 2 cap bat dau tu ngay nao",
    "ngay cds la ngay 10/10 dung ko ad 😅 e nho vay",
])
def test_an_emoji_after_a_story_or_a_pointing_question_ends_nothing(typed: str) -> None:
    assert ends_questions(typed) == typed


@pytest.mark.parametrize("typed", [
    "chủ đề năm nay là gì vậy 😅",  # the message's last sign: nothing follows it
    "là gì vậy 😅?",  # punctuation typed after it
    "là gì vậy 😂, mà cho hỏi",  # or before the next word
    "ok 👍🏻👍🏻",
    "😅 cho hỏi ngày cds",  # nothing before it
    "có 2 loại: ① mức 1 ② mức 2",  # an enclosed number is no emoji
    "mở cửa 7:30 sáng",  # a colon glued to a number or a word is a time or a label
    "Lưu ý: mang cccd",
    "là gì a:)) b",
])
def test_an_emoji_with_no_sentence_after_it_stays(typed: str) -> None:
    assert ends_questions(typed) == typed


def test_as_typed_apart_leaves_emoji_to_ends_questions() -> None:
    """The engine reads the letter both ways (bot.kb.parted): as typed apart, an emoji stays where it was typed."""
    assert as_typed_apart("ngay cds la ngay nao z 🤔 tui quen mat r") == "ngay cds la ngay nao z 🤔 tui quen mat r"


def test_emoji_runs_read_in_linear_time() -> None:
    """A long run of emoji and spaces between words, or many short sentences each closed by one, cost their length,
    not its square."""
    started = time.perf_counter()
    ends_questions("là gì " + "😂 " * 20000 + "b")
    ends_questions("là gì " + "😂 " * 20000)
    ends_questions("hay quá 😂 " * 5000 + "là gì")
    ends_questions("là gì 😂 " * 5000 + "b")
    assert time.perf_counter() - started < 2.0
