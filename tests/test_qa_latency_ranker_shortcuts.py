"""Round 8 (latency): every shortcut of the ranker gives what the code it replaced gives, to the last bit.

BM25 postings kept as per-term tuples (``bot.kb.bm25``), candidates picked by ``sorted()[:k]`` instead of
``heapq.nlargest``, the char vector of a once-seen n-gram without its logarithm, the IDF looked up in C
(``bot.kb.index``), filler words skipped unless a token can be one, the pairs of a view built without a call
per pair (``bot.kb.lexicon``), and texts of one message that analyse alike sharing one ``Query``
(``bot.kb.texts.Texts``, ``Index.search_gated``). Each is checked against the plain computation on the chat
messages of the dev splits, the old set and the KB's phrasings; ``tools/qa_dump --exact`` checks the answers.
"""

from __future__ import annotations

import heapq
import math
import random
from collections import Counter
from pathlib import Path

import pytest

from bot.kb import KnowledgeBase, lexicon
from bot.kb.bm25 import SELECT_POSTINGS, TwoFieldBM25, bm25_weights
from bot.kb.evaluate import load_cases
from bot.kb.index import Hit, Query
from bot.kb.records import build_record, terms
from bot.kb.texts import Texts
from bot.nlp.clauses import clauses
from bot.nlp.dialect import standardize
from bot.nlp.normalize import Analysis, analyze

EVAL = Path(__file__).parent / "eval"


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    """The session's real KB (tests/conftest.py): these tests only read it and ask it questions."""
    return real_kb


@pytest.fixture(scope="module")
def texts(kb: KnowledgeBase) -> list[str]:
    """The dev splits' chat messages, their clauses, the old set and some of the KB's phrasings."""
    messages = [c.question for name in ("blind/dev.toml", "blind/dev2.toml", "questions.toml")
                for c in load_cases(EVAL / name)]
    parts = [p for m in messages for p in clauses(standardize(m, kb.index.known_pair))]
    return messages + parts + [q for e in kb.entries[::2] for q in e.questions[:3]]


def test_bm25_scores_equal_a_plain_sum_over_each_terms_strongest_entries(kb: KnowledgeBase,
                                                                          texts: list[str]) -> None:
    """Rebuilt from the weights: every term's SELECT_POSTINGS heaviest entries, added in sorted term order."""
    records = kb.index.records
    entries = kb.index.entries
    assert len(records) == len(entries)
    bm25 = kb.index.bm25
    # the blended weight of every posting, as the constructor computes it
    built = _blended(kb)
    for text in texts:
        query_terms = set(terms(analyze(text)))
        known = sorted(t for t in query_terms if t in bm25.df)
        rare = [t for t in known if t in bm25.postings]
        if not rare or len(rare) > 24:
            continue  # dense rows and the rarest-24 cut are unchanged code
        expected = [0.0] * len(entries)
        for term in rare:
            for doc, w in sorted(built[term], key=lambda dw: -dw[1])[:SELECT_POSTINGS]:
                expected[doc] += w
        assert bm25.score(query_terms) == expected


def _blended(kb: KnowledgeBase) -> dict[str, list[tuple[int, float]]]:
    extra = kb.phrasings
    built = [build_record(e, extra.get(e.id, ())) for e in kb.entries]
    w_all, w_q = bm25_weights([b[2] for b in built]), bm25_weights([b[1] for b in built])
    postings: dict[str, list[tuple[int, float]]] = {}
    for doc, weights in enumerate(w_all):
        for term, weight in weights.items():
            postings.setdefault(term, []).append((doc, weight + 0.5 * w_q[doc].get(term, 0.0)))
    return postings


def test_posting_tuples_share_the_entry_numbers() -> None:
    """Memory: an entry number is one int object however many postings name it."""
    docs = [Counter({"a": 1, "b": 2, f"w{i}": 1}) for i in range(400)]
    bm25 = TwoFieldBM25(docs, docs)
    numbers = {id(d) for doc_ids, _ in bm25.postings.values() for d in doc_ids}
    assert len(numbers) <= 400


def test_sorted_slice_picks_what_nlargest_picks_ties_included() -> None:
    rng = random.Random(8)
    for _ in range(500):
        pre = [rng.choice((0.0, 0.5, 1.0, 1.5, rng.random())) for _ in range(rng.randint(1, 40))]
        touched = [d for d in range(len(pre)) if pre[d]]
        assert sorted(touched, key=pre.__getitem__, reverse=True)[:8] == heapq.nlargest(8, touched, pre.__getitem__)


def test_a_char_weight_seen_once_is_its_idf(kb: KnowledgeBase) -> None:
    values = [*kb.index.char_idf.values(), kb.index.char_unknown_idf]
    assert all((1 + math.log(1)) * v == v for v in values)


def test_idf_looked_up_in_c_is_the_computed_idf(kb: KnowledgeBase, texts: list[str]) -> None:
    index = kb.index
    words = {t for text in texts for t in analyze(text).tokens} | {"", "khongcotrongkb"}
    for word in words:
        assert index.idf_of(word) == index.idf(word)
    assert "khongcotrongkb" not in index._idf  # unknown words are answered, never stored


def test_filler_tokens_skip_only_units_that_cannot_hold_filler(texts: list[str]) -> None:
    def plain(analysis: Analysis) -> frozenset[str]:
        found: set[str] = set()
        content: set[str] = set()
        accented_text = lexicon.accented(analysis)
        for unit in analysis.units:
            filler, other = lexicon._fillers(unit, accented_text)
            found.update(filler)
            content.update(other)
        return frozenset(found - content)

    polite = ["dạ thưa anh chị cho em hỏi chuyển đổi số là gì ạ", "anh ơi em hỏi chút", "bác cháu hỏi thăm"]
    for text in (*texts, *polite):
        analysis = analyze(text)
        assert lexicon.filler_tokens(analysis) == plain(analysis)
    assert any(lexicon.filler_tokens(analyze(t)) for t in polite)


