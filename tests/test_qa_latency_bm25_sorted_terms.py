"""Candidate selection sums every rare term of a message, in a fixed order, with the same scores to the last bit.

``TwoFieldBM25.score`` sums the postings of a message's rare terms in a fixed order (a set's order follows
``PYTHONHASHSEED``): by their text. Until round 32 only the 24 rarest terms of a long letter were summed, by (document
frequency, text); now every rare term is (round 32, select32: a story's rare words no longer crowd out the words of
the subject it asks about). Each branch is compared with a plain rebuild of the rule; the work is counted (sorts per
call), never timed.
"""

from __future__ import annotations

import cProfile
import operator
import pstats
from collections import Counter
from pathlib import Path

import pytest

from bot.kb import load_kb
from bot.kb.bm25 import TwoFieldBM25
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


def _rule(bm25: TwoFieldBM25, query_terms: set[str]) -> list[float]:
    """The selection rule rebuilt plainly: every known term sorted first, the rare ones summed, else the dense rows."""
    known = sorted(filter(bm25.df.__contains__, query_terms))
    rare = list(filter(bm25.postings.__contains__, known))
    acc = [0.0] * bm25.n
    if not rare:
        for term in known:
            acc = list(map(operator.add, acc, bm25.dense[term]))
        return acc
    for term in rare:
        for doc, w in zip(*bm25.postings[term], strict=True):
            acc[doc] += w
    return acc


def test_scores_equal_the_rule_in_every_branch(kb: KnowledgeBase) -> None:
    bm25 = kb.index.bm25
    messages = [c.question for name in ("blind/dev.toml", "blind/dev2.toml", "questions.toml")
                for c in load_cases(EVAL / name)]
    # only common words (dense rows), a few rare ones, many rare ones (a long letter)
    common = [t for t in bm25.df if t.isalpha() and t not in bm25.postings]  # each alone: no rare pair either
    texts = [*common, *messages, LONG_LETTER, " ".join(messages[:40])]
    branches = {"dense": 0, "few": 0, "many": 0}
    for text in texts:
        query_terms = set(terms(analyze(text)))
        rare = [t for t in query_terms if t in bm25.postings]
        branches["dense" if not rare else "many" if len(rare) > 24 else "few"] += 1
        assert bm25.score(query_terms) == _rule(bm25, query_terms)
    assert all(branches.values()), branches


def test_a_long_letter_sorts_its_terms_once(kb: KnowledgeBase) -> None:
    bm25 = kb.index.bm25
    query_terms = set(terms(analyze(LONG_LETTER)))
    assert sum(t in bm25.postings for t in query_terms) > 24
    profile = cProfile.Profile()
    profile.runcall(bm25.score, query_terms)
    sorts = sum(calls for (_, _, name), (calls, *_) in pstats.Stats(profile).stats.items()  # type: ignore[attr-defined]
                if name == "<built-in method builtins.sorted>")
    assert sorts == 1  # the rare terms by their text; the known terms are not sorted beforehand


def _story_and_subject(story_words: int) -> tuple[TwoFieldBM25, set[str]]:
    """An index where entry 0 is the subject asked about, said by a word several entries share ("cổng"), and each
    story word is found in one other entry only (a place, a job, a relative): rarer than the subject's word."""
    docs = [Counter({"cong": 3, "ngay": 1})]
    docs += [Counter({"cong": 1, "tin": 2}) for _ in range(6)]  # the subject's word is said elsewhere too
    docs += [Counter({f"story{i}": 1, "tin": 1}) for i in range(story_words)]
    bm25 = TwoFieldBM25(docs, [Counter(d) for d in docs])
    return bm25, {*(f"story{i}" for i in range(story_words)), "cong"}


@pytest.mark.parametrize("story_words", [3, 24, 40])
def test_the_subjects_entry_is_selected_however_many_rarer_story_words_come_first(story_words: int) -> None:
    bm25, query_terms = _story_and_subject(story_words)
    scores = bm25.score(query_terms)
    assert scores[0] > 0  # before round 32, 24 rarer story words left "cong" out of the selection: 0.0
    assert scores[0] > max(scores[1:7])  # and it leads the entries that share its word: said three times there


def test_a_words_document_frequency_elsewhere_does_not_change_which_terms_select() -> None:
    """Round 31 (content31): a word added to one entry moved its document frequency past another's, and a long letter's
    24-term cut then dropped it. Every rare term selects now, so one more entry saying "cong" leaves the selection of
    a letter's other words as it was: the story words' entries score the same."""
    bm25, query_terms = _story_and_subject(40)
    more_docs = [Counter({"cong": 3, "ngay": 1})] + [Counter({"cong": 1, "tin": 2}) for _ in range(7)]
    more_docs += [Counter({f"story{i}": 1, "tin": 1}) for i in range(40)]
    more = TwoFieldBM25(more_docs, [Counter(d) for d in more_docs])
    assert all(s > 0 for s in bm25.score(query_terms)[7:])
    assert all(s > 0 for s in more.score(query_terms)[8:])
