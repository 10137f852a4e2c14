"""How the off-topic model is trained (``tools/train_offtopic.py``): deterministically, and measurably.

The committed weights are retrained from the engine's own readings at every engine change, so a recipe whose
weights swing with the shuffle order or with a few messages more or less moves questions across the cut-off for
no reason a reader can see (``tools/offtopic_swing.py`` measures it). ``train`` can average several fits (``bag``),
each in its own seed's order and, when ``share`` is below 1, on a seeded subsample; the committed recipe is the
module's ``BAG``/``SHARE``/``L2``. These tests use small synthetic training sets (no engine)."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from bot.kb.offtopic_model import Model
from tools import train_offtopic as trainer
from tools.train_offtopic import Example, average, fit, held_apart, render, share_arg, subsample, train

pytestmark = pytest.mark.unit


def _examples(n: int = 160, seed: int = 3) -> list[Example]:
    """Messages of a few words: "a*" words lean off-topic, "b*" words in scope, "c*" words are noise."""
    rng = random.Random(seed)
    found = []
    for i in range(n):
        label = i % 2
        words = {f"w:{'a' if label else 'b'}{rng.randrange(6)}" for _ in range(2)}
        words |= {f"w:c{rng.randrange(8)}" for _ in range(2)}
        if rng.random() < 0.2:  # some messages say a word of the other side
            words.add(f"w:{'b' if label else 'a'}{rng.randrange(6)}")
        found.append(Example("set", label, (("bias", *sorted(words)),), str(i)))
    return found


def test_two_trainings_write_the_same_file() -> None:
    examples = _examples()
    first = render(train(examples, bag=3, share=0.8))
    assert first == render(train(list(examples), bag=3, share=0.8))
    assert render(fit(examples, epochs=3)) == render(fit(examples, epochs=3))


def test_a_subsample_is_fixed_by_its_seed() -> None:
    examples = _examples()
    assert subsample(examples, 5, 0.8) == subsample(examples, 5, 0.8)
    assert subsample(examples, 5, 0.8) != subsample(examples, 6, 0.8)
    assert subsample(examples, 5, 1.0) == examples


def test_an_averaged_models_log_odds_is_the_mean_of_its_parts() -> None:
    parts = [{"bias": -1.0, "w:a": 2.0}, {"bias": -0.5, "w:b": 1.0}, {"bias": 0.0, "w:a": 1.0, "w:b": -1.0}]
    mean = Model(average(parts))
    for names in (["bias"], ["bias", "w:a"], ["bias", "w:a", "w:b", "w:unknown"]):
        expected = sum(Model(p).score(names) for p in parts) / len(parts)
        assert mean.score(names) == pytest.approx(expected, abs=1e-3 * len(names))


def test_a_bagged_training_is_the_average_of_its_fits() -> None:
    examples = _examples()
    parts = [fit(subsample(examples, 11 + i, 0.7), seed=11 + i) for i in range(3)]
    assert train(examples, seed=11, bag=3, share=0.7) == average(parts)


def test_train_is_the_committed_recipe() -> None:
    """Unset, ``train`` fits with the module's constants: the optimum (``RECIPE``), one AdaGrad fit, or the mean of
    ``BAG`` fits in seeds SEED…"""
    examples = _examples()
    if trainer.BAG == 1:
        one = trainer.optimum(examples) if trainer.RECIPE == "optimum" else fit(examples, l2=trainer.L2,
                                                                                  seed=trainer.SEED)
        assert train(examples) == one
        return
    parts = [fit(subsample(examples, trainer.SEED + i, trainer.SHARE), l2=trainer.L2, seed=trainer.SEED + i)
             for i in range(trainer.BAG)]
    assert train(examples) == average(parts)


def _spread(weights: list[dict[str, float]], names: list[list[str]]) -> float:
    """The largest difference in log-odds between the fits over the messages ``names``."""
    scores = [[Model(w).score(n) for n in names] for w in weights]
    return max(max(col) - min(col) for col in zip(*scores, strict=True))


def test_averaging_fits_swings_less_with_the_shuffle_order_than_one_fit() -> None:
    """Shift every seed (the order of the steps): at the same penalty, the mean of three fits moves its log-odds
    over the messages less than one fit does (what ``offtopic_swing --bag`` measures)."""
    examples = _examples(240, seed=4)
    names = [list(ex.readings[0]) for ex in examples]
    one = _spread([fit(examples, seed=s, l2=trainer.L2) for s in (1, 1001, 2001)], names)
    bagged = _spread([train(examples, seed=s, bag=3, share=1.0, l2=trainer.L2) for s in (1, 1001, 2001)], names)
    assert bagged < one


_TRAIN_IN_A_PROCESS = """
import random
from tools.train_offtopic import Example, render, train
rng = random.Random(3)
examples = []
for i in range(120):
    label = i % 2
    words = {f"w:{'a' if label else 'b'}{rng.randrange(6)}" for _ in range(2)} | {f"w:c{rng.randrange(8)}"}
    examples.append(Example("set", label, (("bias", *words),), str(i)))  # a set's order: the hash seed's
print(render(train(examples, bag=3, share=0.8)) + render(train(examples)))  # averaged SGD fits, the optimum
"""


def test_the_weights_do_not_depend_on_the_hash_seed() -> None:
    """Two processes with other ``PYTHONHASHSEED`` values (string hashing, so the order of a set of features)
    write the same file."""
    root = Path(trainer.__file__).resolve().parent.parent
    written = []
    for seed in ("0", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", _TRAIN_IN_A_PROCESS], cwd=root, env=env, capture_output=True,
                             text=True, check=True, timeout=120)
        written.append(run.stdout)
    assert written[0] and written[0] == written[1]


def test_a_measured_set_is_held_apart_by_its_words_too() -> None:
    """``--loso`` fits without the measured set and without any message of another source saying the same words
    (case and spaces folded)."""
    from bot.kb.evaluate import Case

    examples = [Example("dev2.toml", 1, (("bias",),), "Giá vàng hôm nay?"),
                Example("dev3.toml", 1, (("bias",),), "giá  vàng HÔM NAY?"),
                Example("class", 1, (("bias",),), "giá vàng hôm nay?"),
                Example("kb", 0, (("bias",),), "chữ ký số là gì"),
                Example("dev3.toml", 0, (("bias",),), "vneid mức 2")]
    kept = held_apart(examples, Path("dev2.toml"), [Case("Giá vàng hôm nay?")])
    assert [e.text for e in kept] == ["chữ ký số là gì", "vneid mức 2"]


@pytest.mark.parametrize("text", ["0", "-0.5", "1.5"])
def test_a_share_outside_0_to_1_is_refused(text: str) -> None:
    import argparse

    with pytest.raises(argparse.ArgumentTypeError):
        share_arg(text)
    assert share_arg("1") == 1.0 and share_arg("0.5") == 0.5


def test_a_fit_with_one_class_only_says_so() -> None:
    examples = [ex for ex in _examples() if ex.label == 1]
    with pytest.raises(ValueError):
        fit(examples)
