"""One fact asked of two years side by side, left unsure: the entry that states both years answers it.

"… top bao nhiêu về chỉ số EGDI … vào năm 2025 và năm 2030?" asks one fact of two years (``bot.kb.years``). The KB
holds each year's targets apart and one entry stating the fact year by year; ranked close together, the three were
offered ("Ý bạn là…?"), although only one of them gives the citizen all that was asked. Where the message asks no
second question and exactly one entry of the first three states the fact of both years (in one sentence, or each
year heading its own statement), is of the top entry's topic, holds the hard floors, and says as much of the
question as any of the three (its coverage the highest, its best phrasing within the tie margin of theirs), that
entry is answered. Where the question names a short name the entries write ("EGDI", typed "egdi" too), an entry
that does not write it states another fact of those years (the cyber-security targets, also given for 2025 and
2030) and is left out; the one entry left that writes it, states both years and says the most of the question is
answered even where its phrasings match less. A fact of one year only, or of two facts, is not read here
(``KnowledgeBase._years_apart`` and ``_years_in_turn`` read those). Linear in the message (``bot.kb.years``) and
in the three answers read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.kb.decision import FLOOR_COVERAGE, FLOOR_MATCH, SUGGESTIONS, TIE_MARGIN, Answer, confident
from bot.kb.index import Hit
from bot.kb.loader import Entry
from bot.kb.years import lists_both, states_both, two_years
from bot.nlp.normalize import fold

_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{2,}\b")  # an index's or a body's short name as the KB writes it ("EGDI")
_WORD = re.compile(r"\w+")


def _said(entry: Entry) -> str:
    return " ".join((entry.title, entry.answer, *entry.keywords))


def asked_names(question: str, hits: Sequence[Hit]) -> frozenset[str]:
    """The short names ("EGDI", "GCI") the first hits write that ``question`` says, however typed ("egdi")."""
    words = set(_WORD.findall(fold(question)))
    return frozenset(a for h in hits for a in (w.lower() for w in _ACRONYM.findall(_said(h.entry))) if a in words)


def says_names(entry: Entry, names: frozenset[str]) -> bool:
    """Whether ``entry`` writes every one of the short ``names`` asked."""
    return not names or names <= set(_WORD.findall(_said(entry).lower()))


def stating_both(question: str, hits: Sequence[Hit], slack: float = 0.0) -> Hit | None:
    """The one hit of the first three that states the fact of both years ``question`` asks side by side, and says
    as much of the question as the others (``slack`` less of its words at most); else ``None``."""
    years = two_years(question)
    top = hits[:SUGGESTIONS]
    if years is None or not top:
        return None
    # an entry that does not write the short name asked ("EGDI") states another fact of those years (the
    # cyber-security targets): neither answered nor weighed against
    asked = asked_names(question, top)
    top = [h for h in top if says_names(h.entry, asked)]
    if not top:
        return None
    topic = top[0].entry.topic
    both = [h for h in top if h.entry.topic == topic and not h.against
            and h.coverage >= FLOOR_COVERAGE and h.match >= FLOOR_MATCH
            and (states_both(h.entry.answer, years) or lists_both(h.entry.answer, years))]
    if len(both) != 1:
        return None
    hit = both[0]
    if hit.coverage < max(h.coverage for h in top) - slack:
        return None
    if hit.match < max(h.match for h in top) - TIE_MARGIN and not asked:
        # its phrasings say less of the question than another's, but it alone writes the name asked and states
        # both years, saying the most of the question: answered
        return None
    return hit


def named_both(question: str, hits: Sequence[Hit]) -> Hit | None:
    """For an answer naming one of two years asked side by side: the one hit of the first three that states the
    fact of both years (``stating_both``) where the question types a short name the entries write ("EGDI"), which
    pins the fact asked; else ``None``. "… xếp hạng bao nhiêu về … (EGDI) … vào năm 2025 và năm 2030?" was answered
    with the 2025 e-government targets (they say EGDI for 2025 only) and nothing offered for 2030. Its words may
    say a little less of the question than the answer's (``TIE_MARGIN``): the answer gives half of what was asked."""
    return stating_both(question, hits, TIE_MARGIN) if asked_names(question, hits[:SUGGESTIONS]) else None


def answered_both(question: str, result: Answer, hits: Sequence[Hit], messages: dict[str, str]) -> Answer:
    """``result`` itself, or, where it offered choices for a fact asked of two years, the one entry stating both."""
    if result.kind != "ambiguous":
        return result
    hit = stating_both(question, hits)
    return result if hit is None else confident(hit, messages, result.normalized, result.margin)
