"""Choose the off-topic optimum's settings on tuned data only: a leave-one-set-out sweep.

    .venv/bin/python -m tools.offtopic_sweep --cache                      # the default grid, pooled LOSO per line
    .venv/bin/python -m tools.offtopic_sweep --priors 0.1 0.3 --bias-priors same 0 --balances 1 0.5 \\
        --openers yes no --thresholds 0.5 0.7 0.9 --cache

Round 21's optimum recipe (``tools.train_offtopic.optimum``) was switched off because it refused more in-scope
questions than the SGD fit, and its ``PRIOR`` had been chosen on look-alikes only. This tool measures every
setting of the recipe the same way, on the sets one may tune on, and never on a held-out set:

- a setting is the optimum's penalty (``PRIOR``), the bias's own penalty (``BIAS_PRIOR``: the bias is in every
  row, so penalising it pulls the prior log-odds of the classes), the class balance (``BALANCE``), the opener
  variants (``OPENER_VARIANTS``) and the model's cut-off (``decision.OOS_TRAINED``, set for the SGD fit's scores);
- for each training set k (``train_offtopic.SETS``) the setting is fitted without k (``held_apart``) and k is
  measured; every other tuned set (the probe sets, the a-halves, dev14long: never training data) is measured with
  the setting fitted on everything. The SGD recipe is measured the same way (the reference: "lost" and "gained"
  are against it) and so is the engine without a model;
- a message is replayed through the engine only when the model can change its decision: each message's readings
  (features, and whether the model may stop that reading: the naive Bayes leans out and the entry is no redirect)
  are recorded once without a model; a message none of whose stoppable readings the model scores at or above the
  cut-off answers exactly as without a model. The figures are therefore ``dxbot kb eval``'s, per message.

One line per setting and cut-off, pooled over the tuned sets: right answers, off-topic answered, right answers lost
and gained against the SGD reference, off-topic refused and newly answered against it. The lead's pick: no tuned
right answer lost, then the fewest off-topic answered. ``--risk`` prints instead, per setting, how many tuned
messages the full fit *could* veto at each cut-off (``exposure``): round 22 found the pooled outcomes flat across
settings (every optimum within ±2 of the SGD fit) while the held-out figures were not, and this count is what
moved. A fit starts from the setting's full fit (``start``: the same minimum, to the tolerance, in fewer steps);
``--tolerance`` loosens the optimum for a coarse grid.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import math
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.kb import decision, load_kb
from bot.kb.engine import KnowledgeBase
from bot.kb.evaluate import REDIRECT_TOPIC, Case, is_right, load_cases
from bot.kb.offtopic_model import Model
from tools import train_offtopic as trainer
from tools.offtopic_swing import answering, engine_key, tuned_sets

Reading = tuple[tuple[str, ...], bool]  # a reading's features, and whether the model may stop it


@dataclass(frozen=True, slots=True)
class Probe:
    """One tuned message that reaches the engine: the case, its readings, and what the engine without a model did."""

    case: Case
    readings: tuple[Reading, ...]
    before: trainer.Outcome


@dataclass(frozen=True, slots=True)
class Setting:
    """One recipe measured: the optimum's settings, or the SGD fit (``sgd``)."""

    prior: float = trainer.PRIOR
    bias_prior: float | None = trainer.BIAS_PRIOR
    balance: float = trainer.BALANCE
    openers: bool = trainer.OPENER_VARIANTS
    sgd: bool = False

    def label(self) -> str:
        if self.sgd:
            return "sgd (rounds 8-21)"
        bias = "same" if self.bias_prior is None else f"{self.bias_prior:g}"
        return f"prior {self.prior:g} bias {bias} balance {self.balance:g} openers {'yes' if self.openers else 'no'}"


def _outcome(case: Case, kb: KnowledgeBase, confident: bool, entry_id: str | None) -> trainer.Outcome:
    """What ``dxbot kb eval`` counts of one reply (``train_offtopic.outcomes``)."""
    entry = kb.by_id.get(entry_id or "") if confident else None
    return trainer.Outcome(case.off_topic, confident,
                           entry is not None and not case.off_topic and is_right(entry, case),
                           entry is not None and entry.topic == REDIRECT_TOPIC)


def record(kb: KnowledgeBase, paths: Sequence[Path], route: Callable[[str], str | None]) -> dict[str, list[Probe]]:
    """Every tuned message with its readings and its outcome, read once by the engine without a model."""
    outside = kb.index.outside
    assert outside is not None
    outside.model = None
    read = answering(kb)
    found: dict[str, list[Probe]] = {}
    try:
        for path in paths:
            probes = found[path.name] = []
            for case in load_cases(path):
                if case.command_only or route(case.question) is not None:
                    continue
                readings, result = read(case.question)
                probes.append(Probe(case, readings, _outcome(case, kb, result.confident, result.entry)))
    finally:
        del outside.against
    return found


