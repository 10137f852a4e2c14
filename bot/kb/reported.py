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
_ASK = "hỏi"


def reported(clause: str) -> bool:
    """Whether ``clause`` tells a question another person asked (see the module's doc)."""
    if "?" in clause:
        return False
    raws = [unicodedata.normalize("NFC", w).lower().strip(".,!:;…\"'()") for w in clause.split()]
    for i, raw in enumerate(raws):
        typed = raw == _ASK or (raw == "hoi" and raw.isascii())
        if typed and i >= 2 and fold(raws[i - 1]) not in _ASKING_NOW:
            return asks_by_itself(" ".join(raws[i + 1:]))
    return False


def unreported(asks: Sequence[str]) -> list[str]:
    """``asks`` without the reported questions (:func:`reported`) that a later request naming its subject follows."""
    keep: list[str] = []
    for i, clause in enumerate(asks):
        if reported(clause) and any(not asks_by_itself(later) and is_question(later) and names_subject(later)
                                    for later in asks[i + 1:]):
            continue
        keep.append(clause)
    return keep
