"""Typo repair touches slips, never a real word the KB happens not to use (bot/kb/typos.py)."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.kb import KnowledgeBase
from bot.kb.typos import TypoRepair, slip
from bot.nlp.normalize import analyze


@pytest.fixture(scope="module")
def repair() -> TypoRepair:
    # A tiny KB: its words, its two-syllable words and the tone keys of what it writes with marks.
    words = Counter({"hoc": 3, "cong": 9, "la": 9, "gi": 9, "muc": 4, "tieu": 4, "cua": 6, "nam": 5, "moi": 4,
                     "hoi": 7, "nay": 6, "bao": 5, "nhieu": 5, "ngay": 5, "chuyen": 6, "tuoi": 2, "nghe": 3})
    pairs = ["hoc_cong", "cong_la", "muc_tieu", "cua_gi", "cua_moi", "hoi_nay", "bao_nhieu", "ngay_nao",
             "chuyen_doi", "nghe_noi", "cung_nam"]
    keys = ["hoc5", "cổng3", "công0", "la2", "gi2", "muc5", "tiêu0", "cua3", "hoi3", "nay0", "nhiêu0", "ngay2",
            "mỗi4", "nghe0", "cùng2"]
    return TypoRepair(words, pairs, keys)


def fixed(repair: TypoRepair, text: str) -> str:
    return repair.fix(analyze(text)).text


def test_a_real_word_the_kb_lacks_is_kept(repair: TypoRepair) -> None:
    assert fixed(repair, "học bổng là gì") == "hoc bong la gi"  # not "học cổng": b and c are far apart
    assert fixed(repair, "GDP của Mỹ năm nay") == "gdp cua mi nam nay"  # not "của gì" nor "của mỗi": too short
    assert fixed(repair, "ket qua xo so hom nay") == "ket qua xo so hom nay"  # not "hỏi này"


def test_a_likely_slip_is_repaired(repair: TypoRepair) -> None:
    assert fixed(repair, "ngày nge nói") == "ngay nghe noi"  # a letter left out, same tone as "nghe"
    assert fixed(repair, "bao nhiu") == "bao nhieu"  # a letter left out, unmarked
    assert fixed(repair, "chuyn doi") == "chuyen doi"  # not a syllable: any one edit in context


def test_a_slip_must_keep_the_typed_tone(repair: TypoRepair) -> None:
    assert fixed(repair, "ngàu nào") == "ngay nao"  # u/y are neighbours and the KB writes "ngày"
    assert fixed(repair, "ngáu nào") == "ngau nao"  # the KB has no "ngáy"


def test_slip_kinds() -> None:
    assert slip("gai", "gia") and slip("phuu", "phu") and slip("ngau", "ngay") and slip("nhiu", "nhieu")
    assert not slip("bong", "cong") and not slip("chong", "cong") and not slip("hom", "hoi")
    assert not slip("mi", "moi") and not slip("nu", "nua")  # "Mỹ", "nữ": a two-letter syllable is a word…
    assert slip("mu", "muc")  # …unless a longer word cut short at its end ("mụ tiêu"; the pair must be known)
    assert not slip("vung", "cung") and not slip("xau", "dau")  # a first letter changed is another word
    assert not slip("luan", "lan")  # dropping a letter of a real word makes another real word


def test_the_real_kb_keeps_hoc_bong(real_kb: KnowledgeBase) -> None:
    kb = real_kb
    assert kb.index.typos.fix(analyze("học bổng là gì")).tokens[:2] == ("hoc", "bong")


def test_a_first_letter_is_not_invented() -> None:
    assert not slip("am", "lam") and not slip("heo", "theo")
    assert slip("nge", "nghe")  # a letter left out inside the word is a slip
    words = Counter({"lam": 9, "lich": 3})
    repair = TypoRepair(words, ["lam_lich"], ["lam2", "lâm0", "lich5"])
    assert repair.fix(analyze("âm lịch")).text == "am lich"  # "âm lịch", not "lâm lịch"


def test_a_cut_short_word_is_repaired_only_beside_its_pair(repair: TypoRepair) -> None:
    assert fixed(repair, "có mụ tiêu gì") == "co muc tieu gi"
    assert fixed(repair, "bà mụ nhà tôi") == "ba mu nha toi"  # no KB pair: the word stays


def test_a_tone_the_kb_never_gives_a_word_is_a_slip_beside_its_pair() -> None:
    words = Counter({"nghi": 5, "dinh": 8, "quy": 4, "danh": 3})
    keys = ["nghi5", "đinh5", "đinh5", "đinh2", "quy0", "danh0"]  # "định" in two entries, "đình" in one
    repair = TypoRepair(words, ["nghi_dinh", "quy_dinh", "dinh_danh"], keys)
    units = repair.fix(analyze("nghị đinh 55 quy đinh gì")).units
    assert [u.keys for u in units if u.kind == "fixed"] == [("đinh5",), ("đinh5",)]  # the KB's most used tone
    assert all(u.kind != "fixed" for u in repair.fix(analyze("cây đinh sắt")).units)  # no KB pair: kept
    assert all(u.kind != "fixed" for u in repair.fix(analyze("nghị định 55")).units)  # the KB's tone: kept


def test_the_repair_that_pairs_on_both_sides_wins_over_the_more_used_word() -> None:
    """"định dnh mức 1": "dinh" is used more, but only "danh" forms the KB's words on both sides."""
    repair = TypoRepair(Counter({"dinh": 48, "danh": 22, "muc": 9}), ["dinh_dinh", "dinh_danh", "danh_muc"])
    assert repair.fix(analyze("định dnh mức 1")).text == "dinh danh muc 1"


