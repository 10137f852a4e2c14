"""Reader stories as records: short codes, the moderation queue, and the one-way life of a story.

    pending ──screening job──▶ screened ──/duyet──▶ approved   (published; original dropped later)
       │                          └────/tuchoi──▶ rejected   (original dropped later)
       └──────────/tuchoi (spam can be refused before screening ends)──▶ rejected

A story is two hashes: `keys.story(code)` holds what moderators and readers may see (masked text, flags,
tags, status, decision) and `keys.story_original(code)` the unmasked submission, kept apart so that only
an explicit `/xem <code> --goc` reads it and a TTL removes it after the decision. Decisions are a
compare-and-set in one Lua call: when two moderators act at once exactly one wins, and re-running the
same event (a worker died before committing the reply) finds its own decision instead of a conflict.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import redis
from redis.client import Pipeline

from bot.infra import audit, keys, scripts
from bot.stories import pii

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_WIDTH = 4
_SCRAMBLE = 387_427  # odd, so multiplying by it permutes every power-of-two sized code space

PENDING, SCREENED, APPROVED, REJECTED = "pending", "screened", "approved", "rejected"
OPEN = (PENDING, SCREENED)
# The most text any step masks or scans: the largest STORY_MAX_CHARS a setting allows. Stories are held
# to their limit on every path in; this bounds the work on older or odd data too (docs/security.md, T1).
SCAN_MAX_CHARS = 50_000


def code_for(n: int) -> str:
    """The code of the n-th story: unique per n, 4 characters for the first million, scrambled so that
    consecutive stories do not get guessable neighbouring codes."""
    width, offset = CODE_WIDTH, 0
    while n - offset >= len(ALPHABET) ** width:
        offset += len(ALPHABET) ** width
        width += 1
    space = len(ALPHABET) ** width
    value = ((n - offset) * _SCRAMBLE + 12_345) % space
    chars = []
    for _ in range(width):
        value, digit = divmod(value, len(ALPHABET))
        chars.append(ALPHABET[digit])
    return "".join(reversed(chars))


def parse_code(text: str) -> str | None:
    """A code as moderators type it: with or without '#', any case; None if it cannot be one."""
    code = text.strip().lstrip("#").upper()
    if CODE_WIDTH <= len(code) <= 8 and all(c in ALPHABET for c in code):
        return code
    return None


def allocate_code(client: redis.Redis) -> str:
    """A fresh code. Taken outside the submission's transaction: a crash wastes a number, never reuses one."""
    return code_for(int(client.incr(keys.STORY_SEQ)) - 1)


@dataclass(frozen=True)
class Submission:
    """What a citizen consented to publish, as typed (the original, before masking)."""

    code: str
    user_id: str
    title: str
    locality: str  # official province name (bot.provinces)
    body: str
    photos: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    submitted_ms: int = 0
    place: str = ""  # what the citizen wrote before the province ("Ea Kar" of "Ea Kar, Đắk Lắk"), masked


@dataclass
class Story:
    code: str
    status: str
    user_id: str
    submitted_ms: int
    locality: str
    title: str  # masked
    body: str  # masked
    photos: list[str] = field(default_factory=list)
    photo_files: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    flags: list[dict[str, str]] = field(default_factory=list)
    topic: str = ""
    decided_by: str = ""
    decided_ms: int = 0
    reason: str = ""
    place: str = ""  # the commune or district the citizen named before the province, if any
    screened: bool = False
    parked: bool = False  # screening kept failing: moderators see it as is (masked on the fly)

    @property
    def where(self) -> str:
        """"Ea Kar, Đắk Lắk" when the citizen named a place in the province, else the province."""
        return f"{self.place}, {self.locality}" if self.place else self.locality

    @classmethod
    def from_hash(cls, raw: dict[bytes, bytes], original: dict[bytes, bytes] | None = None) -> Story:
        h = {k.decode(): v.decode() for k, v in raw.items()}
        screened = "screened_at" in h
        title, body = h.get("title", ""), h.get("body", "")
        if not screened and original:
            # Not screened yet: show the same masking the screening will apply, never the original.
            title = pii.mask(original.get(b"title", b"").decode()[:SCAN_MAX_CHARS]).text
            body = pii.mask(original.get(b"body", b"").decode()[:SCAN_MAX_CHARS]).text
        return cls(code=h["code"], status=h.get("status", PENDING), user_id=h.get("user", ""),
                   submitted_ms=int(h.get("submitted_at", 0)), locality=h.get("locality", ""), title=title,
                   body=body, photos=json.loads(h.get("photos", "[]")),
                   photo_files=json.loads(h.get("photo_files", "[]")), links=json.loads(h.get("links", "[]")),
                   flags=json.loads(h.get("flags", "[]")), topic=h.get("topic", ""),
                   decided_by=h.get("decided_by", ""), decided_ms=int(h.get("decided_at", 0) or 0),
                   reason=h.get("reason", ""), place=h.get("place", ""), screened=screened, parked="screen_parked" in h)


def write_submission(pipe: Pipeline, sub: Submission, *, now_ms: int, who: str) -> None:
    """Store a consented story as pending, in the caller's transaction (with the draft's removal).
    `who` is the submitter's audit pseudonym (`audit.citizen`, computed before the transaction)."""
    pipe.hset(keys.story(sub.code), mapping={
        "code": sub.code, "status": PENDING, "user": sub.user_id, "submitted_at": sub.submitted_ms,
        "locality": sub.locality, "photos": json.dumps(list(sub.photos)), "place": sub.place,
    })
    pipe.hset(keys.story_original(sub.code), mapping={
        "title": sub.title, "body": sub.body, "links": json.dumps(list(sub.links), ensure_ascii=False),
    })
    pipe.zadd(keys.STORY_QUEUE, {sub.code: sub.submitted_ms})
    pipe.zadd(keys.STORY_UNSCREENED, {sub.code: now_ms})
    pipe.zadd(keys.user_stories(sub.user_id), {sub.code: sub.submitted_ms})
    audit.record(pipe, "submitted", who=who, code=sub.code, at_ms=now_ms,
                 photos=len(sub.photos), links=len(sub.links), chars=len(sub.body))


