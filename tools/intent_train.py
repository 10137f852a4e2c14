"""Train the intent reader (``bot.kb.intent_model``) and write its weights to ``content/intent_model.tsv``.

    python -m tools.intent_train                    # (re)write content/intent_model.tsv
    python -m tools.intent_train --check            # exit 1 when the committed weights differ from a retrain
    python -m tools.intent_train --without dev3 --out /tmp/m.tsv   # a model that never saw dev3 (measurement)

Examples: every entry's title, questions and phrasings (``content/kb``, ``content/phrasings``) and the labelled
dev questions of ``content/intent_examples.toml`` (``tools/intent_data.py``), each read as the engine reads a
message (``bot.nlp.dialect.standardize`` then ``bot.nlp.normalize.analyze``). Training is counting — a
multinomial naive Bayes over TF-IDF-weighted features, stdlib only, deterministic: labels in the KB's order,
features sorted, weights rounded when written. ``--without NAME`` leaves out the examples of one set, for the
leave-one-set-out measurement (``tools/intent_loso.py``).
"""

from __future__ import annotations

import math
import sys
import tomllib
from array import array
from collections.abc import Sequence
from pathlib import Path

from bot.kb import load_kb
from bot.kb.engine import KnowledgeBase
from bot.kb.intent_model import DEFAULT_MODEL, OUTSIDE, IntentModel, dump, features, parse, weighted
from bot.nlp.dialect import standardize
from bot.nlp.normalize import analyze
from tools.intent_data import write_or_check

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "content" / "intent_examples.toml"
ALPHA = 0.01  # additive smoothing of the weighted counts (docs/qa-history/round-08.md: measured)
MIN_DF = 2  # a feature seen in one example only is dropped (the weights file halves, held-out figures kept)
TEMPERATURE = 1.0


def examples(kb: KnowledgeBase, without: Sequence[str] = (), path: Path = EXAMPLES) -> list[tuple[str, str]]:
    """(normalised text, entry id): the KB's own phrasings, then the labelled questions of every set not left out."""
    raw = [(q, e.id) for e in kb.entries for q in (e.title, *e.questions, *kb.phrasings.get(e.id, ()))]
    if path.exists():
        rows = tomllib.loads(path.read_text(encoding="utf-8")).get("example", [])
        raw += [(r["text"], r["entry"]) for r in rows
                if r["set"] not in without and (r["entry"] in kb.by_id or r["entry"] == OUTSIDE)]
    return [(analyze(standardize(q, kb.index.known_pair)).text, e) for q, e in raw]


def train(data: Sequence[tuple[str, str]], order: Sequence[str], alpha: float = ALPHA, min_df: int = MIN_DF,
          temperature: float = TEMPERATURE) -> IntentModel:
    """A multinomial naive Bayes over the TF-IDF-weighted :func:`features` of ``data``; labels in ``order``."""
    counted = [features(text) for text, _ in data]
    df: dict[str, int] = {}
    for counts in counted:
        for f in counts:
            df[f] = df.get(f, 0) + 1
    n = len(data)
    idf = {f: math.log((1 + n) / (1 + d)) + 1.0 for f, d in sorted(df.items()) if d >= min_df}
    present = {e for _, e in data}
    labels = tuple(e for e in order if e in present)
    index = {e: i for i, e in enumerate(labels)}
    mass = [0.0] * len(labels)
    by_feature: dict[str, dict[int, float]] = {f: {} for f in idf}
    for (_, entry), counts in zip(data, counted, strict=True):
        i = index[entry]
        for f, x in weighted(counts, idf).items():
            by_feature[f][i] = by_feature[f].get(i, 0.0) + x
            mass[i] += x
    size = len(idf)
    base = tuple(math.log(alpha) - math.log(m + alpha * size) for m in mass)
    postings = {}
    for f, row in by_feature.items():
        pairs = sorted(row.items())
        postings[f] = (array("H", [i for i, _ in pairs]), array("f", [math.log(1.0 + x / alpha) for _, x in pairs]))
    # written and read back, so a measured model is exactly the one the runtime loads (rounded weights)
    return parse("".join(dump(IntentModel(labels, base, idf, postings, temperature))))


def render(kb: KnowledgeBase, without: Sequence[str] = ()) -> str:
    """The weights file's text for a model trained on everything but the sets ``without``."""
    return "".join(dump(train(examples(kb, without), labels(kb))))


def labels(kb: KnowledgeBase) -> list[str]:
    """The model's labels: the KB's entries in order, then the off-topic class."""
    return [*(e.id for e in kb.entries), OUTSIDE]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    without = [argv[i + 1] for i, a in enumerate(argv[:-1]) if a == "--without"]
    out = next((Path(argv[i + 1]) for i, a in enumerate(argv[:-1]) if a == "--out"), DEFAULT_MODEL)
    if without and out == DEFAULT_MODEL:
        print("--without writes a measurement model: give --out (never the committed file)", file=sys.stderr)
        return 2
    return write_or_check(out, render(load_kb(), without), check, "tools.intent_train")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
