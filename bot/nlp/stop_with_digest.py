"""A stop of the digest asked together with this week's digest ("Tôi bận quá, hủy giúp, nhưng vẫn muốn đọc bản tin
tuần này", "Hủy bản tin giúp tôi nhưng cho tôi xem bản tin tuần này đã"), round 18. Read whole, such a message reached
either command alone: the digest, the stop dropped, or the stop, the digest it asks for never sent. The chat shows
this week's digest and asks whether to stop from next week (a button), stopping nothing silently.

Read part by part (clauses, and the words on each side of "nhưng"): one part reads as the stop — the command itself,
or a bare stop said as a request in a short part (``[request] stop_bare``: "hủy giúp", "dừng giùm nhé") — and another
as the digest. Only called by the two commands' handlers, on messages already routed to one of them.
"""

from __future__ import annotations

import re

from bot.nlp.intents import Exclusion, intents_table, plain_command, request_phrases
from bot.nlp.normalize import command_form, command_words

_PARTS = re.compile(r"[,.;!?…\n]+")
_BARE_MAX = 5  # words of a part that says the stop bare ("tôi bận quá hủy giúp nhé" is said whole)


def _stop_bare() -> tuple[Exclusion, ...]:
    return request_phrases("stop_bare")


def _found(phrases: tuple[Exclusion, ...], part: str, opening: bool = False) -> bool:
    folded, words = f" {command_form(part)} ", tuple(command_words(part))
    return any(p.folded in folded and (0 in p.at(words) if opening else p.found(folded, words)) for p in phrases)


def _says_stop_bare(part: str) -> bool:
    return len(part.split()) <= _BARE_MAX and _found(_stop_bare(), part)


def _asks_stop(part: str) -> bool:
    """The stop read in a part said to the channel (``[request] addressed``: "hủy bản tin giúp tôi"), opening with it
    (``opens``: "hủy đăng ký") or told done ("Tôi hủy đăng ký rồi nhưng vẫn muốn đọc bản tin tuần này": the digest,
    and the stop asked again if it was not recorded); "… hỏng nên bỏ lỡ mất tin kênh gửi" tells what happened."""
    table = intents_table()
    return _found(table.addressed, part) or _found(table.opens, part, opening=True) or _found(table.told.done, part)


def _parts(text: str) -> list[str]:
    contrast = intents_table().contrast  # "nhưng" ([request] contrast) parts too
    return [q.strip() for p in _PARTS.split(text) for q in (contrast.split(p) if contrast else [p]) if q.strip()]


def stop_with_digest(text: str) -> bool:
    """Whether ``text`` asks to stop the digest and, in another part, for this week's digest."""
    parts = _parts(text)
    if len(parts) < 2:
        return False
    read = [plain_command(p) for p in parts]
    digest = [i for i, name in enumerate(read) if name == "digest"]
    stop = [i for i, (p, name) in enumerate(zip(parts, read, strict=True))
            if ((name == "unsubscribe" and _asks_stop(p)) or (name is None and _says_stop_bare(p)))
            and not _found(request_phrases("stop_negated"), p)]
    return bool(digest) and bool(stop) and set(digest) != set(stop)


def digest_not_stop(text: str) -> bool:
    """Whether ``text`` asks for this week's digest and says the stop only negated ("Gửi bản tin tuần này cho tôi, nhưng
    đừng hủy đăng ký nhé", "xem ban tin tuan nay, dung huy nha": review 18, M1): the digest only."""
    parts = _parts(text)
    if len(parts) < 2:
        return False
    negated = [_found(request_phrases("stop_negated"), p) for p in parts]
    read = [plain_command(p) for p in parts]
    return any(negated) and any(name == "digest" for name in read) and not any(
        name == "unsubscribe" and not no for name, no in zip(read, negated, strict=True))
