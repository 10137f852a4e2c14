"""Round 10 (qa10mix): messages typed in several styles at once — no marks, teencode, a regional word, a typo, a
context told after the question — read like their clean equivalents (docs/qa-history/round-10.md)."""

from __future__ import annotations

import pytest

from bot.kb import get_kb
from bot.kb.lexicon import scaffolding
from bot.nlp.clauses import clauses, is_question
from bot.nlp.dialect import standardize
from bot.nlp.normalize import analyze


def scaffolded_words(text: str) -> list[str]:
    analysis = analyze(standardize(text))
    return [analysis.units[i].tokens[0] for i in sorted(scaffolding(analysis))]


@pytest.mark.parametrize(("text", "read"), [
    ("Bộ TT&TT", "bo thong tin va truyen thong"),  # one name, not "tt" twice (thông tin | thủ tục | thanh toán)
    ("bo tt & tt cu", "bo thong tin va truyen thong cu"),
    ("Bộ KH&CN", "bo khoa hoc cong nghe"),  # not "kh" = "không" and "cn"
    ("bo ttvtt", "bo thong tin va truyen thong"),  # its "và" typed as a letter
    ("R&D", "roi d"),  # two letters the tables do not know glued stay two tokens
])
def test_abbreviations_joined_by_an_ampersand_are_one_name(text: str, read: str) -> None:
    assert analyze(text).text == read


@pytest.mark.parametrize(("text", "standard"), [
    ("truc tuyen bn % rua", "truc tuyen bao nhieu phan tram vay"),  # "bn" before what is counted is "bao nhiêu"
    ("tiet kiem dc bn tien", "tiet kiem duoc bao nhieu tien"),  # "được" typed as teencode before it
    ("bn oi cho hoi", "bn oi cho hoi"),  # "bạn" stays both readings where nothing is counted
    ("năng xuất lao động", "năng suất lao động"),  # the common misspelling
    ("nang xuat lao dong", "nang suat lao dong"),
    ("xuất khẩu lao động", "xuất khẩu lao động"),  # "xuất" alone is a word
])
def test_counted_bn_and_a_common_misspelling(text: str, standard: str) -> None:
    assert standardize(text) == standard


def test_teencode_words_of_the_mixed_style() -> None:
    assert analyze("co can lay van tay hog").text == "co can lay van tay khong"
    assert analyze("ktso 2030").text == "kinh te so 2030"
    assert is_question("co can chup hinh lay van tay hog")


@pytest.mark.parametrize(("text", "asks"), [
    ("mik ban ca o cho Long Xuyen, ko ranh cong nghe may", False),  # "không … mấy": not very
    ("tôi không rành mấy", False),
    ("có mấy tổ", True),
    ("không biết có mấy tổ", True),  # "không biết" opens a question
    ("toi khong biet co may to", True),
])
def test_not_very_is_no_question(text: str, asks: bool) -> None:
    assert is_question(text) is asks


@pytest.mark.parametrize(("text", "parts"), [
    # a sentence of the asker's own life after the question is cut off as context
    ("cong dich vu cong quoc gia mo tu nam nao z a, e ban trai cay o cho ma chua xai bao h",
     ["cong dich vu cong quoc gia mo tu nam nao z a", "e ban trai cay o cho ma chua xai bao h"]),
    ("VNeID là gì, tôi mới dùng điện thoại thông minh", ["VNeID là gì", "tôi mới dùng điện thoại thông minh"]),
    # the rest of the question is no context, with its "?" or without a speaker
    ("Bộ trưởng là ai, của Bộ Khoa học và Công nghệ sau hợp nhất?",
     ["Bộ trưởng là ai, của Bộ Khoa học và Công nghệ sau hợp nhất?"]),
    ("tỷ lệ hồ sơ trực tuyến là bao nhiêu, tính riêng cấp xã năm 2024",
     ["tỷ lệ hồ sơ trực tuyến là bao nhiêu, tính riêng cấp xã năm 2024"]),
])
def test_context_told_after_the_question(text: str, parts: list[str]) -> None:
    assert clauses(text) == parts


def test_forgetting_is_framing_but_not_a_forgotten_password() -> None:
    assert scaffolded_words("định danh mức 2 cần gì, tui quên mất rồi") == ["quen", "mat"]
    assert scaffolded_words("bài báo nói gì, tôi đọc lướt") == ["doc", "luot"]
    assert scaffolded_words("toi quen mat khau vneid") == []  # unmarked "quen mat" is "quên mật (khẩu)"


@pytest.mark.parametrize(("text", "entry"), [
    ("ad oi bo ttvtt h thuoc bo nao z", "bo-tttt-nay-la-bo-nao"),
    ("ad ơi mai thuyết trình mà hk bít: năng xuất lao động 2025 tăng bn % z", "ct-2025-kinh-te-so"),
    ("ôg bà tui lên xã làm định danh mức 2, cần mang giấy tờ gì nữa rứa, tui quên mất r", "vneid-kich-hoat-muc-2"),
    ("bo thong tin va truyen thong sap nhap vao bo khoa hoc cong nghe tu ngay nao", "bo-tttt-nay-la-bo-nao"),
])
def test_mixed_messages_are_answered_like_clean_ones(text: str, entry: str) -> None:
    answer = get_kb().answer(text)
    assert (answer.kind, answer.entry) == ("confident", entry)


def test_an_opinion_on_the_merger_is_still_not_answered() -> None:
    assert get_kb().answer("sáp nhập bộ TT&TT vào bộ KHCN có hợp lý không").kind != "confident"
