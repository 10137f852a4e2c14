"""A guess the asker adds after a question ("…, hay chỉ là ngày kỷ niệm thôi?"), taken out before the message is ranked.

"Lập ra cái ngày 10/10 chuyển đổi số để làm gì thế nhỉ, hay chỉ là ngày kỷ niệm thôi?" asks what the day is for; the
last clause is the asker's own guess at the answer, joined by "hay" (or). ``bot.nlp.clauses`` keeps it in the
question's clause, and its words ("ngày kỷ niệm") ranked the entry saying which day it is above the one saying what
it is for, confidently. A guess says nothing of which entry answers: the message is read without it, as it is
without the asker's purpose (``bot.kb.purposes``) or a plea for the answer (``bot.kb.tails``).

Read only where the message ends with a short clause opened by ", hay" that asks nothing itself (no question word,
no yes/no word), after a question asked with a question word (what, why, who, when, where, how many, how): after a
yes/no question ("… có vào top 50 không, hay chỉ là khẩu hiệu?") the clause is the other half of a choice, and is
kept. Cheap trigger: ", hay" in the message; then one analysis of the two short parts (linear).
"""

from __future__ import annotations

import re

from bot.kb.wh import kinds
from bot.nlp.normalize import analyze

TRIGGER = ", hay "  # the cheap test the message reader makes before calling (lower case: "Hay" opens no guess)
_LONGEST_GUESS = 8  # words: a guess is short ("hay chỉ là ngày kỷ niệm thôi"); a longer clause is a question's own
_ASKING = frozenset({"count", "who", "when", "where", "why", "task", "what"})  # kinds a question word says
_HOW = re.compile(r"\b(?:lam sao|the nao|ra sao|nhu nao)\b")  # "how" asked ("cách", "thủ tục" are nouns too)
# yes/no words (folded, teencode expanded): a guess holding one asks, and a question holding one offers a choice
_YES_NO = frozenset({"khong", "chua"})
_SENTENCE_END = re.compile(r"[.!?…]")


def _folded(text: str) -> str:
    return " ".join(analyze(text).tokens)


def without_guess(text: str) -> str | None:
    """``text`` without the guess that ends it (see the module's doc), or ``None`` where it ends with none."""
    at = text.rfind(TRIGGER)
    if at < 0:
        return None
    guess = text[at + len(TRIGGER):]
    if _SENTENCE_END.search(guess.rstrip(" ?!.…")) is not None:
        return None  # more than one clause after "hay": a sentence of its own follows
    words = _folded(guess).split()
    if not words or len(words) > _LONGEST_GUESS or _YES_NO & set(words) or kinds(" ".join(words)) \
            or _HOW.search(" ".join(words)):
        return None
    before = text[:at]
    sentence = _SENTENCE_END.split(before)[-1]
    asked = _folded(sentence)
    if not (kinds(asked) & _ASKING or _HOW.search(asked)) or _YES_NO & set(asked.split()):
        return None  # no question word before it, or a yes/no question ending there: a choice, kept
    end = "?" if guess.rstrip().endswith("?") else ""
    return (before.rstrip(" ,") + end).strip() or None
