"""Measure the engine on a labelled question set (``tests/eval/questions.toml``).

Accepted file shape (tolerant, because the set is written by someone else)::

    [[case]]                      # or [[question]] / [[cases]]
    question = "chuyeenr ddooir soos laf gif"
    expected = "chuyen-doi-so-la-gi"   # an id, a list of acceptable ids, or "" / absent for off-topic
    category = "telex"                 # free text; "off-topic" (or no expected id) marks a must-refuse case

Metrics: top-1 accuracy of the ranker on in-domain cases (the issue's target: ≥ 95 %), how many of those
are answered confidently and correctly, confident *wrong* answers, and off-topic cases answered confidently
(must be zero).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.kb.engine import KnowledgeBase

OFF_TOPIC_MARKERS = {"", "none", "null", "off-topic", "offtopic", "off_topic", "-"}


@dataclass(frozen=True, slots=True)
class Case:
    question: str
    expected: tuple[str, ...]  # empty: off-topic, must not be answered confidently
    category: str = "general"

    @property
    def off_topic(self) -> bool:
        return not self.expected


@dataclass
class CategoryStats:
    n: int = 0
    top1: int = 0  # in-domain: ranker's first hit is expected; off-topic: refused (not confident)
    confident_correct: int = 0
    confident_wrong: int = 0

    @property
    def accuracy(self) -> float:
        return self.top1 / self.n if self.n else 0.0


@dataclass
class EvalReport:
    in_domain: int = 0
    off_topic: int = 0
    top1: int = 0
    confident_correct: int = 0
    confident_wrong: int = 0
    off_topic_confident: int = 0
    off_topic_ambiguous: int = 0
    by_category: dict[str, CategoryStats] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    @property
    def top1_accuracy(self) -> float:
        return self.top1 / self.in_domain if self.in_domain else 1.0

    @property
    def confident_accuracy(self) -> float:
        return self.confident_correct / self.in_domain if self.in_domain else 1.0

    def format(self) -> str:
        lines = [
            f"in-domain {self.in_domain}: top-1 {self.top1_accuracy:.1%}, answered confidently and correctly "
            f"{self.confident_accuracy:.1%}, confident but wrong {self.confident_wrong}",
            f"off-topic {self.off_topic}: answered confidently {self.off_topic_confident}, "
            f"'Ý bạn là' {self.off_topic_ambiguous}",
            f"{'category':<20} {'n':>4} {'top-1/refused':>14} {'conf.ok':>8} {'conf.wrong':>10}",
        ]
        for name, s in sorted(self.by_category.items()):
            lines.append(f"{name:<20} {s.n:>4} {s.accuracy:>14.1%} {s.confident_correct:>8} {s.confident_wrong:>10}")
        return "\n".join(lines)


def _expected(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    values = raw if isinstance(raw, list) else [raw]
    return tuple(str(v).strip() for v in values if str(v).strip().lower() not in OFF_TOPIC_MARKERS)


def load_cases(path: Path) -> list[Case]:
    """Read a TOML case file (shape in the module docstring)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    rows = next((data[k] for k in ("case", "cases", "question", "questions") if isinstance(data.get(k), list)),
                [])
    cases = []
    for row in rows:
        question = next((row[k] for k in ("question", "q", "text") if isinstance(row.get(k), str)), None)
        if question is None:
            continue
        expected = _expected(next((row[k] for k in ("expected", "expect", "entry", "id", "answer") if k in row),
                                  None))
        category = str(row.get("category") or row.get("kind") or ("off-topic" if not expected else "general"))
        if category.lower().replace("_", "-") in ("off-topic", "offtopic"):
            expected = ()
        cases.append(Case(question, expected, category))
    return cases


def evaluate(kb: KnowledgeBase, cases: Iterable[Case]) -> EvalReport:
    """Run every case through the ranker and the decision; see :class:`EvalReport`."""
    report = EvalReport()
    for case in cases:
        stats = report.by_category.setdefault(case.category, CategoryStats())
        stats.n += 1
        result = kb.answer(case.question)
        if case.off_topic:
            report.off_topic += 1
            if result.confident:
                report.off_topic_confident += 1
                stats.confident_wrong += 1
                report.failures.append(f"off-topic answered: {case.question!r} -> {result.entry}")
            else:
                stats.top1 += 1
                report.off_topic_ambiguous += result.kind == "ambiguous"
            continue
        report.in_domain += 1
        hits = kb.search(case.question, k=1)
        top = hits[0].entry.id if hits else None
        if top in case.expected:
            report.top1 += 1
            stats.top1 += 1
        if result.confident and result.entry in case.expected:
            report.confident_correct += 1
            stats.confident_correct += 1
        elif result.confident:
            report.confident_wrong += 1
            stats.confident_wrong += 1
        if top not in case.expected or not result.confident:
            report.failures.append(f"[{case.category}] {case.question!r}: expected {'/'.join(case.expected)}, "
                                   f"top-1 {top}, {result.kind} {result.candidates}")
    return report
