"""A stop the asker tells done for someone else ("Tôi đã hủy đăng ký giúp bà rồi mà vẫn nhận bản tin", "tôi hủy đăng ký
giúp mẹ tôi rồi mà mẹ vẫn nhận"): the clause opens with the asker speaking of himself (``[request] speaker``: "tôi",
"mình"; not "con", "cháu", "em", which also name a child: "Con tôi hủy giúp tôi rồi") and the one it was done for is
a person other than the asker (a title or a relative after "giúp / cho / giùm"). The complaint is then about that
person's Zalo account, not the asker's, whose state the stop complaint's reply says (review 18, M2).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from bot.nlp.intents import intents_file
from bot.nlp.normalize import command_form


@lru_cache(maxsize=1)
def _speakers() -> frozenset[str]:
    return frozenset(command_form(w) for w in intents_file()[0].get("speaker", []))


def stopped_for_another(clause: str, on_behalf: Iterable[str], persons: Iterable[str]) -> bool:
    """Whether ``clause`` opens with the asker and says the act was done for one of ``persons`` (folded) other than
    the asker, after a word of ``on_behalf``."""
    words = command_form(clause).split()
    speakers = _speakers()
    if not words or words[0] not in speakers:
        return False
    behalf, people = {command_form(w) for w in on_behalf}, frozenset(persons)
    return any(a in behalf and b in people and b not in speakers for a, b in zip(words, words[1:], strict=False))
