"""A short follow-up asks its fact of the first question's subject, and of what the first question asked of it.

"Con tui 10 tuổi thì có làm định danh điện tử được không rứa, làm ở mô?": the first question is held back, its entry
(where a citizen registers a level-2 account) does not say the kind of fact it asks (a child's rule,
``bot.kb.asks.minor``); the follow-up "làm ở đâu?" names no subject of its own and was answered with that same entry,
confidently — where a ten-year-old registers is still the child's rule. So a follow-up of at most
``bot.kb.explained.OUTSIDE_ELLIPTICAL_WORDS`` content words (as after a question refused as out of scope, round 14),
answered by an entry the first question ranks among its own closest (the same subject) that does not say a kind the
first question asks and the follow-up does not, is no answer: the first question's own reply ("Ý bạn là…?" with its
entries) is given (``bot.kb.several``, ``borrowed``). After a first question refused as out of scope the entry need not
be one it ranks ("Cổng thông tin tuyển dụng công chức tỉnh mình mở chưa, nộp hồ sơ ở mô?": the recruitment's papers,
not the national portal's). A second question opened by a connector ("…, còn VNeID là gì?", "với lại", "ngoài ra")
asks a question of its own and is read as before, and so is a follow-up that names the entry's own subject ("…, chữ ký
số là gì?", "…? Mức 2 khác mức 1 thế nào?": two or more of its words, and half, are in the entry's title or keywords).
Round 9's ``borrowed_subject`` reads the subject a follow-up drops; this reads the kind it drops.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from bot.kb.asks import unanswered
from bot.kb.explained import OUTSIDE_ELLIPTICAL_WORDS, content_words
from bot.kb.lexicon import CONTENT, View
from bot.kb.loader import Entry
from bot.nlp.normalize import analyze, fold

# A second question's connector (folded, as ``bot.nlp.clauses`` cuts before it); "còn" only typed with its mark or in
# an unmarked message (folded, "con" is also a child)
_CONNECTORS = ("voi lai ", "ngoai ra ", "them nua ", "them cau nua ", "va cho hoi ", "cho hoi them ")


def _opens_with_connector(text: str) -> bool:
    typed = unicodedata.normalize("NFC", text).lower().lstrip(" ,")
    return typed.startswith("còn ") or (text.isascii() and typed.startswith("con ")) \
        or fold(typed).startswith(_CONNECTORS)


def opens_with_connector(text: str) -> bool:
    """Whether a second question opens with a connector ("còn", "với lại", "ngoài ra"): it asks one of its own."""
    return _opens_with_connector(text)


SUBJECT_WORDS = 2  # content units of the follow-up in the entry's title or keywords: a subject of its own
_TITLES: dict[str, tuple[Entry, frozenset[str]]] = {}


def _subject_words(entry: Entry) -> frozenset[str]:
    """Folded words of the entry's title and keywords: what it is about."""
    found = _TITLES.get(entry.id)
    if found is None or found[0] is not entry:
        words = frozenset(t for text in (entry.title, *entry.keywords) for t in analyze(text).tokens)
        _TITLES[entry.id] = found = (entry, words)
    return found[1]


def names_subject(follow_up: View, entry: Entry) -> bool:
    """Whether the follow-up names what ``entry`` is about: at least ``SUBJECT_WORDS`` of its content units, and half
    of them, are said whole by the entry's title or keywords ("chữ ký số là gì" and "Chữ ký số là gì, dùng để làm
    gì?"); one word ("đâu" of "làm ở đâu" and "… mức 2 ở đâu?") names no subject."""
    words = _subject_words(entry)
    units = [uv for uv in follow_up.units if uv.role == CONTENT and uv.alts]
    said = sum(1 for uv in units if any(all(t in words for t in alt) for alt in uv.alts))
    return said >= SUBJECT_WORDS and 2 * said >= len(units)


def borrowed_kind(first_asks: frozenset[str], follow_up_asks: frozenset[str], follow_up: View | None,
                  entry: Entry, first_closest: Iterable[str], first_outside: bool, follow_up_text: str) -> bool:
    """Whether ``entry``, found for the short follow-up ``follow_up_text`` (``follow_up``: its view as the decision
    measured it) and among the first question's closest entries (``first_closest``: ids) unless the first question
    was refused as out of scope (``first_outside``), lacks a kind of fact the first question asks (``first_asks``)
    that the follow-up does not ask itself (``follow_up_asks``)."""
    borrowed = first_asks - follow_up_asks
    if not borrowed or follow_up is None or content_words(follow_up) > OUTSIDE_ELLIPTICAL_WORDS \
            or not (first_outside or entry.id in first_closest) or _opens_with_connector(follow_up_text) \
            or names_subject(follow_up, entry):
        return False
    return bool(unanswered(borrowed, entry))
