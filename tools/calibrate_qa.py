"""Fit the QA decision's logistic weights (``bot.kb.decision.WEIGHTS``) on labelled sets, and show thresholds.

    .venv/bin/python -m tools.calibrate_qa --cv      # held-out figures of a refit (nothing written)
    .venv/bin/python -m tools.calibrate_qa --write   # the refit: fit and write WEIGHTS into bot/kb/decision.py
    .venv/bin/python -m tools.calibrate_qa --holdout dev4   # fit without dev4, measure dev4 (nothing written)

Without files it reads the tuning sets (``DEFAULT_SETS``: the blind dev splits and the old set). Never pass a
blind *test* split: it measures the result once, after tuning. The label is "the ranker's first
hit is right" (keyword rule or expected id; off-topic cases are 0), the features those of
``bot.kb.decision.features`` on the reading the engine chooses. Plain batch gradient descent with a small L2
penalty — a few hundred cases and a dozen features need nothing more. The table counts what would be answered
at each threshold *under the hard floors* (``bot.kb.decision.floors``), for the fitted and the current weights.
``--write`` replaces the ``WEIGHTS`` line of ``bot/kb/decision.py``; re-run ``dxbot kb eval`` after it: the
readings depend on the decision, so a second refit may move a count by one.

``--cv`` checks that the fit generalises: every blind file's cases are split in two halves (alternate cases);
each half is measured with weights fitted on the other half plus the remaining files. ``--holdout NAME`` (round
5) is the stricter check: the files whose name contains NAME (``dev4``) are left out of the fit entirely and
measured with weights fitted on the rest, beside the current weights.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from bot.kb import decision, load_kb
from bot.kb.asks import asked
from bot.kb.decision import TIE_P, WEIGHTS, features, floors
from bot.kb.evaluate import is_right, load_cases
from bot.nlp.dialect import standardize
from bot.nlp.normalize import analyze

# file, off-topic, top hit right, features, floors allow (below TIE_P), floors allow (at or above TIE_P)
Row = tuple[str, bool, bool, list[float], bool, bool]
ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "eval"
# named, not globbed: the later dev halves in tests/eval/blind (dev8a/b, dev9a/b, dev10a/b) were never fitted on
DEFAULT_SETS = (*(EVAL / "blind" / f"{name}.toml" for name in ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7")),
                EVAL / "questions.toml")

EPOCHS, RATE, L2 = 2000, 0.5, 1e-3
TAUS = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)
BLIND_WEIGHT = 2.0  # questions nobody tuned for count double against the old set


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def collect(paths: list[Path]) -> list[Row]:
    kb = load_kb()
    rows = []
    for path in paths:
        for case in load_cases(path):
            if case.command:
                continue
            (_, hits), _ = kb._read(case.question)
            if hits:
                right = not case.off_topic and is_right(hits[0].entry, case)
                text = standardize(case.question, kb.index.known_pair)
                asks = asked(analyze(text).text, text)
                rows.append((str(path), case.off_topic, right, features(hits), floors(hits, asks),
                             floors(hits, asks, TIE_P)))
    return rows


def fit(rows: list[Row]) -> list[float]:
    """Weights on the features as the engine computes them (the bias first).

    The features are standardized for the descent (their scales differ tenfold) and the weights mapped back,
    so ``bot.kb.decision`` needs no scaler: ``w·((x - μ)/σ) = (w/σ)·x - w·μ/σ``.
    """
    n = len(rows[0][3])
    mean = [0.0] + [sum(r[3][i] for r in rows) / len(rows) for i in range(1, n)]
    std = [1.0] + [math.sqrt(sum((r[3][i] - mean[i]) ** 2 for r in rows) / len(rows)) or 1.0 for i in range(1, n)]
    xs = [[(v - m) / d for v, m, d in zip(r[3], mean, std, strict=True)] for r in rows]
    weights = [0.0] * n
    scale = [BLIND_WEIGHT if "blind" in r[0] else 1.0 for r in rows]
    for _ in range(EPOCHS):
        grad = [0.0] * n
        for (_, _, right, *_), x, s in zip(rows, xs, scale, strict=True):
            err = s * (_sigmoid(sum(w * v for w, v in zip(weights, x, strict=True))) - right)
            for i, v in enumerate(x):
                grad[i] += err * v
        weights = [w - RATE * (g / len(rows) + L2 * w) for w, g in zip(weights, grad, strict=True)]
    raw = [w / d for w, d in zip(weights, std, strict=True)]
    raw[0] = weights[0] - sum(w * m / d for w, m, d in zip(weights[1:], mean[1:], std[1:], strict=True))
    return raw


def counts(rows: list[Row], weights: Sequence[float], tau: float) -> tuple[int, int, int, int]:
    """(in-scope cases, answered right, answered wrong, off-topic answered) at threshold ``tau``."""
    chosen = []
    for r in rows:
        p = _sigmoid(sum(w * v for w, v in zip(weights, r[3], strict=True)))
        if p >= tau and (r[5] if p >= TIE_P else r[4]):
            chosen.append(r)
    return (sum(not r[1] for r in rows), sum(r[2] for r in chosen), sum(not r[2] and not r[1] for r in chosen),
            sum(r[1] for r in chosen))


def table(rows: list[Row], weights: Sequence[float], label: str) -> None:
    for tau in TAUS:
        for name in dict.fromkeys(r[0] for r in rows):
            n, right, wrong, off = counts([r for r in rows if r[0] == name], weights, tau)
            print(f"{label:<8} tau {tau:.2f} {Path(name).name:<16} right {right:>4}/{n}  wrong {wrong:>3}  "
                  f"off-topic {off:>3}")


def cross_validate(rows: list[Row]) -> None:
    """Two folds over the blind files' cases (alternate cases of each): fit on one half of every blind file
    plus the other files, measure on the other half."""
    blind = [r for r in rows if "blind" in r[0]]
    rest = [r for r in rows if "blind" not in r[0]]
    by_file: dict[str, list[Row]] = {}
    for r in blind:
        by_file.setdefault(r[0], []).append(r)
    halves = [[r for f in by_file.values() for r in f[k::2]] for k in (0, 1)]
    fitted = [fit([*halves[1], *rest]), fit([*halves[0], *rest])]
    for tau in TAUS:  # each case measured once, by the weights that did not see it
        for name in by_file:
            sums = [sum(c) for c in zip(*(counts([r for r in held if r[0] == name], weights, tau)
                                          for held, weights in zip(halves, fitted, strict=True)), strict=True)]
            print(f"held-out tau {tau:.2f} {Path(name).name:<16} right {sums[1]:>4}/{sums[0]}  wrong {sums[2]:>3}  "
                  f"off-topic {sums[3]:>3}")


def hold_out(rows: list[Row], name: str) -> None:
    """Fit on every file but those named like ``name``; print the held-out files' counts, refit and current."""
    held = [r for r in rows if name in Path(r[0]).name]
    rest = [r for r in rows if name not in Path(r[0]).name]
    if not held or not rest:
        raise SystemExit(f"--holdout {name}: no file, or nothing left to fit on")
    fitted = fit(rest)
    print(f"fitted without {name}: WEIGHTS = (" + ", ".join(f"{w:.3f}" for w in fitted) + ")")
    table(held, fitted, "held-out")
    if len(WEIGHTS) == len(fitted):
        table(held, WEIGHTS, "current")


