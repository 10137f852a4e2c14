"""The census `bench_memory` and `bench_replies` print (benchmarks/redis_memory.py), against a real redis-server:
key families, what each keeps and for how long, and the memory expired keys still hold."""

from __future__ import annotations

import time

import pytest
import redis

from benchmarks import redis_memory
from bot.infra import keys, metrics


@pytest.mark.parametrize(("key", "family"), [
    (keys.dedupe("m0bf93cf5f5ba3a58ddf2"), "dxbot:seen:*"),
    (keys.state("6200000000000000592"), "dxbot:state:*"),
    (keys.send_claim("send:1234-abcdef12:ab12cd:5"), "dxbot:send-claim:send:*"),
    (keys.story("FHLG"), "dxbot:story:*"),
    (keys.user_stories("6200000000000000592"), "dxbot:stories:user:*"),
    (keys.STORY_QUEUE, keys.STORY_QUEUE),
    (keys.METRICS, keys.METRICS),
    ("rq:job:screen-C2K7", "rq:job:screen-*"),
    ("rq:results:screen-JYMR", "rq:results:screen-*"),
    ("rq:job:digest-preview-20261207T0800", "rq:job:digest-preview-*"),
    ("rq:job:0123456789abcdef0123456789abcdef", "rq:job:*"),
    ("rq:queue:dxbot", "rq:queue:dxbot"),
])
def test_a_key_is_counted_in_its_family_not_under_its_user_or_job(key: str, family: str) -> None:
    assert redis_memory.family(key) == family


def test_the_census_counts_each_familys_keys_bytes_and_ttls(redis_client: redis.Redis) -> None:
    for n in range(3):
        redis_client.set(keys.dedupe(f"m{n:020x}"), "1", ex=7 * 24 * 3600)
    redis_client.hset(keys.state("6200000000000000001"), "step", "story:title")
    census = redis_memory.census(redis_client)
    seen, state = census["dxbot:seen:*"], census["dxbot:state:*"]
    assert (seen.keys, seen.persistent, seen.types) == (3, 0, {"string"})
    assert seen.bytes >= 3 * 50 and seen.ttl_text() == "TTL 7 d"
    assert (state.keys, state.persistent, state.ttl_text()) == (1, 1, "no TTL")
    grown = redis_memory.growth({}, census, events=3)
    assert grown[0][:2] == ("dxbot:seen:*", 1.0)  # the largest first: one dedupe key per event


def test_memory_held_by_keys_already_expired_is_told_apart(redis_client: redis.Redis) -> None:
    """Redis deletes an expired key when a command meets it or its sampling finds it; until then the key holds its
    memory (the sender's claim answers did, before round 32). A SCAN meets every key: what it frees was held by
    expired keys. Active expiry is off here so that the keys are certainly still in memory. The same keys are written
    and deleted once before the base is read, so that what Redis allocates on first use (the expiry table, the
    connection's buffers for a 4 KB value) is in the base, not counted as kept: run first in a fresh server, or with a
    value read in two pieces under load, the test failed without it (session 34: 1,088 B alone, 31,768 B once in CI)."""
    redis_client.hset(keys.METRICS, metrics.field("events_processed_total", outcome="ok"), 10)
    warm = [keys.send_claim(f"send:warm:{n}") for n in range(10)]
    for key in warm:
        redis_client.set(key, "x" * 4000, px=60_000)
    redis_client.set(keys.dedupe("mwarm"), "1", ex=60)
    redis_client.delete(*warm, keys.dedupe("mwarm"))
    base = redis_memory.used_memory(redis_client)
    redis_client.execute_command("DEBUG", "SET-ACTIVE-EXPIRE", 0)
    try:
        for n in range(10):
            redis_client.set(keys.send_claim(f"send:test:{n}"), "x" * 4000, px=1)
        redis_client.set(keys.dedupe("mkept"), "1", ex=60)
        time.sleep(0.05)
        kept = redis_memory.measure_kept(redis_client, base, handled_before=0)
    finally:
        redis_client.execute_command("DEBUG", "SET-ACTIVE-EXPIRE", 1)
    assert kept.events == 10
    assert kept.expired_held_per_event >= 4000  # ten answers of 4 KB, expired, freed only by the SCAN
    assert kept.after_scan - base < 1000  # the dedupe key stays
    assert redis_client.exists(keys.dedupe("mkept")) and not redis_client.keys(keys.send_claim("*"))


def test_bench_replies_prints_redis_bytes_per_event_against_its_target(capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks import bench_replies

    over = redis_memory.Kept(events=1000, before_scan=2_000_000, after_scan=1_500_000, base=1_000_000)
    bench_replies._report_redis(over, {"used_memory_peak": 3 * 2**20, "mem_fragmentation_ratio": 1.5})
    printed = capsys.readouterr().out
    assert "1,000 handled events" in printed and "1000 B per handled event kept" in printed
    assert "MISSED" in printed and "500 B in keys already expired" in printed and "peak 3.0 MB" in printed
