"""A long letter whose story kept its question's entry out of the whole letter's ranking (round 28).

The newest writers' rambling letters run 60–80 words, and their story is told in words of the channel's other
entries ("bốc trúng năm 2022", "lên mạng tra", "chép một kiểu", "sai một chữ"): ranked whole, the letter's candidates
are the entries those words touch, and the entry its last sentence asks about ("Cho em hỏi chủ đề năm 2022 nguyên văn
là câu chi ạ?") is not among them at all. The long-letter readers (``bot.kb.named``, ``bot.kb.asking_part``) read the
asking part against the whole letter's ranking, so they can answer only an entry that ranking holds; the intent
reader, reading the whole letter, reads it as none of the entries (the story is what it learned of off-topic
questions).

A ranking that never ranked an entry says nothing for or against it. Here the asking part read alone
(``bot.kb.asking_part``: its asking pieces, or its last asking sentence) decides: a long letter of several sentences
that no other reading answered is answered with the part's entry where

- the part's decision, as though sent alone, is confident with every floor, and its entry is no redirect entry;
- the entry is not among the whole letter's ranked entries below its first (where the whole letter ranks it below
  another, that ranking speaks against it, and the long-letter readers decide as before). Round 33: ranked first, it
  has a ranking that speaks for it. Since round 32 (select32) every rare term of a letter selects candidates, so the
  whole letter's ranking now holds, and often puts first, the entry a story once kept out of it, while the story's
  words still hold the whole letter's decision back (the readers of the whole letter read the story as off-topic);
  refusing the entry for being ranked first left two fresh tuned letters as choices or an apology, one of them
  answered under the 24-rarest selection ("Chủ đề Ngày chuyển đổi số năm 2022 là gì em nhỉ" after a teacher's story);
- the intent reader reads the whole letter as that entry or as none (``OUTSIDE``), never as another (a story naming
  another subject of the channel);
- the intent reader names the entry over the part alone at ``NAMED_P``, and both off-topic readers and the
  out-of-scope rule find the part plainly in scope (``OOS_CONFIRM``, ``PLAIN_TRAINED``) — stricter than the
  thresholds at which they refuse;
- nothing the letter's asking pieces ask (a kind of fact, a place, a typed name, a year) is missing from the entry
  (``bot.kb.named.allowed``).

A letter of one sentence is left to ``bot.kb.story_cut``, which asks its entry to be among the whole message's first
three. Cost: one decision and one intent reading of at most two parts, for a long letter nothing else answered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.kb.agreed import Deciding
from bot.kb.asking_part import asking_parts
from bot.kb.decision import OOS_CONFIRM, REDIRECT_TOPIC, outside
from bot.kb.intent_model import OUTSIDE
from bot.kb.named import NAMED_P, PLAIN_TRAINED, allowed, long_enough
from bot.kb.several import Decided
from bot.kb.story_cut import one_sentence
from bot.kb.texts import Texts


def unranked(kb: Deciding, texts: Texts, text: str, asks: Sequence[str], whole: Decided,
             idf: Callable[[str], float] | None = None) -> Decided | None:
    """The confident decision on an asking part of the long letter ``text`` (its question clauses ``asks``; ``whole``:
    the decision on the whole letter and its hits) whose entry the whole letter's ranking does not hold, where the
    readers agree (the module docstring), or ``None``. Read only for a letter no other reading answered."""
    if not texts.whole or not whole[1] or not long_enough(text) or one_sentence(text):
        return None
    # round 33: the whole letter's first entry speaks for the part's entry, not against it (see the module)
    ranked = {h.entry.id for h in whole[1][1:]}
    named_whole = texts.intent(texts.whole).top
    for part in asking_parts(text, asks):
        alone = texts.read_alone(part, lambda p=part: kb.decide(texts, p, texts.ranked.get(p)))
        result, hits = alone
        if not result.confident or not hits or result.entry in ranked or named_whole not in (result.entry, OUTSIDE):
            continue
        top = hits[0]  # the decision's entry, measured on the part (``allowed`` reads its question and record)
        if top.entry.id != result.entry or top.entry.topic == REDIRECT_TOPIC or top.against or outside(top) \
                or top.oos >= OOS_CONFIRM or top.trained >= PLAIN_TRAINED:
            continue
        reading = texts.read_alone(part, lambda p=part: texts.intent(p))
        if reading.top != top.entry.id or reading.p < NAMED_P:
            continue
        if allowed(top, texts, text, idf, asks):
            return alone
    return None
