"""The sentences of a story told before the question sentence: context, though a word of them reads as asking.

A rambling letter tells the asker's life and the people in it in full-stopped sentences, then asks in one sentence
ending on "?" ("… Mẹ tôi cứ thắc mắc sao người ta bán hàng không cần tiền mặt. Thanh toán không dùng tiền mặt là
gì vậy?", "Tụi bạn em ở mấy trường khác cũng chưa biết gì. Em cũng thế. Chính phủ số là gì ạ?"). A story's "mấy"
(some), "sao" (why, wondered by someone else), "cái gì" reads as a question word, so the story sentence was read as
the first question and its words ranked other entries over what the letter asks. Round 15's
``bot.kb.message.unstoried`` drops such a sentence only where two questions are left; here a story sentence goes
whenever a later sentence ends on "?", down to that one question: full-stopped, telling of a person (the asker, or
someone of theirs, their friends), not a request to know (``bot.kb.message.asks_anyway``) unless another person
wonders ("Mẹ tôi cứ thắc mắc …") or the asker tells they cannot answer someone ("con không biết trả lời sao"). A
full-stopped question that tells of no person stays ("Nghệ An có bao nhiêu tổ. Bao nhiêu thành viên?", review 14c).
One pass over the clauses, each sentence's words read once.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

from bot.nlp.clauses import self_contained
from bot.nlp.normalize import fold

_STORY = tomllib.loads((Path(__file__).resolve().parents[2] / "content" / "asking_tails.toml").read_text(
    encoding="utf-8"))["story"]
_PEOPLE = frozenset(_STORY["people"])  # the people of a story, typed with their marks
_ASKER = frozenset(_STORY["asker"])  # the people a story sentence may open with and still be the asker's own
_WONDERING = tuple(_STORY["wondering"])  # someone else's wondering or asking told in the story

_TOLD = frozenset({".", "!", "\n"})  # the marks ending a sentence told, not asked
# the first persons of chat, unmarked (``bot.kb.subjects.SPEAKER`` but for "to", which folds like "tổ")
_SPEAKER = frozenset({"toi", "tui", "minh", "mik", "em", "e", "chau"})
_MARKS = ".,!?;:…\"'()"


class _Sentence(Protocol):
    mark: str
    text: str


def tells_of_people(sentence: str) -> bool:
    """Whether ``sentence`` tells of a person: a story's person typed with marks, or a first person unmarked."""
    for raw in sentence.split():
        word = unicodedata.normalize("NFC", raw).lower().strip(_MARKS)
        if word in _PEOPLE or (word.isascii() and fold(word) in _SPEAKER):
            return True
    return False


# the asker not knowing how to answer someone ("con cũng không biết trả lời sao", "tôi chưa biết giải thích thế nào"):
# the story of a question put to them, not a question of their own (folded)
_CANNOT_ANSWER = re.compile(r"\b(?:khong|chua|ko|k|hong|chang) (?:biet|bik|bit) (?:tra loi|tl|giai thich|noi|dap)"
                            r"(?: lai)? (?:sao|the nao|ra sao|nhu nao|gi)\b")


def cannot_answer(clause: str) -> bool:
    """Whether ``clause`` tells that the asker does not know how to answer someone (see ``_CANNOT_ANSWER``)."""
    return _CANNOT_ANSWER.search(fold(clause)) is not None


def wondered_by_other(clause: str) -> bool:
    """Whether ``clause`` tells another person wondering or asking ("Mẹ tôi cứ thắc mắc sao …", "Bà em hỏi …"): it
    opens with a person of the story who is not the asker, and says "thắc mắc" or "hỏi" (typed with marks)."""
    words = [unicodedata.normalize("NFC", w).lower().strip(_MARKS) for w in clause.split()]
    if not words or words[0] not in _PEOPLE or words[0] in _ASKER:
        return False
    padded = f" {' '.join(words)} "
    return any(f" {w} " in padded for w in _WONDERING)


def before_question(asks: Sequence[str], sentences: Mapping[str, _Sentence | None],
                    asked_anyway: Callable[[str], bool]) -> list[str]:
    """``asks`` without the story sentences told before a sentence ending on "?" (see the module's doc);
    ``asked_anyway`` tells a clause that asks whatever its mark (a request to know, not knowing)."""
    if len(asks) < 2:
        return list(asks)
    last = max((i for i, p in enumerate(asks) if (s := sentences.get(p)) is not None and s.mark == "?"), default=-1)
    if last < 1 or ((s := sentences.get(asks[last])) is not None and not self_contained(s.text)):
        return list(asks)  # the question points back at the story ("Ngày đó có nghỉ lễ không?", review 15, M3)
    kept = []
    for i, part in enumerate(asks):
        found = sentences.get(part)
        if i < last and found is not None and found.mark in _TOLD and tells_of_people(found.text) \
                and (wondered_by_other(part) or cannot_answer(part) or not asked_anyway(part)):
            continue
        kept.append(part)
    return kept or list(asks)
