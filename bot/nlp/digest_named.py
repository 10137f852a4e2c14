"""Whether words name this channel's digest by its own name ("bản tin", "tin chuyển đổi số", "tóm tắt tin") or how
often it comes ("hằng tuần"), not a notice any service sends ("thông báo", "tin nhắn", "tin tức", "SMS").

A subscription asked for someone else ("đăng ký nhận bản tin cho mẹ tôi") is read only where the request names the
digest so (review 18, H3: "đăng ký nhận thông báo cho con tôi trên VNeID" asks about VNeID's notices, the knowledge
base's). The phrases: content/intents.toml ``[request] digest_for_others``.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache

from bot.nlp.intents import DEFAULT_INTENTS, Exclusion, expand
from bot.nlp.normalize import command_form, command_words


@lru_cache(maxsize=1)
def _phrases() -> tuple[Exclusion, ...]:
    data = tomllib.loads(DEFAULT_INTENTS.read_text(encoding="utf-8"))
    vocabulary: dict[str, list[str]] = {}
    for name, words in data.get("vocabulary", {}).items():  # as load_intents reads it
        vocabulary[name] = [w for p in words for w in expand(p, vocabulary)]
    said = data.get("request", {}).get("digest_for_others", [])
    return tuple(dict.fromkeys(Exclusion.of(p) for t in said for p in expand(t, vocabulary)))


def names_digest(text: str) -> bool:
    """Whether ``text`` names the digest by its own name or by how often it comes."""
    folded, words = f" {command_form(text)} ", tuple(command_words(text))
    return any(p.folded in folded and p.found(folded, words) for p in _phrases())
