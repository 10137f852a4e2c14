"""A reading that can only use a confident answer with a few entries is not decided where none can be (round 23).

The one question read with the sentence before it (``bot.kb.reading._told_before``) is taken only when it is
answered with confidence by one of the whole message's first three entries. A confident answer is the top hit's
entry, or, for a phrasing typed word for word, that entry's hit; every hit is one of the ranking's candidates. So
where no candidate is one of those entries, the hits are not measured, and where the top hit is not one (nor the
phrasing's entry) the decision is not made (``KnowledgeBase.decide``'s ``among``). Checked: the answers such a
caller can use are the same with and without ``among`` over the dev splits' messages, and the work skipped is
counted, never timed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.kb import KnowledgeBase, index
from bot.kb.evaluate import load_cases
from bot.kb.texts import Texts
from bot.nlp.dialect import standardize

EVAL = Path(__file__).parent / "eval"


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    """The session's real KB (tests/conftest.py): only read and asked."""
    return real_kb


def _messages() -> list[str]:
    return [c.question for name in ("blind/dev.toml", "questions.toml")
            for c in load_cases(EVAL / name)]


def test_what_a_caller_among_entries_can_use_is_unchanged(kb: KnowledgeBase) -> None:
    unrelated = kb.entries[-1].id
    taken = 0
    for message in _messages():
        text = standardize(message, kb.index.known_pair)
        plain, hits = kb.decide(Texts(kb.index, kb.intent, text), text)
        ids = [h.entry.id for h in hits]
        for among in ({plain.entry or unrelated}, set(ids[:3]), set(ids[1:3]), {unrelated}):
            # what a caller taking only a confident answer with one of ``among`` gets: that answer, else nothing
            result, _ = kb.decide(Texts(kb.index, kb.intent, text), text, among=among)
            got = result if result.confident and result.entry in among else None
            assert got == (plain if plain.confident and plain.entry in among else None), (message, among)
            taken += got is not None
    assert taken > 100  # the answers used were met, not only the readings skipped


def test_no_candidate_among_them_measures_no_hit(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Cho hỏi VNeID là gì vậy"
    query = kb.index.query(Texts(kb.index).analysis(text))
    assert query is not None
    ranked = kb.index._rank(query)
    assert ranked is not None
    elsewhere = next(e.id for d, e in enumerate(kb.entries) if d not in ranked.order)
    measured: list[object] = []
    original = index.Index._hits
    monkeypatch.setattr(index.Index, "_hits", lambda self, *a: measured.append(a) or original(self, *a))
    result, hits = kb.decide(Texts(kb.index, kb.intent, text), text, among={elsewhere})
    assert not result.confident and hits == [] and measured == []
    result, hits = kb.decide(Texts(kb.index, kb.intent, text), text, among={kb.entries[ranked.order[0]].id})
    assert measured and hits  # a candidate among them: measured and decided as before
