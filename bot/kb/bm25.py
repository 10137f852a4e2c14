"""Okapi BM25 over two fields of every entry (the whole entry and its questions), stdlib only.

Why stdlib: with weights precomputed at load, scoring a query touches only the postings of its terms, so a
1,000-entry KB answers in about a millisecond; ``bm25s`` would add numpy/scipy for no measurable gain here.
"""

from __future__ import annotations

import math
import operator
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence, Set

SELECT_POSTINGS = 64  # entries per term that candidate selection credits (the term's highest weights)


def bm25_weights(docs: Sequence[Counter[str]], k1: float = 1.2, b: float = 0.75) -> list[dict[str, float]]:
    """Okapi BM25 weight of every (document, term) pair, precomputed once at load."""
    n = len(docs)
    avgdl = (sum(sum(d.values()) for d in docs) / n) if n else 1.0
    df: Counter[str] = Counter(t for d in docs for t in d)
    idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
    weights = []
    for doc in docs:
        norm = k1 * (1 - b + b * sum(doc.values()) / avgdl) if avgdl else k1
        weights.append({t: idf[t] * tf * (k1 + 1) / (tf + norm) for t, tf in doc.items()})
    return weights


class TwoFieldBM25:
    """BM25 over the whole entry and over its question field.

    Candidate selection needs only the blend ``all + QUESTION_WEIGHT · question``, so postings carry that one
    precombined weight: rare terms as sparse (doc, weight) postings (two tuples), terms found in a quarter of
    the entries or more as dense rows added with ``map(operator.add, …)`` (C speed). The two field scores are
    then looked up for the ~15 candidates only, so a 1,000-entry KB stays within the latency target without
    numpy.
    """

    def __init__(self, all_docs: Sequence[Counter[str]], q_docs: Sequence[Counter[str]],
                 question_weight: float = 0.5) -> None:
        n = self.n = len(all_docs)
        w_all, w_q = bm25_weights(all_docs), bm25_weights(q_docs)
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i in range(n):
            for term, weight in w_all[i].items():
                postings[term].append((i, weight + question_weight * w_q[i].get(term, 0.0)))
        # Each entry's field weights for ``fields``: its terms numbered in one dict, the two weights of a term as
        # one complex number, whole entry + question field · i (0.0 for a term not in its questions) — one sum
        # adds both fields (latency, session 8: two sums over two arrays cost a quarter more; memory: a second
        # dict per entry would cost more than the complex objects).
        self.slots: list[dict[str, int]] = [{t: j for j, t in enumerate(weights)} for weights in w_all]
        self.both: list[tuple[complex, ...]] = [
            tuple(complex(w, q.get(t, 0.0)) for t, w in weights.items()) for weights, q in zip(w_all, w_q, strict=True)
        ]
        del w_all, w_q
        self.df = {t: len(p) for t, p in postings.items()}
        dense_from = max(64, n // 4)
        # A term's strongest entries only: past SELECT_POSTINGS, a term is too common to pick candidates alone.
        # Each as two tuples, its entries and their weights, zipped when scored (latency, session 8: slicing
        # packed arrays made two arrays and a float object per posting in every search, 35 % of ``score``; the
        # entry numbers are shared int objects, so a posting costs ~40 bytes, not a (doc, weight) tuple's ~90).
        numbers = tuple(range(n))
        self.postings: dict[str, tuple[tuple[int, ...], tuple[float, ...]]] = {}
        for term, plist in postings.items():
            if len(plist) < dense_from:
                kept = sorted(plist, key=lambda dw: -dw[1])[:SELECT_POSTINGS]
                self.postings[term] = (tuple(numbers[doc] for doc, _ in kept), tuple(w for _, w in kept))
        self.dense: dict[str, list[float]] = {}
        for term, plist in postings.items():
            if len(plist) >= dense_from:
                row = [0.0] * n
                for doc, w in plist:
                    row[doc] = w
                self.dense[term] = row

    def score(self, terms: Collection[str]) -> list[float]:
        """Blended score of every entry (a dense list indexed like the entries).

        Every rare term of the query selects candidates; words found in a quarter of the entries or more only when
        the message has no rarer word: adding a dense row per common word cost most of a ranking at 1,000 entries,
        and common words do not decide which entries are candidates (the candidates' field scores, ``fields``,
        still use every term).

        Round 32: no longer only the 24 rarest. A long letter tells its story before it asks, and a story's rare
        words (a place, a job, a relative) took those 24 slots from the words of its subject, which a story repeats
        and the KB says often ("cổng dịch vụ công", "tổ công nghệ số"): on the tuned sets the right entry was then
        no candidate of the whole letter though all its rare words made it the first (docs/qa-history/
        round-32-select32.md). And which 24 were kept hung on document frequencies, so a word added to one entry
        moved unrelated answers (round 31, content31). A term's postings are at most ``SELECT_POSTINGS``, so a
        letter of ~140 rare terms adds ~9,000 postings (~0.2 ms at 1,000 entries).
        """
        # filtered in C (latency), in a fixed order: an entry's score is summed term by term, and the order of a
        # set of terms follows PYTHONHASHSEED (a last-bit difference could flip a tie between candidates): the terms
        # summed are sorted by their text.
        rare = sorted(filter(self.postings.__contains__, terms))
        acc = [0.0] * self.n
        if not rare:  # only words found in a quarter of the entries or more: they are all there is to go on
            for term in sorted(filter(self.df.__contains__, terms)):
                acc = list(map(operator.add, acc, self.dense[term]))
            return acc
        postings = self.postings
        for term in rare:
            for doc, w in zip(*postings[term], strict=True):  # in the term's own order, as the packed arrays were read
                acc[doc] += w
        return acc

    def fields(self, terms: Set[str], doc: int) -> tuple[float, float]:
        """(whole-entry, question-field) BM25 of one entry."""
        slots = self.slots[doc]
        found = slots.keys() & terms  # set intersection in C: a long message has many terms, an entry few of them
        # summed in the entry's own term order, not the set's (which follows PYTHONHASHSEED: the last bit of a
        # score would differ between worker processes)
        at = sorted(map(slots.__getitem__, found))
        # Both fields in one sum, in C: a complex sum adds the real parts and the imaginary parts as two float sums
        # would, one double addition after another, from 0 (CPython 3.11, the project's Python; 3.12's compensated
        # float sum would not: tests/test_qa_latency_ranker_shortcuts.py compares the two). No term found: (0, 0),
        # as before.
        both = sum(map(self.both[doc].__getitem__, at))
        return both.real, both.imag
