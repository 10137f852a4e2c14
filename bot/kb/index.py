"""Lexical hybrid ranker over normalized Vietnamese (stdlib only).

Score = BM25(whole entry)/max + 0.5·BM25(question field)/max + char 3–5-gram TF-IDF cosine/max, over
folded syllables + syllable bigrams (+ tone keys when the user typed diacritics). This is the design that
measured best in /work/shared/vietnamese-text.md; word segmentation and embeddings lost there.

Why stdlib: with an inverted index and weights precomputed at load, scoring a query touches only the
postings of its ~20 terms, so a 1,000-entry KB answers in well under a millisecond; character n-grams are
computed only for the BM25 candidates. ``bm25s`` would add numpy/scipy for no measurable gain at this size.
"""

from __future__ import annotations

import heapq
import math
import operator
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.kb.lexicon import (
    CONTENT,
    OPTIONAL,
    STOP_FOLDS,
    View,
    filler_tokens,
    numbers_of,
    scaffolding,
    view,
    with_synonyms,
)
from bot.kb.loader import Entry
from bot.nlp.normalize import Analysis, Unit, analyze

ALL_WEIGHT, QUESTION_WEIGHT, CHAR_WEIGHT, PHRASING_WEIGHT = 1.0, 0.5, 1.0, 1.0
DISCRIMINATOR_WEIGHT = 0.6  # a number or a stopping verb that one neighbour has and the other lacks
MAX_SCORE = ALL_WEIGHT + QUESTION_WEIGHT + CHAR_WEIGHT + PHRASING_WEIGHT + DISCRIMINATOR_WEIGHT
CANDIDATES = 10
CHAR_WORDS = 30  # last words of a message whose character n-grams are compared
MAX_SELECT_TERMS = 24  # rarest query terms used to select candidates (latency bound for long messages)
ANSWER_ONLY_CREDIT = 0.6  # a query word found only in the answer text, not in any phrasing
TONE_MISMATCH_CREDIT = 0.5  # "đội" typed with marks vs the entry's "đổi"
TYPO_CREDIT = 0.6  # coverage credit of a word repaired by one edit (the repair may be wrong: "xang" → "bang")


def _pair_set(views: Iterable[View]) -> frozenset[str]:
    return frozenset(p for v in views for p in (*v.pairs, *(p for _, p in v.optional_pairs)))


def _terms(analysis: Analysis) -> list[str]:
    return [*analysis.tokens, *analysis.bigrams, *(f"#{k}" for k in analysis.keys)]


def char_ngrams(text: str, lo: int = 3, hi: int = 5) -> Counter[str]:
    """Character n-grams inside word boundaries (scikit-learn's ``char_wb``): robust to typos."""
    grams: Counter[str] = Counter()
    for word in text.split():
        padded = f" {word} "
        for n in range(lo, hi + 1):
            for i in range(len(padded) - n + 1):
                grams[padded[i : i + n]] += 1
    return grams


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


