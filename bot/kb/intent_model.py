"""A trained intent reader: which entry a question asks for, learned from how people ask (round 8, issue 12).

Why a second reader: the lexical ranker (``bot.kb.index``) and the calibrated decision were tuned by hand, round
after round, on the dev splits, and their gains stopped carrying over to questions written by new people. This
reader is *learned* from examples instead — the entries' titles, questions and phrasings, and the dev questions
labelled with their entry (``content/intent_examples.toml``, written by ``tools/intent_data.py``) — the way
Rasa's or Dialogflow's intent classifiers are. It reads the text the engine normalises (``bot.nlp``: Telex, VNI,
teencode and unmarked text folded alike) as words, word pairs and character 3–5-grams (a typo or a word glued
to the next keeps most of its n-grams), weighted by TF-IDF.

The model is a multinomial naive Bayes over those weighted features — linear, trained by counting
(``tools/intent_train.py``), measured against a nearest centroid and nearest neighbours in
docs/qa-history/round-08.md. Its score for an entry is ``Σ x_f · log P(f | entry)``; written as
``base_e · Σ x_f + Σ x_f · w_ef`` where ``w_ef`` is nonzero only for the features seen with the entry, so the
weights are sparse (``content/intent_model.tsv``) and a question costs one pass over its own features.

The decision uses it as evidence, never as a ranker of its own: when the reader's first entry is the ranker's
first entry, with a clear probability, a question the floors allow is answered (``bot.kb.decision``).
"""

from __future__ import annotations

import math
import operator
from array import array
from collections import _count_elements  # type: ignore[attr-defined]
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from bot.kb.index import Hit
from bot.kb.loader import CONTENT_DIR

DEFAULT_MODEL = CONTENT_DIR / "intent_model.tsv"
NGRAMS = (3, 4, 5)
OUTSIDE = "(outside)"  # the label of the dev sets' off-topic questions: none of the entries (never an entry id)
# Agreement (:func:`agrees`): the reader's first entry, at this probability, is the ranker's first entry; then a
# question the decision finds likely enough (RESCUE_P), mostly found in the entry (RESCUE_COVERAGE, a little over
# the floor) and the floors allow is answered (held-out table in docs/qa-history/round-08.md).
INTENT_AGREE, RESCUE_P, RESCUE_COVERAGE = 0.8, 0.3, 0.5
# Round 33: a long letter's sentences that ask are read again, at this weight, beside the whole letter (``read``'s
# ``asking``): the story's everyday words are what the off-topic class learned, and they outvoted the question
ASKING_WEIGHT = 0.5


def features(text: str) -> dict[str, int]:
    """Counts of the features of a normalised text (``Analysis.text``), in the order the text says them.

    Words (``w:``), word pairs (``b:``) and character n-grams over the text with a space either side (``c:``),
    so "ngay" starts with " ng" and ends with "ay ". The order is fixed by the text alone (determinism: every
    float sum below runs in it). Counted in C into a plain dict, first seen first, as the Python loop counted them
    (latency, round 28: a long letter has some 1,500 grams)."""
    found: dict[str, int] = {}
    words = text.split()
    grams = [f"w:{w}" for w in words]
    grams += [f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False)]
    padded = f" {' '.join(words)} "
    grams += [f"c:{padded[i:i + n]}" for n in NGRAMS for i in range(len(padded) - n + 1)]
    _count_elements(found, grams)
    return found


def weighted(counts: dict[str, int], idf: dict[str, float]) -> dict[str, float]:
    """Sublinear TF-IDF, L2-normalised, of the features the model knows (training and reading alike).

    The same floats to the last bit, for less (latency, round 28): a feature said once weighs ``(1 + log 1) · idf``,
    which is ``idf`` itself (``log 1`` is exactly 0.0, and ``1.0 · x`` is ``x``), so its logarithm is not taken —
    most n-grams of a message occur once; the norm sums the same squares in the same order, in C."""
    log = math.log
    vector = {f: idf[f] if c == 1 else (1.0 + log(c)) * idf[f] for f, c in counts.items() if f in idf}
    values = list(vector.values())
    norm = math.sqrt(sum(map(operator.mul, values, values)))
    return {f: x / norm for f, x in vector.items()} if norm else {}


