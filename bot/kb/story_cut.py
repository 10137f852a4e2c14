"""The question of a chat message cut from the story run into its sentence, answered where readers agree (round 27).

Citizens typing in chat run their story and their question into one sentence joined by commas, with no question
mark to end either: "ghe tui co treo cai bang ron ngay cds 2022 ma bi bao xe mat chu roi, chu de nam 2022 la chi rua
ad, nho giup voi", "c63 la trang j z ad, thấy bài báo nhắc mà k hỉu". Read whole, the story's words dilute how much
of the message the right entry covers, and the message is refused though its question, sent alone, is answered.
Round 26 (mixed26) measured cutting every such sentence at its commas: held-out +19 right, but +6 wrong and +8
off-topic answered — the story cut off is what carried the off-topic signal ("Zalo của tôi bị hack rồi, làm sao lấy
lại tài khoản?": the question alone is a request the KB's redirect entries answer).

So the cut is read only for a message every other reading left unanswered, only for a message of one sentence (a
letter of several is a rambling letter: ``bot.kb.named``, ``bot.kb.asking_part``), and answered only where what told
the off-topic stories apart on the tuned sets holds (docs/qa-history/round-27-mixed27.md):

- the asking part (``bot.kb.question_part.asking_pieces``: the comma pieces that ask, the story's pieces left out),
  decided as though sent alone, is confident with every floor of the decision, with none of the KB's redirect
  entries (a redirect is the channel's reply to an off-topic request: the story is what made it one);
- the trained intent reader, reading that part alone, names the same entry at ``NAMED_P``: two readers sharing no
  rule agree on the question without its story;
- the trained off-topic model finds the part plainly in scope (``PLAIN_TRAINED``): the off-topic stories' questions
  read alone ("làm sao lấy lại tài khoản", "tổng đài số mấy", "khiếu nại ở đâu") are what that model learned;
- where a reader of the whole message leans out, the other must not: the intent reader reading the whole as none of
  the entries (``OUTSIDE``) asks the naive Bayes to find the part plainly in scope too (``OOS_CONFIRM``, as round
  26's asking part of a long letter), and the trained model leaning out of the whole (``OOS_TRAINED``) asks the
  intent reader to name the entry over the whole message;
- the whole message, story and all, ranks the entry among its first three (the story names no other subject), and
  asks no kind of fact, place or year the entry does not say (a place or year of the story that is not the asker's
  own still holds: ``bot.kb.subjects``, ``bot.kb.story_years``).

Every piece is read once (``bot.kb.question_part``), and the sentence marks once: linear in the message.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.kb.agreed import Deciding
from bot.kb.asking_part import asking_part as asked_part
from bot.kb.asks import unanswered
from bot.kb.decision import OOS_CONFIRM, OOS_TRAINED, REDIRECT_TOPIC, SUGGESTIONS, outside
from bot.kb.intent_model import OUTSIDE
from bot.kb.named import NAMED_P, PLAIN_TRAINED
from bot.kb.several import Decided
from bot.kb.texts import Texts

# a sentence mark inside the message (a full stop only before a space: "1.000", "c63.mic.gov.vn" are one word)
_SENTENCE_END = re.compile(r"[?!;…\n]|\.\s")
_CLOSING = " \t\n?!.;…"  # the marks that end the message, which end no sentence before another


def one_sentence(text: str) -> bool:
    """Whether ``text`` is one sentence: no sentence mark before its last words (its pieces joined by commas only).
    A letter of several sentences is a rambling letter, read by ``bot.kb.named`` and ``bot.kb.asking_part``."""
    return _SENTENCE_END.search(text.rstrip(_CLOSING)) is None


def cut_from_story(kb: Deciding, texts: Texts, text: str, asks: Sequence[str], whole: Decided) -> Decided | None:
    """A confident reading of the asking part of ``text`` (``bot.kb.asking_part.asking_part``, the one long letters
    have; ``asks``: its question clauses) where the readers agree (the module docstring), or ``None``. ``whole``: the
    decision on the whole message. Read last, only for a message no other reading answered (latency: one more
    decision and intent reading)."""
    if not texts.whole or not whole[1] or not one_sentence(text):
        return None
    near = {h.entry.id for h in whole[1][:SUGGESTIONS]}
    part = asked_part(text, asks)
    if not part:
        return None
    # a part ranked already (a question clause that is all the part) is decided on those hits (latency: no search)
    alone = texts.read_alone(part, lambda: kb.decide(texts, part, texts.ranked.get(part)))
    result, hits = alone
    if not result.confident or not hits or result.entry not in near:
        return None
    top = next((h for h in hits if h.entry.id == result.entry), None)
    if top is None or top.entry.topic == REDIRECT_TOPIC or outside(top) or top.trained >= PLAIN_TRAINED:
        return None
    reading = texts.read_alone(part, lambda: texts.intent(part))
    if reading.top != top.entry.id or reading.p < NAMED_P:
        return None
    named_whole = texts.intent(texts.whole).top
    if named_whole == OUTSIDE and top.oos >= OOS_CONFIRM:
        return None  # the story leads the reader out: both off-topic readers must find the question plainly in
    if whole[1][0].trained >= OOS_TRAINED and named_whole != top.entry.id:
        return None  # the story leads the trained model out: the reader must name the entry over the whole message
    if unanswered(texts.kinds(text) | texts.places, top.entry):
        return None  # the whole message asks a kind of fact, place or year the entry does not say
    return alone
