"""The sweeper: hands users with due work to a job when nobody holds their lease.

Covers a worker that died mid-drain (its lease expired), a send waiting out its backoff, and messages
queued for a user by another user's event. Runs in `dxbot scheduler` every few seconds and once when a
worker starts; it only reads an index and queues jobs, so running it in several processes is harmless.
"""

from __future__ import annotations

import logging
import time

from bot import audit, keys, runtime
from workers.moderation import recover_screening

log = logging.getLogger(__name__)


def sweep(limit: int = 1000) -> int:
    """Queue a drain for every due user without a live lease; returns how many were queued."""
    rt = runtime.get()
    now_ms = int(time.time() * 1000)
    due = rt.redis.zrangebyscore(keys.PENDING_USERS, "-inf", now_ms, start=0, num=limit)
    queued = 0
    for raw in due:
        if rt.jobs.claim(raw.decode()):
            queued += 1
    if queued:
        log.info("sweeper queued %d user drain(s)", queued)
    # Reader stories whose screening worker died: queued again once their lock has expired.
    queued += recover_screening(rt.redis, rt.settings)
    # The audit stream: archived to a file, then trimmed to its configured length and age (hourly).
    audit.trim_if_due(rt.redis, max_entries=rt.settings.audit_max_entries, max_age_s=rt.settings.audit_max_age_s,
                      archive_dir=rt.settings.var_dir / "audit")
    return queued
