"""Readers that run only behind a cheap trigger (latency): the work they skip is counted, never timed.

The stop phrases of a message are compared only with those its syllables start (``bot.kb.lexicon._phrases``), a
citation's lead ("theo / nghe") is folded alone before the citation's words are (``bot.kb.citations``), the
questions without afterthoughts are read again only where a clause after the first is told vaguely
(``bot.kb.reading``), a text typed without marks is not decomposed to strip none (``bot.nlp.syllables``), and two
years side by side are looked for only in a text with the digits of two years (``bot.kb.years``). What each
decides is unchanged: ``tools/qa_dump`` (and ``--synthetic``) prints the same before and after.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.kb import KnowledgeBase, citations, lexicon, reading, years
from bot.nlp import syllables
from bot.nlp.normalize import analyze


def _counting(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[tuple[Any, ...]]:
    """Replace ``module.name`` with a wrapper that records each call's arguments; the list of calls."""
    calls: list[tuple[Any, ...]] = []
    real: Callable[..., Any] = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return calls


class _Looked(dict):  # type: ignore[type-arg]
    """A dict that records the keys looked up."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.looked: list[str] = []

    def __getitem__(self, key: str) -> Any:
        self.looked.append(key)
        return super().__getitem__(key)


class _NotIterated(list):  # type: ignore[type-arg]
    def __iter__(self) -> Any:
        raise AssertionError("every stop phrase compared")


def test_stop_phrases_compared_only_with_those_the_message_starts(monkeypatch: pytest.MonkeyPatch) -> None:
    message = analyze("cho hỏi chuyển đổi số là gì vậy")
    expected = lexicon._phrases(message)
    assert expected  # "cho hỏi" is a stop phrase
    by_start = _Looked(lexicon._PHRASES_BY_START)
    monkeypatch.setattr(lexicon, "_PHRASES_BY_START", by_start)
    monkeypatch.setattr(lexicon, "_PHRASES", _NotIterated(lexicon._PHRASES))
    assert lexicon._phrases(message) == expected
    heads = {u.alts[0][0] for u in message.units if len(u.alts[0]) == 1}
    assert by_start.looked and set(by_start.looked) <= heads
    assert len(by_start.looked) == len(set(by_start.looked))  # each start's phrases once


def test_stop_phrases_grouped_by_start_are_all_the_phrases() -> None:
    grouped = [p for group in lexicon._PHRASES_BY_START.values() for p in group]
    assert sorted(grouped) == sorted(lexicon._PHRASES)
    assert all(p[0][0] == head for head, group in lexicon._PHRASES_BY_START.items() for p in group)


@pytest.mark.parametrize("message", [
    "Chuyển đổi số là gì và người dân được lợi gì từ đó vậy ạ",
    "hom nay cho minh hoi vneid dang ky o dau vay ad",
])
def test_a_message_without_a_citation_folds_only_its_lead(monkeypatch: pytest.MonkeyPatch, message: str) -> None:
    folds = _counting(monkeypatch, citations, "fold")
    assert citations.without_citation(message) is None
    assert len(folds) <= 3  # the first word, and the third after "hôm nay / sáng qua …"; not the first eleven


def test_a_citation_is_still_taken_out(monkeypatch: pytest.MonkeyPatch) -> None:
    rest = citations.without_citation("Theo loa xã thông báo thì tổ công nghệ số cộng đồng làm những việc gì?")
    assert rest is not None and rest.startswith("tổ công nghệ số")
    assert citations.without_citation("Hôm qua nghe đài nói là VNeID có thêm tính năng mới à?") is not None


def test_questions_read_once_without_a_vague_afterthought(monkeypatch: pytest.MonkeyPatch,
                                                          real_kb: KnowledgeBase) -> None:
    message = "Tôi ở Nghệ An. Ngày chuyển đổi số quốc gia là ngày nào? Năm nay tổ chức ở đâu?"
    expected = real_kb.answer(message)
    calls = _counting(monkeypatch, reading, "questions")
    again = real_kb.answer(message)
    assert len(calls) == 1  # two before: with and without afterthoughts, alike here
    assert (again.kind, again.entry, again.choice_entries) == (expected.kind, expected.entry, expected.choice_entries)


def test_questions_read_again_with_a_vague_afterthought(monkeypatch: pytest.MonkeyPatch,
                                                        real_kb: KnowledgeBase) -> None:
    calls = _counting(monkeypatch, reading, "questions")
    real_kb.answer("chuyen doi so la gi vay, minh dang tim hieu, nghe noi truoc tien la phai chuyen doi cai gi do")
    assert len(calls) == 2  # with and without the afterthought (bot.kb.afterthoughts)


def test_a_text_without_marks_is_not_decomposed(monkeypatch: pytest.MonkeyPatch) -> None:
    forms: list[str] = []
    real = syllables.unicodedata.normalize

    class _Unicodedata:
        combining = staticmethod(syllables.unicodedata.combining)

        @staticmethod
        def normalize(form: str, text: str) -> str:
            forms.append(form)
            return real(form, text)

    monkeypatch.setattr(syllables, "unicodedata", _Unicodedata)
    assert syllables.fold("Chuyen doi so LA GI?") == "chuyen doi so la gi"
    assert "NFD" not in forms
    forms.clear()
    assert syllables.fold("Chuyển đổi số là gì?") == "chuyen doi so la gi"
    assert "NFD" in forms
    assert syllables.strip_marks("Đề án 06") == "De an 06"


def test_two_years_looked_for_only_with_the_digits_of_two(monkeypatch: pytest.MonkeyPatch) -> None:
    folds = _counting(monkeypatch, years, "fold")
    assert years.two_years("Mục tiêu năm 2025 là gì?") is None
    assert years.two_years("VNeID là gì") is None
    assert folds == []
    assert years.two_years("Mục tiêu năm 2025 và 2030 khác nhau thế nào?") == ("2025", "2030")
    assert years.two_years("Giai đoạn 2021-2025 làm được gì?") is None  # a range
    assert len(folds) == 1


def test_hints_searched_as_one_expression_compiled_once() -> None:
    """``bot.kb.asks.patterns.hinted``: one search of the hints as alternatives finds one where a plain substring
    test over them does, on the dev splits' messages and the families' own hint tuples; each tuple compiled once."""
    import importlib
    import pkgutil

    from bot.kb import asks
    from bot.kb.asks import patterns
    from bot.kb.evaluate import load_cases
    from bot.nlp.normalize import fold

    tuples = []
    for info in pkgutil.iter_modules(asks.__path__):
        module = importlib.import_module(f"bot.kb.asks.{info.name}")
        tuples += [v for k, v in vars(module).items() if k.isupper() and isinstance(v, tuple)
                   and v and all(isinstance(h, str) for h in v)]
    assert len(tuples) >= 10
    blind = Path(__file__).parent / "eval" / "blind"
    texts = [fold(c.question) for name in ("dev.toml", "dev2.toml") for c in load_cases(blind / name)]
    texts += ["", "theo", "giai thich", "so dt cua tong dai"]
    for hints in tuples:
        for text in texts:
            assert patterns.hinted(text, hints) == any(h in text for h in hints), (text, hints)
    misses = patterns._any_of.cache_info().misses
    for hints in tuples:
        patterns.hinted(texts[0], hints)
    assert patterns._any_of.cache_info().misses == misses
