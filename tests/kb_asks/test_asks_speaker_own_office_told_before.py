"""Round 22: the office a speaker gives themself in the sentence that says who they are is context, not an office
asked (bot.kb.asks.people, ``_own_offices``) — a name or an age may stand between "tôi là / em là" and the office."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.nlp.normalize import analyze


def roles(message: str) -> set[str]:
    return {k for k in asked(analyze(message).text, message) if k.startswith("role:")}


@pytest.mark.parametrize("message", [
    "Em là Y Thuân, năm nay 22 tuổi, đang làm bí thư chi đoàn ở buôn Kô Siêr. Một tổ công nghệ số gồm những ai?",
    "Chào kênh, tôi là Rơ Mah Dũng, phó chủ tịch xã ở Ia Grai. Người dân có thể làm gì để giúp kênh lan tỏa?",
    "Tui là Năm, hiện làm trưởng phòng ở huyện. Tổ công nghệ số do ai lập?",
])
def test_the_speakers_own_office_is_no_office_asked(message: str) -> None:
    assert roles(message) == set()


@pytest.mark.parametrize(("message", "role"), [
    # an office asked in another sentence, or in the same sentence as a question, stays asked
    ("Tôi là phó chủ tịch xã. Phó chủ tịch tỉnh phụ trách chuyển đổi số là ai?", "role:pho chu tich"),
    ("Em là sinh viên, cho em hỏi bộ trưởng bộ Khoa học và Công nghệ là ai?", "role:bo truong"),
    ("Tôi là giáo viên, thứ trưởng phụ trách chuyển đổi số là ai", "role:thu truong"),
    ("Bộ Khoa học và Công nghệ có mấy thứ trưởng?", "role:thu truong"),
])
def test_an_office_asked_stays_asked(message: str, role: str) -> None:
    assert role in roles(message)


def test_the_introduced_official_gets_the_answer(real_kb: KnowledgeBase) -> None:
    """dev22a gb-0038's shape with the office told in the introduction: the office no longer holds the answer
    back as an office the entry does not name (the entry is still decided by its own evidence)."""
    message = ("Chào kênh, tôi là Rơ Mah Dũng, phó chủ tịch xã ở Ia Grai. Người dân chúng tôi có thể làm gì để góp "
               "phần chuyển đổi số?")
    assert roles(message) == set()
    result = real_kb.answer(message)
    assert result.entry == "cds-nguoi-dan-gop-phan" or "cds-nguoi-dan-gop-phan" in result.choice_entries
