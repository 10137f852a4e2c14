"""Sibling entries: a question that names one member of a family answered with another member's entry (round 28).

Some entries are members of one family the ranker cannot tell apart by topic — the two levels of a VNeID account,
the old ministry's two sites (c63: the 55 problems; t63: the 21 stories), the decisions of the Prime Minister (749:
the programme; 505: the national DX day), the yearly themes of the DX day. Their answers share nearly every word but
the member's name, so a letter whose story names one member and whose question asks its sibling ("Con tôi bảo phải
lên công an làm mức 2, vậy mức 1 thì có cần đi đâu không?") is answered with the story's member, and a question
asking how two members differ ("c63 và t63 khác nhau thế nào") is answered with whichever entry the comparison's
words suggest (the levels of VNeID, which differ "khác nhau" too). Judged wrong: the citizen asking about level 1 is
told to go to the police.

The families come from the content: an entry's ``family`` (a slug) and ``members`` (how a question names the member
or members the entry answers: alternatives joined by "|", ``"mức 1|mức độ 1"``), checked by ``dxbot kb check``
(:func:`problems`). After the message is read, a confident answer is checked against the members its asking part
names (:func:`checked`):

- a question that names a member, answered with a sibling that answers none of the members named, gets the entry
  of the member named (the one answering fewest members beside it) where that entry says every kind of fact asked,
  else both are offered;
- a question that asks how two members differ (or what each is, or compares them) needs an entry that answers every
  member named — the family's entry that holds both, else the members' own entries are offered; an entry outside the
  family answers it only where its answer names every member.

The asking part is the question's asking pieces (``bot.kb.question_part``), not the story told before or around it;
a question that points back at what the story named ("quyết định đó", ``bot.nlp.reference``) names what the story
named too. Matching is a substring test of whole words over the analysed text: linear in the message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from bot.kb.asks import unanswered
from bot.kb.decision import SUGGESTIONS, Answer, ambiguous_entries, answer_text
from bot.kb.loader import Entry
from bot.nlp.normalize import analyze

ALTERNATIVES = "|"  # between the ways one member is named, in an entry's ``members``
# Words that ask of two members together: how they differ, what each is (analysed: folded, so "mỗi" only in a pair,
# as "mới" folds alike). Read only where the asking part names two members of one family.
_BOTH_WORDS = frozenset({"khac", "giong"})
_BOTH_PAIRS = frozenset({("phan", "biet"), ("so", "sanh"), ("ca", "hai"), ("hai", "cai"), ("moi", "cai"),
                         ("tung", "cai"), ("moi", "loai"), ("tung", "loai")})


@dataclass(frozen=True)
class Member:
    """One member of a family: its key (the first way it is named, analysed) and every way it is named."""

    key: str
    names: tuple[str, ...]  # analysed ("mức độ 1" → "muc do 1")


def member_of(raw: str) -> Member:
    """The member an entry's ``members`` string names ("mức 1|mức độ 1")."""
    names = tuple(dict.fromkeys(n for n in (analyze(a.strip()).text for a in raw.split(ALTERNATIVES)) if n))
    return Member(names[0] if names else "", names)


