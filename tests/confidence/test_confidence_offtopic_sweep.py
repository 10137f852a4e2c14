"""``tools/offtopic_sweep.py`` measures a setting of the off-topic model exactly while replaying only what the model
can change: a message none of whose stoppable readings reaches the cut-off keeps the outcome recorded without a
model, and one that does is read again by the engine with the model and the cut-off in force. The pooled sums count
right answers lost and gained and off-topic messages refused and let through against a reference."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest

from bot.kb import decision
from bot.kb.evaluate import Case
from bot.kb.offtopic_model import Model
from tools import offtopic_sweep as sweep
from tools.offtopic_sweep import Probe, Setting, Sums, measured
from tools.train_offtopic import Outcome

pytestmark = pytest.mark.unit


@dataclass
class _Engine:
    """Stands for the engine: records which messages it was asked and under which cut-off; refuses them all."""

    asked: list[tuple[str, float]] = field(default_factory=list)
    index: SimpleNamespace = field(default_factory=lambda: SimpleNamespace(outside=SimpleNamespace(model=None)))
    by_id: dict[str, object] = field(default_factory=dict)

    def answer(self, text: str) -> SimpleNamespace:
        self.asked.append((text, decision.OOS_TRAINED))
        return SimpleNamespace(confident=False, entry=None)


def _probe(text: str, readings: tuple[tuple[tuple[str, ...], bool], ...]) -> Probe:
    return Probe(Case(text, expected=("e",)), readings, Outcome(False, True, True, False))


def test_only_a_message_the_model_can_stop_is_replayed_under_each_cut_off() -> None:
    model = Model({"bias": 0.0, "w:lean": 1.5, "w:far": 5.0})  # p 0.82 and 0.99
    probes = [
        _probe("quiet", ((("bias",), True),)),  # p 0.5: stoppable, reaches only the lowest cut-off
        _probe("lean", ((("bias", "w:lean"), True),)),
        _probe("guarded", ((("bias", "w:far"), False),)),  # the naive Bayes does not lean out: never stopped
    ]
    engine = _Engine()
    found = measured(engine, probes, model, [0.5, 0.9])  # type: ignore[arg-type]
    assert engine.asked == [("quiet", 0.5), ("lean", 0.5)]
    assert [o.right for o in found[0.5]] == [False, False, True]
    assert [o.right for o in found[0.9]] == [True, True, True]
    assert decision.OOS_TRAINED == 0.5 and engine.index.outside.model is None  # restored


def test_the_sums_count_against_the_reference() -> None:
    reference = [Outcome(False, True, True, False), Outcome(True, True, False, False),
                 Outcome(True, False, False, False)]
    after = [Outcome(False, False, False, False), Outcome(True, False, False, False), Outcome(True, True, False, True)]
    sums = Sums()
    sums.add(after, reference)
    assert (sums.right, sums.answered, sums.redirects) == (0, 1, 1)
    assert (sums.lost, sums.gained, sums.refused, sums.admitted) == (1, 0, 1, 1)


def test_a_setting_names_what_it_fits() -> None:
    assert Setting(sgd=True).label().startswith("sgd")
    assert Setting(0.1, 0.0, 0.5, False).label() == "prior 0.1 bias 0 balance 0.5 openers no"


def test_the_exposure_counts_only_fresh_sets_and_stoppable_readings(monkeypatch: pytest.MonkeyPatch) -> None:
    """``--risk``: over the tuned sets that are never training data, the right answers and the off-topic answers
    that have a stoppable reading at or above each cut-off; a training set (fitted on itself) is not counted."""
    monkeypatch.setattr(sweep, "fitted", lambda *_: {"bias": 0.0, "w:lean": 1.5})
    off = Probe(Case("off"), ((("bias", "w:lean"), True),), Outcome(True, True, False, False))
    probes = {
        "dev.toml": [_probe("trained on", ((("bias", "w:lean"), True),))],
        "dev30a.toml": [_probe("at risk", ((("bias", "w:lean"), True),)),
                        _probe("guarded", ((("bias", "w:lean"), False),)), off],
    }
    assert sweep.exposure([], probes, Setting(), [0.5, 0.9], 1e-4) == {0.5: (1, 1), 0.9: (0, 0)}
