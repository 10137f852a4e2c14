"""The readers of a long letter's asking part, where the letter's story leads them out of scope (round 26).

Round 24's long-letter reading (``bot.kb.named``) answers the ranker's first entry where the trained intent reader
names it over the whole letter and neither off-topic reader leans out of the whole letter. Both off-topic readers and
the intent reader's ``(outside)`` class learned the dev sets' off-topic questions, whose words are a life beyond the
channel: a bank, a market, a harvest, a father's temper. A citizen's letter tells such a life before it asks, and
over the whole letter the readers then lean out ("Tui bán hủ tiếu trên ghe …", "Bố em … bảo nhà nước làm khổ dân")
though its question is plainly the channel's. The story is the asker's, not what is asked: the part of the letter
that asks (``bot.kb.question_part``) is read by the same three readers as though sent alone, and where all three find
it plainly in scope with the same entry, the letter's story gives no reason to refuse. Every floor that says the
entry cannot answer is still read by the caller (``bot.kb.named``); only the readers' verdict on the story is set
aside, and only where the question read alone is plainly in scope for both off-topic readers (``OOS_CONFIRM``,
``PLAIN_TRAINED``) — stricter than their leaning-out thresholds — and the intent reader names the entry at
``NAMED_P``, never at the readers' usual agreement.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.kb.decision import OOS_CONFIRM, TIE_MARGIN, outside
from bot.kb.index import Hit
from bot.kb.intent_model import OUTSIDE
from bot.kb.question_part import asking_pieces
from bot.kb.texts import Texts


def asking_part(text: str, asks: Sequence[str]) -> str:
    """The part of the letter ``text`` that asks: the asking pieces of its question clauses ``asks``, or "" where
    no clause was read as a question or the pieces are the whole letter (no story to set aside)."""
    if not asks:
        return ""
    part = " ".join(asking_pieces(asks))
    return part if len(part.split()) < len(text.split()) else ""


def asking_part_agrees(texts: Texts, top: Hit, text: str, asks: Sequence[str], named_p: float,
                       plain_trained: float) -> bool:
    """Whether the asking part of ``text`` (:func:`asking_part`), read alone, is plainly ``top``'s entry's:

    - the intent reader reads the whole letter as that entry or as none (``OUTSIDE``), never as another: a question
      pointing back ("Trang đó địa chỉ là gì?") names its subject only in the story, and read alone it is another
      entry's;
    - it names the entry over the asking part alone at ``named_p`` (``bot.kb.named.NAMED_P``);
    - the whole letter ranked, with the asking part measured, ranks the entry first; where the intent reader read
      the whole letter as none, the entry leads its runner-up by ``TIE_MARGIN`` of the asking part (no reader of
      the whole letter then tells it from a neighbour that says as much);
    - neither the out-of-scope rule nor the naive Bayes (``OOS_CONFIRM``) nor the trained model (``plain_trained``)
      finds the asking part anywhere near out of scope.

    Read only where the whole letter's readers refused (latency: one more intent reading and one ranking, for a
    long letter nothing else answered)."""
    part = asking_part(text, asks)
    whole = texts.intent(texts.whole)
    if not part or whole.top not in (top.entry.id, OUTSIDE):
        return False
    reading = texts.read_alone(part, lambda: texts.intent(part))
    if reading.top != top.entry.id or reading.p < named_p:
        return False
    gated = texts.index.hits(texts.query(text), gate=texts.query(part))
    if not gated or gated[0].entry.id != top.entry.id:
        return False
    first = gated[0]
    if whole.top == OUTSIDE and len(gated) > 1 and gated[1].coverage > first.coverage - TIE_MARGIN:
        return False
    return not outside(first) and first.oos < OOS_CONFIRM and first.trained < plain_trained
