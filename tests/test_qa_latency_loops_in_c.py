"""Per-message loops that ran a Python step per item now run in C, with the same result (latency: counted in calls).

Every message pays for them: stripping the marks of a marked text (a generator step and a ``combining`` call per
character), the off-topic model's and the out-of-scope classifier's sums (a generator step per word), whether a
question is typed with marks (one per syllable), the decision's logistic sum (one per feature), counting each
candidate's shared phrasings (``Counter``'s constructor around the C loop), looking for a document's number (one
per character) and reading whether a question names what it asks (two calls per word). The work is counted with
``cProfile`` (calls, whatever the host's load), never timed; each result is compared with the plain computation.
``tools/qa_dump`` (and ``--synthetic``) prints the same before and after.
"""

from __future__ import annotations

import cProfile
import math
import pstats
import random
import unicodedata
from collections import Counter
from collections.abc import Callable
from itertools import chain
from typing import Any

import pytest

from bot.kb import decision, lexicon, signals
from bot.kb.asks import documents
from bot.kb.offtopic_model import Model
from bot.kb.outside import Outside
from bot.nlp import clauses, syllables
from bot.nlp.normalize import analyze

MARKED = "Cho mình hỏi chương trình chuyển đổi số quốc gia đặt mục tiêu gì đến năm 2030 ạ, Đề án 06 thì sao"
LONG_UNMARKED = ("cho minh hoi la chuong trinh chuyen doi so quoc gia co nhung muc tieu gi va ai la nguoi chiu "
                 "trach nhiem thuc hien o dia phuong minh vay a em cam on nhieu")


def _calls(fn: Callable[..., Any], *args: Any) -> tuple[int, Any]:
    """(function calls cProfile counts during ``fn(*args)``, its result)."""
    profile = cProfile.Profile()
    result = profile.runcall(fn, *args)
    return pstats.Stats(profile).total_calls, result  # type: ignore[attr-defined]


def _strip_marks_plainly(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped.replace("đ", "d").replace("Đ", "D"))


def test_strip_marks_runs_no_step_per_character() -> None:
    syllables.strip_marks(MARKED)  # the characters met once are remembered
    calls, stripped = _calls(syllables.strip_marks, MARKED)
    assert stripped == _strip_marks_plainly(MARKED)
    assert calls < 12 < len(MARKED)


def test_strip_marks_deletes_exactly_the_combining_marks() -> None:
    rng = random.Random(7)
    pools = [(0x20, 0x250), (0x300, 0x370), (0x1E00, 0x1F00), (0x0591, 0x05C8), (0x2000, 0x2100), (0x1F300, 0x1F400)]
    for _ in range(3000):
        text = "".join(chr(rng.randrange(*rng.choice(pools))) for _ in range(rng.randrange(1, 10)))
        assert syllables.strip_marks(text) == _strip_marks_plainly(text), ascii(text)


def test_strip_marks_remembers_only_the_common_code_points() -> None:
    syllables.strip_marks("\u0E01\u0E34 \U0001F600\u20D0 \u2003")
    assert all(code < syllables._KEPT_BELOW for code in syllables._WITHOUT_MARKS)


def test_sums_over_words_run_no_step_per_word() -> None:
    qv = lexicon.view(analyze(LONG_UNMARKED))
    words = sorted(qv.required | qv.optional)
    assert len(words) > 15
    weights = {w: 0.1 * i - 0.7 for i, w in enumerate(words) if i % 3}
    model = Model({**weights, "bias": 0.3})
    names = ["bias", *words, "unknown"]
    calls, z = _calls(model.score, names)
    assert z == sum(model.weights.get(n, 0.0) for n in names)  # the same additions in the same order
    assert calls < 5
    outside = object.__new__(Outside)
    outside.weights = weights
    calls, p = _calls(outside.probability, qv)
    z = sum(weights.get(t, 0.0) for t in words)
    assert p == 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    assert calls < 10


def test_accented_counts_marks_without_a_step_per_syllable() -> None:
    for text, typed_with_marks in ((MARKED, True), (LONG_UNMARKED, False)):
        analysis = analyze(text)
        calls, result = _calls(lexicon.accented, analysis)
        assert result is typed_with_marks
        assert calls < 8 < len(analysis.units)


def test_decision_probability_sums_its_features_in_c(monkeypatch: pytest.MonkeyPatch) -> None:
    values = [0.25 * (i % 5) - 0.4 for i in range(len(decision.WEIGHTS))]
    monkeypatch.setattr(decision, "features", lambda hits: values)
    calls, p = _calls(decision.probability, [])
    z = sum(w * x for w, x in zip(decision.WEIGHTS, values, strict=True))
    assert p == 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
    assert calls < 10 < len(values)
    monkeypatch.setattr(decision, "features", lambda hits: values[:-1])
    with pytest.raises(ValueError):
        decision.probability([])  # a feature without its weight is still an error


def test_shared_phrasings_are_counted_into_a_plain_dict() -> None:
    postings = [(0, 2, 5), (2, 3), (5, 0, 9, 2)]
    calls, counted = _calls(signals._counted, postings)
    assert type(counted) is dict
    assert list(counted.items()) == list(Counter(chain.from_iterable(postings)).items())  # first-seen order
    assert calls <= 4  # the function, from_iterable, _count_elements and the profiler's own


def test_a_question_without_digits_names_no_document_in_few_calls() -> None:
    folded = syllables.fold(LONG_UNMARKED)
    calls, named = _calls(documents._asks_document, folded)
    assert named == frozenset()
    assert calls < 5 < len(folded)
    assert documents._asks_document("nghi dinh so 13 quy dinh gi") == frozenset({"document:13"})
    assert documents._asks_document("luat ²³ nao") == frozenset()  # digits that are no \d name nothing either


def test_self_contained_normalizes_a_clause_once() -> None:
    clause = "Ứng dụng ĐÓ do cơ quan nào phát triển và quản lý vậy ạ"
    calls, result = _calls(clauses.self_contained, clause)
    assert result is False  # "ĐÓ" points back, whatever its case
    assert calls < 2 * len(clause.split())
    assert clauses.self_contained("Ứng dụng VNeID do cơ quan nào phát triển") is True
    assert clauses.self_contained("cái còn lại là gì") is False


def test_hint_filters_search_their_hints_at_once() -> None:
    from bot.kb.asks import hours_by_day, patterns, world

    hours_by_day.asked_hours(LONG_UNMARKED)
    calls, hours = _calls(hours_by_day.asked_hours, LONG_UNMARKED)
    assert hours == frozenset()
    assert calls < 6 < len(hours_by_day._HINTS)
    assert hours_by_day.asked_hours("ubnd xa co lam viec thu 7 khong") == frozenset({"hours"})
    for hints in (hours_by_day._HINTS, world._HINTS, world._EVENT_HINTS):
        for text in (LONG_UNMARKED, MARKED.lower(), "mưa bão ở đâu", " dau", "", "thu 7 co lam khong"):
            assert patterns.any_substring(text, hints) == any(h in text for h in hints)
