"""A question that says an entry's phrasing word for word, after a context sentence that shares its words.

"Tôi chưa biết gì về chuyển đổi số. Chuyển đổi số là gì?": the question alone is one of an entry's own phrasings,
word for word (what DX is), but the whole message was ranked with the opening statement's words ("chưa biết … gì …
chuyển đổi số" is most of a phrasing of what story to send the channel), and the question, gated, is found whole in
that entry too — so the statement's entry was answered, confidently and wrong. A question that is an entry's own
phrasing and keeps the subject the statement told is answered by its own entry (as a question read alone whose
entry holds it whole is answered over the context's pull since review 15, ``bot.kb.reading._subject_left``). Not
every phrasing names its subject: "Mục tiêu 2030?" is the KB's shorthand for the national programme's targets, and
after "Mình đang tìm hiểu về kinh tế số." the subject the asker named stands — the switch is made only where the
question's entry does not drop the context's subject (``bot.kb.explained.subject_left``). Runs only where the whole
message was answered and its one question is, word for word, another entry's phrasing (a dictionary look-up of the
question's analysis the reader made already); closing particles left out; only then is the question decided alone
(one more search).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.kb.explained import subject_left
from bot.kb.index import Hit, Index, Query
from bot.kb.lexicon import CONTENT
from bot.kb.records import EntryRecord
from bot.kb.several import Decided
from bot.kb.texts import Texts
from bot.nlp.clauses import self_contained
from bot.nlp.introductions import closing_particles


class Deciding(Protocol):
    """What deciding a text needs (``bot.kb.engine.KnowledgeBase``)."""

    index: Index
    records: dict[str, EntryRecord]

    def decide(self, texts: Texts, text: str, hits: list[Hit] | None = None, exact: bool = True) -> Decided:
        """The decision on ``text``, one text of the message ``texts`` holds, and its ranked hits."""
        ...


def own_phrasing(kb: Deciding, texts: Texts, asks: Sequence[str], parts: Sequence[str],
                 whole: Decided) -> Decided | None:
    """The one question's own reading where it says another entry's phrasing word for word than the entry that
    answered the message (``whole``: its whole or gated reading), and is answered alone with that entry without
    dropping the subject the message's other clauses (``parts``) named; else ``None``."""
    if len(asks) != 1 or not self_contained(asks[0]) or whole[0].entry is None:
        return None
    words = texts.analysis(asks[0]).text.split()
    typed = len(words)
    closing = closing_particles()
    while len(words) > 1 and words[-1] in closing:  # "… là gì ạ", "… là gì vậy": the phrasing, closed politely
        words.pop()
    doc = kb.index.exact.get(" ".join(words), -1)
    if doc < 0 and (asked := _without_request(words, typed, texts.query(asks[0]))) is not None:
        doc = kb.index.exact.get(" ".join(asked), -1)  # "Cho hỏi chuyển đổi số là gì?": the phrasing, asked for
    entry = kb.index.entries[doc] if doc >= 0 else None
    if entry is None or entry.id == whole[0].entry:
        return None
    alone = kb.decide(texts, asks[0])
    if not alone[0].confident or alone[0].entry != entry.id:
        return None
    # a phrasing that names no subject ("Mục tiêu 2030?", "Tầm nhìn 2030?") is the KB's shorthand for its default
    # subject: after "Mình đang tìm hiểu về kinh tế số." the subject the asker named stands (review, H1)
    context = ". ".join(p for p in parts if p not in asks)
    if not context:
        return alone
    told, asked = texts.query(context), texts.query(asks[0])
    if subject_left(told.view if told else None, asked.view if asked else None,
                    kb.records.get(entry.id), kb.records.get(whole[0].entry)):
        return None
    return alone


# the verb closing a request opener ("cho em hỏi", "xin hỏi", "muốn biết") and the words of requesting before it
_ASKING_VERBS = frozenset({"hoi", "biet"})
_REQUESTING = frozenset({"cho", "xin", "muon", "can"})


def _without_request(words: list[str], typed: int, query: Query | None) -> list[str] | None:
    """The question's words after the request that opens it ("Cho hỏi …", "Dạ cho em hỏi …", "Em muốn biết …": the
    framing words before its first content word, ending on "hỏi / biết"), or ``None`` where it opens with none.
    ``words``: the question's first words of the ``typed`` its analysis holds (closing particles left out)."""
    if query is None or len(query.view.units) != typed:
        return None  # a unit of several words (an abbreviation read out): the words are not told apart here
    first = next((i for i, uv in enumerate(query.view.units) if uv.role == CONTENT), 0)
    # a request: "cho / xin / muốn / cần" before the verb ("bác hỏi VNeID là gì" tells what someone asked)
    asked = first and words[first - 1] in _ASKING_VERBS and not _REQUESTING.isdisjoint(words[: first - 1])
    return words[first:] if asked else None
