"""Round 28 (mixed28): typing quirks of one mixed message the normaliser now reads — a VNI tone key left after a word
the input method marked, a final "nh" typed "h", teencode of the cited table that the tables lacked, and "hôm / bữa
nào" asking which day (docs/qa-history/round-28-mixed28.md)."""

from __future__ import annotations

import pytest

from bot.kb import wh
from bot.nlp.dialect import standardize
from bot.nlp.normalize import analyze, command_form


def read(text: str) -> str:
    return analyze(standardize(text)).text


@pytest.mark.parametrize(("text", "tokens", "keys"), [
    ("qyết đinh5", ("quyet", "dinh"), ("quyêt1", "đinh5")),  # the đ typed, the nặng key left as a digit
    ("quyêt1 định", ("quyet", "dinh"), ("quyêt1", "đinh5")),
    ("đươc5 không", ("duoc", "khong"), ("đươc5", "không0")),
])
def test_a_vni_tone_key_left_after_marked_letters_is_the_tone(text: str, tokens: tuple[str, ...],
                                                              keys: tuple[str, ...]) -> None:
    analysis = analyze(text)
    assert analysis.tokens == tokens
    assert analysis.keys == keys


@pytest.mark.parametrize(("text", "tokens"), [
    ("mức2", ("muc", "2")),  # a word typed with its tone keeps its number
    ("năm2025", ("nam", "2025")),
    ("ấp3", ("ap", "3")),
    ("đinh56", ("dinh", "56")),  # two digits are a number, not a tone key
])
def test_a_number_glued_to_a_toned_word_stays_a_number(text: str, tokens: tuple[str, ...]) -> None:
    assert analyze(text).tokens == tokens


@pytest.mark.parametrize(("text", "tokens", "keys"), [
    ("chương trìh", ("chuong", "trinh"), ("chương0", "trinh2")),  # "nh" typed "h" beside marks
    ("nghị địh", ("nghi", "dinh"), ("nghi5", "đinh5")),
    ("dân mìh", ("dan", "minh"), ("dân0", "minh2")),
])
def test_a_final_nh_typed_h_is_put_back(text: str, tokens: tuple[str, ...], keys: tuple[str, ...]) -> None:
    analysis = analyze(text)
    assert analysis.tokens == tokens
    assert analysis.keys == keys


@pytest.mark.parametrize(("text", "tokens"), [
    ("dạ vâng àh", ("da", "vang", "a")),  # an interjection with an "h": no onset, no "nh"
    ("xoh", ("xoh",)),  # unmarked: left to the ranker's typo repair
])
def test_what_the_nh_rule_does_not_read(text: str, tokens: tuple[str, ...]) -> None:
    assert analyze(text).tokens == tokens


def test_the_command_form_is_read_as_before() -> None:
    # the command form decoded the digit already (its decoders read marked words too): the same letters
    assert command_form("đinh5") == "dinh"
    assert command_form("mức2") == "muc 2"


@pytest.mark.parametrize(("text", "reading"), [
    ("dân mih mún", "dan minh muon"),
    ("năm nào lun z ad", "nam nao luon vay admin"),
    ("xong rùi ad", "xong roi admin"),
    ("mấy chiện đó", "may chuyen do"),
])
def test_teencode_of_the_cited_table(text: str, reading: str) -> None:
    assert read(text) == reading


@pytest.mark.parametrize(("text", "reading"), [
    ("cây lùn", "cay lun"),  # marked, "lùn" and "lún" are words of their own
    ("đất bị lún", "dat bi lun"),
    ("ông rủi ro", "ong rui ro"),
])
def test_real_words_keep_their_reading(text: str, reading: str) -> None:
    assert read(text) == reading


@pytest.mark.parametrize("text", [
    "năm 2025 ngày cđs tổ chức hôm nào",
    "ngay chuyen doi so to chuc bua nao",
    "Ngày chuyển đổi số năm nay làm bữa nào vậy?",
])
def test_which_day_asked_is_a_time(text: str) -> None:
    assert "when" in wh.kinds(analyze(standardize(text, lambda a, b: False)).text)
