"""A statement that the asker knows nothing about something: "Tôi chưa biết gì về tổ công nghệ số", "em không hiểu
gì về dịch vụ công", "ko bik j ve vneid".

"gì" right after a negated verb of knowing or understanding is "nothing" (``bot.nlp.clauses._negative_indefinite``):
the clause tells the asker's state and asks nothing. Written before a comma and a question ("Tôi chưa biết gì về tổ
công nghệ số, tổ làm gì?") it is context, the same as a sentence of its own with a full stop after it, so the comma
is a clause boundary for the question after it (``bot.nlp.clauses._split_connectors``; review of round 20, M1: the
comma form was ranked whole and the question lost its answer). One pass over the words.
"""

from __future__ import annotations

from bot.nlp.normalize import fold_token

# folded: "không / chưa / chẳng / ko / k / hok / hông" and the verbs of knowing and understanding, teencode included
_NEGATION = frozenset({"khong", "chua", "chang", "cha", "ko", "k", "hok", "hong", "kh", "kg"})
_KNOW = frozenset({"biet", "ro", "nho", "bit", "bik", "hieu"})
_WHAT = frozenset({"gi", "j"})
_ABOUT = frozenset({"ve", "nhieu", "lam", "ca", "het", "luon", "tron"})


def knows_nothing(clause: str) -> bool:
    """Whether ``clause`` says the asker knows (understands) nothing, about something or at all: a negation, a verb
    of knowing, then "gì" ending the clause or followed by "về / nhiều / lắm / cả / hết"."""
    words = [fold_token(w.strip(".,!?;:…\"'()")) for w in clause.split()]
    for i in range(2, len(words)):
        if words[i] in _WHAT and words[i - 1] in _KNOW and words[i - 2] in _NEGATION \
                and (i + 1 == len(words) or words[i + 1] in _ABOUT):
            return True
    return False
