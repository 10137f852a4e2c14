"""Candidate selection sorts only the terms it sums (latency, round 22), with the same scores to the last bit.

``TwoFieldBM25.score`` sums the postings of a message's rarest terms in a fixed order (a set's order follows
``PYTHONHASHSEED``). It sorted every known term of the message first (~100 for a long letter) and then kept the
rare ones; the order summed is the rarest 24 by (document frequency, text) — a total order, whatever the order
the terms come in — or, with 24 or fewer, the rare terms by their text, which sorting them alone gives too. Each
branch is compared with the code it replaced; the work is counted (sorts per call), never timed.
"""

from __future__ import annotations

import cProfile
import operator
import pstats
from pathlib import Path

import pytest

from bot.kb import load_kb
from bot.kb.bm25 import MAX_SELECT_TERMS, TwoFieldBM25
from bot.kb.engine import KnowledgeBase
from bot.kb.evaluate import load_cases
from bot.kb.records import terms
from bot.nlp.normalize import analyze

EVAL = Path(__file__).parent / "eval"
LONG_LETTER = ("Cơ quan tôi đang tổng hợp lại các văn bản về chuyển đổi số để lưu hồ sơ. Năm 2022 Bộ Thông tin và "
               "Truyền thông có kế hoạch tổ chức Ngày Chuyển đổi số quốc gia. Kế hoạch đó là quyết định số bao "
               "nhiêu, ai ký, và ngày Chuyển đổi số quốc gia năm đó có chủ đề gì vậy ạ?")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


def _before(bm25: TwoFieldBM25, query_terms: set[str]) -> list[float]:
    """``score`` as it was before round 22: every known term sorted first."""
    known = sorted(filter(bm25.df.__contains__, query_terms))
    rare = list(filter(bm25.postings.__contains__, known))
    acc = [0.0] * bm25.n
    if not rare:
        for term in known:
            acc = list(map(operator.add, acc, bm25.dense[term]))
        return acc
    if len(rare) > MAX_SELECT_TERMS:
        rare = sorted(rare, key=lambda t: (bm25.df[t], t))[:MAX_SELECT_TERMS]
    for term in rare:
        for doc, w in zip(*bm25.postings[term], strict=True):
            acc[doc] += w
    return acc


def test_scores_equal_the_code_replaced_in_every_branch(kb: KnowledgeBase) -> None:
    bm25 = kb.index.bm25
    messages = [c.question for name in ("blind/dev.toml", "blind/dev2.toml", "questions.toml")
                for c in load_cases(EVAL / name)]
    # only common words (dense rows), a few rare ones, more than MAX_SELECT_TERMS rare ones
    common = [t for t in bm25.df if t.isalpha() and t not in bm25.postings]  # each alone: no rare pair either
    texts = [*common, *messages, LONG_LETTER, " ".join(messages[:40])]
    branches = {"dense": 0, "few": 0, "rarest": 0}
    for text in texts:
        query_terms = set(terms(analyze(text)))
        rare = [t for t in query_terms if t in bm25.postings]
        branches["dense" if not rare else "rarest" if len(rare) > MAX_SELECT_TERMS else "few"] += 1
        assert bm25.score(query_terms) == _before(bm25, query_terms)
    assert all(branches.values()), branches


def test_a_long_letter_sorts_only_its_rarest_terms(kb: KnowledgeBase) -> None:
    bm25 = kb.index.bm25
    query_terms = set(terms(analyze(LONG_LETTER)))
    assert sum(t in bm25.postings for t in query_terms) > MAX_SELECT_TERMS
    profile = cProfile.Profile()
    profile.runcall(bm25.score, query_terms)
    sorts = sum(calls for (_, _, name), (calls, *_) in pstats.Stats(profile).stats.items()  # type: ignore[attr-defined]
                if name == "<built-in method builtins.sorted>")
    assert sorts == 1  # the rarest-first cut; the known terms are no longer sorted beforehand


def test_scaffolding_is_taken_out_of_the_terms_without_a_generator_per_term(kb: KnowledgeBase) -> None:
    """``Index._rank`` drops the terms of a stop phrase ("nghĩa là sao") with one C test per term (round 22)."""
    query = kb.index.query(analyze("chuyển đổi số nghĩa là sao vậy, " + LONG_LETTER))
    assert query is not None and query.scaffold
    profile = cProfile.Profile()
    profile.runcall(kb.index.hits, query)
    generators = sum(calls for (path, _, name), (calls, *_) in pstats.Stats(profile).stats.items()  # type: ignore[attr-defined]
                     if path.endswith("kb/index.py") and name == "<genexpr>")
    assert generators == 0
