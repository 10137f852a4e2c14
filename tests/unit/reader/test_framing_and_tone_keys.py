"""Round 14 (qa14read): words the session-14 writers typed that the reader lacked — the United Nations as the South
names it, Nghệ–Tĩnh "nỏ" (không), "lọt top", Southern "xài" (dùng), a Telex tone key the input method left after a
word it marked ("đingj"), and framing that says how, not what, is asked: "rốt cuộc", Southern "hết trơn", "quá trời",
"chèn ơi", where the asker heard it ("trên tivi", "loa xã"), "không rành", chat laughter
(docs/qa-history/round-14.md)."""

from __future__ import annotations

import pytest

from bot.kb.lexicon import STOP, view
from bot.nlp.dialect import standardize
from bot.nlp.normalize import analyze


def read(text: str) -> str:
    return analyze(standardize(text)).text


def required(text: str) -> frozenset[str]:
    """The folded words of ``text`` the ranker may count (content or optional: not scaffolding)."""
    units = view(analyze(standardize(text))).units
    return frozenset(t for uv in units if uv.role != STOP for alt in uv.alts for t in alt)


@pytest.mark.parametrize(("text", "reading"), [
    ("chỉ số của Liên Hiệp Quốc", "chi so cua lien hop quoc"),
    ("chi so cua lien hiep quoc", "chi so cua lien hop quoc"),
    ("ông nỏ tin", "ong khong tin"),
    ("tới 2030 tính lọt top mấy", "toi 2030 tinh vao top may"),
    ("phải lọt vào top 50", "phai vao top 50"),
    ("phải xài VNeID hả", "phai dung vneid ha"),
])
def test_regional_and_colloquial_words(text: str, reading: str) -> None:
    assert read(text) == reading


def test_unmarked_no_is_left_alone() -> None:
    # unmarked "no" is also "nó", "no" (full): only the marked Nghệ word is read as "không"
    assert read("no tin") == "no tin"


def test_a_telex_tone_key_left_after_a_marked_word_is_its_tone() -> None:
    unit = analyze("đươcj").units[0]
    assert unit.tokens == ("duoc",) and unit.keys == ("đươc5",) and unit.marked
    # not a syllable without the key: left to the typo repair without it ("đing", one slip from "định")
    assert analyze("quyết đingj").units[1].tokens == ("ding",)


def test_a_word_already_toned_keeps_its_slipped_last_letter() -> None:
    # "điệj" is "điện" with its n slipped to j: the typo repair reads it, the tone is not replaced
    assert analyze("điệj").units[0].tokens == ("diej",)


def test_an_english_word_is_not_read_as_a_tone_key() -> None:
    assert analyze("VNeIDs của tôi").units[0].tokens == ("vneids",)


@pytest.mark.parametrize(("text", "framing"), [
    ("Rốt cuộc năm 2025 tổ chức hôm nào", {"rot", "cuoc"}),
    ("Đề án 06 là gì, coi trên tivi hoài mà hổng hiểu gì hết trơn", {"tivi", "het", "tron"}),
    ("chèn ơi đề án 06 là gì", {"chen"}),
    ("mua sắm trực tuyến được ưu đãi quá trời", {"troi"}),
    ("nghe loa xã nói ngày chuyển đổi số là ngày nào", {"loa"}),
    ("ông tui ko rành, nghị định nào quy định", {"ranh"}),
    ("chủ đề năm 2023 là gì hihi", {"hihi"}),
])
def test_framing_is_not_topic(text: str, framing: set[str]) -> None:
    assert not framing & required(text)


def test_the_topic_words_stay() -> None:
    assert {"de", "an"} <= required("Đề án 06 là gì, coi trên tivi hoài mà hổng hiểu gì hết trơn")
    assert {"to", "chuc"} <= required("Rốt cuộc năm 2025 tổ chức hôm nào")
