"""Help read in a message that asks something else too ("Kênh này lập ra để làm gì, cô có thể góp gì cho kênh không
con?"): a question besides the help request is the knowledge base's, and its answer offers the menu.

Round 28 (dev27a): a letter asked what the channel is for and how the asker could contribute; the help pattern "kênh
này lập ra để làm gì" took it whole, and the citizen got the menu instead of the answer (the channel's purpose and the
story invitation). The cause is general: a help trigger inside a longer question. So a message the router reads as
help is left to the knowledge base when, in the help request's sentence or after it, a clause

* asks by itself (a question word or a "?", :func:`bot.nlp.clauses.asks_by_itself`), as a question of its own: it
  ends in "?" or closes a yes/no question (``help_besides_closing``: "…, có phải của nhà nước không"), where a question
  word alone is often a state or a courtesy ("…, khi nào rảnh trả lời cũng được", "…, giá bao nhiêu" after "chatbot
  giúp được gì" was help before, round 21),
* says no pattern of help read alone (not the request said again: "…, chỉ tui với", "có mấy chức năng gì hông"),
* tells something besides courtesy and the words of a bare question (``[request] help_courtesy``,
  ``help_besides_bare``: "…, giờ thì làm gì đây" asks what to do now, the menu's to tell), and
* names nothing of the channel's use or of the asker as a newcomer to it (``help_besides_channel``: "…, có mục nào cho
  bác bấm không", "…, tui mới vô chưa biết dùng" stay help); the channel named alone does not count, since a question
  about it ("cô có thể góp gì cho kênh không") asks something the menu does not tell.

A sentence before the help request is background (the newcomers' letters), and a courtesy after it ("có gì bác hỏi
sau") asks nothing: only a clause ending in "?" or in the help request's own sentence counts. The whole message is
read once for a help pattern (most questions stop there), then each clause once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from bot.nlp.clauses import asks_by_itself
from bot.nlp.intents import Exclusion, any_said, pattern_said, request_phrases
from bot.nlp.normalize import command_words

_SENTENCES = re.compile(r"(?<=[.?!…\n])\s*")
_PARTS = re.compile(r"[,;:]+|\s[-–—]\s")


class _Lists(NamedTuple):
    bare: frozenset[str]  # folded words that ask nothing by themselves (courtesy, a bare question's frame)
    closing: frozenset[str]  # folded words that close a yes/no question ("không", "chưa", "hả")
    channel: tuple[Exclusion, ...]  # the channel's use or its newcomer, help's own


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    def words(*keys: str) -> frozenset[str]:
        return frozenset(w for key in keys for p in request_phrases(key) for w, _ in p.words)

    return _Lists(words("help_courtesy", "help_besides_bare"), words("help_besides_closing"),
                  request_phrases("help_besides_channel"))


def _closed(words: tuple, part: str, lists: _Lists) -> bool:
    """Whether the clause is asked as a question of its own: it ends in "?", or its last word besides courtesy closes a
    yes/no question ("…, có phải của nhà nước không"); a question word alone is often a state or a courtesy ("…, khi
    nào rảnh trả lời cũng được", unmarked "may tui cu lam": "máy", not "mấy")."""
    if part.rstrip().endswith("?"):
        return True
    for w, _, _ in reversed(words):
        if w in lists.closing:
            return True
        if w not in lists.bare:
            return False
    return False


def _asks_else(part: str, lists: _Lists) -> bool:
    """Whether the clause asks something besides help (see the module's doc)."""
    if not asks_by_itself(part):
        return False
    words = tuple(command_words(part))
    if not _closed(words, part, lists) or all(w in lists.bare for w, _, _ in words):
        return False
    folded = f" {' '.join(w for w, _, _ in words)} "
    return not any_said(lists.channel, folded, words) and not pattern_said("help", part)


def asks_besides_help(text: str) -> bool:
    """Whether a message read as help also asks something else (see the module's doc)."""
    if not pattern_said("help", text):
        return False  # most questions: no help pattern at all (one lookup; handlers/qa.py asks it of every question)
    lists = _lists()
    sentences = [s for s in _SENTENCES.split(text) if s.strip()]
    seen = False  # the help request said, in this sentence or an earlier one
    for sentence in sentences:
        parts = [p for p in _PARTS.split(sentence) if p.strip()]
        asked_here = False
        for part in parts:
            if not asked_here and pattern_said("help", part):
                asked_here = seen = True
                continue
            if seen and (asked_here or sentence.rstrip().endswith("?")) and _asks_else(part, lists):
                return True
    return False
