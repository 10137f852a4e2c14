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
