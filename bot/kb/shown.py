"""What an unanswered message shows: its choices drawn from every reading, not the chosen one alone (round 25).

A message the engine does not answer confidently gets "Ý bạn là…?" or the apology, each with up to three entries as
buttons. Those came from one reading's ranking — the reading that won (``bot.kb.reading``) — and a rambling letter's
words are mostly context ("nhà tôi ở …, con tôi đi làm xa, …"): the whole message's ranking can miss the entry its
last question names, and the last question's own ranking can miss what the whole letter is about (a clause such as
"theo quyết định số mấy vậy?" names no subject). The readings that did not win often had it: the trained intent
reader reading the whole message (it learned whole letters, context and all), the last question ranked alone, the
whole message ranked. Here the buttons are rebuilt from all of them, the most likely first, deduplicated, at most
``SUGGESTIONS``:

1. the first choice the engine made (its best reading's first entry: kept first, never displaced);
2. the intent reader's entry for the whole message, where it names one with ``INTENT_AGREE`` (not "none of them");
3. the first entry of the last asking clause ranked alone (the question a rambling letter ends on);
4. the first entry of the whole message's ranking,

each ranked entry only where it holds more than ``NEAR_MISS`` of its text, the bar from which the engine offers an
entry at all (a hit sharing one word — "thôi" in "Nói ngắn gọn thôi", with the entry on stopping the digest — is no
topic to offer);
5. the engine's other choices, in order.

Only what is shown changes: a message not answered stays unanswered, its head (the apology, "Ý bạn là…?", the
out-of-scope reply) stays, and a confident answer is never touched. The KB's redirect entries are never added (they
are the channel's replies to requests it does not handle, not topics to offer).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from bot.kb.decision import NEAR_MISS, REDIRECT_TOPIC, SUGGESTIONS, Answer
from bot.kb.index import Hit
from bot.kb.intent_model import INTENT_AGREE, OUTSIDE, Reading
from bot.kb.loader import Entry


def widened(result: Answer, intent: Reading, question: Sequence[Hit], whole: Sequence[Hit],
            by_id: Mapping[str, Entry], messages: Mapping[str, str]) -> Answer:
    """``result`` with its choices rebuilt from every reading (module docstring): ``intent``, the intent reader's
    reading of the whole message; ``question``, the last asking clause's ranked hits; ``whole``, the whole
    message's. A confident answer, or one with no choices to rebuild (an empty message), is returned as it is."""
    if result.confident or not result.choice_entries:
        return result
    offered = [i for i in result.choice_entries if i in by_id]
    if len(offered) != len(result.choice_entries):
        return result
    found = [i for i, p in zip(intent.entries[:1], intent.probabilities[:1], strict=True)
             if p >= INTENT_AGREE and i != OUTSIDE]
    ranked = [h.entry.id for h in (*question[:1], *whole[:1]) if h.coverage > NEAR_MISS]
    extra = [*found, *ranked]
    extra = [i for i in extra if i in by_id and by_id[i].topic != REDIRECT_TOPIC]
    chosen = list(dict.fromkeys([*offered[:1], *extra, *offered[1:]]))[:SUGGESTIONS]
    if chosen == offered:
        return result
    titles = [by_id[i].title for i in chosen]
    return replace(result, text=_with_items(result, titles, messages), choices=[(t, t) for t in titles],
                   choice_entries=chosen)


def _with_items(result: Answer, titles: Sequence[str], messages: Mapping[str, str]) -> str:
    """``result``'s text with its choice lines replaced by ``titles``' (its head kept: the apology, "Ý bạn là…?")."""
    head = result.text.rsplit("\n", len(result.choices))[0] if result.choices else result.text
    items = "\n".join(messages["choice_item"].format(title=t) for t in titles)
    return f"{head}\n{items}" if items else head
