"""Digest subscribers: compact storage, streamed in batches, with an O(1) count.

Layout: every subscriber is one field of one of `keys.SUBSCRIBER_BUCKETS` small hashes (bucket =
crc32(user_id) mod N), value "<last interaction, epoch s>|<province>". Small hashes are stored by
Redis as listpacks, ~30–40 bytes per subscriber (a set or sorted set of the same ids costs 3–4× more),
and a fan-out can walk the buckets in a fixed order and resume at a bucket after a crash. The count
is a counter updated by the same Lua scripts that add and remove, so it can never drift.

The last interaction is kept because Zalo's sending rules depend on it (shared/zalo-oa-api.md §4):
the digest picks the message type per subscriber without asking Zalo about each one first.
Writes take a pipeline so handlers can make them part of their event's transaction (ctx.on_commit).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import redis
from redis.client import Pipeline

from bot.infra import keys, scripts


@dataclass(frozen=True)
class Subscriber:
    user_id: str
    last_interaction_s: int  # 0 = never seen by the bot
    province: str  # command_form of the preferred province, "" for none


def bucket_of(user_id: str) -> int:
    return zlib.crc32(user_id.encode()) % keys.SUBSCRIBER_BUCKETS


def bucket_key(user_id: str) -> str:
    return keys.subscriber_bucket(bucket_of(user_id))


def parse_value(user_id: str, raw: bytes | str) -> Subscriber:
    text = raw.decode() if isinstance(raw, bytes) else raw
    last, _, province = text.partition("|")
    return Subscriber(user_id, int(last or 0), province)


def subscribe(pipe: Pipeline | redis.Redis, user_id: str, *, interaction_ms: int = 0,
              province: str | None = None) -> None:
    """Add (or refresh) a subscriber; `province=None` keeps an earlier preference."""
    scripts.SUBSCRIBE(pipe, keys=[bucket_key(user_id), keys.SUBSCRIBER_COUNT],
                      args=[user_id, interaction_ms // 1000, province or "", "1" if province is not None else "0"])


def unsubscribe(pipe: Pipeline | redis.Redis, user_id: str) -> None:
    """Remove a subscriber (and any digest kept for them); every later fan-out step checks this."""
    scripts.UNSUBSCRIBE(pipe, keys=[bucket_key(user_id), keys.SUBSCRIBER_COUNT, keys.digest_unread(user_id)],
                        args=[user_id])


def touch(pipe: Pipeline | redis.Redis, user_id: str, interaction_ms: int) -> None:
    """Record a user interaction (opens Zalo's CS window) if the user is a subscriber."""
    scripts.TOUCH_SUBSCRIBER(pipe, keys=[bucket_key(user_id)], args=[user_id, interaction_ms // 1000])


def get(client: redis.Redis, user_id: str) -> Subscriber | None:
    raw = client.hget(bucket_key(user_id), user_id)
    return None if raw is None else parse_value(user_id, raw)


def is_subscribed(client: redis.Redis, user_id: str) -> bool:
    return bool(client.hexists(bucket_key(user_id), user_id))


def count(client: redis.Redis) -> int:
    """Number of subscribers (O(1)); `/thongke` shows it."""
    return max(0, int(client.get(keys.SUBSCRIBER_COUNT) or 0))


def iter_buckets(client: redis.Redis, start: int = 0, stop: int = keys.SUBSCRIBER_BUCKETS,
                 group: int = 32) -> Iterator[tuple[int, list[Subscriber]]]:
    """(bucket index, its subscribers) from `start` to `stop`, reading `group` buckets per round trip.
    Memory stays at one group whatever the number of subscribers."""
    for first in range(start, stop, group):
        indices = range(first, min(stop, first + group))
        with client.pipeline(transaction=False) as pipe:
            for index in indices:
                pipe.hgetall(keys.subscriber_bucket(index))
            contents = pipe.execute()
        for index, content in zip(indices, contents, strict=True):
            yield index, [parse_value(uid.decode(), value) for uid, value in content.items()]


def iter_batches(client: redis.Redis, batch: int = 1000) -> Iterator[list[Subscriber]]:
    """All subscribers in batches of about `batch` (for exports and reports)."""
    pending: list[Subscriber] = []
    for _, members in iter_buckets(client):
        pending.extend(members)
        if len(pending) >= batch:
            yield pending
            pending = []
    if pending:
        yield pending
