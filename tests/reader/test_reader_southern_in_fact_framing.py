"""Southern "thiệt ra" is "thật ra" (in fact): framing, not topic (``bot.nlp.dialect``).

Read as typed, its "thiệt" (as in "thiệt hại", a loss) pulled "Thiệt ra chuyển đổi số là gì" to the entry on what
digital transformation brings people, confidently; "thiệt" alone stays as typed ("thiệt hại", "thiệt thòi")."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.nlp.dialect import standardize

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question", [
    "Thiệt ra chuyển đổi số là gì vậy ad?",
    "thiet ra chuyen doi so la gi z",
    "Tui nghe mấy đứa nhỏ nói hoài mà hổng hiểu. Thiệt ra chuyển đổi số là gì?",
])
def test_in_fact_framing_leaves_the_definition_asked(real_kb: KnowledgeBase, question: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == "cds-la-gi"


def test_thiet_ra_is_that_ra_and_thiet_alone_stays() -> None:
    assert standardize("Thiệt ra cds là gì") == "thật ra cds là gì"
    assert standardize("thiệt hại do lừa đảo qua mạng") == "thiệt hại do lừa đảo qua mạng"
    assert standardize("vùng sâu chịu thiệt thòi ra sao") == "vùng sâu chịu thiệt thòi ra sao"