def test_a_word_typed_with_marks_the_kb_never_writes_is_a_slip_beside_the_pair_it_misses() -> None:
    """"phần tăm": the letters of "tăm" are a KB word ("tám"), its marks are not, and "phần tăm" is no KB word
    while "phần trăm" is. A word the KB writes with those marks, or that pairs as typed, stays."""
    repair = TypoRepair(Counter({"phan": 5, "tram": 5, "tam": 3, "nam": 4}), ["phan_tram", "tam_nam"],
                        ["phần2", "trăm0", "tám1", "năm0"])
    assert repair.fix(analyze("bao nhiêu phần tăm")).text == "bao nhieu phan tram"
    assert repair.fix(analyze("bao nhiêu phần tám")).text == "bao nhieu phan tam"  # the KB writes "tám"
    assert repair.fix(analyze("tăm năm")).text == "tam nam"  # pairs as typed


def test_no_tone_typed_and_a_letter_left_out_may_have_lost_the_tone() -> None:
    """"đin tử": the vowel left out carried the tone, so "điện" (nặng) is not refused for a level "đin"."""
    repair = TypoRepair(Counter({"dien": 5, "tu": 5}), ["dien_tu"], ["điện5", "tử3"])
    assert repair.fix(analyze("chính phủ đin tử")).text == "chinh phu dien tu"
    assert repair.fix(analyze("chính phủ đìn tử")).text == "chinh phu din tu"  # a typed tone must still agree


class _CountingDeletes(dict[str, set[str]]):
    """The delete dictionary, counting the characters of every key looked up (the work a look-up does)."""

    looked = 0

    def get(self, key: str, default: object = None) -> object:  # type: ignore[override]
        self.looked += len(key)
        return super().get(key, default)


@pytest.mark.parametrize("length", [2_000, 8_000, 32_000])
def test_an_unbroken_run_of_letters_costs_no_more_than_the_kb_longest_word(repair: TypoRepair, length: int) -> None:
    # review of round 18 (L4): a look-up built one copy of the token per letter (quadratic in its length); a token
    # longer than every KB word by two is one edit from none, and is looked up in none
    counting = _CountingDeletes(repair.deletes)
    repair.deletes = counting
    try:
        token = ("xemmasothue" * length)[:length]
        assert repair._lookup(token) == frozenset()
        assert counting.looked <= (repair.longest + 2) ** 2
        assert repair._lookup("chuyenn") == {"chuyen"}  # one letter longer than the longest: still looked up
    finally:
        repair.deletes = dict(counting)


def test_a_long_word_through_the_real_kb_is_looked_up_in_bounded_work(real_kb: KnowledgeBase) -> None:
    repair = real_kb.index.typos
    counting = _CountingDeletes(repair.deletes)
    repair.deletes = counting
    try:
        real_kb.answer(("xemmasothuz" * 3_000)[:32_000])
        assert counting.looked <= 64 * (repair.longest + 2) ** 2
    finally:
        repair.deletes = dict(counting)


@pytest.mark.parametrize(("typed", "expected"), [
    ("quyet dinhh so may", "quyet dinh so may"),  # a final letter typed twice
    ("diinh danh", "dinh danh"),  # a vowel typed twice inside the word
    ("đc khônggggg ad", "duoc khong admin"),  # a letter held down, with the word's marks
    ("ad oiii cho hoi", "admin oi cho hoi"),
    ("quyết địnhh", "quyet dinh"),
])
def test_a_letter_typed_twice_is_read_once_in_the_normaliser(typed: str, expected: str) -> None:
    # round 25 (mixed25): read before the ranker, so the word keeps its full weight (no one-edit guess)
    analysis = analyze(typed)
    assert analysis.text == expected
    assert all(u.kind != "other" for u in analysis.units)


@pytest.mark.parametrize("typed", ["kkkk", "hmm", "google", "huhuuu", "vneid"])
def test_a_word_no_single_letter_reading_spells_is_kept(typed: str) -> None:
    # no syllable once its repeated letters are read once: left as typed, to the ranker's repair or nowhere
    assert analyze(typed).text == typed


def test_repeated_letters_stay_linear() -> None:
    # a long run is no stretched syllable: not read, and read at once
    assert analyze("a" * 5000).text == "a" * 5000
    assert analyze("dinh" + "h" * 5000).tokens == ("dinh" + "h" * 5000,)


def test_a_command_keeps_its_letters_as_typed() -> None:
    # the command form reads what is typed (bot.nlp.normalize.command_form): a doubled letter is not its business
    from bot.nlp.normalize import command_form
    assert command_form("huyy") == "huyy"


@pytest.mark.parametrize(("typed", "expected"), [
    ("quý III", "quy iii"), ("khóa XIII", "khoa xiii"), ("lần thứ II", "lan thu ii"), ("thế kỷ XXI", "the ki xxi")])
def test_a_roman_numeral_keeps_its_repeated_letters(typed: str, expected: str) -> None:
    # "III" is three, not a stretched "i"; "XIII" is thirteen, not "xi"
    assert analyze(typed).text == expected
