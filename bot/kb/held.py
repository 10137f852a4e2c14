"""Facts held for a subject: a kind of fact asked of one subject, answered from an entry holding it for another
(round 29).

Entries that share a kind of fact and many words share the ranking too: the portal's launch (9/12/2019) and its
becoming the single portal (7/2025) each hold a date; the ministries' merger (1/3/2025, Decree 55) and the provinces'
(1/7/2025) each hold a date; a team's size (three people) and the country's count of teams each hold a number. A
letter whose story tells one event and whose question asks the date of the other ("từ tháng 7/2025 chỉ còn một
cổng…, vậy cổng khai trương từ bao giờ?") was answered with the story's entry: the date is there, but of another
event. Judged wrong at round 28's end: the portal's start answered with the single portal, the MIC–MOST merger's
date and decree with the provinces' merger, a team's size with the minister's entry.

The subjects come from the content: an entry's ``holds`` table names, for each kind of fact its answer holds
(:data:`KINDS`), the ways a question names the subject or event the entry holds it for (``when = ["khai trương|ra
đời"]``); ``dxbot kb check`` checks them (:func:`problems`). After the message is read, a confident answer whose
entry declares what it holds is checked against the kinds its asking part asks (:func:`checked`): where the asking
part names no subject the entry holds an asked kind for, and another entry holds that kind for a subject it names,
that entry is answered (one, saying every kind asked), else both are offered. An entry that declares nothing is
never checked, and an entry that holds the kind for a subject the question names answers as before.

The asking part is the question's asking pieces (``bot.kb.question_part``), not the story told before or around it
(read as for siblings, ``bot.kb.reading._siblings``). Matching is a substring test of whole words over the analysed
text: linear in the message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import replace

from bot.kb.asks import provided, unanswered
from bot.kb.decision import SUGGESTIONS, Answer, ambiguous_entries, answer_text
from bot.kb.loader import Entry
from bot.kb.wh import kinds as wh_kinds
from bot.nlp.normalize import analyze, fold

ALTERNATIVES = "|"  # between the ways one subject is named
# The kinds an entry may declare, each with what its answer must say for ``kb check`` (``None``: nothing to test):
# when (a year or a day and month, as written), count (a number, in figures or words: on the folded answer), who (a
# person or body, not testable here), docnumber (a document's number: what ``bot.kb.asks.documents`` finds said).
_DATE = re.compile(r"\b(?:19|20)\d\d\b|\b\d{1,2}/\d{1,2}\b")
_NUMBER = re.compile(r"\d|\b(?:mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|tram|nghin|ngan|trieu)\b")
KINDS: Mapping[str, re.Pattern[str] | None] = {"when": _DATE, "count": _NUMBER, "who": None, "docnumber": None}
_WH_KINDS = frozenset({"when", "count", "who"})  # the kinds ``bot.kb.wh`` reads in a question
# What an answer says that is a count and not a date or a document's number (round 29b: an entry that declares
# ``holds`` lists every kind its answer gives): a figure left once dates, years and numbers with a slash are cut.
_DATED = re.compile(r"\d+(?:/\d+)+(?:/\S+)?|\b(?:19|20)\d\d\b")
RANKED = 5  # a holder must be among the reading's first hits to be offered (``checked``)
# round 29b: a holder is answered in place of the answer only as the reading's second or third entry, scoring at
# least CLOSE of the first's: the ranker then found the two nearly as likely, and the subject named is what tells
# them apart. 0.9 is the index's own "close" (``bot.kb.index.TIE_ORDER``: a relative gap under 0.1 orders the top
# two by what they say of the question); further apart, the ranker's choice is kept beside the holder (offered).
MOVED_FROM = (1, 3)  # the positions (0-based, end excluded) of the reading's hits a holder is answered from
CLOSE = 0.9


def subject_names(raw: str) -> tuple[str, ...]:
    """The ways one subject is named ("khai trương|ra đời"), analysed, without repeats or empties."""
    return tuple(dict.fromkeys(n for n in (analyze(a.strip()).text for a in raw.split(ALTERNATIVES)) if n))


class Holdings:
    """What each entry that declares ``holds`` holds, read once at load: entry id → kind → every way of naming the
    subjects it holds that kind for (analysed)."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.of_entry: dict[str, dict[str, tuple[str, ...]]] = {}
        for entry in entries:
            if not entry.holds:
                continue
            own: dict[str, tuple[str, ...]] = {}
            for kind, subjects in entry.holds:
                if kind in KINDS:
                    own[kind] = tuple(dict.fromkeys(n for s in subjects for n in subject_names(s)))
            self.of_entry[entry.id] = own

    def holders(self, kind: str, padded: str) -> list[str]:
        """The entries (in KB order) holding ``kind`` for a subject the padded analysed text names."""
        return [i for i, own in self.of_entry.items() if _names(own.get(kind, ()), padded)]


def _names(names: Iterable[str], padded: str) -> bool:
    return any(f" {n} " in padded for n in names)


def asked(asking: str, kinds_read: Callable[[], frozenset[str]]) -> frozenset[str]:
    """The kinds of :data:`KINDS` the analysed asking part asks: who / when / how many (``bot.kb.wh``), a document's
    number (``kinds_read``: the kinds ``bot.kb.asks`` reads). "Nghị định số mấy" asks a document's number, not a
    count: ``wh`` reads "số mấy" as one."""
    found = wh_kinds(asking) & _WH_KINDS
    if "docnumber" in kinds_read():
        return (found - {"count"}) | {"docnumber"}
    return found


