"""A long message whose whole the intent reader names clearly, answered with the ranker's same first entry (round 24).

A rambling letter (personal context first, the question at the end, 30–80 words) dilutes what the ranker measures:
the context's words lower how much of the message the top entry covers, so the coverage and match floors and the
calibrated model refuse it even where the right entry is first. The trained intent reader learned whole messages and
holds its probability behind context; the decision read it only through ``intent_model.agrees``, which needs the
calibrated probability and the coverage to be high already, so on such a letter it never counted. Here, for a long
message left unanswered by every other reading, the ranker's first entry is answered where the intent reader, reading
the whole message, names that same entry with ``NAMED_P``: two readers that share no rule agree on a long message,
where each alone is unsure for a reason the other does not share (diluted words, not a doubt about the topic).

Short messages never qualify (``LONG_WORDS``): off-topic look-alikes on the tuned sets are short ("số tài khoản Zalo
của phường tôi"), and on them the reader agrees with the ranker as clearly. What keeps the rest safe is every floor
that says the entry cannot answer, whatever the readers think: the kinds of fact the message asks that the entry
does not say (``bot.kb.asks``), a name it types that the entry does not say (``bot.kb.explained``), a year the entry
names only apart from the question (``bot.kb.bound``), a question that stops what the entry does not, the
out-of-scope rule and the trained off-topic model leaning out (``bot.kb.decision``), and the KB's redirect entries.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.kb.asking_part import asking_part_agrees, asking_part_entry, asking_part_in_scope
from bot.kb.asks import named_places, unanswered
from bot.kb.bound import unbound_year
from bot.kb.decision import OOS_CONFIRM, OOS_TRAINED, REDIRECT_TOPIC, confident, outside, probability
from bot.kb.explained import gap
from bot.kb.index import Hit
from bot.kb.intent_model import INTENT_AGREE
from bot.kb.question_part import asking_pieces
from bot.kb.several import Decided
from bot.kb.texts import YEAR, Texts
from bot.nlp.normalize import fold

LONG_WORDS = 25  # words from which a message is long enough for its context to dilute the ranker's measures
NAMED_P = 0.9  # the intent reader's probability of the ranker's first entry, reading the whole message
# round 25: where both off-topic readers find the letter plainly in scope (the naive Bayes under OOS_CONFIRM, the
# trained model under PLAIN_TRAINED), the reader's usual agreement (INTENT_AGREE) is enough: the look-alike that
# NAMED_P kept out of the tuned sets (a country's own DX day, 29 words) is one the trained model leans out of
PLAIN_TRAINED = 0.2
# round 27: from STORY_WORDS to LONG_WORDS, a letter is answered only where the whole is plainly the entry's (both
# off-topic readers plainly in, the reader at NAMED_P) and so is its asking part read alone: the look-alikes that kept
# the reading from 20 and 15 words (rounds 24, 25) passed both off-topic readers over the whole message; a story told
# around the question is what dilutes the ranker, and a question with no story to set aside is left to the decision
STORY_WORDS = 15
# round 29: over a letter of LONG_WORDS, the off-topic readers are read on its asking part, and there they need only
# not lean out by the decision's own bars (the naive Bayes under OOS_TRAINED_NB, the trained model under OOS_TRAINED),
# not be plainly in: both sum evidence over every word read, and a long story saturates them whatever it asks.
# Round 30: there the naive Bayes does not refuse alone (STORY_OOS None), as in the decision, where it refuses only
# with the out-of-scope rule or the trained model; the trained model, which reads what the entry lacks, keeps its bar
STORY_OOS: float | None = None
STORY_TRAINED = OOS_TRAINED


def named(texts: Texts, text: str, whole: Decided, messages: dict[str, str],
          idf: Callable[[str], float] | None = None, asks: Sequence[str] = ()) -> Decided | None:
    """A confident answer with the whole message's first entry (``whole``: the decision on ``text``, the message,
    and its hits) where the message is long and the intent reader names the entry, or ``None``; from ``STORY_WORDS``
    words where the whole and its asking part are both plainly the entry's (round 27); over a long letter whose
    readers refused that entry, the asking part's own entry (``bot.kb.asking_part.asking_part_entry``). Read last,
    only for a message no other reading answered (latency: the reader has read the whole message once at most).
    ``asks``: the message's question clauses, whose asking pieces alone say the places, names and kinds asked (round 25,
    ``bot.kb.question_part``)."""
    result, hits = whole
    words = len(text.split())
    if result.confident or not hits or not texts.whole or words < STORY_WORDS:
        return None
    top = hits[0]
    if top.entry.topic == REDIRECT_TOPIC or top.against:
        return None
    if words < LONG_WORDS:
        if not (_plainly_named(top, texts) and asking_part_agrees(texts, top, text, asks, NAMED_P, PLAIN_TRAINED)):
            return None
    elif not _whole_agrees(top, texts) and not _named_over_story(top, texts, text, asks) \
            and not asking_part_agrees(texts, top, text, asks, NAMED_P, STORY_TRAINED, STORY_OOS):
        # round 26: the readers of the asking part alone, where the story led the whole's out; round 27: its own entry;
        # round 29: off-topic readers not leaning out of the asking part (STORY_OOS, STORY_TRAINED); round 30: the
        # naive Bayes not alone
        ranked = asking_part_entry(texts, top, text, asks, NAMED_P, STORY_TRAINED, STORY_OOS)
        if ranked is None:
            return None
        own = ranked[0]
        if own.entry.topic == REDIRECT_TOPIC or own.against or not allowed(own, texts, text, idf, asks):
            return None
        return replace(confident(own, messages, result.normalized, result.margin), score=probability(ranked)), ranked
    if not allowed(top, texts, text, idf, asks):
        return None
    return replace(confident(top, messages, result.normalized, result.margin), score=probability(hits)), hits


def long_enough(text: str) -> bool:
    """Whether ``text`` is long enough for its context to dilute the ranker's measures (``LONG_WORDS``); read before
    the whole message is decided again (latency: a short message left unanswered costs no further search)."""
    return len(text.split()) >= LONG_WORDS


def _whole_agrees(top: Hit, texts: Texts) -> bool:
    """Whether the readers of the whole letter find it ``top``'s: neither the out-of-scope rule nor the trained
    off-topic model leaning out, and the intent reader naming the entry (``NAMED_P``; ``INTENT_AGREE`` where both
    off-topic readers find it plainly in scope)."""
    if outside(top) or top.trained >= OOS_TRAINED:
        return False
    reading = texts.intent(texts.whole)  # usually read already (cached): before the kinds' dozen expressions
    return reading.top == top.entry.id and reading.p >= (INTENT_AGREE if _plainly_in(top) else NAMED_P)


def _named_over_story(top: Hit, texts: Texts, text: str, asks: Sequence[str]) -> bool:
    """Whether the intent reader names ``top`` over the whole letter (``NAMED_P``) and neither off-topic reader leans
    out of its asking part (round 29, ``bot.kb.asking_part.asking_part_in_scope``): :func:`_whole_agrees` with the
    off-topic readers read on what is asked, not on the story told before it, which they learned as off-topic."""
    reading = texts.intent(texts.whole)
    return reading.top == top.entry.id and reading.p >= NAMED_P \
        and asking_part_in_scope(texts, top, text, asks, STORY_OOS, STORY_TRAINED)


def _plainly_named(top: Hit, texts: Texts) -> bool:
    """Whether the whole of a shorter letter is plainly ``top``'s (round 27): neither the out-of-scope rule nor either
    off-topic reader near out (``_plainly_in``), and the intent reader naming the entry at ``NAMED_P``."""
    if outside(top) or not _plainly_in(top):
        return False
    reading = texts.intent(texts.whole)
    return reading.top == top.entry.id and reading.p >= NAMED_P


def _plainly_in(top: Hit) -> bool:
    """Whether both off-topic readers find the message plainly in scope with ``top`` (round 25)."""
    return top.oos < OOS_CONFIRM and top.trained < PLAIN_TRAINED


def allowed(top: Hit, texts: Texts, text: str, idf: Callable[[str], float] | None,
             questions: Sequence[str] = ()) -> bool:
    """Whether nothing but the ranker's diluted measures keeps ``top`` from answering ``text`` (the floors that say
    the entry cannot answer, whatever the readers think). The places, names and kinds (years apart) are those the
    asking pieces of the ``questions`` say (of the message's, where no clause was read as a question), not the story
    run into their sentence (round 25)."""
    kinds, places, typed = texts.kinds(text), texts.places, texts.names
    if kinds or places or typed:
        pieces = asking_pieces(questions or [text])
        own = frozenset().union(*(texts.kinds(p) for p in pieces))
        # a year told before the question is the one it asks of ("Năm 2025 … Vào ngày nào?"): years are kept
        kinds = frozenset(k for k in kinds if k.startswith(YEAR) or k in own)
        if places:
            places = places & frozenset().union(*(named_places(texts.analysis(p).text, p) for p in pieces))
        if typed:  # a name's syllables said in an asking piece (a piece alone may read as typed in title case)
            typed = typed & frozenset(fold(" ".join(pieces)).split())
    asks = kinds | places
    if unanswered(asks, top.entry):
        return False  # the question asks a kind of fact the entry does not say (a child's age, a fee, a place)
    if typed and gap(top.question, top.record, typed) is not None:
        return False
    return unbound_year(top.question, top.record, asks, idf) is None
