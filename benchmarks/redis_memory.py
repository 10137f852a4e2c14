"""What Redis keeps, by key family: the census `bench_memory` and `bench_replies` print (bytes per event).

A key's family is its name with the parts that name one user, event, job or story replaced by `*`
(`dxbot:seen:m0bf93…` → `dxbot:seen:*`, `rq:job:screen-C2K7` → `rq:job:screen-*`), so a census says which kind
of key grows with the traffic and for how long it stays (its TTL), not which user it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import redis

from bot.infra import keys, metrics

# A part of a key name that names one thing: a digit anywhere, a hex run, or a short upper-case code (a story's).
_ID_PART = re.compile(r"\d|^[0-9a-f]{16,}$|^[A-Z0-9]{4,8}$")
_KIND = re.compile(r"^([a-z][a-z-]*)-")  # `screen-C2K7`, `digest-preview-20261207T0800`: the job's kind
INFO_FIELDS = ("used_memory", "used_memory_peak", "used_memory_rss", "mem_fragmentation_ratio", "used_memory_lua",
               "mem_clients_normal")
PIPELINE = 500  # keys asked about per round trip
# used_memory kept per handled event, the target bench_memory and bench_replies print: 280–470 B measured (session
# 31's code: 936). It moves with the share of events that end a story (1.0–2.7 % between runs, by timing), each keeping
# ~7 KB of RQ's screening job for an hour.
TARGET_KEPT_B = 600.0


def family(key: str) -> str:
    """The key's name up to the first part that names one thing, which becomes `*` (a job id's kind is kept)."""
    parts = key.split(":")
    out = parts[:2]
    for part in parts[2:]:
        kind = _KIND.match(part)
        if _ID_PART.search(part[kind.end():] if kind else part):
            out.append(f"{kind.group(1)}-*" if kind else "*")
            break
        out.append(part)
    return ":".join(out)


@dataclass
class Family:
    """Every key of one family: how many, their bytes (MEMORY USAGE), how many never expire, the TTLs of the rest."""

    keys: int = 0
    bytes: int = 0
    persistent: int = 0
    ttl_s: list[float] = field(default_factory=list)
    types: set[str] = field(default_factory=set)

    def ttl_text(self) -> str:
        if not self.ttl_s:
            return "no TTL"
        low, high = min(self.ttl_s), max(self.ttl_s)
        span = _duration(low) if _duration(low) == _duration(high) else f"{_duration(low)}–{_duration(high)}"
        return f"TTL {span}" + (f", {self.persistent} without" if self.persistent else "")


def _duration(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{seconds / size:.0f} {unit}"
    return f"{seconds:.0f} s"


def census(client: redis.Redis, match: str | None = None) -> dict[str, Family]:
    """Every key (or those matching `match`) by family: SCAN, then MEMORY USAGE (SAMPLES 0: every element counted),
    PTTL and TYPE, PIPELINE keys per round trip. A key gone between the SCAN and the question counts 0 bytes."""
    families: dict[str, Family] = {}
    names = [k.decode() for k in client.scan_iter(match=match, count=1000)]
    for start in range(0, len(names), PIPELINE):
        chunk = names[start:start + PIPELINE]
        with client.pipeline(transaction=False) as pipe:
            for name in chunk:
                pipe.memory_usage(name, samples=0)
                pipe.pttl(name)
                pipe.type(name)
            answers = pipe.execute()
        for i, name in enumerate(chunk):
            size, ttl_ms, kind = answers[3 * i:3 * i + 3]
            if ttl_ms == -2:  # expired between the SCAN and now
                continue
            fam = families.setdefault(family(name), Family())
            fam.keys += 1
            fam.bytes += int(size or 0)
            fam.types.add(kind.decode() if isinstance(kind, bytes) else str(kind))
            if ttl_ms < 0:
                fam.persistent += 1
            else:
                fam.ttl_s.append(ttl_ms / 1000)
    return families


def memory_info(client: redis.Redis) -> dict[str, float]:
    """INFO memory's figures an operator sizes Redis by."""
    info = client.info("memory")
    return {name: float(info.get(name, 0)) for name in INFO_FIELDS}


def growth(before: dict[str, Family], after: dict[str, Family], events: int) -> list[tuple[str, float, float, Family]]:
    """Per family, keys and bytes added per event between two censuses, largest first (families that shrank too)."""
    rows = []
    for name in set(before) | set(after):
        b, a = before.get(name, Family()), after.get(name, Family())
        if a.bytes != b.bytes or a.keys != b.keys:
            rows.append((name, (a.keys - b.keys) / max(events, 1), (a.bytes - b.bytes) / max(events, 1), a))
    return sorted(rows, key=lambda row: -abs(row[2]))


def format_growth(rows: Iterable[tuple[str, float, float, Family]], limit: int = 12) -> list[str]:
    lines = [f"  {'key family':<40}{'keys/event':>11}{'B/event':>9}  {'type':<7}kept"]
    for name, keys_per, bytes_per, fam in list(rows)[:limit]:
        lines.append(f"  {name:<40}{keys_per:>11.3f}{bytes_per:>9.1f}  {','.join(sorted(fam.types)):<7}"
                     f"{fam.ttl_text()}")
    return lines


def handled_events(client: redis.Redis) -> int:
    """Events the workers handled so far (committed with their replies: `events_processed_total{outcome="ok"}`)."""
    return int(client.hget(keys.METRICS, metrics.field("events_processed_total", outcome="ok")) or 0)


def used_memory(client: redis.Redis) -> int:
    return int(client.info("memory")["used_memory"])


@dataclass(frozen=True)
class Kept:
    """What a run left in Redis per handled event: `used_memory` grown, as read before any SCAN, and how much of it
    were keys already expired that Redis had not yet deleted (reclaimed by the census's SCAN, which deletes the
    expired keys it meets)."""

    events: int
    before_scan: int  # used_memory after the run, before the census
    after_scan: int  # used_memory after the census
    base: int  # used_memory before the run

    @property
    def per_event(self) -> float:
        return (self.before_scan - self.base) / max(self.events, 1)

    @property
    def expired_held_per_event(self) -> float:
        return max(0, self.before_scan - self.after_scan) / max(self.events, 1)


def measure_kept(client: redis.Redis, base: int, handled_before: int) -> Kept:
    """`Kept` since `base` (used_memory) and `handled_before` (handled events): used_memory read first, then a SCAN
    over every key (which deletes the expired ones it meets), then used_memory again."""
    events = handled_events(client) - handled_before
    before_scan = used_memory(client)
    for _ in client.scan_iter(count=1000):
        pass
    return Kept(events, before_scan, used_memory(client), base)


def format_kept(kept: Kept, target_b: float) -> str:
    """One line: used_memory grown per handled event against `target_b`, and what expired keys still held."""
    return (f"Redis after {kept.events:,} handled events: used_memory {kept.before_scan / 2**20:.1f} MB, "
            f"{kept.per_event:.0f} B per handled event kept (target ≤ {target_b:.0f}: "
            f"{'met' if kept.per_event <= target_b else 'MISSED'}), of which {kept.expired_held_per_event:.0f} B in "
            f"keys already expired (freed by a SCAN)")