def _view_with_a_call_per_pair(analysis: Analysis) -> lexicon.View:
    """The round-7 ``view`` (the pairs through a nested function), kept as the reference."""
    units, token_roles = [], []
    numbers: set[str] = set()
    negations: set[int] = set()
    negated = any(p in lexicon.NEGATION_PAIRS for p in analysis.bigrams)
    accented_text = lexicon.accented(analysis)
    scaffold = lexicon.scaffolding(analysis)
    nouns = lexicon._kin_nouns(analysis)  # round 9: counted kinship words are content (not what this test checks)
    for index, unit in enumerate(analysis.units):
        uv, roles, negation, unit_numbers = lexicon._classify(unit, accented_text, index in scaffold)
        if index in nouns:
            uv, roles = lexicon._content(uv), tuple((alt, (lexicon.CONTENT,) * len(alt)) for alt, _ in roles)
        if negation:
            negated = True
            negations.add(index)
        numbers.update(unit_numbers)
        units.append(uv)
        token_roles.append(roles)
    required: set[str] = set()
    optional: set[str] = set()
    for uv, readings_roles in zip(units, token_roles, strict=True):
        if uv.key:
            (required if uv.role == lexicon.CONTENT else optional).add(uv.key)
            continue
        for alt, rs in readings_roles:
            for t, r in zip(alt, rs, strict=True):
                if r == lexicon.CONTENT:
                    required.add(t)
                elif r == lexicon.OPTIONAL:
                    optional.add(t)
    pairs: list[str] = []
    optional_pairs: list[tuple[int, str]] = []

    def add_pair(a: str, ra: int, b: str, rb: int, ia: int, ib: int) -> None:
        if lexicon.STOP in (ra, rb):
            return
        pair = f"{a}_{b}"
        if ra == lexicon.CONTENT and rb == lexicon.CONTENT:
            pairs.append(pair)
            required.add(pair)
            return
        optional.add(pair)
        if ra == lexicon.OPTIONAL:
            optional_pairs.append((ia, pair))
        if rb == lexicon.OPTIONAL and ib != ia:
            optional_pairs.append((ib, pair))

    for i, readings_roles in enumerate(token_roles):
        for alt, rs in readings_roles:
            for j in range(len(alt) - 1):
                add_pair(alt[j], rs[j], alt[j + 1], rs[j + 1], i, i)
            if i + 1 < len(token_roles):
                for nalt, nrs in token_roles[i + 1]:
                    if alt and nalt:
                        add_pair(alt[-1], rs[-1], nalt[0], nrs[0], i, i + 1)
    return lexicon.View(tuple(units), frozenset(required), frozenset(optional), tuple(dict.fromkeys(pairs)),
                tuple(dict.fromkeys(optional_pairs)), frozenset(numbers), negated, frozenset(negations))


def test_view_pairs_are_those_of_a_call_per_pair(texts: list[str]) -> None:
    # ambiguous abbreviations (several readings of a unit) make the cross-reading pairs
    for text in (*texts, "cds la gi", "qđ số 749 về cđs", "bot tra loi cn k"):
        analysis = analyze(text)
        fast, plain = lexicon.view(analysis), _view_with_a_call_per_pair(analysis)
        assert fast == plain
        # the sets are built in the same order, so they iterate alike (sums over them stay the same)
        assert list(fast.required) == list(plain.required) and list(fast.optional) == list(plain.optional)


def test_texts_that_analyse_alike_share_one_query(kb: KnowledgeBase) -> None:
    texts = Texts(kb.index)
    a = texts.query("Chuyển đổi số là gì?")
    assert texts.query("chuyển đổi số là gì") is a
    assert texts.query("Chuyển đổi số là gì nhỉ") is not a


def test_a_gate_equal_to_the_ranking_gives_the_gated_hits(kb: KnowledgeBase, texts: list[str]) -> None:
    index = kb.index
    shared = 0
    for text in texts[::5]:
        query = index.query(analyze(text))
        if query is None:
            continue
        plain, gated = index.search_gated(query, query)
        # the same query prepared again is another object: the gate is measured in full
        again = Query(query.analysis, query.view, query.scaffold)
        plain2, measured = index.search_gated(query, again)
        assert gated is not plain and _fields(gated) == _fields(measured) and _fields(plain) == _fields(plain2)
        shared += 1
    assert shared > 100


def _fields(hits: list[Hit]) -> list[tuple[object, ...]]:
    return [tuple(repr(getattr(h, f)) for f in Hit.__slots__) for h in hits]


def test_both_fields_in_one_complex_sum_are_the_two_float_sums(kb: KnowledgeBase, texts: list[str]) -> None:
    """The entry's term order, two plain float sums (the round-7 code), against ``fields``; types included."""
    built = [build_record(e, kb.phrasings.get(e.id, ())) for e in kb.entries]
    w_all, w_q = bm25_weights([b[2] for b in built]), bm25_weights([b[1] for b in built])
    bm25 = kb.index.bm25
    for text in texts[::3]:
        query_terms = set(terms(analyze(text)))
        for doc in range(0, len(kb.entries), 7):
            at = [t for t in w_all[doc] if t in query_terms]  # the entry's own order
            plain = (sum(w_all[doc][t] for t in at), sum(w_q[doc].get(t, 0.0) for t in at))
            fast = bm25.fields(query_terms, doc)
            assert fast == plain and [type(v) for v in fast] == [type(v) for v in plain]
