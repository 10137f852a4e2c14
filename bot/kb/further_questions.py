"""The questions after the second of a message that asks three or more: each offered too, up to the quick-reply limit.

"Ai ra quyết định thành lập tổ, trong tổ gồm những ai, tổ làm những việc gì?" asks three things in turn. The reader
answers the first and offers the next (``bot.kb.several.first_answered``), and read only two of the questions
(``bot.kb.reading.MAX_READINGS``), so the third was never offered. Here, once the first question is answered with
confidence, every later question asked in turn — of the first one's sentence, or a sentence of its own ending on "?"
(a rambling message's context sentences that read as questions end on a full stop and are left) — is read alone and
its entry offered after the second's, in the message's order, up to ``SUGGESTIONS`` choices.

A later question's entry is offered where its own reading answers it with an entry of the first answer's topic, or of
another topic where it names a subject of its own (more than a short follow-up's few words, pointing back at
nothing); a short follow-up that names no subject ("Làm những việc gì?") asks of the first one's: only an entry of
the first answer's topic among its closest is offered (as ``several.first_answered`` offers an unsure second
question, review of round 15, M2). Cost: one search per later question, only for a message of three questions or
more whose first was answered, at most ``SUGGESTIONS`` - 1 of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence, Set
from dataclasses import replace
from typing import Protocol

from bot.kb.decision import NEAR_MISS, SUGGESTIONS
from bot.kb.loader import Entry
from bot.kb.message import Sentence, together
from bot.kb.several import SHORT_FOLLOW_UP, Decided
from bot.kb.texts import Texts
from bot.nlp.clauses import self_contained


class Deciding(Protocol):
    """What reading a later question needs of the knowledge base (``bot.kb.engine.KnowledgeBase``)."""

    by_id: dict[str, Entry]

    def decide(self, texts: Texts, text: str) -> Decided:
        """The decision on ``text``, one text of the message ``texts`` holds, and its ranked hits."""
        ...


def offered_too(kb: Deciding, texts: Texts, asks: Sequence[str], tried: Sequence[str],
                sentences: Mapping[str, Sentence | None], readings: Mapping[str, Decided],
                answered: tuple[Decided, Entry | None]) -> tuple[Decided, Entry | None]:
    """``answered`` (the first question's answer and the entry offered after it, ``several.first_answered``) with
    the entries of the message's later questions offered too, in order; unchanged where the message asks fewer than
    three questions, the first was not answered, or no later question adds an entry."""
    (result, hits), second = answered
    entry = kb.by_id.get(result.entry or "")
    if len(asks) < 3 or not tried or tried[0] != asks[0] or not result.confident or entry is None:
        return answered
    taken = {entry.id}
    chosen: list[Entry] = []
    for ask in asks[1:]:
        if len(chosen) >= SUGGESTIONS:
            break
        if second is not None and ask == tried[-1]:
            offered: Entry | None = second
        elif not asked_in_turn(asks[0], ask, sentences):
            continue
        else:
            reading = readings.get(ask) or kb.decide(texts, ask)
            offered = own_entry(ask, reading, entry.topic, taken)
        if offered is not None and offered.id not in taken:
            chosen.append(offered)
            taken.add(offered.id)
    if len(chosen) < 2:
        return answered  # nothing more than the one entry offered already
    with_them = replace(result, choices=[(e.title, e.title) for e in chosen], choice_entries=[e.id for e in chosen])
    return (with_them, hits), chosen[0]


def asked_in_turn(first: str, ask: str, sentences: Mapping[str, Sentence | None]) -> bool:
    """Whether ``ask`` is asked after ``first`` in turn: of the same sentence ending on "?" (``message.together``) or
    in a sentence of its own ending on "?"."""
    own = sentences.get(ask)
    return together(first, ask, sentences) or (own is not None and own.mark == "?")


def own_entry(ask: str, reading: Decided, topic: str, taken: Set[str] = frozenset()) -> Entry | None:
    """The entry to offer for the later question ``ask`` read alone (``reading``), the first answer being of
    ``topic``, none of ``taken`` (answered or offered already): its answer where of that topic or where ``ask``
    names its own subject, else the closest entry of that topic that explains part of it, else none."""
    result, hits = reading
    if not hits:
        return None
    top = hits[0].entry
    names_own = len(ask.split()) > SHORT_FOLLOW_UP and self_contained(ask)
    if result.confident and (top.topic == topic or names_own) and top.id not in taken:
        return top
    return next((h.entry for h in hits[:SUGGESTIONS]
                 if h.entry.topic == topic and h.coverage > NEAR_MISS and h.entry.id not in taken), None)
