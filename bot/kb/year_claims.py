"""An entry that claims another year is no confident answer to a year a close runner-up claims.

"chuong trinh chuyen doi so quoc gia theo quyet dinh 749 dat muc tieu kinh te so chiem bao nhieu phan tram GDP vao
nam 2025" ranked first the entry whose title asks the digital economy's share of GDP *in 2030* (its last paragraph
mentions, in passing, another plan's 2025 figure) a hair over the entry whose title asks the digital economy's
targets *to 2025* (coverage 0.77 against 0.75, fewer words of one phrasing), and was answered with confidence. The
year check (``bot.kb.asks``: ``year:NNNN``) passes, since the answer names 2025, and the year is said of the digital
economy (``bot.kb.bound``). What tells them apart is which entry *claims* the year: the year its own title, questions
and keywords ask about.

:func:`claimed_elsewhere` is that floor: the question names a year; the top entry claims another year and not that
one; a runner-up among the first three claims the year asked and explains nearly as much of the question
(``CLOSE`` of its coverage, at least as much of one phrasing). The top entry is then offered beside it, never
answered with confidence. An entry that claims no year at all ("Chuyển đổi số là gì?") claims nothing else and is
left to the other rules. Linear: read only where the question names a year (its kinds), over three hits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.kb.index import Hit
from bot.kb.loader import Entry

YEAR_KIND = "year:"
CLOSE = 0.05  # the runner-up's coverage may fall this far under the top entry's
RIVALS = 3  # the first hits read
_YEAR = re.compile(r"(?<![\w/])((?:19|20)\d\d)(?![\w/])")


def claims(entry: Entry) -> frozenset[str]:
    """The years ``entry`` asks about in its own title, questions and keywords, as years (not inside a document's
    number or a date: ``bot.kb.years.names_year_itself``). Cached by entry id, checked by identity."""
    found = _CLAIMS.get(entry.id)
    if found is None or found[0] is not entry:
        said = " ".join((entry.title, *entry.questions, *entry.keywords))
        _CLAIMS[entry.id] = found = (entry, frozenset(_YEAR.findall(said)))
    return found[1]


_CLAIMS: dict[str, tuple[Entry, frozenset[str]]] = {}


def claimed_elsewhere(hits: Sequence[Hit], asks: frozenset[str]) -> bool:
    """Whether the top hit claims another year than the one ``asks`` names, and a close runner-up claims that one."""
    years = frozenset(k.removeprefix(YEAR_KIND) for k in asks if k.startswith(YEAR_KIND))
    if len(years) != 1 or len(hits) < 2:
        return False
    top = hits[0]
    own = claims(top.entry)
    if not own or own & years:
        return False
    return any(years <= claims(h.entry) and h.coverage >= top.coverage - CLOSE and h.match >= top.match
               for h in hits[1:RIVALS])
