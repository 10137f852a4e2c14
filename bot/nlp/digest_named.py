"""Whether words name this channel's digest by its own name ("bản tin", "tin chuyển đổi số", "tóm tắt tin") or how
often it comes ("hằng tuần"), not a notice any service sends ("thông báo", "tin nhắn", "tin tức", "SMS").

A subscription asked for someone else ("đăng ký nhận bản tin cho mẹ tôi") is read only where the request names the
digest so (review 18, H3: "đăng ký nhận thông báo cho con tôi trên VNeID" asks about VNeID's notices, the knowledge
base's). The phrases: content/intents.toml ``[request] digest_for_others``.
"""

from __future__ import annotations

from bot.nlp.intents import request_phrases
from bot.nlp.normalize import command_form, command_words


def names_digest(text: str) -> bool:
    """Whether ``text`` names the digest by its own name or by how often it comes."""
    folded, words = f" {command_form(text)} ", tuple(command_words(text))
    return any(p.folded in folded and p.found(folded, words) for p in request_phrases("digest_for_others"))
