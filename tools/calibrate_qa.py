"""Fit the QA decision's logistic weights (``bot.kb.decision.WEIGHTS``) on labelled sets, and show thresholds.

    .venv/bin/python -m tools.calibrate_qa tests/eval/blind/dev.toml tests/eval/questions.toml

Never pass the blind *test* split: it measures the result once, after tuning. The label is "the ranker's first
hit is right" (keyword rule or expected id; off-topic cases are 0), the features those of
``bot.kb.decision.features`` on the reading the engine chooses. Plain batch gradient descent with a small L2
penalty — a few hundred cases and a dozen features need nothing more. Paste the printed weights into
``bot/kb/decision.py`` and re-run ``dxbot kb eval``: the readings depend on the decision, so two rounds settle.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from bot.kb import load_kb
from bot.kb.decision import features
from bot.kb.evaluate import is_right, load_cases

EPOCHS, RATE, L2 = 3000, 0.5, 1e-3
BLIND_WEIGHT = 2.0  # questions nobody tuned for count double against the old set


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def collect(paths: list[Path]) -> list[tuple[str, bool, bool, list[float]]]:
    kb = load_kb()
    rows = []
    for path in paths:
        for case in load_cases(path):
            if case.command:
                continue
            (_, hits), _ = kb._read(case.question)
            if hits:
                right = not case.off_topic and is_right(hits[0].entry, case)
                rows.append((str(path), case.off_topic, right, features(hits)))
    return rows


def fit(rows: list[tuple[str, bool, bool, list[float]]]) -> list[float]:
    n = len(rows[0][3])
    weights = [0.0] * n
    scale = [BLIND_WEIGHT if "blind" in r[0] else 1.0 for r in rows]
    for _ in range(EPOCHS):
        grad = [0.0] * n
        for (_, _, right, x), s in zip(rows, scale, strict=True):
            err = s * (_sigmoid(sum(w * v for w, v in zip(weights, x, strict=True))) - right)
            for i, v in enumerate(x):
                grad[i] += err * v
        weights = [w - RATE * (g / len(rows) + L2 * w) for w, g in zip(weights, grad, strict=True)]
    return weights


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv]
    if not paths or any("test" in p.name for p in paths):
        print("usage: python -m tools.calibrate_qa DEV.toml [OLD.toml] (never the test split)", file=sys.stderr)
        return 2
    rows = collect(paths)
    weights = fit(rows)
    print("WEIGHTS = (" + ", ".join(f"{w:.3f}" for w in weights) + ")")
    for tau in (0.6, 0.7, 0.75, 0.8, 0.85, 0.9):
        for path in paths:
            mine = [r for r in rows if r[0] == str(path)]
            chosen = [r for r in mine if _sigmoid(sum(w * v for w, v in zip(weights, r[3], strict=True))) >= tau]
            print(f"tau {tau:.2f} {path.name:<16} right {sum(r[2] for r in chosen):>4}  "
                  f"wrong {sum(not r[2] and not r[1] for r in chosen):>3}  off-topic {sum(r[1] for r in chosen):>3}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
