"""Round 6 (latency): every shortcut of the ranker gives what the plain computation gives, to the last bit.

The shortcuts (cached per-word n-grams, a translate table for the clause splitter, the out-of-scope index,
cached units, the bounded typo cache) are checked here against the straightforward code they replaced,
on the old evaluation set and the KB's own phrasings; a change that moves one float moves an answer somewhere.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.kb import KnowledgeBase
from bot.kb.evaluate import load_cases
from bot.kb.lexicon import View
from bot.kb.outside import Outside
from bot.kb.records import EntryRecord, char_ngrams
from bot.kb.signals import content_match, phrasing_match, phrasing_query
from bot.kb.typos import CANDIDATE_CACHE
from bot.nlp import clauses
from bot.nlp.normalize import Unit, analyze, fold_token

OLD_SET = Path(__file__).parent / "eval" / "questions.toml"


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    """The session's real KB (tests/conftest.py): these tests only read it and ask it questions."""
    return real_kb


@pytest.fixture(scope="module")
def questions(kb: KnowledgeBase) -> list[str]:
    """The old set's questions and a sample of the KB's phrasings, typed in every style."""
    asked = [c.question for c in load_cases(OLD_SET)]
    return asked + [q for e in kb.entries[::3] for q in e.questions[:2]]


def _naive_ngrams(text: str, lo: int = 3, hi: int = 5) -> Counter[str]:
    grams: Counter[str] = Counter()
    for word in text.split():
        padded = f" {word} "
        for n in range(lo, hi + 1):
            for i in range(len(padded) - n + 1):
                grams[padded[i : i + n]] += 1
    return grams


def test_char_ngrams_count_and_order_the_grams_as_a_loop_does(questions: list[str]) -> None:
    for text in (*questions, "a", "", "chuyển  đổi số số số"):
        text = analyze(text).text
        fast, naive = char_ngrams(text), _naive_ngrams(text)
        assert fast == naive and list(fast) == list(naive)  # key order fixes the order the norm is summed in


def test_the_clause_fold_is_the_character_loop() -> None:
    def naive(text: str) -> str:
        out = []
        for c in text:
            f = fold_token(c) if c.strip() and c not in "òÒ" else c
            out.append(f if len(f) == 1 else c.lower())
        return "".join(out)

    samples = ["Còn ĐĂNG KÝ mức 2 thì sao?", "Tiền thì cho hỏi\tthêm…", "İstanbul ǅ ß ﬁ Ð", "e\u0301 nfd", ""]
    for text in samples:
        assert clauses.fold_keep_positions(text) == naive(text)
    assert len(clauses._FOLD_TABLE) <= clauses._FOLD_TABLE_SIZE


def _views(kb: KnowledgeBase, questions: list[str]) -> list[View]:
    return [q.view for q in (kb.index.query(analyze(t)) for t in questions) if q is not None]


def _naive_content_match(qv: View, rec: EntryRecord) -> float:
    best = 0.0
    items = qv.required | qv.optional
    if not items:
        return 0.0
    extra_items = qv.optional - qv.required
    for required, optional, size in rec.content_phrasings:
        said = required | optional
        common = len(items & said)
        if common:
            n_items = len(qv.required) + len(extra_items & said)
            extra = sum(1 for t in (items & optional) - required if not t.startswith("#"))
            best = max(best, 2 * common / (n_items + size + extra))
    return min(1.0, best)


def test_phrasing_matches_are_the_loop_computed_ones(kb: KnowledgeBase, questions: list[str]) -> None:
    records = kb.index.records
    views = _views(kb, questions[:150])
    for i, qv in enumerate(views):
        for rec in records[i % 7 :: 7]:
            assert content_match(qv, rec) == _naive_content_match(qv, rec)
    for text in questions[:150]:
        query = phrasing_query(analyze(text))
        for rec in records[::9]:
            expected = max((2 * len(query & p) / (len(query) + len(p)) for p in rec.phrasings if query & p),
                           default=0.0)
            assert phrasing_match(query, rec) == expected


def test_the_out_of_scope_index_finds_what_a_scan_of_every_group_finds(kb: KnowledgeBase,
                                                                         questions: list[str]) -> None:
    outside = kb.index.outside
    assert isinstance(outside, Outside)
    views = _views(kb, [*questions[:200], *(p for g in outside.groups for p in g.phrasings)])
    matched = 0
    for qv in views:
        best, found = 0.0, None
        for record in outside.records:  # the scan the index replaced: first group with the best match
            value = content_match(qv, record)
            if value > best:
                best, found = value, record
        assert outside.match(qv) == (best, found)
        matched += found is not None
    assert matched > len(outside.groups)  # the sample does reach the class


def test_a_unit_keeps_its_tokens_and_hashes_like_its_fields() -> None:
    unit = Unit((("duoc",), ("dang", "ki")), ("đươc5", "đăng0", "ki1"), "abbrev", False)
    assert unit.tokens == ("duoc", "dang", "ki")
    assert hash(unit) == hash(((("duoc",), ("dang", "ki")), ("đươc5", "đăng0", "ki1"), "abbrev", False))
    assert unit == Unit((("duoc",), ("dang", "ki")), ("đươc5", "đăng0", "ki1"), "abbrev", False)
    assert unit != Unit((("duoc",),), ("đươc5",), "abbrev", False)


def test_typo_candidates_are_cached_within_a_bound(kb: KnowledgeBase) -> None:
    typos = kb.index.typos
    for word in ("chuyn", "dinhh", "vneidd", "xyzq"):
        assert typos.candidates(word) == typos._lookup(word)
    assert typos._cached.cache_info().maxsize == CANDIDATE_CACHE
