"""The intent reader's vector and softmax (bot/kb/intent_model.py, round 28): counted, weighted, normalised and
ordered in C, to the last bit what the plain loops made (latency: the reader reads a long letter's ~1,500 grams).

Each shortcut is compared with the plain computation it replaced, written out here: the features' counts and their
order, every weight by ``float.hex`` (a feature said once weighs its IDF itself, its logarithm not taken), the
scores, and the reading's entries and probabilities — over dev and dev2's questions as typed, analysed and folded
and the KB's titles and phrasings. The work is never timed.
"""

from __future__ import annotations

import math
from array import array
from pathlib import Path

import pytest

from bot.kb import KnowledgeBase
from bot.kb.evaluate import load_cases
from bot.kb.intent_model import NGRAMS, IntentModel, Reading, features, paired, weighted
from bot.nlp.normalize import analyze, fold

BLIND = Path(__file__).resolve().parent / "eval" / "blind"


def _features_plainly(text: str) -> dict[str, int]:
    """Words, then pairs, then character n-grams of the padded text, each counted where first met."""
    words = text.split()
    padded = " " + " ".join(words) + " "
    found: dict[str, int] = {}
    for gram in (*("w:" + w for w in words), *("b:" + a + "_" + b for a, b in zip(words, words[1:], strict=False)),
                 *("c:" + padded[i : i + n] for n in NGRAMS for i in range(len(padded) - n + 1))):
        found[gram] = found.get(gram, 0) + 1
    return found


def _weighted_plainly(counts: dict[str, int], idf: dict[str, float]) -> dict[str, float]:
    vector = {f: (1.0 + math.log(c)) * idf[f] for f, c in counts.items() if f in idf}
    norm = math.sqrt(sum(x * x for x in vector.values()))
    return {f: x / norm for f, x in vector.items()} if norm else {}


def _read_plainly(model: IntentModel, text: str, k: int = 3) -> Reading:
    scores = model.scores(text)
    if not scores or not text.strip():
        return Reading((), ())
    best = max(scores)
    exps = [math.exp((s - best) / model.temperature) for s in scores]
    total = sum(exps)
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], model.labels[i]))[:k]
    return Reading(tuple(model.labels[i] for i in order), tuple(exps[i] / total for i in order))


def _bits(values: dict[str, float] | tuple[float, ...] | list[float]) -> list[str]:
    return [v.hex() for v in (values.values() if isinstance(values, dict) else values)]


@pytest.fixture(scope="module")
def model(real_kb: KnowledgeBase) -> IntentModel:
    assert real_kb.intent is not None
    return real_kb.intent


@pytest.fixture(scope="module")
def texts(real_kb: KnowledgeBase) -> list[str]:
    """dev and dev2's questions (tuned) as typed, analysed and folded, and the KB's titles and questions."""
    asked = [c.question for name in ("dev.toml", "dev2.toml") for c in load_cases(BLIND / name)]
    asked += [t for e in real_kb.entries for t in (e.title, *e.questions)]
    return [v for t in asked for v in (t, analyze(t).text, fold(t))]


def test_the_features_are_counted_as_before_in_the_same_order(texts: list[str]) -> None:
    for text in texts:
        assert list(features(text).items()) == list(_features_plainly(text).items())


def test_a_repeated_feature_is_counted_each_time() -> None:
    counted = features("so so so")
    assert counted["w:so"] == 3 and counted["b:so_so"] == 2 and counted["c: so "] == 3
    assert list(counted) == list(_features_plainly("so so so"))


def test_every_weight_is_the_plain_loops_to_the_last_bit(texts: list[str], model: IntentModel) -> None:
    repeated = 0
    for text in texts:
        counts = features(text)
        repeated += any(c > 1 for c in counts.values())
        fast, plain = weighted(counts, model.idf), _weighted_plainly(counts, model.idf)
        assert list(fast) == list(plain)
        assert _bits(fast) == _bits(plain)
    assert repeated  # the logarithm's branch is exercised, not only the once-said shortcut


def test_a_text_with_no_known_feature_weighs_nothing(model: IntentModel) -> None:
    assert weighted(features(""), model.idf) == {} == _weighted_plainly(features(""), model.idf)
    assert weighted({"w:zzzqqq": 1}, model.idf) == {}