def write(weights: Sequence[float], path: Path = Path(decision.__file__)) -> None:
    """Replace the ``WEIGHTS = (…)`` assignment of ``bot/kb/decision.py`` (wrapped at 120 columns)."""
    values = [f"{w:.3f}" for w in weights]
    lines, line = [], "WEIGHTS = ("
    for i, v in enumerate(values):
        piece = v + (", " if i < len(values) - 1 else ")")
        if len(line) + len(piece.rstrip()) > 120:
            lines.append(line.rstrip())
            line = " " * 11
        line += piece
    lines.append(line)
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(r"^WEIGHTS = \([^)]*\)$", "\n".join(lines), text, count=1, flags=re.M)
    if n != 1:
        raise SystemExit(f"no WEIGHTS = (...) assignment in {path}")
    path.write_text(new, encoding="utf-8")


def main(argv: list[str]) -> int:
    holdout = argv[argv.index("--holdout") + 1] if "--holdout" in argv[:-1] else None
    argv = [a for i, a in enumerate(argv) if a != "--holdout" and (i == 0 or argv[i - 1] != "--holdout")]
    cv, save = "--cv" in argv, "--write" in argv
    paths = [Path(a) for a in argv if a not in ("--cv", "--write")] or list(DEFAULT_SETS)
    if any(a.startswith("-") for a in argv if a not in ("--cv", "--write")) or any("test" in p.name for p in paths):
        print("usage: python -m tools.calibrate_qa [--cv | --write | --holdout NAME] [DEV.toml ... OLD.toml] "
              "(never a test split)", file=sys.stderr)
        return 2
    rows = collect(paths)
    if holdout is not None:
        hold_out(rows, holdout)
        return 0
    if cv:
        cross_validate(rows)
        return 0
    weights = fit(rows)
    print("WEIGHTS = (" + ", ".join(f"{w:.3f}" for w in weights) + ")")
    table(rows, weights, "fitted")
    if len(WEIGHTS) == len(weights):
        table(rows, WEIGHTS, "current")
    if save:
        write(weights)
        print(f"written to {decision.__file__}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
