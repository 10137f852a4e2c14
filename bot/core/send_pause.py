"""The install's one pause after Zalo's rate limit (`-32`): when any process is told to slow down, all stop.

Zalo's rate limit is per OA, not per user or per process: a `-32` answered to one send means every send from
every sender, worker and digest fan-out job is over the limit. So the first process to meet it sets
`keys.SEND_PAUSE` (a Redis TIME in µs; a later, longer pause wins, a shorter one never shortens it) and each of
them waits it out before its next send: the outbox reads it with the message it is about to send
(`scripts.OUTBOX_TAKE`), the digest with its rate-limit slot (`scripts.DELIVERY_STEP`, `RESERVE_SEND_SLOT`).
"""

from __future__ import annotations

import logging
import random

import redis

from bot.infra import keys, scripts

log = logging.getLogger(__name__)

MAX_PAUSE_S = 30.0  # one -32 never stops the whole install longer than this; the sender's retry then backs off
RESUME_SPREAD_MAX_S = 5.0


def pause(client: redis.Redis, seconds: float, *, who: str) -> float:
    """Stop every process's sends for `seconds` (capped at MAX_PAUSE_S) from now; returns the pause set."""
    seconds = min(MAX_PAUSE_S, max(0.0, seconds))
    scripts.PAUSE_SENDS(client, keys=[keys.SEND_PAUSE], args=[int(seconds * 1_000_000)])
    log.warning("Zalo rate limit (-32) met by %s: every sender, worker and digest job pauses %.1f s", who, seconds)
    return seconds


def resume_in(left_s: float) -> float:
    """When a user held by a pause `left_s` long should be tried again: after it, spread over up to that length
    (at most RESUME_SPREAD_MAX_S), so the users a pause held do not all reach Zalo the instant it ends."""
    return left_s + random.uniform(0.0, min(left_s, RESUME_SPREAD_MAX_S))
