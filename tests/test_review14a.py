"""Review of round 14 (`fix14a`, /work/review14a.md): the fixes, each pinned at its edge.

- H1: a run of Telex tone keys after a marked letter ("đsss…s") recursed once per letter in
  ``bot.nlp.normalize._tone_key_left`` (RecursionError from ~400 letters, quadratic below): one key at most.
- M1: ``bot.kb.several.says_both`` answered a third entry where the second question had a full answer of its own.
- L1: teencode "j" for a final "i" ("tôj", "chơj") was read as the nặng tone ("tộ", "chợ").
- L2: "loa xã", "trên tivi" were framing even as the question's subject ("Loa xã có được chuyển đổi số không?").
- L3: "không rành" typed without marks also swallowed "không rảnh" (not free).
- Older: ``asks._DOCNUMBER`` / ``_PERCENT`` were ``a.*b`` regexes (×4 per doubling of a long message), and a wish
  not to erase ("Tôi không muốn xóa thông tin") started the erase command.
"""

from __future__ import annotations

import random
import re

import pytest

from bot.kb import asks
from bot.kb.asks import amounts, dates, documents, opinion, people, places, procedures, ranks, reasons, services, world
from bot.kb.engine import KnowledgeBase
from bot.kb.lexicon import STOP, view
from bot.nlp import normalize
from bot.nlp.dialect import standardize
from bot.nlp.intents import plain_command
from bot.nlp.normalize import analyze


def required(text: str) -> frozenset[str]:
    """The folded words of ``text`` the ranker may count (content or optional: not scaffolding)."""
    units = view(analyze(standardize(text))).units
    return frozenset(t for uv in units if uv.role != STOP for alt in uv.alts for t in alt)


# H1 ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["đ" + "s" * 1500, "đươc" + "j" * 1500, "ê" + "x" * 1500, "ơ" + "f" * 400])
def test_a_run_of_tone_keys_is_one_word_read_once(word: str) -> None:
    normalize._units.cache_clear()
    units = analyze(word).units  # raised RecursionError before
    assert len(units) == 1 and units[0].kind == "other"
    # work counted, not timed: one cache entry for the word, not one per prefix (quadratic before)
    assert normalize._units.cache_info().currsize <= 2


def test_a_chat_size_message_with_a_run_of_tone_keys_is_answered(real_kb: KnowledgeBase) -> None:
    message = "Cho hỏi đ" + "s" * 420 + " là gì"  # 435 characters, inside the chat cap
    result = real_kb.answer(message)  # raised RecursionError before: the event was retried, then parked
    assert not result.confident


def test_one_tone_key_is_still_read() -> None:
    assert analyze("đươcj").units[0].keys == ("đươc5",)
    assert analyze("quyêts").units[0].keys == ("quyêt1",)
    # the rest not a syllable: left to the typo repair without the key, as before
    assert analyze("quyết đingj").units[1].tokens == ("ding",)


# M1 ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("message", [
    "Tổ công nghệ số cộng đồng là gì? Cả nước còn bao nhiêu tỉnh?",
    "to cong nghe so cong dong la gi, ca nuoc con bao nhieu tinh",
    "Tổ cns cộng đồng là gì? Cả nước giờ còn mấy tỉnh thành vậy?",
])
def test_a_second_question_with_its_own_full_answer_is_offered(real_kb: KnowledgeBase, message: str) -> None:
    result = real_kb.answer(message)
    assert result.confident
    assert result.entry == "tcns-la-gi"  # was "tcns-so-luong", which answers neither question
    assert result.choice_entries == ["chinh-quyen-hai-cap-2025"]


# L1 ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["tôj", "chơj", "hơj", "đôj"])
def test_teencode_j_for_a_final_i_is_not_the_nang_tone(word: str) -> None:
    unit = analyze(word).units[0]
    assert unit.kind == "other" and not unit.keys  # was "tộ", "chợ", "hợ", "độ"


def test_a_rest_only_an_abbreviation_spells_is_not_that_abbreviation() -> None:
    assert analyze("ĐCS").units[0].kind == "other"  # "đc" + "s" was "được"


def test_j_after_a_rest_no_i_completes_is_still_the_tone() -> None:
    assert analyze("đươcj").units[0].kind == "syllable"  # "đươci" is no syllable


