"""The floors read the kinds asked and the moot tie only where they decide (latency, round 25).

``bot.kb.decision.decide`` called ``floors(hits, kinds(), p, moot_tie(hits, normalized), idf)``: the kinds of fact a
long letter asks (a dozen families' expressions) and the web addresses of the top two answers (an expression over
each answer) were read for every decision the model let through, though the floors refuse first on figures already
measured (a near tie, a stopping verb, coverage, match) and read the moot tie only for a near tie. Now both are
functions the floors call where they need them. Checked here: the floors say the same with the values and with the
functions, over real rankings; the functions are not called where they cannot matter; and the work spared over the
bench's chat messages is counted, never timed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from bot.kb import KnowledgeBase, decision
from bot.kb.decision import FLOOR_MATCH, TIE_P, floors, moot_tie, near_tie
from bot.kb.evaluate import load_cases
from bot.kb.index import Hit

EVAL = Path(__file__).parent / "eval"
_T = TypeVar("_T")


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    """The session's real KB (tests/conftest.py): only read and asked."""
    return real_kb


def _messages() -> list[str]:
    return [c.question for name in ("blind/dev.toml", "blind/dev2.toml") for c in load_cases(EVAL / name)]


def _rankings(kb: KnowledgeBase) -> list[tuple[str, list[Hit]]]:
    """Each message's main reading's hits (two or more), with its normalized text."""
    found = []
    for message in _messages():
        hits = kb.search(message)
        if len(hits) > 1:
            found.append((kb.answer(message).normalized, hits))
    return found


def _counted(value: _T, calls: list[int]) -> Callable[[], _T]:
    """A function returning ``value`` that records each call in ``calls``."""

    def read() -> _T:
        calls.append(1)
        return value
    return read


def test_the_floors_say_the_same_given_values_or_functions(kb: KnowledgeBase) -> None:
    rankings = _rankings(kb)
    assert len(rankings) > 500
    allowed = refused = 0
    for normalized, hits in rankings:
        kinds = frozenset({"year:2025", "percent"}) if len(normalized) % 2 else frozenset()
        for p in (0.0, TIE_P):
            moot = moot_tie(hits, normalized)
            eager = floors(hits, kinds, p, moot, kb.index.idf_of)
            lazy = floors(hits, _counted(kinds, []), p, _counted(moot, []), kb.index.idf_of)
            assert lazy is eager
            allowed += eager
            refused += not eager
    assert allowed > 100 and refused > 100  # both outcomes met, not only one


def test_a_moot_tie_still_lifts_a_near_tie(kb: KnowledgeBase) -> None:
    ties = [hits for _, hits in _rankings(kb) if near_tie(hits)
            and floors(hits, frozenset(), 0.0, True, kb.index.idf_of)]
    assert ties  # near ties the floors allow once moot: the function must be called and believed for them
    for hits in ties:
        calls: list[int] = []
        assert floors(hits, frozenset(), 0.0, _counted(True, calls), kb.index.idf_of)
        assert calls == [1]
        assert not floors(hits, frozenset(), 0.0, _counted(False, calls), kb.index.idf_of)


def test_neither_is_read_where_the_cheaper_floors_refuse(kb: KnowledgeBase) -> None:
    rankings = _rankings(kb)
    unmatched = 0
    for _, hits in rankings:
        weak = [dataclasses.replace(hits[0], match=FLOOR_MATCH / 2), *hits[1:]]
        kinds_read: list[int] = []
        moot_read: list[int] = []
        assert not floors(weak, _counted(frozenset(), kinds_read), 1.0, _counted(False, moot_read), kb.index.idf_of)
        assert kinds_read == []  # refused on the top hit's match: no family's expression read
        if not near_tie(weak):
            assert moot_read == []  # no near tie: the answers' web addresses are not read
            unmatched += 1
    assert unmatched > 100


def test_the_chat_messages_read_web_addresses_for_near_ties_only(kb: KnowledgeBase,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    original = decision.web_addresses
    monkeypatch.setattr(decision, "web_addresses", lambda entry: read.append(entry.id) or original(entry))
    decided = []
    original_decide = decision.decide

    def counting(hits: list[Hit], *args: object, **kwargs: object) -> decision.Answer:
        decided.append(near_tie(hits) if hits else False)
        return original_decide(hits, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("bot.kb.engine.decide", counting)
    for message in _messages():
        kb.answer(message)
    assert len(decided) > 900
    # two addresses per near tie at most; every decision read two before (over 2,000 on these messages)
    assert 0 < len(read) <= 2 * sum(decided) < len(decided) / 2
