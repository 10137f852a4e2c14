"""How the off-topic model is trained (``tools/train_offtopic.py``): deterministically, and steadily.

The committed weights are retrained from the engine's own readings at every engine change, so a recipe whose
weights swing with the shuffle order or with a few messages more or less moves questions across the cut-off for
no reason a reader can see (``tools/offtopic_swing.py`` measures it). The recipe averages several fits, each on a
seeded subsample in a seeded order; these tests use small synthetic training sets (no engine)."""

from __future__ import annotations

import random

import pytest

from bot.kb.offtopic_model import Model
from tools import train_offtopic as trainer
from tools.train_offtopic import Example, average, fit, render, subsample, train

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


def test_the_committed_recipe_averages_several_fits() -> None:
    """One fit swings with its shuffle order; the committed weights are a mean of several (``BAG``)."""
    assert trainer.BAG > 1 and 0.0 < trainer.SHARE <= 1.0
    assert trainer.train.__defaults__ == (trainer.SEED, None, None, None)  # train() is the committed recipe


def _spread(weights: list[dict[str, float]], names: list[list[str]]) -> float:
    """The largest difference in log-odds between the fits over the messages ``names``."""
    scores = [[Model(w).score(n) for n in names] for w in weights]
    return max(max(col) - min(col) for col in zip(*scores, strict=True))


def test_the_recipe_swings_less_with_the_shuffle_order_than_one_fit() -> None:
    """Shift every seed (the order of the steps): the recipe's log-odds over the messages move less than those of
    one fit with round 8's penalty (``l2`` 1e-3, the recipe before) do."""
    examples = _examples(240, seed=4)
    names = [list(ex.readings[0]) for ex in examples]
    one = _spread([fit(examples, seed=s, l2=1e-3) for s in (1, 1001, 2001)], names)
    bagged = _spread([train(examples, seed=s) for s in (1, 1001, 2001)], names)
    assert bagged < one