def fitted(examples: Sequence[trainer.Example], setting: Setting, tolerance: float,
           start: dict[str, float] | None = None) -> dict[str, float]:
    """The setting's weights on ``examples`` (the SGD recipe leaves the opener variants out, as committed)."""
    if setting.sgd or not setting.openers:
        examples = [ex for ex in examples if ex.source != "opener"]
    if setting.sgd:
        return trainer.fit(examples)
    return trainer.optimum(examples, prior=setting.prior, tolerance=tolerance, start=start,
                           bias_prior=setting.bias_prior if setting.bias_prior is not None else setting.prior,
                           balance=setting.balance)


def _probability(model: Model, names: Sequence[str]) -> float:
    """The model's probability of one recorded reading (``Model.probability`` without the view)."""
    z = model.score(names)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def measured(kb: KnowledgeBase, probes: Sequence[Probe], model: Model,
             thresholds: Sequence[float]) -> dict[float, list[trainer.Outcome]]:
    """Each probe's outcome under ``model`` at each cut-off: the recorded one when no stoppable reading reaches the
    cut-off, else replayed through the engine."""
    outside = kb.index.outside
    assert outside is not None
    saved = decision.OOS_TRAINED
    found: dict[float, list[trainer.Outcome]] = {t: [] for t in thresholds}
    try:
        outside.model = model
        for probe in probes:
            top = max((_probability(model, names) for names, can in probe.readings if can), default=0.0)
            for t in thresholds:
                if top < t:
                    found[t].append(probe.before)
                    continue
                decision.OOS_TRAINED = t
                result = kb.answer(probe.case.question)
                found[t].append(_outcome(probe.case, kb, result.confident, result.entry))
    finally:
        decision.OOS_TRAINED = saved
        outside.model = None
    return found


@dataclass(slots=True)
class Sums:
    """Pooled figures of one setting at one cut-off, against the reference's outcomes."""

    right: int = 0
    answered: int = 0  # off-topic answered confidently (redirect entries included)
    redirects: int = 0
    lost: int = 0  # right under the reference, not here
    gained: int = 0
    refused: int = 0  # off-topic answered by the reference, refused here
    admitted: int = 0  # off-topic refused by the reference, answered here

    def add(self, outcomes: Sequence[trainer.Outcome], reference: Sequence[trainer.Outcome]) -> None:
        for o, r in zip(outcomes, reference, strict=True):
            self.right += o.right
            self.answered += o.off_topic and o.confident
            self.redirects += o.off_topic and o.confident and o.redirect
            self.lost += r.right and not o.right
            self.gained += o.right and not r.right
            self.refused += r.off_topic and r.confident and not o.confident
            self.admitted += o.off_topic and o.confident and not r.confident

    def line(self) -> str:
        return (f"right {self.right:>5}  off-topic answered {self.answered:>4} ({self.redirects} redirects)  "
                f"lost {self.lost:>3} gained {self.gained:>3}  refused {self.refused:>3} admitted {self.admitted:>3}")


