"""Round 28 (bot/kb/unranked.py): a long letter whose story's words kept its question's entry out of the whole letter's
ranking is answered by its asking part read alone, where every reader of the part agrees — and only there."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from bot.kb import KnowledgeBase
from bot.kb import reading as reading_module
from bot.kb import unranked as unranked_module
from bot.kb.intent_model import OUTSIDE, Reading
from bot.kb.unranked import unranked
from tests.support import rarest_terms_select

pytestmark = pytest.mark.unit

# a student's story told in words of other entries (a draw, searching the web, copying); the question asks last
STORY = ("Em là sinh viên năm nhất ở Quy Nhơn, tuần rồi cô cho cả lớp làm bài tiểu luận, mỗi bạn bốc thăm một năm, em "
         "bốc trúng năm 2022. Em lên mạng tra thì mỗi trang chép một kiểu, không biết trang nào đúng. ")
LETTER = STORY + "Cho em hỏi chủ đề năm 2022 nguyên văn là gì ạ?"
THEME = "ngay-cds-chu-de-2022"


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    return real_kb


@pytest.fixture(autouse=True)
def _story_kept_the_entry_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole letter's ranking as the story made it until round 32 (only its 24 rarest terms selecting), without the
    theme: since select32 every rare term selects and the whole letter ranks, and answers, the theme itself."""
    rarest_terms_select(monkeypatch)


def _call(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, letter: str = LETTER) -> tuple[Any, ...]:
    """What ``bot.kb.reading`` hands ``unranked`` for ``letter``: the KB, the message's texts, the letter as read, its
    question clauses and the whole letter's decision (the IDF handed after them left out)."""
    seen: list[tuple[Any, ...]] = []
    original = reading_module.unranked

    def recorded(*args: Any) -> Any:
        seen.append(args)
        return original(*args)

    monkeypatch.setattr(reading_module, "unranked", recorded)
    kb.answer(letter)
    monkeypatch.setattr(reading_module, "unranked", original)
    assert seen, "the letter never reached the unranked reading"
    return seen[-1][:5]


def test_the_letter_is_answered_and_only_by_its_asking_part_alone(kb: KnowledgeBase,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    answer = kb.answer(LETTER)
    assert answer.confident and answer.entry == THEME, (answer.kind, answer.entry)
    _, texts, _, _, whole = _call(kb, monkeypatch)
    assert THEME not in {h.entry.id for h in whole[1]}  # the story's words kept it out of the whole's ranking
    assert texts.intent(texts.whole).top == OUTSIDE
    monkeypatch.setattr(reading_module, "unranked", lambda *args: None)
    assert not kb.answer(LETTER).confident


@pytest.mark.parametrize("question", [
    "Cho em hỏi đề thi tốt nghiệp môn văn năm 2022 nguyên văn là gì ạ?",
    "Cho em hỏi điểm chuẩn ngành sư phạm năm 2022 là bao nhiêu ạ?",
    "Cho em hỏi chủ đề năm 2022 của Ngày chuyển đổi số ở Hàn Quốc là gì ạ?",
    "Cho em hỏi khẩu hiệu năm 2022 của Đoàn thanh niên nguyên văn là gì ạ?",
])
def test_the_same_story_asking_beyond_the_channel_stays_unanswered(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(STORY + question)
    assert not answer.confident or answer.out_of_scope, (answer.kind, answer.entry)


def test_an_entry_the_whole_letter_ranks_is_left_to_the_long_letter_readers(kb: KnowledgeBase,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Ranked below another by the whole letter, the entry has a ranking that speaks against it."""
    deciding, texts, text, asks, whole = _call(kb, monkeypatch)
    assert unranked(deciding, texts, text, asks, whole) is not None
    ranked = [*whole[1], replace(whole[1][-1], entry=kb.by_id[THEME])]
    assert unranked(deciding, texts, text, asks, (whole[0], ranked)) is None


def test_an_entry_the_whole_letter_ranks_first_is_still_read_from_its_asking_part(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    """Round 33: ranked first by the whole letter, the entry has a ranking that speaks for it, not against it (since
    select32 every rare term selects, so a long letter's ranking holds the entry its question names more often, first,
    while the story still keeps the whole letter's decision unsure); a ranking with the entry below another still
    speaks against it."""
    deciding, texts, text, asks, whole = _call(kb, monkeypatch)
    first = [replace(whole[1][0], entry=kb.by_id[THEME]), *whole[1]]
    assert unranked(deciding, texts, text, asks, (whole[0], first)) is not None
    below = [whole[1][0], replace(whole[1][0], entry=kb.by_id[THEME]), *whole[1][1:]]
    assert unranked(deciding, texts, text, asks, (whole[0], below)) is None


def test_the_whole_letter_read_as_another_entry_answers_nothing(kb: KnowledgeBase,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    deciding, texts, text, asks, whole = _call(kb, monkeypatch)
    read = texts.intent
    monkeypatch.setattr(texts, "intent",
                        lambda t: Reading(("ngay-cds-la-ngay-nao",), (0.99,)) if t == texts.whole else read(t))
    assert unranked(deciding, texts, text, asks, whole) is None
    monkeypatch.setattr(texts, "intent", lambda t: Reading((THEME,), (0.99,)) if t == texts.whole else read(t))
    assert unranked(deciding, texts, text, asks, whole) is not None  # read as the entry itself: it answers


@pytest.mark.parametrize("constant", ["NAMED_P", "PLAIN_TRAINED", "OOS_CONFIRM"])
def test_a_reader_unsure_of_the_asking_part_answers_nothing(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch,
                                                           constant: str) -> None:
    """The intent reader under ``NAMED_P`` over the part, or an off-topic reader anywhere near out of it (its
    threshold set to 0: every reading is at least that)."""
    deciding, texts, text, asks, whole = _call(kb, monkeypatch)
    monkeypatch.setattr(unranked_module, constant, 1.01 if constant == "NAMED_P" else 0.0)
    assert unranked(deciding, texts, text, asks, whole) is None


def test_a_letter_of_one_sentence_or_a_short_one_is_not_read_so(kb: KnowledgeBase,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """One sentence is the story cut's (``bot.kb.story_cut``: its entry among the whole's first three); a short
    letter has no story to dilute the ranking."""
    deciding, texts, text, asks, whole = _call(kb, monkeypatch)
    assert unranked(deciding, texts, text.replace(". ", ", "), asks, whole) is None
    assert unranked(deciding, texts, " ".join(text.split()[-12:]), asks, whole) is None
