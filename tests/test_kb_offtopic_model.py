"""The trained off-topic model (bot/kb/offtopic_model.py, content/out_of_scope_model.json, round 8): it loads,
reads the same whatever the hash seed, refuses look-alikes nobody trained it on, never takes an entry's own
title or question, and the committed weights are exactly what tools/train_offtopic.py writes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.kb import KnowledgeBase, decision
from bot.kb.offtopic_model import DEFAULT_MODEL, Model, load_model

ROOT = Path(__file__).resolve().parent.parent

# Written for this test, in my own words (none is in a dev set, the class or the training data): the channel's
# words ("VNeID", "căn cước", "chuyển đổi số", a minister, 10/10) around a request the KB does not answer.
LOOK_ALIKES = [
    "Tài khoản VNeID có dùng để chơi game được không?",
    "Căn cước gắn chip có chống nước không?",
    "Chuyển đổi số có làm giá vàng tăng không?",
    "Số hóa hồ sơ đất đai rồi thì sổ đỏ có mất giá không?",
    "Ứng dụng VNeID có xem được bói tử vi không?",
    "Cổng dịch vụ công có bán vé máy bay không?",
    "Kinh tế số có giúp tôi trúng xổ số không?",
    "VNeID có nhắc lịch uống thuốc cho người già không?",
    "Thẻ căn cước có dùng để rút tiền ở cây ATM được không?",
    "Ngày 10 tháng 10 học sinh có được nghỉ học không?",
    "Bộ trưởng Bộ Khoa học và Công nghệ thích ăn món gì?",
    "Ngày 10 tháng 10 có phát quà cho học sinh không?",
]
# ... of which the engine answered these with confidence before the model (a topic entry, wrongly)
# ("… thích ăn món gì?" left this list in round 24: bot.kb.own_subject refuses it before the model is read)
# (round 25: "… học sinh có được nghỉ học không?", "… có hay đá bóng không?" and "… có nuôi chó không?" left this
# list: bot.kb.asks.elsewhere reads a day off and a person's pastimes, which refuses them before the model is read; a
# gift handed out on the day is no kind of that family, and only the model refuses it)
ANSWERED_WITHOUT = {"Ngày 10 tháng 10 có phát quà cho học sinh không?"}


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    return real_kb


def test_the_committed_model_loads() -> None:
    model = load_model()
    assert model is not None and len(model.weights) > 1000 and "bias" in model.weights
    assert load_model(ROOT / "no-such-file.json") is None


def test_the_real_kb_reads_it(kb: KnowledgeBase) -> None:
    assert kb.index.outside is not None and kb.index.outside.model is not None


@pytest.mark.parametrize("question", LOOK_ALIKES)
def test_a_look_alike_is_refused(kb: KnowledgeBase, question: str) -> None:
    answer = kb.answer(question)
    assert not answer.confident, (question, answer.entry)


@pytest.mark.parametrize("question", sorted(ANSWERED_WITHOUT))
def test_the_model_is_what_refuses_them(kb: KnowledgeBase, question: str) -> None:
    """With the model the chat says "outside the channel's topics" with buttons; without it, a topic entry
    answered (so the test fails if the model stops mattering)."""
    answer = kb.answer(question)
    assert answer.out_of_scope and answer.text.startswith(kb.messages["outside"]) and answer.choices
    outside = kb.index.outside
    assert outside is not None
    model, outside.model = outside.model, None
    try:
        assert kb.answer(question).confident
    finally:
        outside.model = model


def test_no_entry_title_or_question_is_refused_by_the_model(kb: KnowledgeBase) -> None:
    """Read as a question, no entry's own title or question reaches the model's threshold over the entry the
    ranker puts first (the exact-phrasing path answers them anyway: this checks the model itself)."""
    refused = []
    for entry in kb.entries:
        for text in (entry.title, *entry.questions):
            hits = kb.search(text)
            if hits and decision.trained_outside(hits[0]):
                refused.append((entry.id, text, round(hits[0].trained, 3)))
            assert kb.answer(text).confident, text
    assert not refused


def test_same_probabilities_whatever_the_hash_seed() -> None:
    """Features are sorted and summed in order, the fit shuffles with its own seeded generator: the same
    probabilities and the same weights under two PYTHONHASHSEEDs."""
    script = (
        "import json;from bot.kb import load_kb;from tools.train_offtopic import Example, fit, render\n"
        "kb = load_kb()\n"
        "qs = ['Căn cước gắn chip có chống nước không?', 'ngay chuyen doi so la ngay nao', 'VNeID là gì']\n"
        "ps = [round(kb.search(q)[0].trained, 12) for q in qs]\n"
        "ex = [Example('a', i % 2, (tuple(sorted({f'w:{i % 7}', f'w:{i % 5}', 'bias'})),), str(i))\n"
        "      for i in range(60)]\n"
        "print(json.dumps([ps, render(fit(ex, epochs=3))]))\n")
    outputs = {subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outputs) == 1
    assert json.loads(next(iter(outputs)))[0][0] > decision.OOS_TRAINED


def test_a_model_is_a_pure_function_of_its_weights() -> None:
    model = Model({"bias": -1.0, "w:ve": 3.0})
    assert model.score(["bias", "w:ve", "w:unknown"]) == 2.0


@pytest.mark.timeout(900)  # the engine reads every training message: ~1 minute alone, several on a loaded host
def test_the_committed_weights_are_what_the_tool_writes() -> None:
    """``content/out_of_scope_model.json`` is derived from the tuning sets by ``tools/train_offtopic.py``: the
    runtime never reads tests/. ~1 minute (the engine reads ~6,400 messages)."""
    done = subprocess.run([sys.executable, "-m", "tools.train_offtopic", "--check"], cwd=ROOT, capture_output=True,
                          text=True)
    assert done.returncode == 0, done.stderr
    assert DEFAULT_MODEL.is_file()