def loso_outcomes(kb: KnowledgeBase, examples: Sequence[trainer.Example], probes: dict[str, list[Probe]],
                  setting: Setting, thresholds: Sequence[float], tolerance: float,
                  per_set: dict[str, dict[float, list[trainer.Outcome]]] | None = None,
                  ) -> dict[str, dict[float, list[trainer.Outcome]]]:
    """Per tuned set, its outcomes at each cut-off: a training set under the setting fitted without it, any other
    under the setting fitted on everything."""
    began = time.monotonic()
    full = fitted(examples, setting, tolerance)
    print(f"  {setting.label()}: full fit {len(full)} weights, bias {full.get('bias', 0.0):+.3f}, "
          f"{time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)
    found: dict[str, dict[float, list[trainer.Outcome]]] = {}
    training = {p.name: p for p in trainer.SETS}
    for name, set_probes in probes.items():
        if name in training:
            cases = load_cases(training[name])
            weights = fitted(trainer.held_apart(examples, training[name], cases), setting, tolerance, start=full)
        else:
            weights = full
        found[name] = measured(kb, set_probes, Model(weights), thresholds)
    print(f"  {setting.label()}: measured in {time.monotonic() - began:.0f} s", file=sys.stderr, flush=True)
    return found


def exposure(examples: Sequence[trainer.Example], probes: dict[str, list[Probe]], setting: Setting,
             thresholds: Sequence[float], tolerance: float) -> dict[float, tuple[int, int]]:
    """``--risk``: the setting fitted on everything, over the tuned sets that are never training data (as a held-out
    set meets the committed model): per cut-off, the messages answered right without a model that have a reading the
    model may stop at or above it (at risk), and the off-topic ones answered without a model that do (catchable).
    No replay: the pool the model's vetoes come from, more sensitive than the pooled LOSO outcome (round 22: the
    optimum and the SGD fit tie on outcomes but the optimum puts a fifth more in-scope messages at risk at 0.5)."""
    model = Model(fitted(examples, setting, tolerance))
    training = {p.name for p in trainer.SETS}
    fresh = [p for name, ps in probes.items() if name not in training for p in ps]
    tops = [max((_probability(model, names) for names, can in p.readings if can), default=0.0) for p in fresh]
    return {t: (sum(p.before.right and top >= t for p, top in zip(fresh, tops, strict=True)),
                sum(p.before.off_topic and p.before.confident and top >= t for p, top in zip(fresh, tops, strict=True)))
            for t in thresholds}


def prepared(kb: KnowledgeBase, route: Callable[[str], str | None], cache: bool,
             ) -> tuple[list[trainer.Example], dict[str, list[Probe]]]:
    """The training examples (read without a model) and the tuned probes, from the temporary folder when
    ``cache`` and the engine's code and content are unchanged."""
    key = hashlib.sha256(engine_key().encode() + b"sweep").hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / f"offtopic_sweep-{key}.pkl"
    if cache and path.is_file():
        return pickle.loads(path.read_bytes())  # type: ignore[no-any-return]
    outside = kb.index.outside
    assert outside is not None
    outside.model = None
    examples = trainer.collect(kb, route=route)
    probes = record(kb, tuned_sets(), route)
    if cache:
        path.write_bytes(pickle.dumps((examples, probes)))
    return examples, probes


def _bias(text: str) -> float | None:
    return None if text == "same" else float(text)


def _yes(text: str) -> bool:
    if text not in ("yes", "no"):
        raise argparse.ArgumentTypeError(f"yes or no, not {text}")
    return text == "yes"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.offtopic_sweep", description=__doc__.split("\n")[0])
    parser.add_argument("--priors", type=float, nargs="+", default=[trainer.PRIOR])
    parser.add_argument("--bias-priors", type=_bias, nargs="+", default=[trainer.BIAS_PRIOR],
                        help="the bias's penalty: a number, or 'same' as the prior")
    parser.add_argument("--balances", type=float, nargs="+", default=[trainer.BALANCE])
    parser.add_argument("--openers", type=_yes, nargs="+", default=[trainer.OPENER_VARIANTS], help="yes / no")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[decision.OOS_TRAINED])
    parser.add_argument("--tolerance", type=float, default=trainer.TOLERANCE)
    parser.add_argument("--no-reference", action="store_true", help="skip the SGD reference's line")
    parser.add_argument("--cache", action="store_true", help="keep the readings in the temporary folder")
    parser.add_argument("--risk", action="store_true",
                        help="only the at-risk / catchable counts of each setting's full fit (``exposure``)")
    args = parser.parse_args(argv)
    kb = load_kb()
    route = trainer._route()
    examples, probes = prepared(kb, route, args.cache)
    grid = [Setting(*values) for values in itertools.product(args.priors, args.bias_priors, args.balances,
                                                              args.openers)]
    if args.risk:
        for setting in [Setting(sgd=True), *grid]:
            cells = exposure(examples, probes, setting, args.thresholds, args.tolerance)
            print(f"{setting.label():<52} at risk / catchable " + "  ".join(
                f"p >= {t:g}: {r}/{c}" for t, (r, c) in cells.items()), flush=True)
        return 0
    none = {name: [p.before for p in ps] for name, ps in probes.items()}
    reference = none
    if not args.no_reference:
        sgd = loso_outcomes(kb, examples, probes, Setting(sgd=True), [decision.OOS_TRAINED], args.tolerance)
        reference = {name: by[decision.OOS_TRAINED] for name, by in sgd.items()}
    for label, outcomes in (("no model", none), (Setting(sgd=True).label(), reference)):
        sums = Sums()
        for name, found in outcomes.items():
            sums.add(found, reference[name])
        print(f"{label:<52} p >= {decision.OOS_TRAINED:<4g} {sums.line()}", flush=True)
    for setting in grid:
        found = loso_outcomes(kb, examples, probes, setting, args.thresholds, args.tolerance)
        for t in args.thresholds:
            sums = Sums()
            for name, by in found.items():
                sums.add(by[t], reference[name])
            print(f"{setting.label():<52} p >= {t:<4g} {sums.line()}", flush=True)
    return 0


if __name__ == "__main__":
    # run as the module itself, not as __main__: the cached probes then unpickle in any process
    from tools.offtopic_sweep import main as run

    sys.exit(run())
