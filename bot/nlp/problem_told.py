"""A help request told with a problem ("ad giúp em được gì không, em bị lừa mất tiền", "kênh này giúp tôi được gì
không, tôi bị hack zalo"): the citizen asks what the channel can do *about the problem*, not for the list of commands.

Round 25 (lane cmd25): such a message is no command (``@problem`` is in help's ``unless``): it starts no story and acts
on nothing, and the knowledge base answers the problem, the topic that can help (a scam: what to do at once). Its
answer also offers the menu (``answer_offer_help``), since the citizen asked what the channel does too.

Round 26 (review of cmd25, M2): the 13 phrases of ``@problem`` miss most problems ("…, con em bị sốt cao", "…, em
chuyển nhầm tiền cho người lạ", "…, em cần làm lại căn cước"). So the asker's own help question asked yes or no ("giúp
em được gì không", ``[request] help_for_me``) told with a clause of its own besides courtesy (``help_courtesy``) and
the channel or its use (``help_about_channel``: "…, em mới vào kênh" is still help) is a need told: no command, the
knowledge base answers it, and the answer offers the menu. "giúp được tôi những gì" asks the list and stays help, and a
long letter's background told before the question is no need (the newcomers' letters). Read only for a message the
router read as help or left to question answering: one pass over each clause's words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from bot.nlp.intents import MAX_WORDS, Exclusion, any_said, pattern_said, phrases_of, request_phrases
from bot.nlp.normalize import command_form, command_words

_PARTS = re.compile(r"[,.;:!?…\n]+|\s[-–—]\s")
_VERBS = (" giup ", " ho tro ")  # folded: every phrase of ``help_for_me`` holds one


class _Lists(NamedTuple):
    problems: tuple[Exclusion, ...]  # the problems named (``@problem``)
    asks: tuple[Exclusion, ...]  # the asker's own help question ("giúp em được gì")
    channel: tuple[Exclusion, ...]  # a clause about the channel or its use, which tells no need
    courtesy: frozenset[str]  # folded words that tell nothing


@lru_cache(maxsize=1)
def _lists() -> _Lists:
    courtesy = frozenset(w for p in request_phrases("help_courtesy") for w, _ in p.words)  # "@me" expanded
    return _Lists(phrases_of(["@problem"]), request_phrases("help_for_me"), request_phrases("help_about_channel"),
                  courtesy)


def tells_a_need(text: str) -> bool:
    """Whether ``text`` asks what the channel can do for the asker ("ad giúp em được gì không") and tells, in a clause
    of its own or after the question, something besides courtesy and the channel ("…, con em bị sốt cao")."""
    lists = _lists()
    whole = f" {command_form(text)} "
    if not any(verb in whole for verb in _VERBS):
        return False  # the cheap trigger: no verb of help at all (every question passes here)
    parts = [tuple(command_words(p)) for p in _PARTS.split(text) if p.strip()]  # each clause's words, read once
    asked = -1
    for k, words in enumerate(parts):
        folded = f" {' '.join(w for w, _, _ in words)} "
        ends = [i + len(p.words) for p in lists.asks if p.folded in folded for i in p.at(words)]
        if ends:
            asked = k
            if _tells(words[max(ends):], lists):  # said after the question, in its clause ("… không em bị lừa")
                return True
            break
    if asked < 0:
        return False
    # before the question, only in a short message: a long letter tells its asker's background first, then asks what
    # the channel does (the sets' newcomers: "Tôi mới dùng smartphone, con cháu đi làm xa. Kênh giúp được tôi gì
    # không?"); a need is told right beside the question ("con em bị sốt cao, ad giúp em được gì không")
    first = 0 if len(text.split()) <= MAX_WORDS else asked + 1
    return any(_tells(words, lists) for k, words in enumerate(parts) if k >= first and k != asked)


def _tells(words: tuple, lists: _Lists) -> bool:
    """Whether the words say something besides courtesy, and not about the channel or its use."""
    if all(w in lists.courtesy for w, _, _ in words):
        return False
    folded = f" {' '.join(w for w, _, _ in words)} "
    return not any_said(lists.channel, folded, words)


def asks_help_with_problem(text: str) -> bool:
    """Whether ``text`` tells a problem (``[vocabulary] problem``) or a need (:func:`tells_a_need`) and says a pattern
    of help, or asks another question beside a help request (bot/nlp/help_besides.py)."""
    lists = _lists()
    words = tuple(command_words(text))
    if not any_said(lists.problems, f" {command_form(text)} ", words) and not tells_a_need(text):
        from bot.nlp.help_besides import asks_besides_help  # noqa: PLC0415 (a sibling reader of help's)

        return asks_besides_help(text)  # another question asked beside help (round 28): the menu offered too
    return pattern_said("help", text)
