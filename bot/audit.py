"""Append-only audit log of story actions: who, when, what, which story — the fact, never the data.

A Redis stream (`keys.AUDIT_LOG`), written in the same transaction as the action it records, so an
entry exists exactly when the action took effect. Entries never hold story text or personal data:
citizens appear under a pseudonym (a hash of their Zalo id, stable so one person's actions can be
followed, but not reversible from the log alone), staff under their Zalo id, jobs as "system".
The stream is never trimmed; `dxbot export` writes it out as JSON lines.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from typing import Any

import redis
from redis.client import Pipeline

from bot import keys

SYSTEM = "system"
ACTIONS = frozenset({
    "submitted", "screened", "viewed", "viewed_original", "approved", "rejected", "data_deleted", "forbidden",
    "media_saved", "screen_parked",
})
MAX_DETAIL_CHARS = 300


def citizen(user_id: str) -> str:
    """Pseudonym of a citizen in the log (survives their data deletion, identifies nobody by itself)."""
    return "citizen:" + hashlib.sha256(f"dxbot-audit|{user_id}".encode()).hexdigest()[:16]


def moderator(user_id: str) -> str:
    return f"moderator:{user_id}"


def record(pipe: Pipeline | redis.Redis, action: str, *, who: str, code: str = "", at_ms: int | None = None,
           **detail: object) -> None:
    """Append one entry (inside `pipe` when it is a transaction, so it commits with the action)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    fields: dict[str, str] = {"at": str(at_ms if at_ms is not None else int(time.time() * 1000)),
                              "action": action, "who": who, "code": code}
    for name, value in detail.items():
        fields[name] = str(value)[:MAX_DETAIL_CHARS]
    pipe.xadd(keys.AUDIT_LOG, fields)


def entries(client: redis.Redis, *, count: int = 1000) -> Iterator[dict[str, Any]]:
    """Every entry, oldest first, as plain dicts (`id` is the stream id)."""
    last = "-"
    while True:
        batch = client.xrange(keys.AUDIT_LOG, min=last, max="+", count=count)
        if last != "-":
            batch = batch[1:]
        if not batch:
            return
        for entry_id, fields in batch:
            row: dict[str, Any] = {"id": entry_id.decode()}
            row.update({k.decode(): v.decode() for k, v in fields.items()})
            row["at"] = int(row.get("at", 0))
            yield row
        last = batch[-1][0].decode()
