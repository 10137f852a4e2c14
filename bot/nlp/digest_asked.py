"""What a request to subscribe asks of the digest that it does not have (round 17).

"Có gửi bản tin bằng tiếng Khmer không thì cho tôi nhận với" subscribes on a condition: the digest in Khmer. The digest
is written in Vietnamese and sent on Zalo, weekly; a condition it cannot meet (another language, e-mail or SMS, every
day) must not sign the asker up silently. The subscribe handler asks first, saying what the digest is, with a button
that subscribes. The lists live in content/intents.toml (``[subscribe] unmet``, and ``met``: "bằng tiếng Việt" is
the digest's own). Compared folded, as whole words: one substring test per phrase (linear in the message).
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from bot.nlp.normalize import command_form

_INTENTS = Path(__file__).resolve().parents[2] / "content" / "intents.toml"


@lru_cache(maxsize=1)
def _lists() -> tuple[tuple[str, ...], tuple[str, ...]]:
    spec = tomllib.loads(_INTENTS.read_text(encoding="utf-8")).get("subscribe", {})
    def padded(key: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f" {command_form(p)} " for p in spec.get(key, []) if command_form(p)))
    return padded("unmet"), padded("met")


def asks_unmet(text: str) -> bool:
    """Whether ``text`` asks the digest for something it does not have ("bằng tiếng Khmer", "qua email")."""
    unmet, met = _lists()
    folded = f" {command_form(text)} "
    for phrase in met:
        folded = folded.replace(phrase, " | ")
    return any(p in folded for p in unmet)
