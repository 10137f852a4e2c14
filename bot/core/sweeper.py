"""The sweeper: hands users with due work to a job when nobody holds their lease.

Covers a worker that died mid-drain (its lease expired), a send waiting out its backoff, and messages
queued for a user by another user's event. Runs in `dxbot scheduler` every few seconds and once when a
worker starts (`bot/maintenance.py`); with no `dxbot sender` running it also hands due outboxes
(`dxbot:send-due`) to drains; it only reads an index and queues jobs, so running it in several
processes is harmless.
"""

from __future__ import annotations

import logging
import time

from bot.core import runtime
from bot.infra import keys

log = logging.getLogger(__name__)


def claim_due_users(limit: int = 1000) -> int:
    """Queue a drain for every due user without a live lease; returns how many were queued."""
    rt = runtime.get()
    now_ms = int(time.time() * 1000)
    due = rt.redis.zrangebyscore(keys.PENDING_USERS, "-inf", now_ms, start=0, num=limit)
    if not rt.redis.exists(keys.SENDER_ALIVE):  # no sender: drains deliver the outboxes that are due
        due += rt.redis.zrangebyscore(keys.SEND_DUE, "-inf", now_ms, start=0, num=limit)
    queued = 0
    for raw in dict.fromkeys(due):
        if rt.jobs.claim(raw.decode()):
            queued += 1
    if queued:
        log.info("sweeper queued %d user drain(s)", queued)
    return queued
