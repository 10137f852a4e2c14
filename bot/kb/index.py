"""Lexical hybrid ranker over normalized Vietnamese (stdlib only).

Score = BM25(whole entry)/max + 0.5·BM25(question field)/max + char 3–5-gram TF-IDF cosine/max + the best
single-phrasing match + discriminators, over folded syllables + syllable bigrams (+ tone keys when the user
typed diacritics). This is the design that measured best in /work/shared/vietnamese-text.md; word
segmentation and embeddings lost there. The parts live in their own modules: one record per entry
(``records``), BM25 (``bm25``), typo repair (``typos``) and the per-entry signals (``signals``).
"""

from __future__ import annotations

import math
import operator
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress

from bot.kb import signals, wh
from bot.kb.bm25 import TwoFieldBM25
from bot.kb.lexicon import View, scaffolding, view, with_synonyms
from bot.kb.loader import Entry
from bot.kb.outside import Outside, Question
from bot.kb.records import EntryRecord, build_record, char_ngrams, char_vectors, terms
from bot.kb.typos import TypoRepair
from bot.nlp.normalize import Analysis, analyze

ALL_WEIGHT, QUESTION_WEIGHT, CHAR_WEIGHT, PHRASING_WEIGHT = 1.0, 0.5, 1.0, 1.0
DISCRIMINATOR_WEIGHT = 0.6  # a number or a stopping verb that one neighbour has and the other lacks
COVERAGE_WEIGHT = 0.5
KIND_WEIGHT = 0.5  # the entry's phrasings ask the kind of answer the question asks (bot.kb.wh)
MAX_SCORE = (ALL_WEIGHT + QUESTION_WEIGHT + CHAR_WEIGHT + PHRASING_WEIGHT + DISCRIMINATOR_WEIGHT + COVERAGE_WEIGHT
             + KIND_WEIGHT)
