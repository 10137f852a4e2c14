"""Questions the bot could not answer confidently, kept for editors — without any user id.

Stored folded (so "Giá vàng?" and "gia vang" count together) in one sorted set scored by count. Long digit
runs are masked because citizens paste phone and ID-card numbers into questions.
"""

from __future__ import annotations

import re

import redis
from redis.client import Pipeline

from bot.nlp.normalize import fold

UNANSWERED_KEY = "dxbot:kb:unanswered"
MAX_CHARS = 300
MAX_ITEMS = 5000  # the set is trimmed to the most frequent questions so it cannot grow without bound
_DIGITS = re.compile(r"\d{5,}")


def unanswered_form(question: str) -> str:
    """Folded, digit-masked, length-capped form under which a question is counted."""
    return _DIGITS.sub("***", fold(question))[:MAX_CHARS].strip()


def count_unanswered_in(pipe: Pipeline, question: str) -> None:
    """Add one count of ``question`` to ``pipe`` (no-op for empty text).

    A handler queues this on its event's commit, so an event that is retried after a crash counts once.
    """
    form = unanswered_form(question)
    if not form:
        return
    pipe.zincrby(UNANSWERED_KEY, 1, form)
    # Keep the MAX_ITEMS highest counts: drop the lowest-ranked overflow (ranks 0 .. -MAX_ITEMS-1).
    pipe.zremrangebyrank(UNANSWERED_KEY, 0, -MAX_ITEMS - 1)


def record_unanswered(redis_client: redis.Redis, question: str) -> None:
    """Count one unanswered question now (outside an event: editors' tools and tests)."""
    pipe = redis_client.pipeline(transaction=False)
    count_unanswered_in(pipe, question)
    pipe.execute()


def top_unanswered(redis_client: redis.Redis, n: int = 20) -> list[tuple[str, int]]:
    """The ``n`` most frequent unanswered questions as (folded question, count), most frequent first."""
    if n <= 0:
        return []
    rows = redis_client.zrevrange(UNANSWERED_KEY, 0, n - 1, withscores=True)
    return [(q.decode() if isinstance(q, bytes) else q, int(score)) for q, score in rows]


def count_unanswered(redis_client: redis.Redis) -> int:
    """Distinct unanswered questions (for ``/thongke``)."""
    return int(redis_client.zcard(UNANSWERED_KEY))
