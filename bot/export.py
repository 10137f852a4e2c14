"""`dxbot export`: a JSON-lines copy of everything the bot keeps in Redis, for backups and audits.

Generic on purpose: every `dxbot:` key is written with its type, TTL and value, so a new feature's
data is in the backup the day it ships. De-duplication markers are skipped (they only matter for a
few days and are rebuilt by traffic).

Secrets stay out unless asked for (`include_secrets`, `dxbot export --include-secrets`): the Zalo token
pair, pending OAuth verifiers and grants, install secrets (the audit pseudonym key and per-citizen salts),
and any key or hash field whose name says it holds a token or secret. A daily backup copied off the
machine must not be a way to speak as the OA (docs/security.md, T3).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, TextIO

import redis

from bot.infra import keys

SKIP_PREFIXES = (keys.P + "seen:", keys.P + "lease:",
                 # reader stories and the audit log come out as readable records instead (_records)
                 keys.story(""), keys.story_original(""), keys.AUDIT_LOG, keys.STORY_FINGERPRINTS)


def _records() -> Iterator[Callable[[redis.Redis], Iterator[dict[str, Any]]]]:
    """Features whose data is worth one JSON object per item rather than one per Redis key."""
    from bot.infra import audit
    from bot.stories import model as stories

    yield stories.export_records
    yield lambda client: ({"record": "audit", **entry} for entry in audit.entries(client))


SECRET_PREFIXES = (keys.TOKENS, keys.TOKEN_LOCK, keys.P + "zalo:oauth", keys.P + "secret:")
SECRET_WORDS = ("token", "secret", "verifier", "password", "oauth")


def is_secret(name: str) -> bool:
    """A key or hash field that holds (or is named like it holds) a credential."""
    lowered = name.lower()
    return name.startswith(SECRET_PREFIXES) or any(word in lowered for word in SECRET_WORDS)


def _text(value: bytes) -> str:
    return value.decode("utf-8", "replace")


def export_all(client: redis.Redis, out: TextIO, *, include_secrets: bool = False) -> int:
    count = 0
    for source in _records():
        for record in source(client):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    for raw_key in client.scan_iter(match=keys.P + "*", count=1000):
        key = _text(raw_key)
        if key.startswith(SKIP_PREFIXES) or (not include_secrets and is_secret(key)):
            continue
        kind = _text(client.type(raw_key))
        value: object
        if kind == "string":
            value = _text(client.get(raw_key) or b"")
        elif kind == "hash":
            value = {_text(k): _text(v) for k, v in client.hgetall(raw_key).items()
                     if include_secrets or not is_secret(_text(k))}
        elif kind == "list":
            value = [_text(v) for v in client.lrange(raw_key, 0, -1)]
        elif kind == "set":
            value = sorted(_text(v) for v in client.smembers(raw_key))
        elif kind == "zset":
            value = [[_text(m), s] for m, s in client.zrange(raw_key, 0, -1, withscores=True)]
        elif kind == "stream":
            value = [[_text(i), {_text(k): _text(v) for k, v in f.items()}] for i, f in client.xrange(raw_key)]
        else:
            continue
        out.write(json.dumps({"key": key, "type": kind, "ttl": client.ttl(raw_key), "value": value},
                             ensure_ascii=False) + "\n")
        count += 1
    return count
