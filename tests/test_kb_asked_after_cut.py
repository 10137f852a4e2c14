"""``kb check`` (``bot.kb.asked_after_cut``, round 25): an entry one of whose own phrasings asks what its answer
says only after the first phone view fails the check; the fixture answers are tests/test_kb_first_view.py's."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from bot.kb.asked_after_cut import left_out
from bot.kb.checks import check_kb
from bot.kb.first_view import MAX_CHARS, split
from bot.kb.loader import DEFAULT_KB_DIR, parse_kb
from tests.test_kb_first_view import EARLY, FIGURE, LATE, PREAMBLE, kb_dir

TODAY = dt.date(2026, 12, 1)


def test_kb_check_flags_a_figure_its_phrasing_asks_only_after_the_cut(tmp_path: Path) -> None:
    problems = [p for p in check_kb(kb_dir(tmp_path, LATE), today=TODAY) if "first phone view" in p]
    assert len(problems) == 2  # the title and the question both ask how much
    assert all("'cong-tiet-kiem'" in p and "tiet" in p and "kiem" in p for p in problems)


def test_kb_check_passes_the_figure_in_the_first_sentence(tmp_path: Path) -> None:
    assert not [p for p in check_kb(kb_dir(tmp_path, EARLY), today=TODAY) if "first phone view" in p]


def test_an_answer_that_fits_the_view_is_never_flagged(tmp_path: Path) -> None:
    entries, _ = parse_kb(kb_dir(tmp_path, f"{PREAMBLE} {FIGURE}"))
    assert len(entries[0].answer) <= MAX_CHARS and left_out(entries[0]) == []


def test_a_word_the_head_says_otherwise_is_not_a_fact_cut_off(tmp_path: Path) -> None:
    # two plain words only after the cut ("phản ánh"): the head answers; a number or three words would not
    answer = f"{FIGURE} {PREAMBLE.replace('Cổng cũng cho phép gửi phản ánh, kiến nghị về thủ tục hành chính.', '')}"
    answer += "\n\n" + PREAMBLE
    entries, _ = parse_kb(kb_dir(tmp_path, answer))
    entry = dataclasses.replace(entries[0], questions=("cổng tiết kiệm bao nhiêu, có nhận phản ánh không",))
    head, rest = split(entry.answer)
    assert "phản ánh" not in head and "phản ánh" in rest
    assert left_out(entry) == []


def test_the_current_kb_has_no_fact_asked_after_the_cut() -> None:
    entries, _ = parse_kb(DEFAULT_KB_DIR)
    assert {e.id: left_out(e) for e in entries if left_out(e)} == {}
