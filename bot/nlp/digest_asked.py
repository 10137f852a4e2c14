"""What a request to subscribe asks of the digest that it does not have (round 17).

"Có gửi bản tin bằng tiếng Khmer không thì cho tôi nhận với" subscribes on a condition: the digest in Khmer. The digest
is written in Vietnamese and sent on Zalo, weekly; a condition it cannot meet (another language, e-mail or SMS, every
day) must not sign the asker up silently. The subscribe handler asks first, saying what the digest is, with a button
that subscribes. The lists live in content/intents.toml (``[subscribe] unmet``, and ``met``: "bằng tiếng Việt" is
the digest's own). Compared folded, as whole words: one substring test per phrase (linear in the message).

Review 17 (M1): a phrase counts only where it is said of the digest or the subscription: in the same clause, within
``_AFTER`` words after a word that names them (``[subscribe] unmet_after``: "bản tin", "gửi", "nhận", "đăng ký") or
right before a verb of sending (``unmet_before``: "mỗi ngày gửi …"). "Tôi dùng Zalo hàng ngày, đăng ký nhận bản tin cho
tôi" and "Đăng ký nhận bản tin cho tôi, tôi là giáo viên tiếng Anh" describe the asker, not the digest.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.nlp.intents import command_lists
from bot.nlp.normalize import command_form

_AFTER = 4  # words after a word naming the digest or the subscription within which an unmet phrase is said of it
_CLAUSE = re.compile(r"[,.;!?…\n]+")


@lru_cache(maxsize=1)
def _lists() -> tuple[tuple[str, ...], ...]:
    spec = command_lists("subscribe")

    def padded(key: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f" {command_form(p)} " for p in spec.get(key, []) if command_form(p)))
    return padded("unmet"), padded("met"), padded("unmet_after"), padded("unmet_before")


def _starts(phrase: str, folded: str) -> list[int]:
    """The word positions where ``phrase`` (padded) starts in ``folded`` (padded)."""
    found, at = [], folded.find(phrase)
    while at >= 0:
        found.append(folded.count(" ", 0, at))
        at = folded.find(phrase, at + 1)
    return found


def asks_unmet(text: str) -> bool:
    """Whether ``text`` asks the digest for something it does not have ("bằng tiếng Khmer", "qua email"), said of the
    digest or the subscription (review 17, M1)."""
    unmet, met, after, before = _lists()
    for clause in _CLAUSE.split(text):
        folded = f" {command_form(clause)} "
        for phrase in met:
            folded = folded.replace(phrase, " | ")
        said = [(i, p) for p in unmet if p in folded for i in _starts(p, folded)]
        if not said:
            continue
        ends = [i + a.count(" ") - 1 for a in after if a in folded for i in _starts(a, folded)]
        verbs = [i for b in before if b in folded for i in _starts(b, folded)]
        if any(any(0 <= i - end < _AFTER for end in ends) or i + p.count(" ") - 1 in verbs for i, p in said):
            return True
    return False
