"""A stop said bare, for someone named: "huy cho anh Tuan", "hủy giùm mẹ tôi với", "ad ơi ngưng giúp bà ngoại tôi nhé".

"hủy" with no object is no stop ("hủy giúp tôi", "hủy cho tôi" read no command: the asker may mean anything), but said
for someone else it asks what the channel cannot do for them: stop that person's digest (round 19 left "huy cho anh
Tuan" read as no command). The message reads as the stop for someone else, whose reply stops nothing and says how that
person stops it from their own Zalo; whether the words after the verb name someone else is the command reader's own
test (``for_others``). Here only the shape: a short message of one clause that opens (fillers aside: "ad ơi") with
a stop verb said bare, then a word said on someone's behalf ("cho", "giùm", …), then at most ``_AFTER`` words.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from bot.nlp.normalize import command_form

_INTENTS = Path(__file__).resolve().parents[2] / "content" / "intents.toml"


@lru_cache(maxsize=1)
def _verbs() -> tuple[frozenset[str], frozenset[str]]:
    """The stop verbs said bare (``[request] bare_stop``), and those that count typed without marks, folded
    (``bare_stop_unmarked``: "dung" is also "dùng")."""
    request = tomllib.loads(_INTENTS.read_text(encoding="utf-8")).get("request", {})
    return (frozenset(unicodedata.normalize("NFC", w) for w in request.get("bare_stop", [])),
            frozenset(command_form(w) for w in request.get("bare_stop_unmarked", [])))

_AFTER = 4  # the person and a please: "anh Tuấn", "bà ngoại tôi nhé"
_SIGNS = ".,;:!?…\"'()"


def bare_stop_for(text: str, on_behalf: Iterable[str], filler: frozenset[str]) -> str | None:
    """The words from the word said on someone's behalf on (``"cho anh Tuan"``) when ``text`` is a bare stop for
    someone, as its shape says; None otherwise. ``filler``: folded words that may come before the verb."""
    if any(c in text for c in ".;!?…\n"):
        text = text.rstrip().rstrip(".!…")
        if any(c in text for c in ".;!?…\n"):
            return None  # one sentence, nothing asked
    raws = [w.strip(_SIGNS) for w in unicodedata.normalize("NFC", text).split()]
    raws = [w for w in raws if w]
    folded = [command_form(w) for w in raws]
    behalf = {command_form(w) for w in on_behalf}
    at = next((i for i, w in enumerate(folded) if w not in filler), None)
    if at is None or at + 2 >= len(raws) or len(raws) - at - 2 > _AFTER:
        return None
    verb, (marked, unmarked) = raws[at].lower(), _verbs()
    if not (verb in marked or (verb.isascii() and folded[at] in unmarked)) or folded[at + 1] not in behalf:
        return None
    return " ".join(raws[at + 1 :])
