"""The off-topic model's AdaGrad steps run in an order fixed by each training row's own content
(``tools.train_offtopic.steps``, ``ORDER = "text"``), not by a seeded shuffle of the row numbers.

Round 30 lost two reader fixes to the old order: each changed the readings of two training messages, the retrain
reshuffled every step of the unconverged fit, and 5-6 held-out answers moved on messages the fix never read
otherwise. With the rows ordered by a keyed hash of their text and features, an edit moves only its own rows; the
other rows keep their order relative to one another. These tests use small synthetic training sets (no engine)."""

from __future__ import annotations

import random

import pytest

from bot.kb.offtopic_model import Model
from tools import train_offtopic as trainer
from tools.train_offtopic import Example, fit, row_key, steps

pytestmark = pytest.mark.unit


def _examples(n: int = 200, seed: int = 7) -> list[Example]:
    """"a*" words lean off-topic, "b*" in scope, "c*" are noise; every fifth message has two readings."""
    rng = random.Random(seed)
    found = []
    for i in range(n):
        label = i % 2
        readings = []
        for _ in range(1 + (i % 5 == 0)):
            words = {f"w:{'a' if label else 'b'}{rng.randrange(8)}" for _ in range(2)}
            words |= {f"w:c{rng.randrange(10)}" for _ in range(2)}
            readings.append(("bias", *sorted(words)))
        found.append(Example("set", label, tuple(readings), f"tin nhắn {i}"))
    return found


def _keys_in_order(examples: list[Example], seed: int = 3) -> list[list[bytes]]:
    keys = [row_key(ex, r) for ex in examples for r in ex.readings]
    return [[keys[i] for i in step] for step in steps(examples, 4, seed, "text")]


def test_an_edited_message_moves_only_its_own_rows() -> None:
    """One message read otherwise and one removed: in every epoch the untouched rows step in the same relative
    order as before (the shuffle order renumbers them and reorders nearly all)."""
    examples = _examples()
    edited = list(examples)
    edited[40] = Example("set", 0, (("bias", "w:b1", "w:c9"),), edited[40].text)
    del edited[120]
    mine = {row_key(ex, r) for ex in (examples[40], examples[120], edited[40]) for r in ex.readings}
    for before, after in zip(_keys_in_order(examples), _keys_in_order(edited), strict=True):
        assert [k for k in before if k not in mine] == [k for k in after if k not in mine]


def test_the_order_of_the_messages_does_not_matter() -> None:
    """The KB's entries, the class and the sets are read in turn; renumbering them (an entry added before others)
    gives the same weights."""
    examples = _examples()
    shuffled = list(examples)
    random.Random(2).shuffle(shuffled)
    assert fit(shuffled, order="text") == fit(examples, order="text")
    assert fit(shuffled, order="shuffle") != fit(examples, order="shuffle")


def test_each_epoch_has_its_own_order_and_the_seed_sets_them() -> None:
    examples = _examples(60)
    first, second = steps(examples, 2, 8, "text")
    assert sorted(first) == sorted(second) == list(range(sum(len(ex.readings) for ex in examples)))
    assert first != second
    assert steps(examples, 2, 9, "text") != [first, second]


def test_the_shuffle_order_is_rounds_8_to_30_s() -> None:
    """``order="shuffle"`` is the old recipe's steps: one ``random.Random(seed)`` shuffle of the row numbers per
    epoch, each from the last (so the committed recipe can be measured against it)."""
    examples = _examples(30)
    numbers = list(range(sum(len(ex.readings) for ex in examples)))
    rng = random.Random(8)
    expected = []
    for _ in range(3):
        rng.shuffle(numbers)
        expected.append(list(numbers))
    assert steps(examples, 3, 8, "shuffle") == expected


def test_one_message_more_moves_the_other_messages_less_than_under_the_shuffle() -> None:
    """One message added among the others: the largest change of the other messages' log-odds is smaller in the
    text order than in the shuffle order, at the same epochs, rate and penalty."""
    examples = _examples()
    extra = Example("set", 1, (("bias", "w:a1", "w:c2", "w:c3"),), "tin nhắn thêm")
    more = [*examples[:50], extra, *examples[50:]]

    def moved(order: str) -> float:
        before, after = Model(fit(examples, order=order)), Model(fit(more, order=order))
        return max(abs(before.score(r) - after.score(r)) for ex in examples for r in ex.readings)

    assert moved("text") < moved("shuffle")


def test_an_unknown_order_is_refused() -> None:
    with pytest.raises(ValueError):
        steps(_examples(10), 1, 8, "alphabet")


def test_the_committed_order_is_the_text_order() -> None:
    assert trainer.ORDER == "text"
