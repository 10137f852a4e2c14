"""Telex/VNI leftovers are decoded only where they spell a syllable a Vietnamese could type.

Session 4 found "top50" decoded as VNI (tone 5, then tone 0): the number 50 vanished and "top 50 EGDI" lost
what it asked. A syllable carries one tone, and one closed by p/t/c/ch only sắc or nặng.
"""

from __future__ import annotations

import pytest

from bot.nlp.normalize import analyze, decode_telex, decode_vni


def tokens(text: str) -> list[str]:
    return list(analyze(text).tokens)


@pytest.mark.parametrize(("text", "expected"), [
    ("top50", ["top", "50"]), ("top10", ["top", "10"]), ("nam2025", ["nam", "2025"]),
    ("muc2", ["muc", "2"]),  # "mùc" cannot be: a closed syllable with the huyền tone
])
def test_a_word_glued_to_its_number_is_a_word_and_a_number(text: str, expected: list[str]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize("code", ["c06", "h5n1", "covid19", "vneid2"])
def test_codes_stay_whole(code: str) -> None:
    assert tokens(code) == [code]


def test_one_tone_per_syllable() -> None:
    assert decode_vni("top50") is None
    assert decode_vni("chuye63n") == ("chuyên", 3)
    assert decode_vni("thi2") == ("thi", 2)
    assert decode_vni("cuc5") == ("cuc", 5)


def test_closed_syllables_take_only_sac_or_nang() -> None:
    assert decode_vni("muc2") is None
    assert decode_telex("topf") is None
    assert decode_telex("dduwocj") == ("đươc", 5)
    assert decode_telex("hocj") == ("hoc", 5)


@pytest.mark.parametrize(("token", "expected"), [
    ("traawm", ("trăm", 0)), ("baawngf", ("băng", 2)), ("thoowi", ("thơi", 0)), ("dduoowcj", ("đươc", 5)),
])
def test_a_mark_key_pressed_again_replaces_the_circumflex(token: str, expected: tuple[str, int]) -> None:
    """Round 33 (mixed33): "a a w" is a circumflex corrected to a breve (UniKey lets a later mark key replace an
    earlier one); the leftover was no syllable and the word was lost ("bn phaafn traawm")."""
    assert decode_telex(token) == expected


def test_percent_in_corrected_telex_is_read() -> None:
    assert "tram" in tokens("bn phaafn traawm")
