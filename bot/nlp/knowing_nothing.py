"""A statement that the asker knows nothing about something: "Tôi chưa biết gì về tổ công nghệ số", "em không hiểu
gì về dịch vụ công", "ko bik j ve vneid", "chưa biết gì nhiều về …".

"gì" right after a negated verb of knowing or understanding is "nothing": the clause tells the asker's state and
asks nothing. The one reader of it: ``bot.nlp.clauses._negative_indefinite`` reads it among the words of a clause
(no question there), and :func:`knows_nothing` over a clause written before a comma and a question ("Tôi chưa biết
gì về tổ công nghệ số, tổ làm gì?"), which makes the comma a clause boundary for the question after it, as a
sentence of its own with a full stop after it is (``bot.nlp.clauses._split_connectors``; review of round 20, M1).
"không biết làm gì" (not knowing what to do) still asks: "gì" must follow the verb. One pass over the words.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlp.normalize import fold_token

# folded: "không / chưa / chẳng / chả / hông / ko / k / hok / hog" and the verbs of knowing and understanding, teencode
# included ("bít", "bik", "bit")
_NEGATION = frozenset({"khong", "chua", "chang", "cha", "ko", "k", "hok", "hog", "hong", "kh", "kg"})
_KNOW = frozenset({"biet", "ro", "nho", "bit", "bik", "hieu"})
_WHAT = frozenset({"gi", "j"})
# what may follow "gì" of nothing: "về" (about), "nhiều / lắm" (much), "cả / hết / luôn / trọn" (at all)
_ABOUT = frozenset({"ve", "nhieu", "lam", "ca", "het", "luon", "tron"})


def nothing_at(words: Sequence[str], i: int, ends: bool) -> bool:
    """Whether ``words[i]`` (a clause's words, marked or not, lower case, no punctuation) is the "gì" of nothing: a
    negation, a verb of knowing, then "gì", ending the clause (``ends``: only particles after it) or followed by
    "về / nhiều / lắm / cả / hết"."""
    if i < 2 or fold_token(words[i]) not in _WHAT:
        return False
    if fold_token(words[i - 1]) not in _KNOW or fold_token(words[i - 2]) not in _NEGATION:
        return False
    return ends or (i + 1 < len(words) and fold_token(words[i + 1]) in _ABOUT)


def knows_nothing(clause: str) -> bool:
    """Whether ``clause`` says the asker knows (understands) nothing, about something or at all (:func:`nothing_at`)."""
    words = [w.strip(".,!?;:…\"'()").lower() for w in clause.split()]
    return any(nothing_at(words, i, i + 1 == len(words)) for i in range(2, len(words)))
