"""A question someone else asked, told in the asker's story, where the asker then makes a request of their own.

"Trong buổi sinh hoạt chi bộ, nhiều đảng viên hỏi chuyển đổi số là gì mà nói mãi. Nhờ kênh giải thích giúp định
nghĩa chuyển đổi số …": the first sentence holds a question word, so it was read as the message's question (and the
request, which asks by no question word, as context); it tells what others asked. Where a later clause is a request
that names its subject (``bot.nlp.clauses.names_subject``), that request is the question and the reported one is
the story. A reported question is a full-stopped clause (no "?") whose "hỏi" has someone before it and no request
word right before it ("cho / xin / muốn / cần hỏi" is the asker asking).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from bot.nlp.clauses import asks_by_itself, is_question, names_subject
from bot.nlp.normalize import fold

# words right before "hỏi" that make it the asker's own request, folded
_ASKING_NOW = frozenset({"cho", "xin", "muon", "can", "de", "duoc", "dinh", "phai", "hay", "nho", "the", "gi"})
_ASK = "hỏi"  # typed with its marks (not "hội", "hơi"); unmarked "hoi" is read as it too
# who asks when it is the asker ("Dạ em hỏi …", "Cho mình hỏi …"), and the openings before them (folded); "con tôi
# hỏi", "bạn tôi hỏi" have someone before the pronoun: another person asked
_SPEAKERS = frozenset({"toi", "tui", "em", "e", "minh", "chau", "to", "tao"})
_OPENINGS = frozenset({"da", "thua", "chao", "ad", "admin", "oi", "kenh", "a", "vay", "the", "nay", "cho", "xin"})


def reported(clause: str) -> bool:
    """Whether ``clause`` tells a question another person asked (see the module's doc)."""
    if "?" in clause:
        return False
    raws = [unicodedata.normalize("NFC", w).lower().strip(".,!:;…\"'()") for w in clause.split()]
    for i, raw in enumerate(raws):
        typed = raw == _ASK or (raw == "hoi" and raw.isascii())
        if typed:
            before = fold(raws[i - 1]) if i else ""
            asker = before in _ASKING_NOW or (before in _SPEAKERS and all(fold(w) in _OPENINGS for w in raws[:i - 1]))
            return i >= 2 and not asker and asks_by_itself(" ".join(raws[i + 1:]))
    return False


def unreported(asks: Sequence[str]) -> list[str]:
    """``asks`` without the reported questions (:func:`reported`) that a later request naming its subject follows."""
    keep: list[str] = []
    requested = False  # a request naming its subject comes later (read from the end: each clause judged once)
    for clause in reversed(asks):
        if not (requested and reported(clause)):
            keep.append(clause)
        requested = requested or (not asks_by_itself(clause) and is_question(clause) and names_subject(clause))
    return keep[::-1]