def test_the_readings_are_the_plain_softmax_and_order(texts: list[str], model: IntentModel) -> None:
    for text in texts:
        fast, plain = model.read(text), _read_plainly(model, text)
        assert fast.entries == plain.entries
        assert _bits(fast.probabilities) == _bits(plain.probabilities)
    assert model.read("").entries == () and model.read("   ").entries == ()


def test_equal_scores_are_ordered_by_label_as_before() -> None:
    # three labels, "b" and "a" scoring alike above "c": the tie goes to the label first in order, as the plain
    # sort's (-score, label) key put it, whatever the labels' positions
    model = IntentModel(("b", "c", "a"), (0.0, 0.0, 0.0), {"w:x": 1.0},
                        {"w:x": (array("H", [0, 1, 2]), array("f", [2.0, 1.0, 2.0]))})
    fast, plain = model.read("x", k=3), _read_plainly(model, "x", k=3)
    assert fast.entries == plain.entries == ("a", "b", "c")
    assert _bits(fast.probabilities) == _bits(plain.probabilities)


# ---- round 34: the postings walked off flat tuples (IntentModel.pairs) -----------------------------------------------

def _scores_plainly(model: IntentModel, text: str) -> list[float]:
    """Round 28's walk: each known feature's two arrays zipped, products added label by label in the text's order."""
    vector = _weighted_plainly(features(text), model.idf)
    mass = sum(vector.values())
    scores = [b * mass for b in model.base]
    for f, x in vector.items():
        found = model.postings.get(f)
        if found is None:
            continue
        for i, w in zip(found[0], found[1], strict=True):
            scores[i] += x * w
    return scores


def test_every_score_is_the_arrays_walk_to_the_last_bit(texts: list[str], model: IntentModel) -> None:
    for text in texts:
        assert _bits(model.scores(text)) == _bits(_scores_plainly(model, text))


def test_a_long_letter_read_with_its_asking_sentences_scores_as_the_arrays_walk(model: IntentModel) -> None:
    letter = analyze("Nhà tôi ở xã miền núi, con cháu đi làm xa, tôi ở nhà một mình trông mấy sào ruộng với đàn gà. "
                     "Hôm trước cán bộ xã đến nhà bảo phải cài ứng dụng để làm giấy tờ cho tiện, tôi không rành "
                     "điện thoại lắm. Cho tôi hỏi tài khoản định danh điện tử mức 2 thì đăng ký ở đâu?").text
    asking = analyze("Cho tôi hỏi tài khoản định danh điện tử mức 2 thì đăng ký ở đâu?").text
    fast = model.read(letter, asking=asking)
    scores = [a + b * 0.5 for a, b in zip(_scores_plainly(model, letter), _scores_plainly(model, asking), strict=True)]
    best = max(scores)
    exps = [math.exp((s - best) / model.temperature) for s in scores]
    order = sorted(range(len(scores)), key=lambda i: (-scores[i], model.labels[i]))[:3]
    assert fast.entries == tuple(model.labels[i] for i in order)
    assert _bits(fast.probabilities) == _bits([exps[i] / sum(exps) for i in order])


def test_the_flat_postings_keep_every_index_and_weight_in_order() -> None:
    postings = {"w:x": (array("H", [2, 0]), array("f", [-1.5, 0.1])), "w:y": (array("H", [1]), array("f", [0.1])),
                "w:z": (array("H", []), array("f", []))}
    flat = paired(postings)
    assert flat == {"w:x": (2, -1.5, 0, float(array("f", [0.1])[0])), "w:y": (1, float(array("f", [0.1])[0])),
                    "w:z": ()}
    assert flat["w:x"][3] is flat["w:y"][1]  # an equal weight is one float object (memory: ~5,000 distinct weights)
    model = IntentModel(("a", "b", "c"), (0.0, 0.0, 0.0), {"w:x": 1.0, "w:y": 1.0, "w:z": 1.0}, postings)
    assert _bits(model.scores("x y z")) == _bits(_scores_plainly(model, "x y z"))
