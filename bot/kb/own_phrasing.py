"""A question that says an entry's phrasing word for word, after a context sentence that shares its words.

"Tôi chưa biết gì về chuyển đổi số. Chuyển đổi số là gì?": the question alone is one of an entry's own phrasings,
word for word (what DX is), but the whole message was ranked with the opening statement's words ("chưa biết … gì …
chuyển đổi số" is most of a phrasing of what story to send the channel), and the question, gated, is found whole in
that entry too — so the statement's entry was answered, confidently and wrong. A question that is an entry's own
phrasing names what it asks in full: the asker's statement before it is context, and the question's own entry
answers (as a question read alone whose entry holds it whole is answered over the context's pull since review 15,
``bot.kb.reading._subject_left``). Runs only where the whole message was answered and its one question is,
word for word, another entry's phrasing (a dictionary look-up of the question's analysis the reader made already);
closing particles left out; only then is the question decided alone (one more search).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.kb.index import Hit, Index
from bot.kb.several import Decided
from bot.kb.texts import Texts
from bot.nlp.clauses import self_contained
from bot.nlp.introductions import closing_particles


class Deciding(Protocol):
    """What deciding a text needs (``bot.kb.engine.KnowledgeBase``)."""

    index: Index

    def decide(self, texts: Texts, text: str, hits: list[Hit] | None = None, exact: bool = True) -> Decided:
        """The decision on ``text``, one text of the message ``texts`` holds, and its ranked hits."""
        ...


def own_phrasing(kb: Deciding, texts: Texts, asks: Sequence[str], whole: Decided) -> Decided | None:
    """The one question's own reading where it says another entry's phrasing word for word than the entry that
    answered the whole message (``whole``), and is answered alone with that entry; else ``None``."""
    if len(asks) != 1 or not self_contained(asks[0]) or whole[0].entry is None:
        return None
    words = texts.analysis(asks[0]).text.split()
    closing = closing_particles()
    while len(words) > 1 and words[-1] in closing:  # "… là gì ạ", "… là gì vậy": the phrasing, closed politely
        words.pop()
    doc = kb.index.exact.get(" ".join(words), -1)
    entry = kb.index.entries[doc] if doc >= 0 else None
    if entry is None or entry.id == whole[0].entry:
        return None
    alone = kb.decide(texts, asks[0])
    return alone if alone[0].confident and alone[0].entry == entry.id else None
