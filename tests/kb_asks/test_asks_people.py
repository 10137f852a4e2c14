"""Facts of people and offices asked (bot.kb.asks.people): a phone number asked with "where". Look-alikes written for
these tests in the session-14 writers' registers, not copied from a dev set (the other kinds of the family are
tested in tests/test_kb_asks.py).
"""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.asks import asked
from bot.nlp.normalize import analyze


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


@pytest.mark.parametrize(("question", "kind"), [
    ("số điện thoại của Bộ Khoa học và Công nghệ ở đâu vậy", "phone"),
    ("đường dây nóng của Cục Chuyển đổi số quốc gia tìm ở đâu", "phone"),
])
def test_a_phone_number_asked_with_where_is_not_answered(real_kb: KnowledgeBase, question: str, kind: str) -> None:
    assert kind in kinds(question)
    answer = real_kb.answer(question)
    assert not answer.confident, answer.entry