@dataclass(frozen=True)
class Reading:
    """What the reader makes of one text: entries best first with their probabilities (top few only)."""

    entries: tuple[str, ...]
    probabilities: tuple[float, ...]

    @property
    def top(self) -> str | None:
        return self.entries[0] if self.entries else None

    @property
    def p(self) -> float:
        return self.probabilities[0] if self.probabilities else 0.0

    def of(self, entry_id: str) -> float:
        """The probability of one entry (0 when it is not among the top few)."""
        return next((p for e, p in zip(self.entries, self.probabilities, strict=True) if e == entry_id), 0.0)


NOTHING = Reading((), ())


def no_reader() -> Reading:
    """No intent reader (a KB without weights, a test): nothing agrees."""
    return NOTHING


def agrees(top: Hit, p: float, intent: Callable[[], Reading]) -> bool:
    """The trained intent reader names the ranker's first entry as clearly as ``INTENT_AGREE``, the decision gives
    it at least ``RESCUE_P`` and the entry holds most of the question (``RESCUE_COVERAGE``): two readers that
    share no rule agree (round 8). ``bot.kb.decision`` then lifts only the model's threshold, never a floor: held
    out, the reader agreed with the ranker on dozens of off-topic look-alikes that only the floors refuse.
    ``intent`` reads the question only when asked, last (latency: most questions are decided without it)."""
    if p < RESCUE_P or top.coverage < RESCUE_COVERAGE:
        return False
    reading = intent()
    return reading.top == top.entry.id and reading.p >= INTENT_AGREE


def paired(postings: dict[str, tuple[array, array]]) -> dict[str, tuple[int | float, ...]]:
    """Each feature's postings as one flat tuple ``(index, weight, index, weight, …)`` in the postings' order, the
    float32 weights widened to Python floats once, equal weights one shared object (weights kept to 4 significant
    digits take some 5,000 values over ~160,000 postings, so the tuples cost about what the arrays did)."""
    shared: dict[float, float] = {}
    one = shared.setdefault
    return {f: tuple(v for pair in zip(indices, map(one, weights, weights), strict=True) for v in pair)
            for f, (indices, weights) in postings.items()}


