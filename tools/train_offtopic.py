"""Train the off-topic model (``bot.kb.offtopic_model``) and measure it leave-one-writer-out.

    .venv/bin/python -m tools.train_offtopic --write   # fit on every training source, write the weights file
    .venv/bin/python -m tools.train_offtopic --loso    # per dev set k: fit without k, measure k (nothing written)
    .venv/bin/python -m tools.train_offtopic --check   # exit 1 when the committed file is not what --write makes

Training sources: the KB's titles, questions and extra phrasings (in scope), the out-of-scope class
(``content/out_of_scope.toml``, off-topic), and the tuning sets (``SETS``: the old set and the blind dev splits,
each written by another person; their off-topic cases against their in-scope ones; messages a chat command takes
never reach the engine and are left out). Never a blind *test* split, never ``/work/dev8``. Each message is read
by the real engine: every reading of it (the whole message, its question, a clause) gives the model's features
with that reading's top entry, as at run time (``Outside.against``), each weighing 1/n of the message.

The fit is plain stochastic gradient descent on the logistic loss with AdaGrad steps and an L2 penalty, in a fixed
order (a ``random.Random(SEED)`` shuffle of a sorted list): the same weights whatever ``PYTHONHASHSEED``. Pure
Python: ~6,000 messages and ~20,000 features take a few seconds, and the runtime needs no numerical library.

``--loso`` is the figure that predicts a fresh writer: a model trained on a set's own questions refuses them by
heart. For each set k it fits on every source but k and replays k through the engine with that model (exact
figures, ``bot.kb.evaluate``), beside the engine without the model.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.kb import decision, load_kb
from bot.kb.engine import KnowledgeBase
from bot.kb.evaluate import REDIRECT_TOPIC, Case, is_right, load_cases
from bot.kb.lexicon import View
from bot.kb.offtopic_model import DEFAULT_MODEL, Model, features
from bot.kb.records import EntryRecord

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "eval"
SETS = (EVAL / "questions.toml", *(EVAL / "blind" / f"dev{s}.toml" for s in ("", "2", "3", "4", "5", "6", "7")))
SEED = 8
EPOCHS, RATE, L2 = 12, 0.5, 3e-3
MIN_COUNT = 2  # a feature seen in fewer training messages is not kept (noise, and a smaller file)
KEEP = 1e-3  # weights smaller than this are not written
DIGITS = 3
BAG, SHARE = 3, 1.0  # the fits averaged (each in its own seed's order) and the share of the messages each sees


@dataclass(frozen=True, slots=True)
class Example:
    """One training message: where it comes from, its label (1 = off-topic) and each reading's features."""

    source: str  # "kb", "class" or the set's file name
    label: int
    readings: tuple[tuple[str, ...], ...]
    text: str


def _reader(kb: KnowledgeBase) -> Callable[[str], tuple[tuple[str, ...], ...]]:
    """``text → features of each reading`` through the engine's own calls of ``Outside.against``."""
    outside = kb.index.outside
    assert outside is not None, "the KB has no out-of-scope class"
    seen: list[tuple[View, EntryRecord]] = []
    plain = outside.against

    def recording(qv: View, top: EntryRecord) -> tuple[float, bool, float, float]:
        seen.append((qv, top))
        return plain(qv, top)

    outside.against = recording  # type: ignore[method-assign]

    def read(text: str) -> tuple[tuple[str, ...], ...]:
        seen.clear()
        kb.answer(text)
        return tuple(dict.fromkeys(tuple(features(qv, top)) for qv, top in seen))

    return read


def collect(kb: KnowledgeBase, sets: Sequence[Path] = SETS,
            route: Callable[[str], str | None] | None = None) -> list[Example]:
    """Every training message with its readings' features, in a fixed order (the KB, the class, the sets)."""
    read = _reader(kb)
    examples: list[Example] = []
    for entry in kb.entries:
        for text in dict.fromkeys((entry.title, *entry.questions, *kb.phrasings.get(entry.id, ()))):
            examples.append(Example("kb", 0, read(text), text))
    outside = kb.index.outside
    assert outside is not None
    for group in outside.groups:
        for text in group.phrasings:
            examples.append(Example("class", 1, read(text), text))
    for path in sets:
        for case in load_cases(path):
            if case.command_only or (route is not None and route(case.question) is not None):
                continue
            examples.append(Example(path.name, int(case.off_topic), read(case.question), case.question))
    return examples


