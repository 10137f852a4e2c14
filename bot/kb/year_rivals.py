"""Runners-up that do not name the year a question asks are no rivals of an entry that does.

"đến năm 2030 tỷ lệ hồ sơ công việc cấp xã được xử lý trên môi trường mạng là bao nhiêu?" ranked the 2030 targets
first and the 2025 targets (more of the question's words: "hồ sơ … cấp xã … môi trường mạng") third; the calibrated
probability, reading how close the runners-up come, stayed under the bar, and the citizen was offered three
entries, two of which cannot say what 2030 holds. A year the question names is a kind of fact asked
(``bot.kb.asks``: ``year:NNNN``); an entry that never names it is no answer to the question however many of its
words it shares (the floors already refuse to answer with such an entry). So where the top entry names every year
asked, the probability is read again over the hits without the runners-up that name none of them; the floors and
the intent reader still decide as before. Only years: other kinds (a percentage, a place) are often said in other
words than the question's, which the kinds readers do not all catch.

Review 17, H2: a year named in passing, inside a document's number or a date ("Thông tư 63/2023/TT-BTC … từ
1/12/2023", the fees entry), is no fact of that year: "năm 2023 có bao nhiêu hồ sơ nộp trực tuyến" answered the fees
entry once the dossiers entry, naming no 2023, was dropped. The top entry must name each year asked as a year
(``bot.kb.years.names_year_itself``) in its title, answer or phrasings for its rivals to be dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.kb.asks import unanswered
from bot.kb.index import Hit
from bot.kb.loader import Entry
from bot.kb.years import names_year_itself


def year_rivals_dropped(hits: Sequence[Hit], asks: frozenset[str]) -> list[Hit]:
    """``hits`` without the runners-up that name no year ``asks`` holds, where the top entry names them (else
    ``hits`` as they are)."""
    years = frozenset(k for k in asks if k.startswith("year:"))
    if not years or not hits or unanswered(years, hits[0].entry) or not _names_itself(hits[0].entry, years):
        return list(hits)
    return [hits[0], *(h for h in hits[1:] if not unanswered(years, h.entry))]


def _names_itself(entry: Entry, years: frozenset[str]) -> bool:
    """Whether ``entry`` names every year of ``years`` as a year, not only in a document's number or a date."""
    said = " ".join((entry.title, entry.answer, *entry.questions, *entry.keywords))
    return all(names_year_itself(said, y.removeprefix("year:")) for y in years)