# L2 ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "topic"), [
    ("Loa xã có được chuyển đổi số không?", "loa"),
    ("Loa phường giờ phải chuyển đổi số hả", "loa"),
    ("Cài VNeID trên tivi được không?", "tivi"),
])
def test_the_loudspeaker_and_the_television_as_subject_stay_topic(text: str, topic: str) -> None:
    assert topic in required(text)


@pytest.mark.parametrize(("text", "framing"), [
    ("nghe loa xã nói ngày chuyển đổi số là ngày nào", "loa"),
    ("Hôm qua loa phường nói về ngày chuyển đổi số", "loa"),
    ("Đề án 06 là gì, coi trên tivi hoài mà hổng hiểu", "tivi"),
    ("tui xem trên tivi thấy nói đề án 06", "tivi"),
])
def test_the_loudspeaker_and_the_television_heard_are_framing(text: str, framing: str) -> None:
    assert framing not in required(text)


def test_a_question_about_the_loudspeaker_is_not_refused_as_off_topic(real_kb: KnowledgeBase) -> None:
    assert real_kb.answer("Loa xã có được chuyển đổi số không?").entry != "npv-ngoai-chu-de"


# L3 ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["khong ranh", "ko ranh", "Ko rảnh đâu", "tôi không rảnh"])
def test_not_free_is_not_not_knowing_well(text: str) -> None:
    assert "ranh" in required(text)


@pytest.mark.parametrize("text", ["ông tui ko rành", "tôi không rành", "bà chưa rành"])
def test_not_knowing_well_typed_with_marks_is_framing(text: str) -> None:
    assert "ranh" not in required(text)


# asks: linear-time kinds --------------------------------------------------------------------------------------------

_DOC = r"(?:quyet dinh|cong van|nghi dinh|ke hoach|thong tu|nghi quyet|chi thi|van ban)"
_OLD = {
    "docnumber": re.compile(rf"\b{_DOC}\b.*\bso (?:may|bao nhieu|hieu|gi)\b|\bso hieu\b|\bso bao nhieu\b.*\b{_DOC}\b"),
    "percent": re.compile(r"\bpha[nm] tram\b|\bbao nhieu ?%|\bt[iy] le\b.*\b(?:bao nhieu|may)\b"),
}

FAMILIES = (amounts, dates, documents, opinion, people, places, procedures, ranks, reasons, services, world)


def test_no_kind_pattern_scans_the_rest_of_the_text() -> None:
    # linear-time construction: no "a.*b" (it rescans the rest of the message from every "a": ×4 per doubling)
    patterns = [p for family in FAMILIES for p in vars(family).values() if isinstance(p, re.Pattern)]
    patterns += [p for e in (documents._DOCNUMBER, amounts._PERCENT) for a in e.alternatives
                 for p in (a if isinstance(a, tuple) else (a,))]
    assert not [p.pattern for p in patterns if ".*" in p.pattern or ".+" in p.pattern]


def test_the_linear_kinds_match_what_the_regexes_matched() -> None:
    words = ["quyet", "dinh", "cong", "van", "ke", "hoach", "so", "may", "bao", "nhieu", "hieu", "gi", "ti", "ty",
             "le", "phan", "tram", "%", "x", "\n", "toso"]
    rng = random.Random(14)
    positives = 0
    for _ in range(20000):
        text = "".join(rng.choice((" ", " ", "")) + rng.choice(words) for _ in range(rng.randint(1, 12)))
        for kind, rx in (("docnumber", documents._DOCNUMBER), ("percent", amounts._PERCENT)):
            assert rx.search(text) == bool(_OLD[kind].search(text)), (kind, text)
            positives += rx.search(text)
    assert positives > 50  # the sample holds matches, not only misses
    assert "docnumber" in asks.asked("quyet dinh thanh lap to so may")


# erase: a negated wish --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Tôi không muốn xóa thông tin", "Đừng xóa thông tin của tui nghe",
                                  "toi khong muon xoa thong tin", "Tôi không cần xóa dữ liệu đâu"])
def test_a_wish_not_to_erase_is_no_request(text: str) -> None:
    assert plain_command(text) != "erase"


@pytest.mark.parametrize("text", ["Xóa thông tin của tôi đi", "đừng giữ thông tin của tôi nữa",
                                  "Tôi không muốn nhận tin nữa, xóa hết thông tin của tôi luôn"])
def test_erasing_asked_for_still_erases(text: str) -> None:
    assert plain_command(text) == "erase"