def fit(examples: Sequence[Example], epochs: int = EPOCHS, rate: float = RATE, l2: float = L2,
        seed: int = SEED) -> dict[str, float]:
    """Logistic regression by AdaGrad SGD over the readings (each weighing 1/n of its message); ``seed`` orders
    the steps."""
    df: Counter[str] = Counter()
    for ex in examples:
        df.update({f for r in ex.readings for f in r})
    kept = {f for f, n in df.items() if n >= MIN_COUNT}
    rows = [(tuple(f for f in r if f in kept), ex.label, 1.0 / len(ex.readings))
            for ex in examples for r in ex.readings]
    n_pos = sum(w for _, y, w in rows if y)
    n_neg = sum(w for _, y, w in rows if not y)
    balance = {1: (n_pos + n_neg) / (2 * n_pos), 0: (n_pos + n_neg) / (2 * n_neg)}  # the classes weigh alike
    order = list(range(len(rows)))
    rng = random.Random(seed)
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            names, y, w = rows[i]
            z = sum(weights.get(f, 0.0) for f in names)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * w * balance[y]
            for f in names:
                old = weights.get(f, 0.0)
                grad = g + l2 * old
                sq = squares.get(f, 0.0) + grad * grad
                squares[f] = sq
                weights[f] = old - rate * grad / math.sqrt(sq + 1e-12)
    return {f: round(v, DIGITS) for f, v in sorted(weights.items()) if abs(v) >= KEEP}


def subsample(examples: Sequence[Example], seed: int, share: float) -> list[Example]:
    """The examples each kept with probability ``share``, drawn in their fixed order by ``random.Random(seed)``:
    the same list for the same seed."""
    if share >= 1.0:
        return list(examples)
    rng = random.Random(seed)
    return [ex for ex in examples if rng.random() < share]


def average(parts: Sequence[dict[str, float]]) -> dict[str, float]:
    """The mean of several fits' weights (a weight a fit lacks counts 0): the averaged model's log-odds is the mean
    of its parts' log-odds, one file of the same size."""
    names = sorted({f for part in parts for f in part})
    mean = {f: round(sum(part.get(f, 0.0) for part in parts) / len(parts), DIGITS) for f in names}
    return {f: v for f, v in mean.items() if abs(v) >= KEEP}


def train(examples: Sequence[Example], seed: int = SEED, bag: int | None = None, share: float | None = None,
          l2: float | None = None) -> dict[str, float]:
    """The committed model's recipe: the mean of ``bag`` fits, the i-th on a ``share`` subsample drawn with seed
    ``seed + i`` and stepped in that seed's order (one plain fit when ``bag`` is 1); unset, the module's ``BAG``,
    ``SHARE`` and ``L2`` (which ``--bag``, ``--share`` and ``--l2`` set for a measurement)."""
    bag, share, l2 = bag or BAG, SHARE if share is None else share, L2 if l2 is None else l2
    if bag <= 1:
        return fit(examples, l2=l2, seed=seed)
    return average([fit(subsample(examples, seed + i, share), l2=l2, seed=seed + i) for i in range(bag)])