CANDIDATES = 8
# What counts as saying more of the question than a neighbour (the decision's tie rule and the order of a near tie)
LEAD, KIND_LEAD = 0.02, 0.1  # coverage or match; the kind of answer its phrasings ask (bot.kb.wh)
NUMBER_LEAD = 0.5  # a number of the question the entry is about (title, keywords), the other only mentions
TIE_ORDER = 0.1  # relative score gap under which the top two are ordered by what they say of the question
TIE_ORDER_COVERAGE = 0.45  # ... when both explain the question (an off-topic message's near misses keep their order)
CHAR_WORDS = 30  # last words of a message whose character n-grams are compared


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked entry with the signals the decision needs (kept for logs and evaluation)."""

    entry: Entry
    score: float  # combined, 0..MAX_SCORE
    coverage: float  # IDF-weighted share of the query's content words found in this entry
    bm25_all: float
    bm25_question: float
    char: float
    match: float = 0.0  # best Dice overlap of content words/pairs with one phrasing (see content_match)
    discriminator: float = 0.0  # agreement on numbers / stopping verbs (see signals.discriminator)
    conflict: bool = False  # the query's number or polarity contradicts this entry's
    edge: float = 0.0  # IDF-weighted share of the query found here but not in the best other hit (see signals.edges)
    against: bool = False  # the question stops something ("hủy", "ngừng") and this entry does not
    missing: float = 0.0  # weight of the strongest query word this entry lacks, as a share of the query's
    kind: float = 0.0  # how much this entry's phrasings ask the kind of answer the question asks (bot.kb.wh)
    outside: float = 0.0  # the question's best phrasing match in the out-of-scope class (bot.kb.outside)
    beyond: bool = False  # ... whose phrasing says a word of the question the top entry's phrasings do not
    oos: float = 0.5  # the out-of-scope classifier's probability for the question (bot.kb.outside)
    trained: float = 0.0  # the trained off-topic model's probability, given this reading's top entry (offtopic_model)
    numbers: float = 0.0  # share of the question's numbers this entry is about (1) or only mentions (0.5)
    tied: bool = False  # ranked first over a near tie because it says more of the question (see Index._hits)
    # the top hit's question as measured and its record, for bot.kb.explained (references, read only when needed)
    question: View | None = None
    record: EntryRecord | None = None


class Index:
    """Everything precomputed at load so that a query costs only dictionary look-ups."""

    def __init__(self, entries: Sequence[Entry], extra: Mapping[str, Sequence[str]] | None = None,
                 outside: Outside | None = None) -> None:
        """``extra``: more phrasings per entry id (content/phrasings), indexed like the entry's own questions;
        ``outside``: the out-of-scope class, measured against every question (``bot.kb.outside``)."""
        self.entries = list(entries)
        self.outside = outside
        extra = extra or {}
        built = [build_record(e, extra.get(e.id, ())) for e in self.entries]
        self.records: list[EntryRecord] = [b[0] for b in built]
        if outside is not None:
            outside.fit(self.records)
        self.bm25 = TwoFieldBM25([b[2] for b in built], [b[1] for b in built], QUESTION_WEIGHT)
        self.char_idf = char_vectors(self.records, [b[3] for b in built])
        self.char_unknown_idf = math.log(len(self.entries) + 1) + 1
        self.token_df: Counter[str] = Counter(t for r in self.records for t in r.q_vocab | r.a_vocab)
        self.pairs = frozenset().union(*(r.q_pairs | r.a_pairs for r in self.records))
        # the out-of-scope class's words are words, not typos of the KB's ("làm thơ" is not "làm theo")
        known = [r for r in outside.records] if outside is not None else []
        self.typos = TypoRepair(self.token_df, self.pairs, (k for r in self.records for k in r.keys),
                                (t for r in known for t in r.q_vocab), (k for r in known for k in r.keys))
        self._idf: dict[str, float] = {}
        self._idf = _IdfTable({t: self.idf(t) for t in self.token_df})
        # a word no entry has: document frequency 0, the value ``idf`` computes for every such word
        self._idf.unknown = math.log(1 + (len(self.entries) - 0 + 0.5) / (0 + 0.5))
        # the signals' look-up, in C for a known word (latency: coverage and edges ask it for every query word)
        self.idf_of: Callable[[str], float] = self._idf.__getitem__
        # A question typed exactly as one of an entry's phrasings (a tapped title, a learned phrasing).
        self.doc_of: dict[str, int] = {e.id: doc for doc, e in enumerate(self.entries)}  # entry id → its number
        self.exact: dict[str, int] = {}
        for doc, entry in enumerate(self.entries):
            for text in (entry.title, *entry.questions, *extra.get(entry.id, ())):
                key = analyze(text).text
                self.exact[key] = doc if self.exact.get(key, doc) == doc else -1

    def exact_entry(self, analysis: Analysis) -> Entry | None:
        """The one entry that has ``analysis`` word for word as a title or phrasing, if any."""
        doc = self.exact.get(analysis.text, -1)
        return self.entries[doc] if doc >= 0 else None

    def known_pair(self, a: str, b: str) -> bool:
        """Whether folded ``a b`` is a two-syllable word of the KB ("chi tiêu", "mô hình")."""
        return f"{a}_{b}" in self.pairs

    def idf(self, token: str) -> float:
        value = self._idf.get(token)
        if value is None:
            n = len(self.entries)
            f = self.token_df.get(token, 0)
            value = math.log(1 + (n - f + 0.5) / (f + 0.5))
        return value

    def query(self, analysis: Analysis) -> Query | None:
        """``analysis`` as the ranker reads it (None when there is nothing to rank).

        Built once per text of a message (``bot.kb.texts``): a message's question is both the gate of the
        whole message's ranking and, often, ranked alone, and up to three searches share this work (latency).
        """
        if not self.entries or not analysis.tokens:
            return None
        fixed = with_synonyms(self.typos.fix(analysis))
        scaffold = scaffolding(fixed)
        return Query(fixed, view(fixed, scaffold=scaffold), scaffold)

    def search(self, analysis: Analysis, k: int = 5, gate: Analysis | None = None) -> list[Hit]:
        """Top-``k`` hits for an analyzed query, best first.

        With ``gate``, the whole message ranks and the confidence signals (coverage, match, discriminators)
        are measured on ``gate`` only: the question inside a message whose context would dilute them.
        """
        return self.hits(self.query(analysis), k, self.query(gate) if gate is not None else None)

    def hits(self, query: Query | None, k: int = 5, gate: Query | None = None,
             among: Collection[int] | None = None) -> list[Hit]:
        """:meth:`search` of a prepared :meth:`query` (and gate). ``among``: entries (by number) the caller can use as
        the top hit; none when the candidates hold none of them (every hit is a candidate, so no top hit could be
        one: its signals are not measured, latency)."""
        ranked = self._rank(query, among) if query is not None else None
        if ranked is None:
            return []
        return self._hits(ranked, k, gate)

    def measured(self, query: Query, docs: Iterable[int]) -> list[tuple[float, float]]:
        """(coverage, match) of each entry of ``docs`` (by number) for ``query``, as :meth:`hits` measures a hit of
        it (no gate): both depend on the query and the entry only, not on the ranking, so they are known before it
        (latency, round 24: ``bot.kb.engine.KnowledgeBase.decide`` skips a ranking whose usable entries the floors
        could not answer)."""
        view, reads, records, idf = query.view, query.reads, self.records, self.idf_of
        if reads.index is not self:  # read by another index: its weights, not ours (as in ``_hits``)
            reads.index, reads.plan, reads.outside = self, None, None
        if reads.plan is None:
            reads.plan = signals.coverage_plan(view, idf)
        plan = reads.plan
        return [(signals.coverage(view, records[d], idf, plan)[0], signals.content_match(view, records[d]))
                for d in docs]

    def search_gated(self, query: Query | None, gate: Query | None, k: int = 5) -> tuple[list[Hit], list[Hit]]:
        """``hits(query)`` and ``hits(query, gate=gate)`` for the price of one ranking."""
        ranked = self._rank(query) if query is not None else None
        if ranked is None:
            return [], []
        plain = self._hits(ranked, k, None)
        if gate is query:
            # the question is the whole message (``bot.kb.texts.Texts`` gives texts that analyse alike one query): the
            # gate's view is the ranking's own, so its hits are these (latency: measured once, not twice)
            return plain, list(plain)
        return plain, self._hits(ranked, k, gate)

    def _rank(self, query: Query, among: Collection[int] | None = None) -> _Ranked | None:
        analysis, qv, scaffold = query.analysis, query.view, query.scaffold
        query_terms = set(terms(analysis))
        if scaffold:  # "nghĩa là sao" says nothing about which entry ("chuyển đổi số nghĩa là sao")
            kept = {t for i, u in enumerate(analysis.units) if i not in scaffold for t in u.tokens}
            dropped = {t for i in scaffold for t in analysis.units[i].tokens} - kept
            # no syllable of a term dropped, tested in C (latency, round 22: a generator per term of a long letter)
            query_terms = {t for t in query_terms if dropped.isdisjoint(t.split("_"))}
        pre = self.bm25.score(query_terms)
        # only the entries the query touched (scores are never negative): 1,000 entries cost a scan in C (latency);
        # ``sorted(…)[:k]`` is what ``heapq.nlargest`` documents itself as (ties keep the lower entry), in C
        touched = compress(range(len(pre)), pre)
        candidates = [d for d in sorted(touched, key=pre.__getitem__, reverse=True)[:CANDIDATES] if pre[d] > 0]
        if not candidates or (among is not None and all(d not in among for d in candidates)):
            return None
        records = self.records
        text = analysis.text
        # Character n-grams of the message's last words only: they repair typos; a long context adds noise.
        grams = char_ngrams(" ".join(text.split()[-CHAR_WORDS:]))
        char_idf, unknown, log = self.char_idf, self.char_unknown_idf, math.log
        # (1 + log 1) · idf is idf itself: most n-grams occur once, and their logarithm is not taken (latency)
        qvec = {g: char_idf.get(g, unknown) if tf == 1 else (1 + log(tf)) * char_idf.get(g, unknown)
                for g, tf in grams.items()}
        values = list(qvec.values())
        qnorm = math.sqrt(sum(map(operator.mul, values, values))) or 1.0  # summed in the same order, in C
        qvec = {g: v / qnorm for g, v in qvec.items() if g in char_idf}
        pquery = signals.phrasing_query(analysis)
        asked = wh.kinds(text)
        fields = self.bm25.fields
        char: dict[int, float] = {}
        phrasing: dict[int, float] = {}
        s_all: dict[int, float] = {}
        s_q: dict[int, float] = {}
        disc: dict[int, tuple[float, bool, bool, float]] = {}
        kind: dict[int, float] = {}
        for d in candidates:  # one pass over the candidates (latency: six dict comprehensions before)
            record = records[d]
            char[d] = signals.char_cosine(qvec, record)
            phrasing[d] = signals.phrasing_match(pquery, record)
            s_all[d], s_q[d] = fields(query_terms, d)
            disc[d] = signals.discriminator(qv, record)
            kind[d] = wh.agreement(asked, record.kinds)
        m_all = max(s_all.values()) or 1.0
        m_q = max(s_q.values()) or 1.0
        m_char = max(char.values()) or 1.0
        combined = {
            d: ALL_WEIGHT * s_all[d] / m_all + QUESTION_WEIGHT * s_q[d] / m_q
            + CHAR_WEIGHT * char[d] / m_char + PHRASING_WEIGHT * phrasing[d] + DISCRIMINATOR_WEIGHT * disc[d][0]
            + KIND_WEIGHT * kind[d]
            for d in candidates
        }
        order = sorted(candidates, key=lambda d: (-combined[d], d))
        return _Ranked(query, analysis, qv, order, combined, s_all, s_q, char, disc, kind)

    def _hits(self, ranked: _Ranked, k: int, gate: Query | None) -> list[Hit]:
        top = ranked.order[:k]
        records = self.records
        if gate is not None:
            gate_view = gate.view
            disc = {d: signals.discriminator(gate_view, records[d]) for d in top}
        else:
            gate_view, disc = ranked.view, ranked.disc
        idf, combined = self.idf_of, ranked.combined
        # what is read of the gate alone, kept with its query: a message's question gates the whole message's
        # ranking and is ranked alone too (latency, round 22)
        reads = (gate if gate is not None else ranked.query).reads
        if reads.index is not self:  # read by another index (review of lat22): its weights and class, not ours
            reads.index, reads.plan, reads.outside = self, None, None
        if reads.plan is None:
            reads.plan = signals.coverage_plan(gate_view, idf)
        plan = reads.plan
        measured: dict[int, tuple[float, float]] = {}
        cover: dict[int, float] = {}
        score: dict[int, float] = {}
        for d in top:  # one pass (latency)
            measured[d] = signals.coverage(gate_view, records[d], idf, plan)
            cover[d] = measured[d][0]
            # The final order also weighs how much of the question each entry explains (coverage).
            score[d] = combined[d] + COVERAGE_WEIGHT * cover[d]
        top = sorted(top, key=lambda d: (-score[d], d))
        match = {d: signals.content_match(gate_view, records[d]) for d in top}
        tied = -1
        if (len(top) > 1 and score[top[1]] > (1 - TIE_ORDER) * score[top[0]]
                and min(cover[top[0]], cover[top[1]]) >= TIE_ORDER_COVERAGE):
            # a near tie: the entry that says more of the question goes first ("số tổ công nghệ cộng đồng": the
            # count's entry says "số" where what the teams are scores on characters)
            a, b = top[0], top[1]
            lead = {d: (cover[d], match[d], ranked.kind[d], disc[d][3]) for d in (a, b)}
            if says_more(*lead[b], *lead[a]) and not says_more(*lead[a], *lead[b]):
                top[0], top[1] = b, a
                score[a], score[b] = score[b], score[a]  # the order is the score's: the decision reads its lead
                tied = b  # still a near tie for the decision: answered only when sure (decision.TIE_P)
        if self.outside is not None:
            if reads.outside is None:
                reads.outside = self.outside.question(gate_view)
            outside = self.outside.against(gate_view, records[top[0]], reads.outside)
        else:
            outside = (0.0, False, 0.0, 0.0)
        edge = dict(zip(top, signals.edges(gate_view, records[top[0]], records[top[1]], idf),
                        strict=False)) if len(top) > 1 else {}
        return [
            Hit(self.entries[d], score[d], cover[d],
                ranked.s_all[d], ranked.s_q[d], ranked.char[d], match[d],
                disc[d][0], disc[d][1], edge.get(d, 0.0), disc[d][2], measured[d][1], ranked.kind[d], *outside,
                disc[d][3], d == tied, *((gate_view, records[d]) if d == top[0] else (None, None)))
            for d in top
        ]


class _IdfTable(dict[str, float]):
    """Word → IDF, and for a word the KB lacks the IDF of document frequency 0 (returned, never stored: bounded)."""

    unknown = 0.0

    def __missing__(self, token: str) -> float:
        return self.unknown


def says_more(coverage: float, match: float, kind: float, numbers: float,
              other_coverage: float, other_match: float, other_kind: float, other_numbers: float) -> bool:
    """Whether an entry explains more of the question than another: more of its words, more of one phrasing,
    the kind of answer asked, or the number asked as what it is about rather than a mention."""
    return (coverage > other_coverage + LEAD or match > other_match + LEAD or kind > other_kind + KIND_LEAD
            or numbers >= other_numbers + NUMBER_LEAD)


class _Reads:
    """What the index reads of a query as a gate, whatever the entries measured (made on first use): the coverage
    plan and what the out-of-scope class says of it, and the index that read them — a query handed to another index
    is read again there (review of lat22, a Low). An index's weights never change once built, so what it read
    holds for the query's life."""

    __slots__ = ("index", "plan", "outside")

    def __init__(self) -> None:
        self.index: Index | None = None
        self.plan: signals.CoveragePlan | None = None
        self.outside: Question | None = None


@dataclass(frozen=True, slots=True)
class Query:
    """A message as the ranker reads it: typos repaired, synonyms added, its scaffolding and content view (and, kept
    with it for the readings of one message, what a gate on it reads: ``reads``, new for every query made, even by
    ``dataclasses.replace``)."""

    analysis: Analysis
    view: View
    scaffold: frozenset[int]
    reads: _Reads = field(default_factory=_Reads, init=False, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class _Ranked:
    """One ranking of a message, from which plain and gated hits are both cut."""

    query: Query
    analysis: Analysis
    view: View
    order: list[int]
    combined: dict[int, float]
    s_all: dict[int, float]
    s_q: dict[int, float]
    char: dict[int, float]
    disc: dict[int, tuple[float, bool, bool, float]]
    kind: dict[int, float]
