"""What people often say, before the question ("Người ta hay nói chuyển đổi số trước tiên là chuyển đổi cái gì?"):
hearsay like "nghe nói", scaffolding of the question (``bot.kb.lexicon.STOP_PHRASES``), not its subject."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.lexicon import scaffolding
from bot.nlp.normalize import analyze, fold

pytestmark = pytest.mark.unit


def _scaffolded(text: str) -> list[str]:
    analysis = analyze(text)
    return [analysis.units[i].tokens[0] for i in sorted(scaffolding(analysis))]


@pytest.mark.parametrize("text", [
    "Người ta hay nói chuyển đổi số là gì", "người ta thường bảo VNeID là gì", "nguoi ta van noi cds la gi",
    "Người ta cứ nói ngày 10/10 là ngày gì",
])
def test_what_people_often_say_is_scaffolding(text: str) -> None:
    assert _scaffolded(text)[:4] == [fold(w) for w in text.split()[:4]]


def test_saying_without_people_is_a_word() -> None:
    assert "noi" not in _scaffolded("Chuyển đổi số hay nói về cái gì")


def test_the_first_of_two_questions_after_what_people_say_is_answered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Người ta hay nói chuyển đổi số trước tiên là chuyển đổi cái gì vậy anh chị? Còn chữ ký "
                            "số là gì?")
    assert answer.confident and answer.entry == "cds-bat-dau-tu-nhan-thuc"
    assert answer.choice_entries == ["chu-ky-so-la-gi"]
