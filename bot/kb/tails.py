"""A clause after the question that only asks for the answer or whether the channel said it: no topic of its own.

Chat writers end a question with a plea for the answer ("…ba trụ cột của cđs là gì vậy? ai bik chỉ e với", "…? mong
ad trả lời sớm") or ask whether the channel's own writing says it ("…chữ ký số là gì thế? trên kênh có nhắc chuyện
này không"). Such a clause holds a question word ("ai", "không") and was read as a second question: ranked alone it
named the channel's own entries, and with two questions the first was held to an "Ý bạn là…?". It asks nothing of
a topic: every word is one of who asks and is asked, politeness, the plea, or the channel's writing
(``content/asking_tails.toml``), with at least one word of the plea or of the channel. One pass over the clause's
words, longest phrase first (linear).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from bot.nlp.clauses import is_question
from bot.nlp.normalize import fold
from bot.nlp.phrase_cover import only_phrases

_FILE = Path(__file__).resolve().parents[2] / "content" / "asking_tails.toml"
_GROUPS = ("people", "answer", "source")
_MARKS = ".,!?;:…\"'()"


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]], int]:
    """The tails' words as folded token tuples, the words that mark a tail, and the longest phrase's length."""
    table = tomllib.loads(_FILE.read_text(encoding="utf-8"))["tails"]
    words = frozenset(t for g in _GROUPS for t in (tuple(fold(w).split()) for w in table[g]) if t)
    marks = frozenset(tuple(fold(w).split()) for w in table["marks"])
    return words | marks, marks, max(len(t) for t in words | marks)


def only_asks_answer(clause: str) -> bool:
    """Whether ``clause`` only pleads for the answer or asks whether the channel's writing says it (see the
    module's doc): every word a tail's word, one of them a plea's or the channel's."""
    tokens = [t for t in (w.strip(_MARKS) for w in fold(clause).split()) if t]
    if not tokens:
        return False
    words, marks, longest = _words()
    return only_phrases(tokens, words, marks, longest)


def without_tails(asks: list[str]) -> list[str]:
    """The asking clauses without those that only plead for the answer (``only_asks_answer``), where another
    clause asks: a message of such a clause alone is still read as asking."""
    kept = [p for p in asks if not only_asks_answer(p)]
    return kept or asks


def without_tail(cut: Sequence[str], text: str) -> str | None:
    """``text`` without the clauses of ``cut`` that end it and only plead for the answer or ask of the channel's
    writing (``only_asks_answer``), where a clause before them asks; ``None`` where there are none. As the asker's
    purpose is (``bot.kb.purposes``), the plea is taken out before the message is ranked: its words ("bài viết",
    "kênh", "trả lời") are the channel's own entries' words and pulled them through the question's gate."""
    end = len(cut)
    while end > 1 and only_asks_answer(cut[end - 1]):
        end -= 1
    if end == len(cut) or not any(is_question(c) for c in cut[:end]):
        return None
    last = cut[end - 1]
    at = text.rfind(last, 0, text.find(cut[end]) if cut[end] in text else len(text))
    if at < 0:
        return None  # a clause not found as typed (a long message's merged tail): read as before
    return text[: at + len(last)].strip() or None
