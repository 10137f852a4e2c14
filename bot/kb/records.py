"""What the index keeps about one entry: one record per entry, built once at load.

Each record holds the entry's words and word pairs (from its phrasings and from its answer), the content
view of every phrasing, the numbers it is about and whether it is about stopping something — everything the
ranking signals (``bot.kb.signals``) look up, so that a query costs only set and dictionary look-ups.
"""

from __future__ import annotations

import math
import sys
from collections import Counter, _count_elements, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from bot.kb import wh
from bot.kb.lexicon import View, numbers_of, view
from bot.kb.loader import Entry
from bot.nlp.normalize import Analysis, analyze


def terms(analysis: Analysis) -> list[str]:
    """BM25 terms: folded syllables, syllable pairs and (when typed with marks) tone keys."""
    return [*analysis.tokens, *analysis.bigrams, *(f"#{k}" for k in analysis.keys)]


def char_ngrams(text: str, lo: int = 3, hi: int = 5) -> Counter[str]:
    """Character n-grams inside word boundaries (scikit-learn's ``char_wb``): robust to typos.

    Counted in C from each word's cached n-grams, in the order the words give them (the order of the vector's
    keys fixes the order its norm is summed in, so the scores are the same to the last bit)."""
    counts: Counter[str] = Counter()
    if lo == 3 and hi == 5:  # the only sizes used: a one-argument cache is looked up in C (latency)
        _count_elements(counts, chain.from_iterable(map(_word_grams_3_5, text.split())))
    else:
        _count_elements(counts, chain.from_iterable(_word_grams(word, lo, hi) for word in text.split()))
    return counts


@lru_cache(maxsize=8192)
def _word_grams(word: str, lo: int, hi: int) -> tuple[str, ...]:
    """The n-grams of one padded word, shorter first (latency: the words of chat messages repeat; bounded,
    and the n-grams are the index's own interned strings, so the cache costs little memory)."""
    padded = f" {word} "
    return tuple(sys.intern(padded[i : i + n]) for n in range(lo, hi + 1) for i in range(len(padded) - n + 1))


@lru_cache(maxsize=8192)
def _word_grams_3_5(word: str) -> tuple[str, ...]:
    """:func:`_word_grams` of sizes 3 to 5, cached on the word alone (its key is the word itself, no tuple)."""
    return _word_grams.__wrapped__(word, 3, 5)


def _interned(strings: Iterable[str]) -> Iterator[str]:
    """One shared object per distinct word, pair or n-gram of the index: every entry's analysis makes its own
    copies, and a 1,000-entry KB holds each in several sets and tables (memory)."""
    return map(sys.intern, strings)


def _pair_set(views: Iterable[View]) -> frozenset[str]:
    return frozenset(_interned(p for v in views for p in (*v.pairs, *(p for _, p in v.optional_pairs))))


INDEXED_FROM = 10  # phrasings of an entry from which its phrasing matches read its inverted indexes (latency)


@dataclass(frozen=True, slots=True)
class EntryRecord:
    """One entry as the signals see it (``q_`` = from its title, questions, extra phrasings and keywords)."""

    entry: Entry
    q_vocab: frozenset[str]
    a_vocab: frozenset[str]  # words of the answer
    keys: frozenset[str]  # tone keys of everything written with marks
    q_pairs: frozenset[str]
    a_pairs: frozenset[str]
    q_cpairs: frozenset[str]  # content pairs (see bot.kb.lexicon.view)
    a_cpairs: frozenset[str]
    phrasings: tuple[frozenset[str], ...]  # each phrasing's syllables and pairs
    content_phrasings: tuple[tuple[frozenset[str], frozenset[str], int], ...]  # (required, optional, size)
    own_numbers: frozenset[str]  # numbers of the title and keywords: what the entry is about
    all_numbers: frozenset[str]  # numbers of any phrasing
    negated: bool  # the entry is about stopping something ("hủy đăng ký")
    char_vec: dict[str, float]  # L2-normalized char n-gram TF-IDF of the phrasings (filled by char_vectors)
    kinds: Mapping[str, float]  # share of its phrasings asking each kind of answer (bot.kb.wh)
    # Inverted indexes of the phrasings, derived in __post_init__ (latency, session 7): the phrasing matches
    # (``bot.kb.signals``) count a query's items per phrasing from the postings of the items it says, in C,
    # instead of intersecting the query with each of the entry's ~25 phrasings. Empty for an entry of fewer than
    # INDEXED_FROM phrasings (scanned: faster, and no memory for a KB of short entries).
    phrasing_index: Mapping[str, tuple[int, ...]] = field(init=False)  # item -> phrasings (indices) that say it
    phrasing_sizes: tuple[int, ...] = field(init=False)  # len() of each phrasing
    content_index: Mapping[str, tuple[int, ...]] = field(init=False)  # item -> content phrasings saying it
    content_spare: Mapping[str, tuple[int, ...]] = field(init=False)  # item -> content phrasings where it is
    # optional and not required (and not a tone key): it lengthens the Dice denominator when the query says it

    def __post_init__(self) -> None:
        setattr_ = object.__setattr__  # a frozen dataclass: derived fields are set once, here
        if len(self.phrasings) < INDEXED_FROM:  # a few phrasings are scanned faster than their postings are read
            for name in ("phrasing_index", "content_index", "content_spare"):
                setattr_(self, name, {})
            setattr_(self, "phrasing_sizes", ())
            return
        setattr_(self, "phrasing_index", _postings(self.phrasings))
        setattr_(self, "phrasing_sizes", tuple(map(len, self.phrasings)))
        setattr_(self, "content_index", _postings(r | o for r, o, _ in self.content_phrasings))
        setattr_(self, "content_spare", _postings(
            {t for t in o - r if not t.startswith("#")} for r, o, _ in self.content_phrasings))


