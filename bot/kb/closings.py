"""Whether a clause of a message only closes it: thanks or goodbye, with the fillers around them ("Cam on.",
"Em cảm ơn nhiều ạ", "tks ad"), or the source the asker cites ("…, theo kênh này kêu gọi") — no question, no topic.

The engine takes the last clause of a message as its question when the clauses before it only ask by a request
("Nhờ kênh giải thích giúp …"): a closing is never that question. Unmarked "Cam on" folds like "cam" (orange), a
word the ranker keeps, so the closing is found by the small-talk phrases of ``content/conversation.toml``
(``[smalltalk]`` thanks, bye and fillers), every word of the clause one of them.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from bot.kb.tails import only_asks_answer
from bot.nlp.clauses import cites_source
from bot.nlp.normalize import fold
from bot.nlp.phrase_cover import only_phrases

_FILE = Path(__file__).resolve().parents[2] / "content" / "conversation.toml"
_KINDS = ("thanks", "bye")
# Review of round 17 (M3): the acknowledgements ("ok", "dạ", "vâng") come before thanks as fillers do ("ok cảm ơn",
# "dạ em cảm ơn"); folded "bai" is also "bài" (an article, a lesson), so alone it says no goodbye here
_AROUND = ("fillers", "ack")
_NOT_CLOSING = frozenset({("bai",)})


@lru_cache(maxsize=1)
def _phrases() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]], int]:
    """The thanks and goodbye phrases, those and the fillers, as folded token tuples; the longest one's length."""
    table = tomllib.loads(_FILE.read_text(encoding="utf-8"))["smalltalk"]
    closing = frozenset(t for t in (tuple(fold(p).split()) for kind in _KINDS for p in table[kind]) if t) - _NOT_CLOSING
    around = frozenset(t for t in (tuple(fold(f).split()) for kind in _AROUND for f in table[kind]) if t)
    found = closing | (around - _NOT_CLOSING)
    return closing, found, max(len(t) for t in found)


def closes(clause: str) -> bool:
    """Every word of ``clause`` is a thanks or goodbye phrase or a filler, and one of them a thanks or goodbye; or
    the clause only cites where the asker heard what they ask ("theo kênh này kêu gọi", ``clauses.cites_source``)."""
    if cites_source(clause) or only_asks_answer(clause):  # "…, mong ad tl som" (bot.kb.tails)
        return True
    tokens = fold(clause).split()
    if not tokens:
        return False
    closing, phrases, longest = _phrases()
    return only_phrases(tokens, phrases, closing, longest)