class Families:
    """The families of a KB's entries, read once at load: each family's members and the members each entry
    answers."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.of_entry: dict[str, tuple[str, frozenset[str]]] = {}  # entry id → (family, member keys it answers)
        self.members: dict[str, dict[str, Member]] = {}  # family → member key → member
        self.entries: dict[str, list[Entry]] = {}  # family → its entries, in KB order
        for entry in entries:
            if not entry.family:
                continue
            found = [member_of(m) for m in entry.members]
            known = self.members.setdefault(entry.family, {})
            for member in found:
                if member.key:
                    known.setdefault(member.key, member)
            self.of_entry[entry.id] = (entry.family, frozenset(m.key for m in found if m.key))
            self.entries.setdefault(entry.family, []).append(entry)

    def named(self, analysed: str) -> dict[str, frozenset[str]]:
        """The members of each family that the analysed text ``analysed`` names (as whole words)."""
        padded = f" {analysed} "
        found: dict[str, frozenset[str]] = {}
        for family, members in self.members.items():
            keys = frozenset(k for k, m in members.items() if any(f" {n} " in padded for n in m.names))
            if keys:
                found[family] = keys
        return found


def asks_both(analysed: str) -> bool:
    """Whether the analysed asking part asks of two things together: how they differ, what each is, which is which
    ("khác nhau", "phân biệt", "so sánh", "mỗi cái", "cả hai")."""
    words = analysed.split()
    return any(w in _BOTH_WORDS for w in words) or any(p in _BOTH_PAIRS for p in zip(words, words[1:], strict=False))


def answers(families: Families, entry: Entry, family: str, named: frozenset[str], both: bool) -> bool:
    """Whether ``entry`` answers a question naming the members ``named`` of ``family``: a member of the family answers
    one of them (every one where the question asks of them together, ``both``); another entry always answers a
    question about one member (the family is not its subject); a question about several together is answered too by
    an entry whose answer names every one of them (Decision 942's says what 411 is beside it)."""
    own = families.of_entry.get(entry.id)
    if own is not None and own[0] == family and (named & own[1] if not both else named <= own[1]):
        return True
    if own is not None and own[0] == family and not both:
        return False
    if not both:
        return True
    said = f" {analyze(entry.answer).text} "
    members = families.members[family]
    return all(any(f" {n} " in said for n in members[k].names) for k in named)


def checked(families: Families, answer: Answer, by_id: Mapping[str, Entry],
            asking: str, whole: str, messages: dict[str, str], kinds: Callable[[], frozenset[str]]) -> Answer:
    """``answer`` (confident), or what answers the members the question names where its entry answers none of them.

    ``asking``: the analysed asking part of the message; ``whole``: the analysed whole message where the question
    points back at its story ("" otherwise); ``kinds``: the kinds of fact the question asks (``bot.kb.asks``), read
    only for a sibling about to be answered."""
    entry = by_id.get(answer.entry or "")
    if entry is None or not families.members:
        return answer
    named = families.named(asking)
    if whole:
        for family, keys in families.named(whole).items():
            named[family] = named.get(family, frozenset()) | keys
    if not named:
        return answer
    both_asked = asks_both(asking)
    for family, keys in named.items():
        both = both_asked and len(keys) >= 2
        if answers(families, entry, family, keys, both):
            continue
        members = families.of_entry
        holders = [e for e in families.entries[family] if e.id != entry.id
                   and (keys <= members[e.id][1] if both else bool(keys & members[e.id][1]))]
        if holders:
            fewest = min(len(members[e.id][1]) for e in holders)
            holders = [e for e in holders if len(members[e.id][1]) == fewest]
        if len(holders) == 1 and not unanswered(kinds(), holders[0]):
            chosen = holders[0]
            return replace(answer, text=answer_text(chosen, messages), entry=chosen.id,
                           sources=[s.as_dict() for s in chosen.sources], candidates=[chosen.id, entry.id],
                           choices=[], choice_entries=[])
        offered = holders or [e for e in families.entries[family] if keys & members[e.id][1]]
        if not offered:
            continue
        shown = [*offered[:SUGGESTIONS - 1], *([] if both else [entry])][:SUGGESTIONS]
        return replace(ambiguous_entries(shown, messages, answer.normalized), score=answer.score)
    return answer


def problems(entries: Sequence[Entry]) -> list[str]:
    """What ``dxbot kb check`` reports of the families: an entry's ``members`` that its own words never say (the
    first way each is named must be in its title, questions, keywords or answer), a family of one entry, and one
    way of naming given to two members of a family."""
    found: list[str] = []
    families: dict[str, list[Entry]] = {}
    for entry in entries:
        if entry.family:
            families.setdefault(entry.family, []).append(entry)
    for family, members in families.items():
        where = f"family {family!r}"
        if len(members) < 2:
            found.append(f"{where}: only entry {members[0].id!r} (a family needs two members at least)")
        owner: dict[str, str] = {}
        for entry in members:
            said = f" {analyze(' '.join((entry.title, *entry.questions, *entry.keywords, entry.answer))).text} "
            for raw in entry.members:
                member = member_of(raw)
                if not member.key:
                    found.append(f"{entry.file}: entry {entry.id!r}: member {raw!r} names nothing")
                    continue
                if f" {member.key} " not in said:
                    found.append(f"{entry.file}: entry {entry.id!r}: member {raw!r} is not said by the entry "
                                 f"(title, questions, keywords or answer)")
                for name in member.names:
                    if owner.setdefault(name, member.key) != member.key:
                        found.append(f"{where}: {name!r} names two members ({owner[name]!r} and {member.key!r})")
    return found
