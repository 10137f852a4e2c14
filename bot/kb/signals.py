"""The signals that compare a query with one entry record: coverage, phrasing matches, discriminators, edges.

The ranker combines some of them into a score; the decision (``bot.kb.decision``) weighs coverage, match,
discriminators and edges to decide whether to answer, offer choices or apologise.
"""

from __future__ import annotations

import operator
from collections import _count_elements, defaultdict  # type: ignore[attr-defined]
from collections.abc import Callable, Iterable, Mapping
from itertools import chain, repeat

from bot.kb.lexicon import CONTENT, OPTIONAL, View, filler_tokens
from bot.kb.records import INDEXED_FROM, EntryRecord
from bot.nlp.normalize import Analysis

ANSWER_ONLY_CREDIT = 0.6  # a query word found only in the answer text, not in any phrasing
TONE_MISMATCH_CREDIT = 0.5  # "đội" typed with marks vs the entry's "đổi"
TYPO_CREDIT = 0.6  # coverage credit of a word repaired by one edit (the repair may be wrong: "xang" → "bang")


# Per content unit of a query: (index, optional, weight, pairs of an optional unit or None, readings, stopping
# verb, number, tone key, repaired) — what coverage() needs of the query, the same for every entry.
CoveragePlan = tuple[tuple[tuple[int, bool, float, tuple[str, ...] | None, tuple[tuple[str, ...], ...], bool,
                               str | None, str | None, bool], ...], tuple[str, ...], tuple[str, ...]]


def coverage_plan(qv: View, idf: Callable[[str], float]) -> CoveragePlan:
    """The part of :func:`coverage` that depends on the query only, computed once for the entries compared
    (latency: a long message has many units, and its top five entries are each measured)."""
    optional_by_unit: dict[int, list[str]] = defaultdict(list)
    for i, pair in qv.optional_pairs:
        optional_by_unit[i].append(pair)
    units = []
    for i, uv in enumerate(qv.units):
        if uv.role not in (CONTENT, OPTIONAL):
            continue
        unit = uv.unit
        tokens = [t for alt in uv.alts for t in alt]
        weight = max(0.5, max(map(idf, tokens)))  # in C with the index's look-up (latency)
        optional = uv.role == OPTIONAL
        pairs = tuple(optional_by_unit.get(i, ())) if optional and unit.kind != "abbrev" else None
        number = tokens[0] if unit.kind == "number" else None
        tone = unit.keys[0] if uv.keyed and len(unit.keys) == 1 else None
        units.append((i, optional, weight, pairs, uv.alts, i in qv.negations, number, tone, unit.kind == "fixed"))
    # optional pairs once each, in the order the query says them (a set's order follows PYTHONHASHSEED, and
    # their credits are summed)
    return tuple(units), qv.pairs, tuple(dict.fromkeys(p for _, p in qv.optional_pairs))


def coverage(qv: View, rec: EntryRecord, idf: Callable[[str], float],
             plan: CoveragePlan | None = None) -> tuple[float, float]:
    """Share of the query found in the entry: the confidence gate; and the weight of the strongest query word the
    entry lacks, as a share of the query's (an off-topic look-alike keeps one: "ngày *nhà giáo* là ngày nào").

    Mean of the IDF-weighted share of content words and the share of content word pairs. Pairs matter
    because off-topic questions reuse common syllables in another sense ("tỷ giá" vs "tỷ trọng", "giá"
    vs "quốc gia") but rarely the entry's two-syllable words. Optional units and pairs (see
    ``bot.kb.lexicon``) count only when this entry has them. ``plan``: :func:`coverage_plan` of ``qv``.
    """
    units, pairs, optional_pairs = plan if plan is not None else coverage_plan(qv, idf)
    total = covered = missing = 0.0
    q_vocab, a_vocab, keys = rec.q_vocab, rec.a_vocab, rec.keys
    q_cpairs, a_cpairs = rec.q_cpairs, rec.a_cpairs
    numbers, negated = rec.all_numbers, rec.negated
    # (pair credits and the running maximum written inline: this loop runs for five entries per search, latency)
    for _, optional, weight, unit_pairs, alts, negation, number, tone, fixed in units:
        best = 0.0
        if unit_pairs is not None:
            best = max((1.0 if p in q_cpairs else ANSWER_ONLY_CREDIT if p in a_cpairs else 0.0 for p in unit_pairs),
                       default=0.0)
        elif (negation and negated) or (number is not None and number in numbers):
            best = 1.0  # "ngừng" asked, "dừng" written; "2" asked, "hai cấp" written
        else:
            for alt in alts:
                if len(alt) == 1:  # most units are one syllable: the same credit without a generator (latency)
                    t = alt[0]
                    got = 1.0 if t in q_vocab else ANSWER_ONLY_CREDIT if t in a_vocab else 0.0
                else:
                    got = sum(1.0 if t in q_vocab else ANSWER_ONLY_CREDIT if t in a_vocab else 0.0
                              for t in alt) / len(alt)
                if got > best:
                    best = got
        if optional and not best:
            continue
        if best and tone is not None and tone not in keys:
            best *= TONE_MISMATCH_CREDIT
        if fixed:
            best *= TYPO_CREDIT  # a repaired word is a guess: it must not carry a question alone
        total += weight
        covered += weight * best
        if not best and weight > missing:
            missing = weight
    unigram = covered / total if total else 0.0
    credits = [1.0 if p in q_cpairs else ANSWER_ONLY_CREDIT if p in a_cpairs else 0.0 for p in pairs]
    credits += [c for c in (1.0 if p in q_cpairs else ANSWER_ONLY_CREDIT if p in a_cpairs else 0.0
                            for p in optional_pairs) if c]
    share = unigram if not credits else (unigram + sum(credits) / len(credits)) / 2
    return share, missing / total if total else 0.0

