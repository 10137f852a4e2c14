"""The first of two questions read as though it were sent alone, where the message reads it unsure.

The trained intent reader (``bot.kb.intent_model``) reads only the whole message (``Texts.intent``): it learned whole
messages, and a context sentence read alone is no question it knows. Sent alone, "Tổ làm những việc gì?" is
answered (the ranker is not sure enough, the reader agrees); as the first of two questions ("Tổ làm những việc gì, tổ
gồm những ai?") the same clause, with the same hits, was left "Ý bạn là…?" while the second was answered, so the
second question was answered first and the first only offered (review of round 19, M1). Issue 12's rule is to
answer the first question and offer the next: where the first asking clause of two is read "ambiguous" and the
next one is answered, the first is decided again with the reader reading it as the message it would have been
alone. The floors and the ranking are those of the first reading (its hits are reused: no search), and a context
sentence is no asking clause here (``bot.kb.message.questions`` dropped the story before). Runs only on that case.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.kb.index import Hit
from bot.kb.several import Decided
from bot.kb.texts import Texts
from bot.nlp.clauses import self_contained


class Deciding(Protocol):
    """What deciding a text needs (``bot.kb.engine.KnowledgeBase.decide``)."""

    def decide(self, texts: Texts, text: str, hits: list[Hit] | None = None, exact: bool = True) -> Decided:
        """The decision on ``text``, one text of the message ``texts`` holds, and its ranked hits."""
        ...


def first_read_alone(kb: Deciding, texts: Texts, tried: Sequence[str], readings: dict[str, Decided]) -> None:
    """Decide the first of the ``tried`` questions again as though sent alone (see the module), in ``readings``,
    where it was read unsure, names its own subject, and the last question was answered by another entry."""
    if len(tried) < 2:
        return
    first, last = readings[tried[0]], readings[tried[-1]]
    if first[0].kind != "ambiguous" or not last[0].confident or not first[1] or not self_contained(tried[0]):
        return
    alone = texts.read_alone(tried[0], lambda: kb.decide(texts, tried[0], first[1]))
    if alone[0].confident and alone[0].entry != last[0].entry:
        readings[tried[0]] = alone
