"""What each entry can say is read when the knowledge base is built, not inside the first questions that rank it.

``bot.kb.asks.provided`` runs a dozen expressions over an entry's answer (~1 ms an entry) and remembers the result.
Before round 22 it ran the first time a question asking a year ranked the entry (``bot.kb.year_rivals``, the
decision's floors): in the bench's single pass over the 945 chat messages on the 1,000-entry KB, 139 messages
paid for up to three such entries each, most of the p99 tail among them. The work is counted (entries read while
answering), never timed; the kinds read at load are those a fresh reading gives.
"""

from __future__ import annotations

import dataclasses
import gc
import weakref
from pathlib import Path

import pytest

from bot.kb import asks, engine
from bot.kb.asks import provided, registry
from bot.kb.engine import load_kb

FIXTURES = Path(__file__).parent / "fixtures" / "kb" / "good"
ASKS_A_YEAR = "Chủ đề ngày chuyển đổi số năm 2025 là gì?"


def test_answering_reads_no_entry_the_load_did_not(monkeypatch: pytest.MonkeyPatch) -> None:
    kb = load_kb(FIXTURES)  # fresh Entry objects: nothing of them is remembered yet
    read: list[str] = []
    original = registry.Said

    class Counting(original):  # type: ignore[misc, valid-type]
        def __init__(self, entry: engine.Entry) -> None:
            read.append(entry.id)
            super().__init__(entry)

    monkeypatch.setattr(registry, "Said", Counting)
    answer = kb.answer(ASKS_A_YEAR)
    assert answer.candidates or answer.entry  # the question ranked entries (and asked a year of them)
    assert read == []


def test_the_kinds_read_at_load_are_a_fresh_readings() -> None:
    kb = load_kb(FIXTURES)
    for entry in kb.entries:
        said = registry.Said(entry)
        fresh = frozenset().union(*(test(said) for test in registry.PROVIDED))
        assert provided(entry) == fresh


def test_a_dropped_knowledge_bases_kinds_go_with_its_entries() -> None:
    """Review of lat22 (a Low): the kinds were kept with a strong reference to their entry, so every reload left
    the old KB's entries alive (up to a cap); they are now dropped as the entries are freed."""
    kb = load_kb(FIXTURES)
    alive = [weakref.ref(e) for e in kb.entries]
    keys = {id(e) for e in kb.entries}
    assert keys <= asks._PROVIDED.keys()  # read at load
    del kb
    gc.collect()
    assert not any(ref() is not None for ref in alive)  # nothing else holds the entries ...
    assert not keys & asks._PROVIDED.keys()  # ... and their kinds are gone


def test_another_entry_object_is_read_for_itself() -> None:
    first = load_kb(FIXTURES).entries[0]
    kinds = provided(first)
    twin = dataclasses.replace(first)  # equal, another object: read for itself, the same kinds
    assert provided(twin) == kinds
    other = dataclasses.replace(first, answer="Năm 2030 tỷ lệ đạt 80%.", title="Tỷ lệ năm 2030?")
    assert provided(other) != kinds