def content_match(qv: View, rec: EntryRecord) -> float:
    """Best Dice overlap of content words and pairs between the query and one phrasing of the entry.

    The second confidence gate: coverage only asks whether the query's words occur somewhere in the entry,
    so a one-word query ("bạn tên là gì" → "tên") covers itself fully; here the phrasing must be mostly
    said too. Optional items (an unmarked "de" that may be "đề" or "để") count only where they match.
    """
    if not qv.required and not qv.optional:
        return 0.0
    if len(rec.content_phrasings) < INDEXED_FROM:
        return min(1.0, phrasings_match(qv, rec.content_phrasings))
    return min(1.0, indexed_content_match(qv, rec))


def _counted(postings: list[tuple[int, ...]]) -> dict[int, int]:
    """How often each phrasing index occurs in ``postings``, in first-seen order: counted in C into a plain dict
    (latency: ``Counter(…)`` costs four Python calls around the same C loop — its ``__init__``, ``update`` and an
    ABC ``isinstance`` — and this runs for every candidate's phrasings)."""
    counts: dict[int, int] = {}
    _count_elements(counts, chain.from_iterable(postings))
    return counts


def indexed_content_match(qv: View, rec: EntryRecord) -> float:
    """:func:`phrasings_match` over the entry's content phrasings (the query saying something), counted from the
    entry's inverted index: the same integers, hence the same Dice value, without a set intersection per
    phrasing (latency, for an entry of many phrasings)."""
    q_required, q_optional = qv.required, qv.optional
    q_all = q_required | q_optional if q_optional else q_required
    index = rec.content_index
    common = _counted([index[t] for t in q_all & index.keys()])
    if not common:
        return 0.0
    q_extra = q_optional - q_required
    wider = _counted([index[t] for t in q_extra & index.keys()]) if q_extra else None
    spare_index = rec.content_spare
    spare = _counted([spare_index[t] for t in q_all & spare_index.keys()]) if spare_index else None
    n_required = len(q_required)
    phrasings = rec.content_phrasings
    best = 0.0
    for i, shared in common.items():
        denominator = n_required + phrasings[i][2]
        if wider:
            denominator += wider.get(i, 0)
        if spare:
            denominator += spare.get(i, 0)
        value = 2 * shared / denominator
        if value > best:
            best = value
    return best


def phrasings_match(qv: View, phrasings: Iterable[tuple[frozenset[str], frozenset[str], int]]) -> float:
    """:func:`content_match` over some phrasings' content items, without the cap at 1: the plain scan, for a
    caller that holds phrasings without an index (``content_match`` counts the same integers from the entry's
    index)."""
    best = 0.0
    # items = required ∪ (optional ∩ said), so items ∩ said = (required ∪ optional) ∩ said and
    # |items| = |required| + |(optional − required) ∩ said|: counted without building a set per phrasing (latency)
    q_required, q_optional = qv.required, qv.optional
    q_all = q_required | q_optional if q_optional else q_required
    q_extra = q_optional - q_required
    n_required = len(q_required)
    for required, optional, size in phrasings:
        said = required | optional if optional else required
        common = len(q_all & said)
        if common:
            n_items = n_required + len(q_extra & said) if q_extra else n_required
            extra = sum(1 for t in (q_all & optional) - required if not t.startswith("#")) if optional else 0
            value = 2 * common / (n_items + size + extra)
            if value > best:
                best = value
    return best

def phrasing_query(analysis: Analysis) -> frozenset[str]:
    """The query side of :func:`phrasing_match`: syllables and pairs without politeness words."""
    filler = filler_tokens(analysis)
    if not filler:  # most messages say no politeness word: nothing to take out (latency)
        return frozenset((*analysis.tokens, *analysis.bigrams))
    query = {t for t in analysis.tokens if t not in filler}
    query |= {b for b in analysis.bigrams if not any(t in filler for t in b.split("_"))}
    return frozenset(query)

