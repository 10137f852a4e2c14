"""Work a message's reading did already, or whose result nobody can use, is not done again (latency, round 24).

The 945 chat messages' slowest 1 % on the 1,000-entry KB were long letters nobody answers: the whole message was
ranked and decided a second time before the agreed clause check (``bot.kb.reading._read_asks``), that check read a
dozen families' kinds over the letter before refusing on figures already measured (``bot.kb.agreed``), and the
question read with the sentence before it was ranked though none of the entries it may answer with could pass the
floors (``KnowledgeBase.decide``'s ``among``). Checked here: what each caller can use is the same, and the work
spared is counted, never timed.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.kb import KnowledgeBase, agreed, index
from bot.kb.decision import OOS_TRAINED
from bot.kb.evaluate import load_cases
from bot.kb.texts import Texts
from bot.nlp.dialect import standardize

EVAL = Path(__file__).parent / "eval"


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    """The session's real KB (tests/conftest.py): only read and asked (``measure_all`` set back by monkeypatch)."""
    return real_kb


def _messages() -> list[str]:
    return [c.question for name in ("blind/dev.toml", "blind/dev2.toml", "questions.toml")
            for c in load_cases(EVAL / name)]


def _counting_ranks(monkeypatch: pytest.MonkeyPatch) -> list[index.Query]:
    """Every query ``Index._rank`` ranks from now on, kept alive (so no two are told apart by a reused id)."""
    ranked: list[index.Query] = []
    original = index.Index._rank

    def rank(self: index.Index, query: index.Query, among: object = None) -> object:
        ranked.append(query)
        return original(self, query, among)  # type: ignore[arg-type]

    monkeypatch.setattr(index.Index, "_rank", rank)
    return ranked


def test_an_unanswered_letter_ranks_its_whole_message_once(kb: KnowledgeBase,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    ranked = _counting_ranks(monkeypatch)
    twice = unanswered = 0
    for message in _messages():
        ranked.clear()
        answer = kb.answer(message)
        unanswered += not answer.confident
        twice += sum(1 for i, q in enumerate(ranked) if any(q is other for other in ranked[:i]))
    assert unanswered > 20  # the letters whose clause the agreed check reads were met
    assert twice <= 1  # main ranked the whole message again for each unanswered letter with a question (6 here)


def test_the_agreed_check_refuses_on_the_trained_model_before_reading_kinds(kb: KnowledgeBase,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    text = standardize("Tôi làm ruộng cả đời, nay con cái bảo phải học dùng điện thoại. Chuyển đổi số là gì vậy?",
                       kb.index.known_pair)
    texts = Texts(kb.index, kb.intent, text)
    whole = kb.decide(texts, text)
    assert whole[1]
    leaning_out = [dataclasses.replace(whole[1][0], trained=OOS_TRAINED), *whole[1][1:]]
    read: list[str] = []
    monkeypatch.setattr(Texts, "kinds", lambda self, t: read.append(t) or frozenset())
    assert agreed.agreed(kb, texts, text, ["Chuyển đổi số là gì vậy?"], (whole[0], leaning_out)) is None
    assert read == []  # refused on the hit's own probability: no family's expression read over the letter


def test_what_a_caller_among_entries_can_use_is_the_same_with_every_reading_measured(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    unrelated = kb.entries[-1].id
    ranked = _counting_ranks(monkeypatch)
    counts = {}
    usable: dict[bool, list[object]] = {}
    for measure_all in (False, True):
        monkeypatch.setattr(kb, "measure_all", measure_all)
        ranked.clear()
        got = usable[measure_all] = []
        for message in _messages():
            text = standardize(message, kb.index.known_pair)
            _, hits = kb.decide(Texts(kb.index, kb.intent, text), text)
            ids = [h.entry.id for h in hits]
            for among in (set(ids[:3]), set(ids[1:3]), {unrelated}):
                result, _ = kb.decide(Texts(kb.index, kb.intent, text), text, among=among)
                got.append(result if result.confident and result.entry in among else None)
        counts[measure_all] = len(ranked)
    assert usable[False] == usable[True]
    assert sum(r is not None for r in usable[False]) > 100  # answers taken were met, not only readings spared
    assert counts[False] < counts[True] - 100  # rankings spared: no entry of ``among`` could pass the floors
