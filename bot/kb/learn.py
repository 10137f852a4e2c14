"""What citizens chose after "Ý bạn là…?": (question, entry) pairs for editors, without any user id.

Nothing is learned automatically: ``dxbot kb learn`` lists the pairs by frequency and only the ones an editor
accepts become phrasings (``bot.kb.phrasings``). The question is kept as typed (diacritics help the editor)
with long digit runs masked, like the unanswered log, because citizens paste phone and ID numbers.
"""

from __future__ import annotations

import re

import redis

LEARN_KEY = "dxbot:kb:chosen"
MAX_CHARS = 300
MAX_ITEMS = 5000  # trimmed to the most frequent pairs so the set cannot grow without bound
_DIGITS = re.compile(r"\d{5,}")
_SEP = "\t"


def question_form(question: str) -> str:
    """The question as stored: one line, digit runs masked, length-capped."""
    return _DIGITS.sub("***", " ".join(question.split()))[:MAX_CHARS].strip()


def record_choice(pipe: redis.client.Pipeline, question: str, entry_id: str) -> None:
    """Queue on ``pipe`` one "asked ``question``, chose ``entry_id``" (no-op for an empty question).

    A pipeline, so that the handler counts it in the event's own commit: a retried event counts once.
    """
    form = question_form(question)
    if not form or _SEP in entry_id:
        return
    pipe.zincrby(LEARN_KEY, 1, f"{entry_id}{_SEP}{form}")
    pipe.zremrangebyrank(LEARN_KEY, 0, -MAX_ITEMS - 1)


def top_choices(redis_client: redis.Redis, n: int = 50) -> list[tuple[str, str, int]]:
    """The ``n`` most frequent (entry id, question, count), most frequent first, ties in a stable order."""
    rows = redis_client.zrevrange(LEARN_KEY, 0, n - 1 if n > 0 else -1, withscores=True)
    pairs = []
    for member, score in rows:
        text = member.decode() if isinstance(member, bytes) else member
        entry_id, _, question = text.partition(_SEP)
        pairs.append((entry_id, question, int(score)))
    return sorted(pairs, key=lambda p: (-p[2], p[0], p[1]))


def forget(redis_client: redis.Redis, pairs: list[tuple[str, str]]) -> None:
    """Drop (entry id, question) pairs once an editor accepted or rejected them."""
    if pairs:
        redis_client.zrem(LEARN_KEY, *(f"{e}{_SEP}{q}" for e, q in pairs))
