"""Everyday chat shorthand expands to the words the KB is written in (bot/nlp/abbreviations.py)."""

from __future__ import annotations

import pytest

from bot.nlp.abbreviations import COMMAND, COMMON, DOMAIN
from bot.nlp.dialect import standardize
from bot.nlp.normalize import analyze, is_syllable


@pytest.mark.parametrize(("text", "expected"), [
    ("cty nào lm cổng dvc", "cong ti nao lam cong dich vu cong"),
    ("ktra kq đăng ký", "kiem tra ket qua dang ki"),
    ("cb xã tgia tổ", "can bo xa tham gia to"),
    ("cả nc lập dc bn tổ", "ca nuoc lap duoc bao nhieu ban to"),
    ("ctr cdds qg", "chuong trinh chuyen doi so quoc gia"),  # "cđs" typed in Telex
])
def test_shorthand_expands(text: str, expected: str) -> None:
    assert analyze(text).text == expected


def test_no_shorthand_is_a_real_syllable() -> None:
    # a key that is a syllable would never be looked up ("khum" is a word: curved), and must not be
    assert not [k for table in (COMMON, DOMAIN, COMMAND) for k in table if is_syllable(k)]


def test_a_lone_s_is_sao_but_not_an_english_possessive() -> None:
    assert standardize("s ad bảo cđs trc tiên là thay đổi nhận thức z") == (
        "sao ad bảo cđs trc tiên là thay đổi nhận thức z")
    assert "sao" not in analyze(standardize("VNeID's account bị khóa")).tokens


@pytest.mark.parametrize(("typed", "read"), [
    # round 32 (mixed32): "rep" (reply) typed without marks, and a greeting of several with a slash
    ("kênh có tự rep tin nhắn ko", "kênh có tự trả lời tin nhắn ko"),
    ("a/c ơi cho e hỏi", "anh chị ơi cho e hỏi"),
    ("a/e ơi tổ cns là gì", "anh em ơi tổ cns là gì"),
])
def test_reply_and_slashed_greetings_are_read(typed: str, read: str) -> None:
    assert standardize(typed) == read


@pytest.mark.parametrize("typed", ["bị rệp cắn", "a/b testing"])
def test_their_look_alikes_stay(typed: str) -> None:
    assert standardize(typed) == typed


@pytest.mark.parametrize(("text", "expected"), [
    # round 34 (mixed34): a two-syllable word with its first syllable cut to its initial ("qgia"), the "đ" of "động"
    # typed as the initialism's second letter ("dđ"), and "lmj" (làm gì)
    ("cổng dvc qgia", "cong dich vu cong quoc gia"),
    ("mạng dđ nhanh", "mang di dong nhanh"),
    ("lập ra để lmj", "lap ra de lam gi"),
    # standard initialisms of public normalisation tables
    ("kte so, xh so", "kinh te so xa hoi so"),
    ("năng suất lđ", "nang suat lao dong"),
    ("theo vb nào", "theo van ban nao"),
])
def test_round34_shorthand_expands(text: str, expected: str) -> None:
    assert analyze(text).text == expected


def test_tg_is_read_as_the_world_as_well_as_time() -> None:
    # "xếp thứ mấy tg": every tuned message typing "tg" asks a world ranking; "thời gian" is kept beside it
    tokens = analyze("xếp thứ mấy tg").tokens
    assert {"the", "gioi", "thoi", "gian"} <= set(tokens)


@pytest.mark.parametrize(("typed", "read"), [
    ("chính fủ số", "chinh phu so"),  # an "f" for "ph" in a word typed with marks
    ("Fần mềm", "phan mem"),
])
def test_an_f_for_ph_is_read_in_a_marked_word(typed: str, read: str) -> None:
    assert analyze(typed).text == read


@pytest.mark.parametrize("typed", ["fan", "file", "facebook", "font"])
def test_an_unmarked_word_with_an_f_stays(typed: str) -> None:
    # an unmarked word with an "f" may be English: "fan" would read "phan"
    assert analyze(typed).text == typed


@pytest.mark.parametrize(("typed", "read"), [
    # round 34 (mixed34): a shorthand with its last letter held down is read once, where that is a table's key
    ("kooo", "khong"),
    ("cdsss", "chuyen doi so"),
    ("ko bikkk", "khong biet"),
    ("tổ cns lập đc bnnnn", "to cong nghe so lap duoc bao nhieu ban"),
])
def test_a_stretched_shorthand_is_read_once(typed: str, read: str) -> None:
    assert analyze(typed).text == read


@pytest.mark.parametrize("typed", ["kkk", "zzz", "ttttttt"])
def test_one_letter_held_down_stays(typed: str) -> None:
    # "kkk" is a laugh, not a held-down "k" (không)
    assert analyze(typed).text == typed
