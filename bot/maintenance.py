"""Periodic maintenance, run by `dxbot scheduler` and once when a worker starts: the core's sweep of due
users (`bot/core/sweeper.py`), the features' own recovery (reader stories whose screening worker died) and the
audit stream's archive-then-trim."""

from __future__ import annotations

from bot.core import runtime
from bot.core.sweeper import claim_due_users
from bot.infra import audit
from bot.stories import articles
from bot.stories.jobs import recover_screening


def sweep(limit: int = 1000) -> int:
    """One maintenance pass; returns how many jobs it queued."""
    rt = runtime.get()
    queued = (claim_due_users(limit) + recover_screening(rt.redis, rt.settings)
              + articles.recover(rt.redis, rt.settings))
    # The audit stream: archived to a file, then trimmed to its configured length and age (hourly).
    audit.trim_if_due(rt.redis, max_entries=rt.settings.audit_max_entries, max_age_s=rt.settings.audit_max_age_s,
                      archive_dir=rt.settings.var_dir / "audit")
    return queued
