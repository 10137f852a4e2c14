"""A letter's question headed by a sentence that announces it (round 32).

A long letter often says what it wants to know in general terms before asking it: "Tôi muốn biết nước mình đặt mục
tiêu thế nào. Đến năm 2030 kinh tế số phải chiếm bao nhiêu phần GDP, và mục tiêu đó nằm trong văn bản nào vậy?".
The first sentence reads as a question ("thế nào") and, read as the letter's first question, was answered on its
own with whatever entry its general words rank first (another plan's target), the real question only offered.

The heading is told apart by three marks, each a reading of how Vietnamese letters are written, not of one case:
it is one clause, a sentence of its own, typed without "?" (a statement of what the writer wants, "Tôi muốn biết
…"; a sentence that goes on after a comma tells a story, and what it tells may be what is pointed back at: "… xác
định bài toán thế nào để học hỏi, có người nói Bộ đã công bố … lên một trang web. Trang đó địa chỉ gì …?"); it
asks no fact (no who, when, how many or where, ``bot.kb.wh``: only how or what about something); and the very next
sentence is typed with "?", asks a fact, and points back at the heading's subject ("mục tiêu đó",
``bot.nlp.clauses.self_contained``, read on the sentence as typed). Vietnamese points back at or drops a subject the
talk already holds, so the two sentences are one question and the second says what is asked. Only then is the
heading left out of the questions read; the whole message, which the engine still ranks, keeps its words.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from bot.kb.message import Sentence
from bot.kb.wh import kinds
from bot.nlp.clauses import self_contained

# the kinds of fact a question names exactly, which a heading asking "how / what about" it does not (``bot.kb.wh``)
FACT_KINDS = frozenset({"who", "when", "count", "where"})


def without_heading(asks: Sequence[str], sentences: Mapping[str, Sentence | None],
                    analysed: Callable[[str], str]) -> list[str]:
    """``asks`` (the message's questions, in order) without a first one that only heads the question after it (the
    module's rule); ``analysed``: a question's analysed, folded text (``Texts.analysis``)."""
    if len(asks) < 2:
        return list(asks)
    head, rest = asks[0], asks[1:]
    told = sentences.get(head)
    then = sentences.get(rest[0])
    if told is None or then is None or told.mark == "?" or "?" in head or then.mark != "?" \
            or then.index != told.index + 1 or len(told.text.split()) != len(head.split()) or "," in told.text:
        return list(asks)  # the heading is one clause, a sentence of its own: what a longer one tells is story
    asked = [a for a in rest if (s := sentences.get(a)) is not None and s.index == then.index]
    # the sentence as typed: a clause may be read standardized ("mục tiêu đó" in a Northern letter)
    if kinds(analysed(head)) & FACT_KINDS or self_contained(then.text) \
            or not any(kinds(analysed(a)) & FACT_KINDS for a in asked):
        return list(asks)
    return list(rest)
