"""Whether a clause is made only of known phrases, one of them a marking one.

Readers of short asides ("cảm ơn ad nhiều nha", "ai bik chỉ mik vs") ask the same thing of a clause: can its words be
cut, left to right, into phrases of a table, and is at least one of those phrases one that marks the aside (a thanks,
a plea)? One greedy pass, longest phrase first: at most ``longest`` tries a word, so linear in the clause.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the router's phrases, for the hints only: bot.kb's readers of asides never load the router
    from bot.nlp.intents import Exclusion, Word


def only_phrases(tokens: Sequence[str], phrases: frozenset[tuple[str, ...]], marks: frozenset[tuple[str, ...]],
                 longest: int) -> bool:
    """Every token in a phrase of ``phrases`` (greedy, longest first) and one of those phrases in ``marks``;
    False for no tokens."""
    marked = False
    i = 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            chunk = tuple(tokens[i:i + size])
            if chunk in phrases:
                marked = marked or chunk in marks
                i += size
                break
        else:
            return False
    return marked


def longest_first(phrases: tuple[Exclusion, ...]) -> tuple[Exclusion, ...]:
    """The phrases, the longest first: a cover takes the longest phrase said at a word."""
    return tuple(sorted(phrases, key=lambda p: -len(p.words)))


def phrase_kinds(words: tuple[Word, ...], tables: Sequence[tuple[Exclusion, ...]]) -> list[int] | None:
    """The command readers' closed shapes (resend_asked, only_this_issue): the table index of each phrase that covers
    the clause's ``words``, read left to right, at each word the earlier table first and within it the longest phrase
    (each table :func:`longest_first`); None when a word is in no table. Marks count where known, as the router's
    phrases. At most one try per phrase a word: linear in the clause."""
    kinds: list[int] = []
    i = 0
    while i < len(words):
        for kind, phrases in enumerate(tables):
            p = next((p for p in phrases if p.said_at(words, i)), None)
            if p is not None:
                kinds.append(kind)
                i += len(p.words)
                break
        else:
            return None
    return kinds