def _one_edit(a: str, b: str) -> bool:
    """Damerau distance exactly 1 (the delete dictionary also proposes some distance-2 words)."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        )
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


class TwoFieldBM25:
    """BM25 over the whole entry and over its question field.

    Candidate selection needs only the blend ``all + QUESTION_WEIGHT · question``, so postings carry that one
    precombined weight: rare terms as sparse ``(doc, weight)`` lists, terms found in a quarter of the entries
    or more as dense rows added with ``map(operator.add, …)`` (C speed). The two field scores are then looked
    up for the ~15 candidates only, so a 1,000-entry KB stays within the latency target without numpy.
    """

    def __init__(self, all_docs: Sequence[Counter[str]], q_docs: Sequence[Counter[str]],
                 question_weight: float = 0.5) -> None:
        n = self.n = len(all_docs)
        self.w_all, self.w_q = bm25_weights(all_docs), bm25_weights(q_docs)
        postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for i in range(n):
            w_q = self.w_q[i]
            for term, weight in self.w_all[i].items():
                postings[term].append((i, weight + question_weight * w_q.get(term, 0.0)))
        self.df = {t: len(p) for t, p in postings.items()}
        dense_from = max(64, n // 4)
        self.postings = {t: p for t, p in postings.items() if len(p) < dense_from}
        self.dense: dict[str, list[float]] = {}
        for term, plist in postings.items():
            if len(plist) >= dense_from:
                row = [0.0] * n
                for doc, w in plist:
                    row[doc] = w
                self.dense[term] = row

    def score(self, terms: Iterable[str]) -> list[float]:
        """Blended score of every entry (a dense list indexed like the entries).

        Only the ``MAX_SELECT_TERMS`` rarest terms select candidates: a long message would otherwise add a
        dense row per common word, and common words do not decide which entries are candidates (the
        candidates' field scores below still use every term).
        """
        known = [t for t in terms if t in self.df]
        if len(known) > MAX_SELECT_TERMS:
            known = sorted(known, key=lambda t: (self.df[t], t))[:MAX_SELECT_TERMS]
        acc = [0.0] * self.n
        for term in known:
            row = self.dense.get(term)
            if row is not None:
                acc = list(map(operator.add, acc, row))
                continue
            for doc, w in self.postings.get(term, ()):
                acc[doc] += w
        return acc

    def fields(self, terms: Iterable[str], doc: int) -> tuple[float, float]:
        """(whole-entry, question-field) BM25 of one entry."""
        w_all, w_q = self.w_all[doc], self.w_q[doc]
        return sum(w_all.get(t, 0.0) for t in terms), sum(w_q.get(t, 0.0) for t in terms)


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
    discriminator: float = 0.0  # agreement on numbers / stopping verbs (see Index.discriminator)
    conflict: bool = False  # the query's number or polarity contradicts this entry's
    edge: float = 0.0  # IDF-weighted share of the query found here but not in the best other hit (see edges)
    against: bool = False  # the question stops something ("hủy", "ngừng") and this entry does not


class Index:
    """Everything precomputed at load so that a query costs only dictionary look-ups."""

    def __init__(self, entries: Sequence[Entry], extra: Mapping[str, Sequence[str]] | None = None) -> None:
        """``extra``: more phrasings per entry id (content/phrasings), indexed like the entry's own questions."""
        self.entries = list(entries)
        extra = extra or {}
        q_docs: list[Counter[str]] = []
        all_docs: list[Counter[str]] = []
        self.q_vocab: list[frozenset[str]] = []
        self.a_vocab: list[frozenset[str]] = []
        self.doc_keys: list[frozenset[str]] = []
        self.q_pairs: list[frozenset[str]] = []
        self.phrasings: list[list[frozenset[str]]] = []
        self.content_phrasings: list[list[tuple[frozenset[str], frozenset[str], int]]] = []
        self.q_cpairs: list[frozenset[str]] = []
        self.a_cpairs: list[frozenset[str]] = []
        self.own_numbers: list[frozenset[str]] = []
        self.all_numbers: list[frozenset[str]] = []
        self.negated: list[bool] = []
        self.a_pairs: list[frozenset[str]] = []
        char_docs: list[Counter[str]] = []
        for entry in self.entries:
            phrasings = [analyze(t) for t in (entry.title, *entry.questions, *extra.get(entry.id, ()),
                                              *entry.keywords)]
            answer = analyze(entry.answer)
            q_terms = Counter(t for a in phrasings for t in _terms(a))
            q_docs.append(q_terms)
            all_docs.append(q_terms + Counter(_terms(answer)))
            self.q_vocab.append(frozenset(t for a in phrasings for t in a.tokens))
            self.a_vocab.append(frozenset(answer.tokens))
            self.q_pairs.append(frozenset(b for a in phrasings for b in a.bigrams))
            self.phrasings.append([frozenset(a.tokens) | frozenset(a.bigrams) for a in phrasings])
            views = [view(a, entry=True) for a in phrasings]
            self.content_phrasings.append([
                (v.required, v.optional, sum(1 for t in v.required if not t.startswith("#"))) for v in views
            ])
            self.q_cpairs.append(_pair_set(views))
            self.a_cpairs.append(_pair_set([view(answer, entry=True)]))
            self.own_numbers.append(numbers_of((entry.title, *entry.keywords)))
            self.all_numbers.append(frozenset(n for v in views for n in v.numbers))
            self.negated.append(views[0].negated)
            self.a_pairs.append(frozenset(answer.bigrams))
            self.doc_keys.append(frozenset(k for a in (*phrasings, answer) for k in a.keys))
            char_docs.append(sum((char_ngrams(a.text) for a in phrasings), Counter()))
        # A question typed exactly as one of an entry's phrasings (a tapped title, a learned phrasing).
        self.exact: dict[str, int] = {}
        for doc, entry in enumerate(self.entries):
            for text in (entry.title, *entry.questions, *extra.get(entry.id, ())):
                key = analyze(text).text
                self.exact[key] = doc if self.exact.get(key, doc) == doc else -1
        self.bm25 = TwoFieldBM25(all_docs, q_docs, QUESTION_WEIGHT)
        n = len(self.entries)
        self.token_df: Counter[str] = Counter(t for q, a in zip(self.q_vocab, self.a_vocab, strict=True)
                                              for t in q | a)
        # Char n-gram TF-IDF, L2-normalized per entry.
        char_df: Counter[str] = Counter(g for d in char_docs for g in d)
        self.char_idf = {g: math.log((n + 1) / (f + 1)) + 1 for g, f in char_df.items()}
        self.char_unknown_idf = math.log(n + 1) + 1
        self.char_vecs: list[dict[str, float]] = []
        for doc in char_docs:
            vec = {g: (1 + math.log(tf)) * self.char_idf[g] for g, tf in doc.items()}
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            self.char_vecs.append({g: v / norm for g, v in vec.items()})
        # Symmetric-delete dictionary for one-edit typo correction against the KB's own vocabulary.
        self.pairs = frozenset().union(*self.q_pairs, *self.a_pairs)
        self.deletes: dict[str, set[str]] = defaultdict(set)
        for word in self.token_df:
            if len(word) >= 2 and word.isalpha():
                self.deletes[word].add(word)
                for i in range(len(word)):
                    self.deletes[word[:i] + word[i + 1 :]].add(word)
        self.deletes = dict(self.deletes)

    def exact_entry(self, analysis: Analysis) -> Entry | None:
        """The one entry that has ``analysis`` word for word as a title or phrasing, if any."""
        doc = self.exact.get(analysis.text, -1)
        return self.entries[doc] if doc >= 0 else None

    def known_pair(self, a: str, b: str) -> bool:
        """Whether folded ``a b`` is a two-syllable word of the KB ("chi tiêu", "mô hình")."""
        return f"{a}_{b}" in self.pairs

    def idf(self, token: str) -> float:
        n = len(self.entries)
        f = self.token_df.get(token, 0)
        return math.log(1 + (n - f + 0.5) / (f + 0.5))

    def candidates(self, token: str) -> set[str]:
        """KB words one edit (insertion, deletion, substitution or swap) away from ``token``."""
        found = set(self.deletes.get(token, ()))
        for i in range(len(token)):
            found |= self.deletes.get(token[:i] + token[i + 1 :], set())
        found.discard(token)
        return {w for w in found if _one_edit(token, w)}

    def fix_typos(self, analysis: Analysis) -> Analysis:
        """Replace unknown tokens by a KB word one edit away (query side only).

        Chat words ("ơi", "nhé") are known words, never typos. A token that is not a syllable (``chuyn``) is
        fixed to the most frequent candidate; a token that is a real syllable (``dien tuu``) only when the fix
        forms a two-syllable word the KB knows with a neighbour, so that off-topic words are not pulled into
        the domain.
        """
        units = list(analysis.units)
        changed = False
        for i, unit in enumerate(units):
            if unit.kind not in ("other", "syllable") or len(unit.alts) != 1 or len(unit.alts[0]) != 1:
                continue
            token = unit.alts[0][0]
            if token in self.token_df or token in STOP_FOLDS or len(token) < 2 or not token.isalpha():
                continue
            found = self.candidates(token)
            if not found:
                continue
            prev = units[i - 1].tokens[-1] if i > 0 and units[i - 1].tokens else None
            nxt = units[i + 1].tokens[0] if i + 1 < len(units) and units[i + 1].tokens else None
            in_context = [w for w in found if f"{prev}_{w}" in self.pairs or f"{w}_{nxt}" in self.pairs]
            if in_context:
                pool = in_context
            elif unit.kind == "other" and len(token) >= 4:
                pool = list(found)
            else:
                continue
            fixed = max(sorted(pool), key=lambda w: self.token_df[w])
            units[i] = Unit(((fixed,),), (), "fixed", False)
            changed = True
        return Analysis.from_units(tuple(units)) if changed else analysis

    def content_match(self, qv: View, doc: int) -> float:
        """Best Dice overlap of content words and pairs between the query and one phrasing of the entry.

        The second confidence gate: coverage only asks whether the query's words occur somewhere in the entry,
        so a one-word query ("bạn tên là gì" → "tên") covers itself fully; here the phrasing must be mostly
        said too. Optional items (an unmarked "de" that may be "đề" or "để") count only where they match.
        """
        if not qv.required and not qv.optional:
            return 0.0
        best = 0.0
        for required, optional, size in self.content_phrasings[doc]:
            items = qv.required | (qv.optional & (required | optional))
            common = len(items & (required | optional))
            if common:
                extra = sum(1 for t in (items & optional) - required if not t.startswith("#"))
                best = max(best, min(1.0, 2 * common / (len(items) + size + extra)))
        return best

    @staticmethod
    def phrasing_query(analysis: Analysis) -> frozenset[str]:
        """The query side of :meth:`phrasing_match`: syllables and pairs without politeness words."""
        filler = filler_tokens(analysis)
        query = {t for t in analysis.tokens if t not in filler}
        query |= {b for b in analysis.bigrams if not any(t in filler for t in b.split("_"))}
        return frozenset(query)

    def phrasing_match(self, query: frozenset[str], doc: int) -> float:
        """Best Dice overlap (syllables + pairs) between the query and any single phrasing of the entry.

        The BM25 fields pool all phrasings; this rewards the entry whose *one* phrasing says what the user
        said ("cds là gì" → "chuyển đổi số là gì", not the entry that mentions "số" and "là gì" separately).
        """
        if not query:
            return 0.0
        best = 0.0
        for phrasing in self.phrasings[doc]:
            common = len(query & phrasing)
            if common:
                best = max(best, 2 * common / (len(query) + len(phrasing)))
        return best

    def _char_cosine(self, query_grams: Counter[str], doc: int) -> float:
        vec = self.char_vecs[doc]
        dot = 0.0
        for g, w in query_grams.items():
            v = vec.get(g)
            if v is not None:
                dot += w * v
        return dot

    def coverage(self, analysis: Analysis, qv: View, doc: int) -> float:
        """Share of the query found in entry ``doc``: the confidence gate.

        Mean of the IDF-weighted share of content words and the share of content word pairs. Pairs matter
        because off-topic questions reuse common syllables in another sense ("tỷ giá" vs "tỷ trọng", "giá"
        vs "quốc gia") but rarely the entry's two-syllable words. Optional units and pairs (see
        ``bot.kb.lexicon``) count only when this entry has them.
        """
        total = covered = 0.0
        q_vocab, a_vocab, keys = self.q_vocab[doc], self.a_vocab[doc], self.doc_keys[doc]
        q_cpairs, a_cpairs = self.q_cpairs[doc], self.a_cpairs[doc]
        numbers = self.all_numbers[doc]

        def pair_credit(pair: str) -> float:
            return 1.0 if pair in q_cpairs else ANSWER_ONLY_CREDIT if pair in a_cpairs else 0.0

        optional_by_unit: dict[int, list[str]] = defaultdict(list)
        for i, pair in qv.optional_pairs:
            optional_by_unit[i].append(pair)
        for i, uv in enumerate(qv.units):
            if uv.role not in (CONTENT, OPTIONAL):
                continue
            unit = uv.unit
            tokens = [t for alt in uv.alts for t in alt]
            weight = max(0.5, max(self.idf(t) for t in tokens))
            best = 0.0
            if uv.role == OPTIONAL and unit.kind != "abbrev":
                best = max((pair_credit(p) for p in optional_by_unit.get(i, ())), default=0.0)
            elif (i in qv.negations and self.negated[doc]) or (unit.kind == "number" and tokens[0] in numbers):
                best = 1.0  # "ngừng" asked, "dừng" written; "2" asked, "hai cấp" written
            else:
                for alt in uv.alts:
                    got = sum(1.0 if t in q_vocab else ANSWER_ONLY_CREDIT if t in a_vocab else 0.0 for t in alt)
                    best = max(best, got / len(alt))
            if uv.role == OPTIONAL and not best:
                continue
            if best and uv.keyed and len(unit.keys) == 1 and unit.keys[0] not in keys:
                best *= TONE_MISMATCH_CREDIT
            if unit.kind == "fixed":
                best *= TYPO_CREDIT  # a repaired word is a guess: it must not carry a question alone
            total += weight
            covered += weight * best
        unigram = covered / total if total else 0.0
        credits = [pair_credit(p) for p in qv.pairs]
        credits += [c for c in (pair_credit(p) for p in {p for _, p in qv.optional_pairs}) if c]
        if not credits:
            return unigram
        return (unigram + sum(credits) / len(credits)) / 2

    def discriminator(self, qv: View, doc: int) -> tuple[float, bool, bool]:
        """Agreement on the words that tell neighbours apart, in -2..2, and whether the entry contradicts.

        Numbers: the share of the query's numbers the entry is about (in its title or keywords; half credit when
        only one of its questions mentions it, "các chủ đề từ 2022 đến nay"); a contradiction when none is and
        the entry's title or keywords name other numbers (2030 asked, "… đến năm 2025" offered).
        Polarity: "hủy / ngừng / dừng" in the query contradicts an entry whose title has none; an entry about
        stopping something is only demoted for a question without such a verb.
        """
        score, conflict, polarity = 0.0, False, False
        if qv.numbers:
            own, anywhere = self.own_numbers[doc], self.all_numbers[doc]
            agree = sum(1.0 if n in own else 0.5 if n in anywhere else 0.0 for n in qv.numbers) / len(qv.numbers)
            score += agree
            if not agree and self.own_numbers[doc]:
                score -= 1.0
                conflict = True
        if qv.negated:
            polarity = not self.negated[doc]
            conflict = conflict or polarity
            score += 1.0 if self.negated[doc] else -1.0
        elif self.negated[doc]:
            score -= 0.5  # may still be meant ("gửi nhầm câu chuyện"), so no contradiction
        return score, conflict, polarity

    def search(self, analysis: Analysis, k: int = 5, gate: Analysis | None = None) -> list[Hit]:
        """Top-``k`` hits for an analyzed query, best first.

        With ``gate``, the whole message ranks and the confidence signals (coverage, match, discriminators)
        are measured on ``gate`` only: the question inside a message whose context would dilute them.
        """
        ranked = self._rank(analysis)
        if ranked is None:
            return []
        return self._hits(ranked, k, gate)

    def search_gated(self, analysis: Analysis, gate: Analysis, k: int = 5) -> tuple[list[Hit], list[Hit]]:
        """``search(analysis)`` and ``search(analysis, gate=gate)`` for the price of one ranking."""
        ranked = self._rank(analysis)
        if ranked is None:
            return [], []
        return self._hits(ranked, k, None), self._hits(ranked, k, gate)

    def _rank(self, analysis: Analysis) -> _Ranked | None:
        if not self.entries or not analysis.tokens:
            return None
        analysis = with_synonyms(self.fix_typos(analysis))
        scaffold = scaffolding(analysis)
        qv = view(analysis, scaffold=scaffold)
        terms = set(_terms(analysis))
        if scaffold:  # "nghĩa là sao" says nothing about which entry ("chuyển đổi số nghĩa là sao")
            kept = {t for i, u in enumerate(analysis.units) if i not in scaffold for t in u.tokens}
            dropped = {t for i in scaffold for t in analysis.units[i].tokens} - kept
            terms = {t for t in terms if not any(p in dropped for p in t.split("_"))}
        pre = self.bm25.score(terms)
        candidates = [d for d in heapq.nlargest(CANDIDATES, range(len(pre)), key=pre.__getitem__) if pre[d] > 0]
        if not candidates:
            return None
        # Character n-grams of the message's last words only: they repair typos; a long context adds noise.
        grams = char_ngrams(" ".join(analysis.text.split()[-CHAR_WORDS:]))
        qvec = {g: (1 + math.log(tf)) * self.char_idf.get(g, self.char_unknown_idf) for g, tf in grams.items()}
        qnorm = math.sqrt(sum(v * v for v in qvec.values())) or 1.0
        qvec = {g: v / qnorm for g, v in qvec.items() if g in self.char_idf}
        char = {d: self._char_cosine(qvec, d) for d in candidates}
        pquery = self.phrasing_query(analysis)
        phrasing = {d: self.phrasing_match(pquery, d) for d in candidates}
        fields = {d: self.bm25.fields(terms, d) for d in candidates}
        s_all = {d: f[0] for d, f in fields.items()}
        s_q = {d: f[1] for d, f in fields.items()}
        m_all = max((s_all[d] for d in candidates), default=0.0) or 1.0
        m_q = max((s_q[d] for d in candidates), default=0.0) or 1.0
        m_char = max(char.values(), default=0.0) or 1.0
        disc = {d: self.discriminator(qv, d) for d in candidates}
        combined = {
            d: ALL_WEIGHT * s_all[d] / m_all + QUESTION_WEIGHT * s_q[d] / m_q
            + CHAR_WEIGHT * char[d] / m_char + PHRASING_WEIGHT * phrasing[d] + DISCRIMINATOR_WEIGHT * disc[d][0]
            for d in candidates
        }
        order = sorted(candidates, key=lambda d: (-combined[d], d))
        return _Ranked(analysis, qv, order, combined, s_all, s_q, char, disc)

    def _hits(self, ranked: _Ranked, k: int, gate: Analysis | None) -> list[Hit]:
        top = ranked.order[:k]
        if gate is not None and gate.tokens:
            gated = with_synonyms(self.fix_typos(gate))
            gate_view = view(gated, scaffold=scaffolding(gated))
            disc = {d: self.discriminator(gate_view, d) for d in top}
        else:
            gated, gate_view, disc = ranked.analysis, ranked.view, ranked.disc
        edge = self.edges(gate_view, top[:2])
        return [
            Hit(self.entries[d], ranked.combined[d], self.coverage(gated, gate_view, d), ranked.s_all[d],
                ranked.s_q[d], ranked.char[d], self.content_match(gate_view, d), disc[d][0], disc[d][1],
                edge.get(d, 0.0), disc[d][2])
            for d in top
        ]

    def edges(self, qv: View, docs: Sequence[int]) -> dict[int, float]:
        """For the top two entries: the IDF-weighted share of the query's content words and pairs that each
        has and the other lacks — what tells near neighbours apart ("bao nhiêu *tỉnh*" vs "*thành viên*")."""
        if len(docs) < 2:
            return {}
        items = [t for uv in qv.units if uv.role == CONTENT for alt in uv.alts for t in alt]
        weights = {t: max(0.5, self.idf(t)) for t in items}
        weights.update({p: 2 * max(0.5, self.idf(p.split("_")[0]), self.idf(p.split("_")[-1])) for p in qv.pairs})
        total = sum(weights.values())
        if not total:
            return {}

        def found(doc: int) -> set[str]:
            vocab = self.q_vocab[doc] | self.a_vocab[doc]
            pairs = self.q_cpairs[doc] | self.a_cpairs[doc]
            return {t for t in weights if (t in pairs if "_" in t else t in vocab)}

        a, b = docs[0], docs[1]
        fa, fb = found(a), found(b)
        return {a: sum(weights[t] for t in fa - fb) / total, b: sum(weights[t] for t in fb - fa) / total}


@dataclass(frozen=True, slots=True)
class _Ranked:
    """One ranking of a message, from which plain and gated hits are both cut."""

    analysis: Analysis
    view: View
    order: list[int]
    combined: dict[int, float]
    s_all: dict[int, float]
    s_q: dict[int, float]
    char: dict[int, float]
    disc: dict[int, tuple[float, bool, bool]]