def _postings(sets: Iterable[Iterable[str]]) -> dict[str, tuple[int, ...]]:
    """Each item of ``sets`` mapped to the positions of the sets holding it, in increasing order."""
    postings: dict[str, list[int]] = defaultdict(list)
    for i, items in enumerate(sets):
        for item in items:
            postings[item].append(i)
    return {item: tuple(where) for item, where in postings.items()}


def build_record(entry: Entry, extra: Sequence[str] = ()) -> tuple[EntryRecord, Counter[str], Counter[str],
                                                                    Counter[str]]:
    """The record of ``entry`` plus its BM25 documents (question field, whole entry) and char n-gram counts."""
    phrasings = [analyze(t) for t in (entry.title, *entry.questions, *extra, *entry.keywords)]
    answer = analyze(entry.answer)
    q_terms = Counter(_interned(t for a in phrasings for t in terms(a)))
    views = [view(a, entry=True) for a in phrasings]
    record = EntryRecord(
        entry=entry,
        q_vocab=frozenset(_interned(t for a in phrasings for t in a.tokens)),
        a_vocab=frozenset(_interned(answer.tokens)),
        keys=frozenset(_interned(k for a in (*phrasings, answer) for k in a.keys)),
        q_pairs=frozenset(_interned(b for a in phrasings for b in a.bigrams)),
        a_pairs=frozenset(_interned(answer.bigrams)),
        q_cpairs=_pair_set(views),
        a_cpairs=_pair_set([view(answer, entry=True)]),
        phrasings=tuple(frozenset(_interned((*a.tokens, *a.bigrams))) for a in phrasings),
        content_phrasings=tuple(
            (frozenset(_interned(v.required)), frozenset(_interned(v.optional)) if v.optional else v.optional,
             sum(1 for t in v.required if not t.startswith("#"))) for v in views
        ),
        own_numbers=numbers_of((entry.title, *entry.keywords)),
        all_numbers=frozenset(n for v in views for n in v.numbers),
        negated=views[0].negated,
        char_vec={},
        kinds=wh.profile([a.text for a in phrasings[: 1 + len(entry.questions) + len(extra)]]),
    )
    chars = sum((char_ngrams(a.text) for a in phrasings), Counter())
    return record, q_terms, q_terms + Counter(_interned(terms(answer))), chars


def char_vectors(records: Sequence[EntryRecord], char_docs: Sequence[Counter[str]]) -> dict[str, float]:
    """Fill every record's ``char_vec`` (TF-IDF, L2-normalized); returns the n-gram IDF table."""
    n = len(records)
    char_df: Counter[str] = Counter(g for d in char_docs for g in d)
    idf = {sys.intern(g): math.log((n + 1) / (f + 1)) + 1 for g, f in char_df.items()}
    for record, doc in zip(records, char_docs, strict=True):
        vec = {g: (1 + math.log(tf)) * idf[g] for g, tf in doc.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        record.char_vec.update({sys.intern(g): v / norm for g, v in vec.items()})
    return idf