class IntentModel:
    """Sparse multinomial naive Bayes over :func:`features`; immutable, shared by every request."""

    def __init__(self, labels: tuple[str, ...], base: tuple[float, ...], idf: dict[str, float],
                 postings: dict[str, tuple[array, array]], temperature: float = 1.0) -> None:
        self.labels = labels
        self.base = base
        self.idf = idf
        self.postings = postings  # feature -> (label indices, weights)
        self.temperature = temperature
        self.pairs = paired(postings)  # the same postings as one flat tuple each, as :meth:`scores` walks them

    def scores(self, text: str) -> list[float]:
        """Log-likelihood score of every label (up to a constant), for a normalised text.

        The same products added in the same order as a walk of ``postings`` (every float to the last bit): each
        feature's label indices and weights read as ``(index, weight)`` pairs off one flat tuple of Python ints and
        floats (latency, round 34: zipping two arrays made a float object of every float32 weight read, and a
        long letter's ~600 features reach ~24,000 weights, read twice where its asking sentences are read again)."""
        vector = weighted(features(text), self.idf)
        mass = sum(vector.values())
        scores = [b * mass for b in self.base]
        pairs = self.pairs
        for f, x in vector.items():
            flat = pairs.get(f)
            if flat is None:
                continue
            walk = iter(flat)
            for i, w in zip(walk, walk, strict=True):  # (index, weight) pairs, in C
                scores[i] += x * w
        return scores

    def read(self, text: str, k: int = 3, asking: str = "") -> Reading:
        """The ``k`` most likely entries and their probabilities (a softmax of the scores at ``temperature``).

        ``asking``: the sentences of a long letter ``text`` that ask, whose scores are added at ``ASKING_WEIGHT``
        (round 33). A naive Bayes sums evidence over every feature read, and the off-topic class, learned from the
        dev sets' off-topic stories (a market, a harvest, a grandchild), has seen nearly every everyday word: over a
        letter of sixty words whose story is a citizen's life, those words outvoted the question at the end ("Chủ đề
        Ngày chuyển đổi số năm 2022 là gì", read as the off-topic class at 0.99). The asking sentences read again
        weigh what is asked against what is told, as the decision reads a letter (``bot.kb.asking_part``), while the
        whole letter is still read: an off-topic letter's question is read as the off-topic class on its own too
        (on the tuned sets, no off-topic letter's reading left the off-topic class at this weight)."""
        scores = self.scores(text)
        if not scores or not text.strip():
            return NOTHING
        if asking.strip():
            scores = list(map(operator.add, scores, map(operator.mul, self.scores(asking), repeat(ASKING_WEIGHT))))
        best = max(scores)
        # the same subtractions, divisions and exponentials as a comprehension, in C (latency, round 28)
        exps = list(map(math.exp, map(operator.truediv, map(operator.sub, scores, repeat(best)),
                                      repeat(self.temperature))))
        total = sum(exps)
        # best first, ties by label: the order of the keys (-score, label) — the labels are distinct, so the index
        # after them is never compared — sorted in C without a key function per label
        keys = zip(map(operator.neg, scores), self.labels, range(len(scores)), strict=True)
        order = [i for _, _, i in sorted(keys)[:k]]
        return Reading(tuple(self.labels[i] for i in order), tuple(exps[i] / total for i in order))


def dump(model: IntentModel) -> Iterator[str]:
    """The lines of ``content/intent_model.tsv`` (features in the order given; weights to 4 significant digits)."""
    yield "# The intent reader's weights (bot/kb/intent_model.py). GENERATED by `python -m tools.intent_train`.\n"
    yield f"temperature\t{model.temperature:g}\n"
    yield "labels\t" + " ".join(model.labels) + "\n"
    yield "base\t" + " ".join(f"{b:.6g}" for b in model.base) + "\n"
    for f, (indices, weights) in model.postings.items():
        pairs = " ".join(f"{i}:{w:.4g}" for i, w in zip(indices, weights, strict=True))
        yield f"{f}\t{model.idf[f]:.6g}\t{pairs}\n"


def parse(text: str) -> IntentModel:
    """Read what :func:`dump` wrote."""
    labels: tuple[str, ...] = ()
    base: tuple[float, ...] = ()
    temperature = 1.0
    idf: dict[str, float] = {}
    postings: dict[str, tuple[array, array]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        head, _, rest = line.partition("\t")
        if head == "temperature":
            temperature = float(rest)
        elif head == "labels":
            labels = tuple(rest.split())
        elif head == "base":
            base = tuple(float(b) for b in rest.split())
        else:
            value, _, pairs = rest.partition("\t")
            idf[head] = float(value)
            split = [p.split(":") for p in pairs.split()]
            if split:
                postings[head] = (array("H", [int(i) for i, _ in split]), array("f", [float(w) for _, w in split]))
    if len(base) != len(labels):
        raise ValueError("intent model: labels and base differ in length")
    return IntentModel(labels, base, idf, postings, temperature)


def load_intent_model(path: Path | None = None) -> IntentModel | None:
    """The committed model (default ``content/intent_model.tsv``), or None when there is none (a test KB)."""
    path = path or DEFAULT_MODEL
    if not path.exists():
        return None
    return parse(path.read_text(encoding="utf-8"))
