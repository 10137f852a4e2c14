"""Append-only audit log of story actions: who, when, what, which story — the fact, never the data.

A Redis stream (`keys.AUDIT_LOG`), written in the same transaction as the action it records, so an
entry exists exactly when the action took effect. Entries never hold story text or personal data:
citizens appear under a pseudonym, staff under their Zalo id, jobs as "system".

Pseudonyms (docs/security.md, T6): HMAC-SHA-256 keyed with a per-install secret over the Zalo id and a
random per-citizen salt, both kept in Redis under `dxbot:secret:` (left out of `dxbot export` unless
`--include-secrets`). Stable while the citizen is known, so one person's actions can be followed; not
computable from a follower list without the secrets; and a data deletion removes the citizen's salt, so
after it nobody, not even the operator, can tie the old pseudonym to the person again.

Retention: the stream is trimmed to AUDIT_MAX_ENTRIES and AUDIT_MAX_AGE_DAYS by the sweeper (at most
hourly); what is trimmed is first appended to `$DXBOT_VAR_DIR/audit/audit-archive.jsonl` (owner-only).
`dxbot export` writes the rest out as JSON lines.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import redis
from redis.client import Pipeline

from bot.infra import keys

SYSTEM = "system"
ACTIONS = frozenset({
    "submitted", "screened", "viewed", "viewed_original", "approved", "rejected", "data_deleted", "forbidden",
    "media_saved", "screen_parked", "edited",
})
MAX_DETAIL_CHARS = 300


INSTALL_KEY = keys.P + "secret:audit-key"  # string: the per-install HMAC key, made on first use
SALTS = keys.P + "secret:audit-salts"  # hash Zalo id -> random salt; erasure deletes the citizen's field
TRIM_LOCK = keys.P + "audit:trim-due"
TRIM_EVERY_S = 3600


def _install_key(client: redis.Redis) -> bytes:
    client.set(INSTALL_KEY, secrets.token_hex(32), nx=True)
    return client.get(INSTALL_KEY) or b""


def citizen(client: redis.Redis, user_id: str) -> str:
    """Pseudonym of a citizen in the log (see the module docstring: keyed, salted, forgotten on erasure)."""
    client.hsetnx(SALTS, user_id, secrets.token_hex(16))
    salt = client.hget(SALTS, user_id) or b""
    digest = hmac.new(_install_key(client), salt + b"|" + user_id.encode(), hashlib.sha256).hexdigest()
    return "citizen:" + digest[:16]


def forget(pipe: Pipeline | redis.Redis, user_id: str) -> None:
    """Remove the citizen's salt (in the erasure's transaction): their pseudonym can no longer be rebuilt."""
    pipe.hdel(SALTS, user_id)


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


def trim(client: redis.Redis, *, max_entries: int, max_age_s: int, archive_dir: Path,
         now_ms: int | None = None) -> int:
    """Archive, then remove, entries past the configured length or age; returns how many were removed.
    The archive is appended and flushed to disk before the stream is trimmed, so nothing is lost."""
    now_ms = now_ms if now_ms is not None else int(time.time() * 1000)
    cutoff = (max(0, now_ms - max_age_s * 1000), 0)
    if int(client.xlen(keys.AUDIT_LOG)) > max_entries:
        oldest_kept = client.xrevrange(keys.AUDIT_LOG, count=max_entries)[-1][0].decode()
        cutoff = max(cutoff, _id(oldest_kept))
    minid = f"{cutoff[0]}-{cutoff[1]}"
    removed = 0
    fh = None
    try:
        start = "-"
        while True:  # entries strictly before the cutoff, in batches
            batch = client.xrange(keys.AUDIT_LOG, min=start, max=f"({minid}", count=1000)
            if not batch:
                break
            if fh is None:
                archive_dir.mkdir(parents=True, exist_ok=True)
                fd = os.open(archive_dir / "audit-archive.jsonl", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
                fh = os.fdopen(fd, "a", encoding="utf-8")
            for entry_id, fields in batch:
                row: dict[str, Any] = {"record": "audit", "id": entry_id.decode()}
                row.update({k.decode(): v.decode() for k, v in fields.items()})
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            removed += len(batch)
            start = "(" + batch[-1][0].decode()
        if fh is not None:
            fh.flush()
            os.fsync(fh.fileno())
    finally:
        if fh is not None:
            fh.close()
    if removed:
        client.xtrim(keys.AUDIT_LOG, minid=minid, approximate=False)
    return removed


def _id(entry_id: str) -> tuple[int, int]:
    ms, _, seq = entry_id.partition("-")
    return int(ms), int(seq or 0)


def trim_if_due(client: redis.Redis, *, max_entries: int, max_age_s: int, archive_dir: Path) -> int:
    """`trim` at most once an hour across all processes (the sweeper calls this every few seconds)."""
    if not client.set(TRIM_LOCK, "1", nx=True, ex=TRIM_EVERY_S):
        return 0
    return trim(client, max_entries=max_entries, max_age_s=max_age_s, archive_dir=archive_dir)
