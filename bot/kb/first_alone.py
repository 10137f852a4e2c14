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

from bot.kb.decision import ambiguous
from bot.kb.index import Hit
from bot.kb.several import Decided, names_itself
from bot.kb.texts import Texts
from bot.kb.years import two_years
from bot.nlp.clauses import self_contained


class Deciding(Protocol):
    """What deciding a text needs (``bot.kb.engine.KnowledgeBase.decide``)."""

    messages: dict[str, str]

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
    if two_years(tried[0]) is not None:
        return  # two years asked side by side are two questions (bot.kb.several.years_apart reads them unsure)
    alone = texts.read_alone(tried[0], lambda: kb.decide(texts, tried[0], first[1]))
    if alone[0].confident and alone[0].entry != last[0].entry:
        readings[tried[0]] = alone
        if not of_one_talk(alone, last):
            # review of round 20, M2: its own entry is not the last question's answer; unsure, it is offered only
            # an entry of the first answer's topic (``bot.kb.several.first_answered``)
            readings[tried[-1]] = ambiguous(last[1], kb.messages, last[0].normalized, last[0].margin), last[1]


def of_one_talk(first: Decided, last: Decided) -> bool:
    """Whether the last question's entry may follow the first's answer (review of round 20, M2): it is of the
    same topic ("Tổ làm những việc gì, tổ gồm những ai?"), or the last question names its own subject
    (``bot.kb.several.names_itself``: "…, VNeID là gì?"). A follow-up naming none ("Đề án 06 triển khai giai đoạn
    nào, mục tiêu là gì ạ?") found another subject's entry (the national programme's goals): its button would be
    on the wrong subject, so it is read unsure and only an entry of the first answer's topic is offered."""
    first_hits, last_hits = first[1], last[1]
    if not first_hits or not last_hits:
        return False
    own = next((h.entry for h in first_hits if h.entry.id == first[0].entry), first_hits[0].entry)
    return last_hits[0].entry.topic == own.topic or names_itself(last_hits[0])