def render(weights: dict[str, float]) -> str:
    """The weights file's text: sorted keys, fixed precision, one feature a line (diffs stay readable)."""
    body = {"about": "bot.kb.offtopic_model weights, written by tools/train_offtopic.py --write; do not edit",
            "weights": dict(sorted(weights.items()))}
    return json.dumps(body, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def _route() -> Callable[[str], str | None]:
    from handlers.probe import router_probe

    return router_probe()  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one case got: answered confidently, right (in scope), by a redirect entry (off-topic)."""

    off_topic: bool
    confident: bool
    right: bool
    redirect: bool


def outcomes(kb: KnowledgeBase, cases: Sequence[Case], route: Callable[[str], str | None]) -> list[Outcome]:
    """Each case that reaches the engine, as ``dxbot kb eval`` scores it."""
    found = []
    for case in cases:
        if case.command_only or route(case.question) is not None:
            continue
        result = kb.answer(case.question)
        entry = kb.by_id.get(result.entry or "") if result.confident else None
        found.append(Outcome(case.off_topic, result.confident, entry is not None and not case.off_topic
                             and is_right(entry, case), entry is not None and entry.topic == REDIRECT_TOPIC))
    return found


def loso(kb: KnowledgeBase, examples: Sequence[Example], route: Callable[[str], str | None],
         thresholds: Sequence[float], sets: Sequence[Path] = SETS) -> list[str]:
    """Per set k: the engine without the model, then with a model fitted without k, at each threshold: right
    answers, off-topic answered (of which redirects), right answers lost and look-alikes refused against the
    engine without it (exact: every case replayed through the engine)."""
    outside = kb.index.outside
    assert outside is not None
    lines = [f"{'set':<16} {'no model':>22} " + " ".join(f"{'p >= ' + str(t):>28}" for t in thresholds)]
    sums: dict[float, list[int]] = {t: [0, 0, 0, 0, 0] for t in [-1.0, *thresholds]}
    saved = decision.OOS_TRAINED
    for path in sets:
        cases = load_cases(path)
        outside.model = None
        before = outcomes(kb, cases, route)
        outside.model = Model(train([e for e in examples if e.source != path.name]))
        cells = [_cell(before, before, sums[-1.0])]
        for t in thresholds:
            decision.OOS_TRAINED = t
            cells.append(_cell(before, outcomes(kb, cases, route), sums[t]))
        lines.append(f"{path.name:<16} " + " ".join(f"{c:>28}" if i else f"{c:>22}" for i, c in enumerate(cells)))
        print(lines[-1], file=sys.stderr)
    decision.OOS_TRAINED = saved
    outside.model = None
    lines.append(f"{'sum':<16} " + " ".join(
        f"{f'{v[0]} · {v[1]} ({v[2]}) · -{v[3]} +{v[4]}':>28}" if t >= 0 else f"{f'{v[0]} · {v[1]} ({v[2]})':>22}"
        for t, v in sums.items()))
    return lines


def _cell(before: Sequence[Outcome], after: Sequence[Outcome], sums: list[int]) -> str:
    """right · off-topic answered (redirects) · -right lost +off-topic refused, added to ``sums``."""
    right = sum(o.right for o in after)
    answered = sum(o.off_topic and o.confident for o in after)
    redirects = sum(o.off_topic and o.confident and o.redirect for o in after)
    lost = sum(b.right and not a.right for b, a in zip(before, after, strict=True))
    refused = sum(b.off_topic and b.confident and not a.confident for b, a in zip(before, after, strict=True))
    for i, v in enumerate((right, answered, redirects, lost, refused)):
        sums[i] += v
    return f"{right} · {answered} ({redirects}) · -{lost} +{refused}" if after is not before else \
        f"{right} · {answered} ({redirects})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.train_offtopic", description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help=f"write {DEFAULT_MODEL.relative_to(ROOT)}")
    parser.add_argument("--check", action="store_true", help="exit 1 when the committed file differs")
    parser.add_argument("--loso", action="store_true", help="leave-one-set-out figures")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[decision.OOS_TRAINED],
                        help="the model's refusal thresholds measured by --loso")
    args = parser.parse_args(argv)
    kb = load_kb()
    assert kb.index.outside is not None
    kb.index.outside.model = None
    route = _route()
    examples = collect(kb, route=route)
    if args.loso:
        print("\n".join(loso(kb, examples, route, args.thresholds)))
    text = render(train(examples))
    if args.write:
        DEFAULT_MODEL.write_text(text, encoding="utf-8")
    if args.check:
        committed = DEFAULT_MODEL.read_text(encoding="utf-8") if DEFAULT_MODEL.is_file() else ""
        if committed != text:
            print(f"{DEFAULT_MODEL} is not what --write makes", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
