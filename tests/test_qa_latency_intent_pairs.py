"""The intent reader sums its weights from (label, weight) pairs of Python floats, with the same result to the last bit.

Round 26 (latency): ``IntentModel.scores`` zipped two packed arrays per feature, which made a float object for every
weight visited (~20,000 for a long letter) and a tuple per step. The model now keeps each feature's postings as pairs
made once at load (``IntentModel._pairs``), each weight the very float its packed array holds, so every product and
every sum is made in the same order on the same values. Compared here with the packed arrays' loop as it was, bit for
bit (``float.hex``), over the chat messages of the bench (dev, dev2), as typed and folded, and the KB's titles; the
packed arrays stay the model's record (``dump``, ``tools/intent_train``), never read per message.
"""

from __future__ import annotations

import math
from array import array

import pytest

from bot.kb import KnowledgeBase
from bot.kb.intent_model import IntentModel, Reading, features, parse, weighted
from bot.kb.loader import DEFAULT_KB_DIR
from bot.nlp.normalize import analyze, fold

BLIND = DEFAULT_KB_DIR.parents[1] / "tests" / "eval" / "blind"


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    return real_kb


def _packed_scores(model: IntentModel, text: str) -> list[float]:
    """The scores as the reader summed them before round 26: each feature's two packed arrays zipped."""
    vector = weighted(features(text), model.idf)
    mass = sum(vector.values())
    scores = [b * mass for b in model.base]
    for f, x in vector.items():
        found = model.postings.get(f)
        if found is None:
            continue
        for i, w in zip(found[0], found[1], strict=True):
            scores[i] += x * w
    return scores


def _bits(scores: list[float]) -> list[str]:
    return [s.hex() for s in scores]


def _texts(kb: KnowledgeBase) -> list[str]:
    from bot.kb.evaluate import load_cases

    asked = [c.question for name in ("dev.toml", "dev2.toml") for c in load_cases(BLIND / name)]
    asked += [e.title for e in kb.entries]
    return list(dict.fromkeys(analyze(t).text for t in [*asked, *map(fold, asked)]))


def test_scores_are_the_packed_arrays_sums_to_the_last_bit(kb: KnowledgeBase) -> None:
    model = kb.intent
    assert model is not None
    texts = _texts(kb)
    assert len(texts) > 1000 and max(len(t.split()) for t in texts) > 40  # long letters among them
    differing = [t for t in texts if _bits(model.scores(t)) != _bits(_packed_scores(model, t))]
    assert differing == []


def test_each_pair_is_its_packed_posting(kb: KnowledgeBase) -> None:
    model = kb.intent
    assert model is not None
    assert model._pairs.keys() == model.postings.keys()
    for f, (indices, weights) in model.postings.items():
        pairs = model._pairs[f]
        assert [i for i, _ in pairs] == list(indices)
        assert _bits([w for _, w in pairs]) == _bits(list(weights))


def test_a_reading_never_goes_back_to_the_packed_arrays(kb: KnowledgeBase) -> None:
    model = kb.intent
    assert model is not None
    text = analyze("Cho mình hỏi chữ ký số là gì, đăng ký ở đâu và mất bao lâu thì có được ạ").text
    expected = model.scores(text)
    reader = IntentModel(model.labels, model.base, model.idf, dict(model.postings), model.temperature)
    reader.postings.clear()  # what a message reads was made at load
    assert _bits(reader.scores(text)) == _bits(expected)
    assert reader.read(text) == model.read(text)


_TINY = """temperature\t1
labels\ta b c
base\t-3 -2.5 -4
w:ngay\t1.5\t0:0.75 1:0 2:-0
w:cds\t2\t0:0.75 2:1.25
c: ng\t1.1\t1:0.75
"""


def test_zero_weights_keep_their_sign_and_equal_weights_share_one_float() -> None:
    model = parse(_TINY)
    zero, negative_zero = model._pairs["w:ngay"][1][1], model._pairs["w:ngay"][2][1]
    assert math.copysign(1.0, zero) == 1.0 and math.copysign(1.0, negative_zero) == -1.0
    assert model._pairs["w:ngay"][0][1] is model._pairs["w:cds"][0][1] is model._pairs["c: ng"][0][1]
    for text in ("ngay", "ngay cds", "cds ngay ngay", "xyz", ""):
        assert _bits(model.scores(text)) == _bits(_packed_scores(model, text))


def test_a_model_reads_only_its_own_weights() -> None:
    """The pairs are the model's own, made from its postings: two models never share a reading."""
    one = parse(_TINY)
    other = IntentModel(one.labels, one.base, one.idf,
                        {f: (i, array("f", [w * 2 for w in ws])) for f, (i, ws) in one.postings.items()})
    assert _bits(other.scores("ngay cds")) == _bits(_packed_scores(other, "ngay cds"))
    assert _bits(one.scores("ngay cds")) == _bits(_packed_scores(one, "ngay cds"))
    assert one.scores("ngay cds") != other.scores("ngay cds")
    assert isinstance(one.read("ngay cds"), Reading)
