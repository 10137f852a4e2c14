"""A help request told with a problem ("ad giúp em được gì không, em bị lừa mất tiền", "kênh này giúp tôi được gì
không, tôi bị hack zalo"): the citizen asks what the channel can do *about the problem*, not for the list of commands.

Round 25 (lane cmd25): such a message is no command (``@problem`` is in help's ``unless``): it starts no story and acts
on nothing, and the knowledge base answers the problem, the topic that can help (a scam: what to do at once). Its
answer also offers the menu (``answer_offer_help``), since the citizen asked what the channel does too. Read only for
a message the router left to question answering: one lookup of the problem phrases, then of help's patterns.
"""

from __future__ import annotations

from functools import lru_cache

from bot.nlp.intents import Exclusion, any_said, pattern_said, phrases_of
from bot.nlp.normalize import command_form, command_words


@lru_cache(maxsize=1)
def _problems() -> tuple[Exclusion, ...]:
    return phrases_of(["@problem"])


def asks_help_with_problem(text: str) -> bool:
    """Whether ``text`` tells a problem (``[vocabulary] problem``) and says a pattern of help."""
    words = tuple(command_words(text))
    if not any_said(_problems(), f" {command_form(text)} ", words):
        return False
    return pattern_said("help", text)
