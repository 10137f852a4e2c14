"""A trained off-topic detector: logistic regression over the question's words and what the top entry lacks.

Rounds 5-7 refused look-alikes ("số điện thoại ngân hàng", "chủ đề năm 2026") with the out-of-scope class's
nearest phrasing, a naive Bayes over the KB's phrasings against the class, and kinds of fact asked
(``bot.kb.asks``). Each rule was written for a dev set's look-alikes and, on fresh writers' test splits, caught
few of theirs (session 7: dev5/dev6 33 → 16 off-topic answered, test8/test9 unchanged). This model is trained on
different evidence: the off-topic questions of seven independent writers (``tests/eval/blind/dev*.toml``, the old
set) and the class, against their in-scope questions and the KB's phrasings (``tools/train_offtopic.py``, which
measures it leave-one-writer-out and writes the weights to ``content/out_of_scope_model.json``). The runtime
reads only that file.

Features (strings, each weighing what the file says; unknown ones nothing): the question's words and word pairs
as the engine normalised them (folded, typos repaired, numbers by shape), and what the ranker's top entry does
not say — each content word of the question missing from the entry's phrasings and answer ("tuổi", "vợ",
"lệ phí", a year), and the share of such words. The second family is what a look-alike is made of: the
channel's words plus one that changes the ask. Inference is one dictionary look-up per feature (pure Python).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from bot.kb.lexicon import CONTENT, View
from bot.kb.loader import CONTENT_DIR
from bot.kb.records import EntryRecord

DEFAULT_MODEL = CONTENT_DIR / "out_of_scope_model.json"
LACK_BUCKETS = 4  # the share of content words the entry lacks, in quarters


def _shape(token: str) -> str:
    """A number by its shape (a year, another number), a word as itself: "năm 2026" generalises to every year."""
    if token.isdigit():
        return "<year>" if len(token) == 4 and token[:2] in ("19", "20") else "<num>"
    return token


QuestionFeatures = tuple[tuple[str, ...], tuple[str, ...]]


def question_features(qv: View) -> QuestionFeatures:
    """The part of :func:`features` that depends on the question alone: ``bias``, words ``w:`` and neighbouring
    pairs ``b:`` (not yet made unique), and the content words, in the message's order. Made once per question
    view (``bot.kb.outside.Outside.question``): a message's question is measured against the top entry of each
    reading that gates on it (latency, round 22)."""
    words = [_shape(t) for u in qv.units if u.unit.alts for t in u.unit.alts[0]]
    found = ("bias", *(f"w:{w}" for w in words), *(f"b:{a}_{b}" for a, b in zip(words, words[1:], strict=False)))
    content = tuple(dict.fromkeys(t for u in qv.units if u.role == CONTENT for alt in u.alts[:1] for t in alt))
    return found, content


def features(qv: View, top: EntryRecord | None, question: QuestionFeatures | None = None) -> list[str]:
    """The question's features, each once, in a fixed order (the message's, never a set's: sums do not depend on
    ``PYTHONHASHSEED``): ``bias``, words ``w:``, neighbouring pairs ``b:``, content words the top entry lacks
    ``l:`` and their share ``ls:``. A pure function of the view and the entry; ``question``:
    :func:`question_features` of ``qv`` when the caller holds it."""
    own, content = question if question is not None else question_features(qv)
    found = list(own)
    if top is not None and content:
        known_q, known_a = top.q_vocab, top.a_vocab
        lacked = [t for t in content if t not in known_q and t not in known_a]
        found += [f"l:{_shape(t)}" for t in lacked]
        found.append(f"ls:{round(LACK_BUCKETS * len(lacked) / len(content))}")
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Model:
    """Weights per feature (the bias is the feature ``bias``)."""

    weights: dict[str, float]

    def score(self, names: Iterable[str]) -> float:
        """The log-odds that the question is off-topic (summed in the features' sorted order: deterministic)."""
        # the same additions in the same order, looked up in C (latency: no generator step per feature)
        return sum(map(self.weights.get, names, repeat(0.0)))

    def probability(self, qv: View, top: EntryRecord | None, question: QuestionFeatures | None = None) -> float:
        """The probability that the question is off-topic, with ``top`` the ranker's first entry (``question``:
        :func:`question_features` of ``qv``, when the caller holds it)."""
        z = self.score(features(qv, top, question))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_model(path: Path | None = None) -> Model | None:
    """The committed weights (``content/out_of_scope_model.json``); None when the file is missing or unreadable
    (the engine then refuses look-alikes by the older rules alone)."""
    path = path or DEFAULT_MODEL
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in data["weights"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return Model(weights)