def restated(first: str, rest: str) -> str:
    """The asking part the facts held are checked against: the first question's (``first``, analysed), with the
    further questions' (``rest``) where these ask a kind of :data:`_WH_KINDS` the first asks too (round 30).

    A rambling letter often asks one thing twice in a row, in two wordings ("cổng này có từ năm nào, khai trương hồi
    nào?"): two question clauses asking the same kind (when, how many, who) of one answer are one question restated,
    and the second wording may be the one that names the event ("khai trương"). Further questions asking other kinds
    ask something else and are left to their own offer."""
    if rest and wh_kinds(first) & wh_kinds(rest) & _WH_KINDS:
        return f"{first} {rest}"
    return first


def checked(holdings: Holdings, answer: Answer, by_id: Mapping[str, Entry], asking: str,
            ranked: Sequence[tuple[str, float]], offered: Collection[str], messages: dict[str, str],
            kinds: Callable[[], frozenset[str]]) -> Answer:
    """``answer`` (confident), or the entry holding an asked kind of fact for the subject the question names where
    ``answer``'s entry declares what it holds and holds no asked kind for any subject named (``asking``: the analysed
    asking part; ``ranked``: the entries the message's reading ranks first, :data:`RANKED` of them, with their scores,
    best first; ``offered``: the second question's entry; ``kinds``: the kinds of fact the question asks,
    ``bot.kb.asks``). A holder outside ``ranked`` and ``offered`` is another topic that shares a word and is not
    taken. The holder is answered only where it is the one holder, the reading's second or third entry scoring
    within :data:`CLOSE` of the first, and says every kind asked; otherwise the holder and the answer are offered
    (round 29b: a right answer moved is a confident wrong, one offered beside it is not)."""
    entry = by_id.get(answer.entry or "")
    own = holdings.of_entry.get(entry.id) if entry is not None else None
    if entry is None or own is None:
        return answer
    padded = f" {asking} "
    wanted = sorted(asked(asking, kinds))
    if any(_names(own.get(kind, ()), padded) for kind in wanted):
        return answer  # the answered entry holds an asked kind for a subject named: the ranker's choice stands
    order = [i for i, _ in ranked]
    top = ranked[0][1] if ranked else 0.0
    for kind in wanted:
        holders = [by_id[i] for i in holdings.holders(kind, padded)
                   if i != entry.id and i in by_id and (i in order or i in offered)]
        if not holders:
            continue
        if len(holders) == 1 and _close(holders[0].id, ranked, top) and not unanswered(kinds(), holders[0]):
            chosen = holders[0]
            return replace(answer, text=answer_text(chosen, messages), entry=chosen.id,
                           sources=[s.as_dict() for s in chosen.sources], candidates=[chosen.id, entry.id],
                           choices=[], choice_entries=[])
        shown = [*holders[:SUGGESTIONS - 1], entry]
        return replace(ambiguous_entries(shown, messages, answer.normalized), score=answer.score)
    return answer


def _close(ident: str, ranked: Sequence[tuple[str, float]], top: float) -> bool:
    """Whether ``ident`` is the reading's second or third entry (:data:`MOVED_FROM`) scoring within :data:`CLOSE`
    of the first."""
    first, end = MOVED_FROM
    return any(i == ident and top > 0 and score >= CLOSE * top for i, score in ranked[first:end])


def problems(entries: Sequence[Entry]) -> list[str]:
    """What ``dxbot kb check`` reports of ``holds``: a kind not in :data:`KINDS`, a subject whose first way of naming
    the entry's own words never say (title, questions, keywords or answer), an answer that does not say the kind it
    declares (a date, a number, a document's number)."""
    found: list[str] = []
    named: dict[str, str] = {}  # a way of naming a subject → the first entry holding something for it
    for entry in entries:
        if not entry.holds:
            continue
        where = f"{entry.file}: entry {entry.id!r}"
        declared = {kind for kind, _ in entry.holds}
        for kind in sorted(_gives(entry) - declared):
            found.append(f"{where}: its answer gives {kind!r} but 'holds' does not declare it (every kind or none)")
        for name in dict.fromkeys(n for _, subjects in entry.holds for s in subjects for n in subject_names(s)):
            other = named.setdefault(name, entry.id)
            if other != entry.id:
                found.append(f"{where}: holds something for {name!r}, which names {other!r}'s subject too")
        said = f" {analyze(' '.join((entry.title, *entry.questions, *entry.keywords, entry.answer))).text} "
        for kind, subjects in entry.holds:
            if kind not in KINDS:
                found.append(f"{where}: holds an unknown kind {kind!r} (one of {', '.join(KINDS)})")
                continue
            test = KINDS[kind]
            lacks = kind not in provided(entry) if kind == "docnumber" else (
                test is not None and not test.search(entry.answer if kind == "when" else fold(entry.answer)))
            if lacks:
                found.append(f"{where}: holds {kind!r} but its answer does not say one")
            for raw in subjects:
                names = subject_names(raw)
                if not names:
                    found.append(f"{where}: holds {kind!r} for {raw!r}, which names nothing")
                elif f" {names[0]} " not in said:
                    found.append(f"{where}: holds {kind!r} for {raw!r}, which the entry does not say (title, "
                                 f"questions, keywords or answer)")
    return found


def _gives(entry: Entry) -> set[str]:
    """The testable kinds ``entry``'s answer gives: a date (``when``), a document's number (``docnumber``), a count (a
    figure that is not a date, a year or a document's number)."""
    gives = {"when"} if _DATE.search(entry.answer) else set()
    if "docnumber" in provided(entry):
        gives.add("docnumber")
    if any(c.isdigit() for c in _DATED.sub(" ", entry.answer)):
        gives.add("count")
    return gives
