"""The trained intent reader (bot/kb/intent_model.py, round 8): its committed data and weights are what the tools
make, it loads with the KB, reads a question however it is typed, and only ever adds answers the floors allow."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.kb import KnowledgeBase
from bot.kb.decision import CONFIDENT_P, decide
from bot.kb.index import Hit
from bot.kb.intent_model import (
    INTENT_AGREE,
    NOTHING,
    OUTSIDE,
    RESCUE_COVERAGE,
    RESCUE_P,
    Reading,
    agrees,
    features,
    load_intent_model,
    parse,
)
from tools import intent_data, intent_train

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    return real_kb


def test_the_committed_examples_are_what_the_tool_derives(kb: KnowledgeBase) -> None:
    assert intent_data.OUTPUT.read_text(encoding="utf-8") == intent_data.render(kb)


def test_the_committed_weights_are_what_the_tool_trains(kb: KnowledgeBase) -> None:
    assert intent_train.DEFAULT_MODEL.read_text(encoding="utf-8") == intent_train.render(kb)


def test_no_test_split_and_no_dev8_is_in_the_training_data() -> None:
    sets = {p.stem for p in intent_data.SETS}
    assert "questions" in sets and "dev7" in sets
    held = ("test", "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18",
            "dev19", "dev20", "dev21", "dev22", "dev23", "dev24", "dev25", "dev26", "dev27", "dev28", "dev29", "dev30",
            "dev31", "dev32", "dev33", "dev34")
    assert not any(s.startswith(held) for s in sets)


def test_the_model_loads_with_the_kb_and_names_only_its_entries(kb: KnowledgeBase) -> None:
    assert kb.intent is not None
    assert set(kb.intent.labels) <= {*kb.by_id, OUTSIDE}
    assert OUTSIDE in kb.intent.labels  # the dev sets' off-topic questions are a class of their own
    assert len(kb.intent.labels) == len(kb.intent.base)


@pytest.mark.parametrize(("question", "entry"), [
    ("Ngày Chuyển đổi số quốc gia là ngày nào?", "ngay-cds-la-ngay-nao"),
    ("ngay cds la ngay may z ad", "ngay-cds-la-ngay-nao"),  # teencode, no marks
    ("ngay2 chuyeenr ddooir soos laf ngay2 naof", "ngay-cds-la-ngay-nao"),  # Telex typed raw
    ("chu ky so la j z ad", "chu-ky-so-la-gi"),
    ("to cong nghe so la j z", "tcns-la-gi"),
])
def test_a_question_however_typed_reaches_its_entry(kb: KnowledgeBase, question: str, entry: str) -> None:
    assert kb.intent is not None
    text = kb.search(question, k=1)[0].entry.id  # the ranker agrees, so the question is read as the engine reads it
    assert text == entry
    from bot.nlp.dialect import standardize
    from bot.nlp.normalize import analyze

    reading = kb.intent.read(analyze(standardize(question, kb.index.known_pair)).text)
    assert reading.top == entry
    assert 0.0 < reading.p <= 1.0 and list(reading.probabilities) == sorted(reading.probabilities, reverse=True)


def test_features_follow_the_text_and_nothing_else() -> None:
    found = features("ngay cds")
    assert list(found)[:3] == ["w:ngay", "w:cds", "b:ngay_cds"]
    assert found["c: ng"] == 1 and "c:ay c" in found
    assert features("") == {}


def test_a_dumped_model_reads_back_the_same(kb: KnowledgeBase) -> None:
    assert kb.intent is not None
    text = intent_train.DEFAULT_MODEL.read_text(encoding="utf-8")
    again = parse(text)
    assert again.labels == kb.intent.labels
    assert again.scores("chu ky so la gi") == kb.intent.scores("chu ky so la gi")


def test_no_weights_file_means_no_reader(tmp_path: Path) -> None:
    assert load_intent_model(tmp_path / "missing.tsv") is None
    assert NOTHING.top is None and NOTHING.p == 0.0


def _hits(kb: KnowledgeBase, **top: float) -> list[Hit]:
    """A clear top hit the floors allow, with a weak runner-up (the decision's model gives it a middling p)."""
    first, second = kb.by_id["vneid-la-gi"], kb.by_id["de-an-06-la-gi"]
    return [Hit(first, 1.6, 0.7, 0.5, 0.5, 0.3, match=0.5, **top), Hit(second, 1.2, 0.4, 0.3, 0.3, 0.2, match=0.3)]


def test_agreement_needs_the_same_entry_a_clear_reading_and_a_likely_answer(kb: KnowledgeBase) -> None:
    top = _hits(kb)[0]
    sure = Reading(("vneid-la-gi", "de-an-06-la-gi"), (INTENT_AGREE, 0.05))
    assert agrees(top, RESCUE_P, lambda: sure)
    assert not agrees(top, RESCUE_P - 0.01, lambda: sure)
    assert not agrees(dataclasses.replace(top, coverage=RESCUE_COVERAGE - 0.01), 0.99, lambda: sure)
    assert not agrees(top, 0.99, lambda: Reading(("vneid-la-gi",), (INTENT_AGREE - 0.01,)))
    assert not agrees(top, 0.99, lambda: Reading(("de-an-06-la-gi", "vneid-la-gi"), (0.99, 0.01)))
    assert not agrees(top, 0.99, lambda: NOTHING)


def test_the_reader_never_overrides_a_floor(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    """Agreement answers in place of the model's threshold only: too little of the question in the entry, or a
    look-alike of the out-of-scope class, stays unanswered however sure the reader is."""
    from bot.kb import decision

    monkeypatch.setattr(decision, "probability", lambda _hits: (RESCUE_P + CONFIDENT_P) / 2)
    sure = Reading(("vneid-la-gi",), (1.0,))
    assert decide(_hits(kb), kb.messages, "vneid la gi", [], intent=lambda: sure).confident
    assert not decide(_hits(kb), kb.messages, "vneid la gi", []).confident
    thin = _hits(kb)
    thin[0] = dataclasses.replace(thin[0], coverage=0.3)
    assert not decide(thin, kb.messages, "vneid la gi", [], intent=lambda: sure).confident
    outside = _hits(kb)
    outside[0] = dataclasses.replace(outside[0], outside=0.9, oos=1.0)
    assert not decide(outside, kb.messages, "vneid la gi", [], intent=lambda: sure).confident


def test_training_is_the_same_under_another_hash_seed(kb: KnowledgeBase) -> None:
    """The weights file is rebuilt in a process with another PYTHONHASHSEED and compared by the tool itself."""
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run([sys.executable, "-m", "tools.intent_train", "--check"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
