"""Round 26 (mixed26): where the asker is, told in chat typing, is no place asked (``bot.kb.subjects``,
``bot.kb.asks.places.named_places``).

- The speaker's span is counted in the words as typed: an abbreviation that expands ("cty" → "công ty", "onl" →
  "trực tuyến", "UBND" → four words) does not push the pronoun out of it.
- "bên" introduces the asker's place as "ở" does ("tui bên Cần Thơ"), and an address goes on from one way word to
  the next ("e lam o UBND xa ben Hai Duong").
- A pronoun that asks, knows or hears ("cho tôi hỏi ở …", "tui nghe nói ở …") makes the place after it the one asked
  or reported, not the speaker's (a confident national answer to a province's question before this round).
"""

from __future__ import annotations

import time

import pytest

from bot.kb.asks import named_places
from bot.kb.engine import KnowledgeBase
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def read(text: str) -> frozenset[str]:
    return named_places(analyze(text).text, text)


@pytest.mark.parametrize("text", [
    "tui lam cty giay o di an binh duong toi qua ong to truong noi phai tai vneid",
    "toi ban hang onl o can tho, muon gop suc cds thi lam j dc z ad",
    "tui bên Cần Thơ, tổ công nghệ số là gì vậy",
    "nhà em bên Long An, cổng dịch vụ công khai trương khi nào",
    "e lam o UBND xa ben Hai Duong, nam 2025 la bn % z",
])
def test_the_speakers_own_place_is_not_asked(text: str) -> None:
    assert read(text) == frozenset()


@pytest.mark.parametrize(("text", "place"), [
    ("cho tôi hỏi ở Hà Giang có bao nhiêu tổ công nghệ số", "Hà Giang"),
    ("tôi muốn biết ở Hà Giang có bao nhiêu tổ công nghệ số cộng đồng", "Hà Giang"),
    ("em hỏi ở Hà Giang có bao nhiêu tổ", "Hà Giang"),
    ("tui nghe nói ở Thái Lan cũng có ngày chuyển đổi số", "Thái Lan"),
    ("nghe nói bên Hàn Quốc có ngày chuyển đổi số không", "Hàn Quốc"),
])
def test_a_place_after_asking_or_hearing_is_asked(text: str, place: str) -> None:
    assert f"place:{place}" in read(text)


def test_a_place_far_from_any_pronoun_is_still_asked() -> None:
    """The typed words widen nothing: a pronoun five typed words before the way is still too far."""
    assert "place:Hà Giang" in read("tui thay ba con xom ngheo o Ha Giang co nhieu to cns ko")


def test_a_long_run_of_ways_reads_in_linear_time() -> None:
    text = "tui o xa ben " * 5000 + "Ha Giang co bao nhieu to"
    started = time.perf_counter()
    read(text)
    assert time.perf_counter() - started < 2.0


def test_a_provinces_question_after_asking_is_not_answered_with_the_national_count(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("cho tôi hỏi ở Hà Giang có bao nhiêu tổ công nghệ số")
    assert not (answer.confident and answer.entry == "tcns-so-luong")


@pytest.mark.parametrize(("text", "entry"), [
    ("toi ban hang onl o can tho, muon gop suc cds thi theo bai viet cua so nguoi dan lam j dc z ad",
     "cds-nguoi-dan-gop-phan"),
    ("tui lam cty giay o di an binh duong toi qua ong to truong noi phai tai vneid de cham cong j do ma tui hok "
     "rành dnag nhap tk la so j z ad xai so dt hay so cccd vay", "vneid-ten-dang-nhap"),
])
def test_a_mixed_message_told_from_the_askers_place_is_answered(real_kb: KnowledgeBase, text: str,
                                                                 entry: str) -> None:
    answer = real_kb.answer(text)
    assert answer.confident and answer.entry == entry
