"""Whether a clause is made only of known phrases, one of them a marking one.

Readers of short asides ("cảm ơn ad nhiều nha", "ai bik chỉ mik vs") ask the same thing of a clause: can its words be
cut, left to right, into phrases of a table, and is at least one of those phrases one that marks the aside (a thanks,
a plea)? One greedy pass, longest phrase first: at most ``longest`` tries a word, so linear in the clause.
"""

from __future__ import annotations

from collections.abc import Sequence


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