def phrasing_match(query: frozenset[str], rec: EntryRecord) -> float:
    """Best Dice overlap (syllables + pairs) between the query and any single phrasing of the entry.

    The BM25 fields pool all phrasings; this rewards the entry whose *one* phrasing says what the user
    said ("cds là gì" → "chuyển đổi số là gì", not the entry that mentions "số" and "là gì" separately).
    """
    if not query:
        return 0.0
    if len(rec.phrasings) < INDEXED_FROM:
        best = 0.0
        size = len(query)
        phrasings = rec.phrasings
        for common, phrasing in zip(map(len, map(query.__and__, phrasings)), phrasings, strict=True):  # in C
            if common:
                value = 2 * common / (size + len(phrasing))
                if value > best:
                    best = value
        return best
    return indexed_phrasing_match(query, rec)


def indexed_phrasing_match(query: frozenset[str], rec: EntryRecord) -> float:
    """:func:`phrasing_match` of a non-empty query, its shared items per phrasing counted from the entry's
    inverted index in C (latency: for an entry of ~25 phrasings, a set intersection per phrasing cost about
    twice as much); phrasings sharing nothing score 0 and are not visited."""
    index = rec.phrasing_index
    common = _counted([index[t] for t in query & index.keys()])
    best = 0.0
    size = len(query)
    sizes = rec.phrasing_sizes
    for i, shared in common.items():
        value = 2 * shared / (size + sizes[i])
        if value > best:
            best = value
    return best

def char_cosine(query_grams: Mapping[str, float], rec: EntryRecord) -> float:
    """Cosine of the query's normalized char n-gram vector with the entry's.

    Summed in the query vector's key order (``records.char_ngrams`` fixes it), not over the set of shared
    n-grams, whose order follows PYTHONHASHSEED; an n-gram the entry lacks adds 0.0, which changes no partial
    sum. Products and sum in C (latency: as fast as the set intersection was)."""
    return sum(map(operator.mul, query_grams.values(), map(rec.char_vec.get, query_grams, repeat(0.0))))

def discriminator(qv: View, rec: EntryRecord) -> tuple[float, bool, bool, float]:
    """Agreement on the words that tell neighbours apart, in -2..2, whether the entry contradicts, whether
    that is a stopping verb the entry lacks, and the agreement on numbers alone (0..1).

    Numbers: the share of the query's numbers the entry is about (in its title or keywords; half credit when
    only one of its questions mentions it, "các chủ đề từ 2022 đến nay"); a contradiction when none is and
    the entry's title or keywords name other numbers (2030 asked, "… đến năm 2025" offered).
    Polarity: "hủy / ngừng / dừng" in the query contradicts an entry whose title has none; an entry about
    stopping something is only demoted for a question without such a verb.
    """
    score, conflict, polarity, agree = 0.0, False, False, 0.0
    if qv.numbers:
        own, anywhere = rec.own_numbers, rec.all_numbers
        agree = sum(1.0 if n in own else 0.5 if n in anywhere else 0.0 for n in qv.numbers) / len(qv.numbers)
        score += agree
        if not agree and rec.own_numbers:
            score -= 1.0
            conflict = True
    if qv.negated:
        polarity = not rec.negated
        conflict = conflict or polarity
        score += 1.0 if rec.negated else -1.0
    elif rec.negated:
        score -= 0.5  # may still be meant ("gửi nhầm câu chuyện"), so no contradiction
    return score, conflict, polarity, agree

def edges(qv: View, top: EntryRecord, second: EntryRecord, idf: Callable[[str], float]) -> tuple[float, float]:
    """The IDF-weighted share of the query's content words and pairs that each of the top two entries has and
    the other lacks — what tells near neighbours apart ("bao nhiêu *tỉnh*" vs "*thành viên*")."""
    items = [t for uv in qv.units if uv.role == CONTENT for alt in uv.alts for t in alt]
    weights = {t: max(0.5, idf(t)) for t in items}
    weights.update({p: 2 * max(0.5, idf(p.split("_")[0]), idf(p.split("_")[-1])) for p in qv.pairs})
    total = sum(weights.values())
    if not total:
        return 0.0, 0.0

    def found(rec: EntryRecord) -> set[str]:
        # looked up in both sets rather than in their union (latency: an answer has hundreds of words)
        q_vocab, a_vocab, q_pairs, a_pairs = rec.q_vocab, rec.a_vocab, rec.q_cpairs, rec.a_cpairs
        return {t for t in weights
                if ((t in q_pairs or t in a_pairs) if "_" in t else (t in q_vocab or t in a_vocab))}

    fa, fb = found(top), found(second)
    # summed in the query's order (``weights``), not over a set difference, whose order follows PYTHONHASHSEED
    return (sum(w for t, w in weights.items() if t in fa and t not in fb) / total,
            sum(w for t, w in weights.items() if t in fb and t not in fa) / total)
