"""Help told, another thing asked: "Tôi không rành mấy cái này lắm, đang tính mua con Samsung cho ông. Giá bây giờ
khoảng bao nhiêu hả em?" says "không rành … cái này", one of help's patterns, in a sentence with no question mark
(the asker's state, told), while another sentence asks, with its question mark, something that reads as no command
and does not name the channel. The question is what the message asks: it goes to the knowledge base (which answers
it, or says it is not the channel's), not to the help menu. A sentence that reads as help and holds the question mark
("Kênh này dùng sao vậy?") keeps the message help, as does a state told with nothing else asked ("Tôi không rành cái
này, chỉ tôi với") and a question about the channel that reads as no command by itself ("Chatbot này giúp được những
việc gì thế nhỉ? Hướng dẫn tôi cách dùng với."). The question mark, not a question word, tells what is asked: "mấy
cái này" (these things) holds the question word "mấy".
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from bot.nlp.normalize import command_form

HELP = "help"
_INTENTS = Path(__file__).resolve().parents[2] / "content" / "intents.toml"


@lru_cache(maxsize=1)
def _channel_words() -> frozenset[str]:
    """The channel's one-word names (``[vocabulary] channel``: "kênh", "bot", "chatbot"), folded."""
    names = tomllib.loads(_INTENTS.read_text(encoding="utf-8")).get("vocabulary", {}).get("channel", [])
    return frozenset(command_form(n) for n in names if " " not in n and not n.startswith("@"))


def help_only_told(sentences: Sequence[str], read: Callable[[str], str | None]) -> bool:
    """Whether help, read in a message of ``sentences``, is only told: no sentence that reads as help by itself
    (``read``) holds a question mark, and another sentence holds one, reads as no command and names no channel. Read
    only for a message that reached help (rare), one reading per sentence, and only when a sentence holds a question
    mark."""
    if len(sentences) < 2 or not any("?" in s for s in sentences):
        return False
    readings = [read(s) for s in sentences]
    helps = [s for s, r in zip(sentences, readings, strict=True) if r == HELP]
    if not helps or any("?" in s for s in helps):
        return False
    channel = _channel_words()
    return any(r is None and "?" in s and channel.isdisjoint(command_form(s).split())
               for s, r in zip(sentences, readings, strict=True))
