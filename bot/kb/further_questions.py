"""The questions after the second of a message that asks three or more: each offered too, up to the quick-reply limit.

"Ai ra quyết định thành lập tổ, trong tổ gồm những ai, tổ làm những việc gì?" asks three things in turn. The reader
answers the first and offers the next (``bot.kb.several.first_answered``), and read only two of the questions
(``bot.kb.reading.MAX_READINGS``), so the third was never offered. Here, once the first question is answered with
confidence, every later question asked in turn — of the first one's sentence, or a sentence of its own ending on "?"
that asks by a question word or is a short follow-up (the asker's story and complaints are often typed with "?" as
well: "Con tôi hỏi mà tôi không trả lời được?" is left) — is read alone and its entry offered, in the message's
order, up to ``SUGGESTIONS`` choices. The entry ``first_answered`` offers is kept for the question it read only
where it is that question's own reading's best entry (it may be the whole message's next entry, review 18, M1).

A later question's entry is offered where its own reading answers it with an entry of the first answer's topic, or of
another topic where it names a subject of its own (more than a short follow-up's few words, pointing back at
nothing). Otherwise, as ``several.first_answered`` offers an unsure second question (review of round 15, M2; review
18, M2): never for a reading of nothing (``unknown``), only its closest entry of the first answer's topic that the
whole message points at too, and none where two of them tie. A later question whose best entry is answered or offered
already gets none. Cost: one search per later question read (the first two are read already), only for a message of
three questions or more whose first was answered, stopping once ``SUGGESTIONS`` entries are chosen.
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
from bot.nlp.clauses import asks_by_itself, self_contained

# two entries of one topic this close in coverage explain an unsure later question alike: neither is offered
_TIED = 0.02


class Deciding(Protocol):
    """What reading a later question needs of the knowledge base (``bot.kb.engine.KnowledgeBase``)."""

    by_id: dict[str, Entry]

    def decide(self, texts: Texts, text: str) -> Decided:
        """The decision on ``text``, one text of the message ``texts`` holds, and its ranked hits."""
        ...


def offered_too(kb: Deciding, texts: Texts, asks: Sequence[str], tried: Sequence[str],
                sentences: Mapping[str, Sentence | None], readings: Mapping[str, Decided],
                answered: tuple[Decided, Entry | None], whole: Decided) -> tuple[Decided, Entry | None]:
    """``answered`` (the first question's answer and the entry offered after it, ``several.first_answered``) with
    the entries of the message's later questions offered too, in order; unchanged where the message asks fewer than
    three questions, the first was not answered, or fewer than two later questions add an entry (the one entry
    ``answered`` offers, or none where it offers none on purpose: one fact of two years, a follow-up borrowing
    another subject, stays so). ``whole`` is the whole message's reading: an entry not answering its question
    outright is offered only where the whole message agrees (among its first ``SUGGESTIONS``)."""
    (result, hits), second = answered
    entry = kb.by_id.get(result.entry or "")
    if len(asks) < 3 or not tried or tried[0] != asks[0] or not result.confident or entry is None:
        return answered
    near = frozenset([h.entry.id for h in whole[1] if h.entry.id != entry.id][:SUGGESTIONS])
    taken = {entry.id}
    chosen: list[Entry] = []
    for ask in asks[1:]:
        if len(chosen) >= SUGGESTIONS:
            break
        own_reading = readings.get(ask)
        if second is not None and ask == tried[-1] and own_reading is not None and own_reading[1] \
                and own_reading[1][0].entry.id == second.id:
            offered: Entry | None = second  # review 18, M1: the second's entry only where it is its own reading's
        elif second is None and ask == tried[-1] and own_reading is not None \
                and entry.id in {h.entry.id for h in own_reading[1][:SUGGESTIONS]}:
            continue  # answered with the first on purpose ("… 2025 …? … 2030 thì sao?": an entry states both)
        elif not asked_in_turn(asks[0], ask, sentences):
            continue
        else:
            reading = own_reading or kb.decide(texts, ask)
            offered = own_entry(ask, reading, entry.topic, taken, near)
        if offered is not None and offered.id not in taken:
            chosen.append(offered)
            taken.add(offered.id)
    if not chosen:
        return answered
    with_them = replace(result, choices=[(e.title, e.title) for e in chosen], choice_entries=[e.id for e in chosen])
    return (with_them, hits), chosen[0]


def asked_in_turn(first: str, ask: str, sentences: Mapping[str, Sentence | None]) -> bool:
    """Whether ``ask`` is asked after ``first`` in turn: of the same sentence ending on "?" (``message.together``), or
    a sentence of its own ending on "?" that asks by its words (a question word or phrase) or is a short follow-up
    ("Bao lâu thì có?"); the asker's story and complaints are often typed with "?" too ("Con tôi hỏi mà tôi không
    trả lời được?", review 18, M3)."""
    if together(first, ask, sentences):
        return True
    own = sentences.get(ask)
    return own is not None and own.mark == "?" and (
        len(ask.split()) <= SHORT_FOLLOW_UP or asks_by_itself(ask.replace("?", " ")))


def own_entry(ask: str, reading: Decided, topic: str, taken: Set[str] = frozenset(),
              near: Set[str] | None = None) -> Entry | None:
    """The entry to offer for the later question ``ask`` read alone (``reading``), the first answer being of
    ``topic``, none of ``taken`` (answered or offered already), the whole message's closest entries ``near`` (any
    where ``None``): none where its own best entry is taken (it is answered or offered already); its answer where
    confident and of that topic, or of another where ``ask`` names its own subject and the whole message agrees;
    else, as ``several.first_answered`` offers an unsure second question, its best entry where of that topic, the
    reading not unknown, the whole message agreeing and no other entry tied with it; else none."""
    result, hits = reading
    if not hits or hits[0].entry.id in taken:
        return None
    top = hits[0].entry
    names_own = len(ask.split()) > SHORT_FOLLOW_UP and self_contained(ask)
    if result.confident and (top.topic == topic or names_own):
        return top
    if result.kind == "unknown":
        return None
    kin = [h for h in hits[:SUGGESTIONS] if h.entry.topic == topic and h.coverage > NEAR_MISS]
    best = next((h for h in kin if near is None or h.entry.id in near), None)
    if best is None or best.entry.id in taken:
        return None
    tied = any(h is not best and h.coverage >= best.coverage - _TIED for h in kin)
    return None if tied else best.entry
