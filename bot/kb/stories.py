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
_CALLING = frozenset(_STORY["calling"])  # after the bot's title: "Chị ơi"
_GREETING = frozenset(_STORY["greeting"])  # before it: "Chào bạn", "Dạ thưa anh"
_LETTING = frozenset(_STORY["letting"])  # "Anh cho em hỏi"
_ASKING = frozenset(_STORY["asking"])

_TOLD = frozenset({".", "!", "\n"})  # the marks ending a sentence told, not asked
# the first persons of chat, unmarked (``bot.kb.subjects.SPEAKER`` but for "to", which folds like "tổ")
_SPEAKER = frozenset({"toi", "tui", "minh", "mik", "em", "e", "chau"})
_MARKS = ".,!?;:…\"'()"


class _Sentence(Protocol):
    mark: str
    text: str


def _words(text: str) -> list[str]:
    """The words of ``text``, NFC, lower-cased, without the marks around them."""
    return [w for raw in text.split() if (w := unicodedata.normalize("NFC", raw).lower().strip(_MARKS))]


def _person(word: str) -> bool:
    return word in _PEOPLE or (word.isascii() and fold(word) in _SPEAKER)


def unaddressed(words: list[str]) -> list[str]:
    """``words`` without the opening that addresses the bot, which is no person of a story: a greeting ("Chào bạn",
    "Dạ thưa anh chị"), a title then "ơi" ("Chị ơi", "Bác ơi,"), a title then "cho <asker> hỏi" ("Anh cho em hỏi",
    "Anh chị cho em hỏi"), and after these the asker's own "cho em hỏi" / "cháu hỏi". Reads the first words only."""
    i = 0
    while i < len(words) and fold(words[i]) in _GREETING:
        i += 1
    j = i
    while j < len(words) and _person(words[j]):
        j += 1
    if j == i:
        return words
    if j < len(words) and fold(words[j]) in _CALLING:
        j += 1
    elif not (j + 2 < len(words) and fold(words[j]) in _LETTING and fold(words[j + 2]) in _ASKING) and i == 0:
        return words  # a person of the story opens it ("Mẹ tôi hỏi …", "Bạn em cũng chưa biết")
    # the asker's own request after the address ("… cho em hỏi", "… cháu hỏi")
    k = j + 1 if j < len(words) and fold(words[j]) in _LETTING else j
    if k + 1 < len(words) and _person(words[k]) and fold(words[k + 1]) in _ASKING:
        return words[k + 2:]
    return words[j:]


def tells_of_people(sentence: str) -> bool:
    """Whether ``sentence`` tells of a person: a story's person typed with marks, or a first person unmarked — not
    the bot addressed (``unaddressed``: "Chị ơi VNeID là gì.")."""
    return any(_person(word) for word in unaddressed(_words(sentence)))


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
    words = _words(clause)
    if unaddressed(words) != words:
        return False  # the bot addressed: "Anh cho em hỏi …" is the asker's own question
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
    s = sentences.get(asks[last]) if last >= 0 else None
    # the words the question took from the story to name its subject (none where it names its own)
    referent = set(fold(asks[last]).split()) - set(fold(s.text).split()) if s is not None else set()
    if last < 1 or (s is not None and not self_contained(s.text) and not (referent and self_contained(asks[last]))):
        # the question points back at the story and names nothing read with it; resolved with the story's noun
        # (``bot.kb.message.resolved_parts``: "Thế cái tổ này lập ra để làm gì?" reads "tổ công nghệ số cộng đồng") it
        # names its subject, and the story before it is context unless it asks it too (below, round 23)
        # ("Tôi cũng không rõ. Ngày đó có nghỉ lễ không?", review 15, M3: "đó" resolves to nothing, the story stays)
        return list(asks)
    kept = []
    for i, part in enumerate(asks):
        found = sentences.get(part)
        if i < last and found is not None and found.mark in _TOLD and tells_of_people(found.text) \
                and (wondered_by_other(part) or cannot_answer(part) or not asked_anyway(part)):
            if referent and referent <= set(fold(part).split()):
                # the story sentence the question took its subject from asks of it too (someone's question told):
                # the story stays, as where the question points back at nothing read
                return list(asks)
            continue
        kept.append(part)
    return kept or list(asks)
