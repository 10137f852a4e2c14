"""``kb check``: an entry one of whose own phrasings asks what its answer says only after the first view.

A phone shows an answer's first ~500 characters (``bot.kb.first_view``) and a "Xem thêm" button; most citizens
read no further. An entry that exists to give a number, a date or a name the citizen asks for ("tiết kiệm bao
nhiêu tiền", "theo quyết định nào") must say it in that head. The rule, on the entry's title and questions:
the words of a phrasing that the answer holds only after the cut (none in the head, question words aside) —
a number, or three words or more — point at a fact the citizen does not see. Fewer plain words are left alone:
on the current KB they are a word the head says otherwise ("danh sách", "dữ liệu"), not a fact cut off.

The fix is an editor's: say the fact earlier *inside its paragraph* (or shorten the head). The ranker reads an
answer's words by paragraph (``bot.kb.bound``), so moving a sentence across paragraphs moves other answers
(round 25: held-out right -6); reordering inside them did not (round 27).
"""

from __future__ import annotations

import re

from bot.kb.first_view import split
from bot.kb.loader import Entry
from bot.nlp.normalize import fold

# words that ask or glue, not the fact asked for (folded: "bao nhiêu" → "bao nhieu")
_ASKING = frozenset({
    "a", "ai", "bao", "ban", "cac", "cho", "co", "cua", "dau", "de", "den", "do", "duoc", "gi", "khi", "khong",
    "la", "may", "minh", "mot", "nao", "nay", "nguoi", "nhe", "nhu", "nhung", "o", "the", "thi", "toi", "trong",
    "tu", "va", "vay", "voi",
})
_WORD = re.compile(r"\d+|[a-z]+")
MIN_WORDS = 3  # plain words left out before a phrasing counts as asking for what is cut off


def _words(text: str) -> set[str]:
    return set(_WORD.findall(fold(text)))


def left_out(entry: Entry) -> list[tuple[str, list[str]]]:
    """Each phrasing of ``entry`` (title, questions) asking what only the rest says, with those words."""
    head, rest = split(entry.answer)
    if not rest:
        return []
    shown, hidden = _words(head), _words(rest)
    found = []
    for phrasing in (entry.title, *entry.questions):
        missing = sorted((_words(phrasing) & hidden) - shown - _ASKING)
        if len(missing) >= MIN_WORDS or any(w.isdigit() for w in missing):
            found.append((phrasing, missing))
    return found


def problems(entry: Entry, where: str) -> list[str]:
    """``kb check`` lines for ``entry`` (``where`` names its file and id)."""
    return [f"{where}: phrasing {phrasing!r} asks what the answer says only after the first phone view "
            f"(its words {', '.join(words)} come after the cut): say that fact earlier, inside its paragraph"
            for phrasing, words in left_out(entry)]