def load(client: redis.Redis, code: str) -> Story | None:
    raw = client.hgetall(keys.story(code))
    if not raw:
        return None
    original = None if b"screened_at" in raw else client.hgetall(keys.story_original(code))
    return Story.from_hash(raw, original)


def original(client: redis.Redis, code: str) -> dict[str, Any] | None:
    """The unmasked submission, or None once it has been dropped (retention) or erased."""
    raw = client.hgetall(keys.story_original(code))
    if not raw:
        return None
    h = {k.decode(): v.decode() for k, v in raw.items()}
    return {"title": h.get("title", ""), "body": h.get("body", ""), "links": json.loads(h.get("links", "[]"))}


def queue(client: redis.Redis, limit: int = 20) -> tuple[int, list[Story]]:
    """(how many await a decision, the oldest `limit` of them)."""
    codes = [c.decode() for c in client.zrange(keys.STORY_QUEUE, 0, limit - 1)]
    stories = [s for s in (load(client, c) for c in codes) if s is not None]
    return int(client.zcard(keys.STORY_QUEUE)), stories


def submissions_since(client: redis.Redis, user_id: str, since_ms: int) -> int:
    return int(client.zcount(keys.user_stories(user_id), since_ms, "+inf"))


# --- decisions ------------------------------------------------------------------------------------



@dataclass(frozen=True)
class Decision:
    outcome: str  # "ok" | "taken" (someone else decided first) | "missing" | "unscreened"
    status: str = ""
    decided_by: str = ""
    decided_ms: int = 0


def decide(client: redis.Redis, code: str, status: str, *, moderator: str, now_ms: int, event_key: str,
           retention_s: int, reason: str = "") -> Decision:
    """Approve or reject atomically; see the module docstring for why this runs before the commit."""
    if status not in (APPROVED, REJECTED):
        raise ValueError(status)
    result = scripts.STORY_DECIDE(
        client, keys=[keys.story(code), keys.story_original(code), keys.STORY_QUEUE, keys.STORY_UNSCREENED,
              keys.STORY_APPROVED, keys.STORY_REJECTED],
        args=[code, status, moderator, now_ms, reason, event_key, retention_s])
    parts = [p.decode() if isinstance(p, bytes) else str(p) for p in result]
    if parts[0] == "taken":
        return Decision("taken", parts[1], parts[2], int(parts[3] or 0))
    return Decision(parts[0], parts[1])


# --- a citizen's data deletion ----------------------------------------------------------------------



def user_codes(client: redis.Redis, user_id: str) -> list[str]:
    return [c.decode() for c in client.zrange(keys.user_stories(user_id), 0, -1)]


def erase_user_stories(pipe: Pipeline, client: redis.Redis, user_id: str, codes: list[str]) -> None:
    """Queue, in the caller's transaction, the deletion (or anonymization, if published) of `codes`.
    Each runs as one script at EXEC time, so a decision landing in between is respected."""
    for code in codes:
        scripts.STORY_ERASE(pipe, keys=[keys.story(code), keys.story_original(code), keys.STORY_QUEUE,
                                        keys.STORY_UNSCREENED, keys.STORY_REJECTED, keys.STORY_FINGERPRINTS,
                                        keys.user_stories(user_id)], args=[code])
    pipe.delete(keys.user_stories(user_id))


# --- reading for other features ---------------------------------------------------------------------

def counts(client: redis.Redis) -> dict[str, int]:
    with client.pipeline(transaction=False) as pipe:
        pipe.zcard(keys.STORY_QUEUE)
        pipe.zcard(keys.STORY_UNSCREENED)
        pipe.zcard(keys.STORY_APPROVED)
        pipe.zcard(keys.STORY_REJECTED)
        waiting, unscreened, approved, rejected = pipe.execute()
    return {"pending": int(waiting), "unscreened": int(unscreened), "approved": int(approved),
            "rejected": int(rejected)}


def approved_stories(client: redis.Redis, limit: int = 200) -> list[dict[str, Any]]:
    """Published stories, newest approval first, masked (the read API the weekly digest uses)."""
    out = []
    for raw_code, score in client.zrevrange(keys.STORY_APPROVED, 0, limit - 1, withscores=True):
        story = load(client, raw_code.decode())
        if story is None:
            continue
        link = client.hget(keys.story(story.code), "article_link")  # its OA article, once published
        out.append({"code": story.code, "title": story.title, "locality": story.locality, "body": story.body,
                    "topic": story.topic, "approved_ms": int(score), "photos": story.photo_files,
                    "url": link.decode() if link else None})
    return out


def export_records(client: redis.Redis) -> Iterator[dict[str, Any]]:
    """One readable record per story for `dxbot export`. The original is included only while the story
    awaits a decision (a restore needs it); after the decision it is personal data with no purpose."""
    for raw_key in client.scan_iter(match=keys.story("*"), count=500):
        story = load(client, raw_key.decode().removeprefix(keys.story("")))
        if story is None:
            continue
        record: dict[str, Any] = {"record": "story", **story.__dict__}
        if story.status in OPEN:
            record["original"] = original(client, story.code)
        yield record
