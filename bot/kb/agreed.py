"""The question's own clause, read alone, answered where the whole message agrees with it (round 23).

A rambling letter tells its context first and asks at the end ("Phường tôi tháng nào cũng mời đi họp … Vậy theo bài
đó thì mấy hạn chế đó là gì vậy?"). The whole message's reading is held back by its context: the context's words
dilute how much of the message the top entry covers, so the coverage floor or the model refuses it, and a story
sentence read as a first question keeps the several-questions reading unsure. Lowering the thresholds answered
off-topic look-alikes held out (round 22), so this reader needs agreement instead: the question's clause read alone
ranks first the same entry the whole message ranks first, and the trained intent reader, reading the whole message,
names that entry too. Then the clause is decided again with the whole message's intent reading as its second
opinion (``bot.kb.intent_model.agrees``): every floor of the decision still holds, over the clause's own hits.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from bot.kb.asks import unanswered
from bot.kb.decision import OOS_TRAINED
from bot.kb.index import Hit
from bot.kb.intent_model import INTENT_AGREE
from bot.kb.several import Decided
from bot.kb.texts import Texts

CLAUSES = 2  # asking clauses read alone, last first (latency: a letter of many questions costs two decisions more)


class Deciding(Protocol):
    """What deciding a text needs (``bot.kb.engine.KnowledgeBase.decide``)."""

    def decide(self, texts: Texts, text: str, hits: list[Hit] | None = None, exact: bool = True) -> Decided:
        """The decision on ``text``, one text of the message ``texts`` holds, and its ranked hits."""
        ...


def agreed(kb: Deciding, texts: Texts, text: str, asks: Sequence[str], whole: Decided) -> Decided | None:
    """A confident reading of one of the message's asking clauses ``asks`` whose first entry is the whole message's
    (``whole``) and the intent reader's over the whole message, or ``None``. Read last, only for a message the other
    readings left unanswered (latency: at most ``CLAUSES`` clauses, their queries shared by ``texts``)."""
    if not asks or not whole[1] or not texts.whole:
        return None
    entry = whole[1][0].entry.id
    # three refusals, the cheapest read first (latency, round 24: the kinds asked are a dozen families' expressions
    # over a long letter; the trained model's probability is the hit's, the intent reading the decision's, kept)
    if whole[1][0].trained >= OOS_TRAINED:
        return None  # the trained off-topic model leans out of the whole message (a look-alike after an introduction)
    reading = texts.intent(texts.whole)
    if reading.top != entry or reading.p < INTENT_AGREE:
        return None
    if unanswered(texts.kinds(text) | texts.places, whole[1][0].entry):
        return None  # the whole message asks a kind of fact the entry does not say ("10 tuổi … làm ở mô?")
    words = len(text.split())
    for question in list(reversed(asks))[:CLAUSES]:  # the question is asked last in a rambling letter
        if words < 2 * len(question.split()):
            # a short introduction dilutes nothing: the whole message's refusal is a doubt about the question itself
            # ("Tôi làm ruộng, kinh tế vĩ mô là gì?"), not the context's words outweighing it (integration); checked
            # before the clause is decided, which costs a search
            continue
        alone = kb.decide(texts, question)
        if not alone[1] or alone[1][0].entry.id != entry:
            continue
        # the same hits, decided again (no search)
        lent = texts.lend(question, lambda q=question, hits=alone[1]: kb.decide(texts, q, hits))
        if lent[0].confident and lent[0].entry == entry:
            return lent
    return None
