"""The weekly digest jobs: preview, fire (compose + start the fan-out), fan-out chunks, final report.

- `fire(slot)`: the scheduled job. Creates the run in one transaction guarded by WATCH on the run key,
  so any number of firings make one run; no stories → no digest and the moderators are told.
- `fanout_chunk(slot, chunk, token)`: walks a fixed range of subscriber buckets. It owns its chunk by a
  lease (renewed as it goes) and records a cursor, so a killed worker's chunk is resumed by the
  sweeper (`tick()`, run by `dxbot scheduler` and at worker start) from where it stopped. It yields
  the worker every DIGEST_SLICE_SECONDS (re-enqueuing itself) so chat replies keep flowing.
- The last chunk to finish writes the report and queues it to the moderators in the same transaction.
"""

from __future__ import annotations

import contextlib
import json
import logging
import time
import uuid
from dataclasses import asdict

import redis
import requests
from rq import Queue

from bot.config import Settings
from bot.core import runtime
from bot.core.ingest import QUEUE_NAME
from bot.core.notify import queue_text
from bot.digest import broadcast as digest_broadcast
from bot.digest import schedule as digest_schedule
from bot.digest import subscribers
from bot.digest.compose import fact_from_json, pick_fact, pick_stories, stories_from_json, stories_to_json
from bot.digest.delivery import DigestContent, Sender
from bot.digest.report import report, report_text
from bot.infra import clock, keys, scripts
from bot.infra.texts import render
from bot.zalo import cover
from bot.zalo.errors import ZaloError

log = logging.getLogger(__name__)



def week_label(settings: Settings, slot: str) -> str:
    return digest_schedule.slot_time(settings, slot).strftime("%d/%m/%Y")


def _tell_moderators(pipe: redis.client.Pipeline, settings: Settings, text: str) -> None:
    for moderator in sorted(settings.moderator_ids):
        queue_text(pipe, moderator, text, keep_if_unreachable=True)


def _claim_moderators(rt: runtime.Runtime) -> None:
    for moderator in rt.settings.moderator_ids:
        rt.jobs.claim(moderator)


# --- scheduled jobs ---

def preview(slot: str) -> str:
    """Send moderators what the digest of `slot` will contain (once per slot)."""
    rt = runtime.get()
    if not rt.redis.set(keys.digest_guard(slot, "previewed"), "1", nx=True, ex=30 * 24 * 3600):
        return "already"
    when = digest_schedule.slot_time(rt.settings, slot).strftime("%H:%M %d/%m/%Y")
    stories = pick_stories(rt.redis, rt.settings.digest_max_stories)
    with rt.redis.pipeline() as pipe:
        if stories:
            content = DigestContent(slot, week_label(rt.settings, slot), stories, pick_fact(slot),
                                    rt.settings.max_text_chars)
            header = render("digest_mod_preview", when=when, subscribers=subscribers.count(rt.redis))
            _tell_moderators(pipe, rt.settings, header + "\n\n" + content.text(""))
        else:
            _tell_moderators(pipe, rt.settings, render("digest_mod_preview_empty", when=when))
        pipe.execute()
    _claim_moderators(rt)
    return "previewed"


def fire(slot: str, *, force: bool = False) -> str:
    """The weekly trigger (idempotent): compose and start the fan-out, or tell why not."""
    rt = runtime.get()
    client, settings = rt.redis, rt.settings
    digest_schedule.ensure(client, settings)  # next week's slot, from the job itself too
    now = clock.now(client, settings)
    week = week_label(settings, slot)
    if not force and now.date() != digest_schedule.slot_time(settings, slot).date():
        if client.set(keys.digest_guard(slot, "missed"), "1", nx=True, ex=30 * 24 * 3600):
            with client.pipeline() as pipe:
                _tell_moderators(pipe, settings, render("digest_mod_missed", week=week))
                pipe.execute()
            _claim_moderators(rt)
        log.warning("digest %s: not sent, its day has passed", slot)
        return "missed"
    stories = pick_stories(client, settings.digest_max_stories)
    fact = pick_fact(slot)
    run_key = keys.digest_run(slot)
    with client.pipeline() as pipe:
        try:
            pipe.watch(run_key)
            if pipe.exists(run_key):
                return "already"
            total = subscribers.count(client)
            pipe.multi()
            base = {"week": week, "started_at": f"{time.time():.3f}", "started_bot_ms": clock.now_ms(client, settings),
                    "total": total}
            if not stories:
                pipe.hset(run_key, mapping={**base, "status": "skipped", "finished_at": f"{time.time():.3f}"})
                _tell_moderators(pipe, settings, render("digest_mod_no_stories", week=week))
            else:
                pipe.hset(run_key, mapping={**base, "status": "sending", "chunks": settings.digest_chunks,
                                            "broadcast": digest_broadcast.PENDING if settings.digest_broadcast
                                            else digest_broadcast.OFF,
                                            "stories": json.dumps(stories_to_json(stories), ensure_ascii=False),
                                            "fact": json.dumps(asdict(fact) if fact else None, ensure_ascii=False)})
                pipe.sadd(keys.DIGEST_INCLUDED_STORIES, *[s.code for s in stories])
                pipe.delete(keys.DIGEST_PINNED)
                pipe.sadd(keys.DIGEST_ACTIVE, slot)
                pipe.set(keys.DIGEST_LATEST, slot)
                _tell_moderators(pipe, settings, render("digest_mod_started", week=week, subscribers=total))
            pipe.execute()
        except redis.WatchError:
            return "already"
    if not stories:
        _claim_moderators(rt)
        log.info("digest %s: no approved stories, nothing sent", slot)
        return "skipped"
    log.info("digest %s: fan-out to %d subscriber(s) starts (%d stories)", slot, total, len(stories))
    resume(client, settings, slot)
    _claim_moderators(rt)
    return "started"


# --- fan-out ---

def _chunk_range(chunk: int, chunks: int) -> tuple[int, int]:
    size = keys.SUBSCRIBER_BUCKETS
    return chunk * size // chunks, (chunk + 1) * size // chunks


def resume(client: redis.Redis, settings: Settings, slot: str) -> int:
    """Start a job for every unfinished chunk that nobody owns (first start, or after a crash)."""
    run = client.hgetall(keys.digest_run(slot))
    if run.get(b"status") != b"sending":
        client.srem(keys.DIGEST_ACTIVE, slot)
        return 0
    if run.get(b"broadcast") == digest_broadcast.PENDING.encode():
        if client.set(keys.digest_broadcast_lock(slot), "queued", nx=True, ex=digest_broadcast.LOCK_S):
            Queue(QUEUE_NAME, connection=client).enqueue(
                "workers.digest.broadcast", slot, job_id=f"digest-{slot}-broadcast-{uuid.uuid4().hex[:8]}",
                job_timeout=digest_broadcast.LOCK_S, result_ttl=600, failure_ttl=7 * 24 * 3600)
        return 0  # the per-user fan-out starts once the broadcast's outcome is known
    chunks = int(run[b"chunks"])
    cursors = client.hgetall(keys.digest_chunks(slot))
    queue = Queue(QUEUE_NAME, connection=client)
    started = 0
    for chunk in range(chunks):
        if cursors.get(str(chunk).encode()) == b"done":
            continue
        token = uuid.uuid4().hex[:16]
        if client.set(keys.digest_chunk_owner(slot, chunk), token, nx=True, px=settings.digest_lease_s * 1000):
            _enqueue_chunk(queue, slot, chunk, token)
            started += 1
    if cursors and all(cursors.get(str(c).encode()) == b"done" for c in range(chunks)):
        finalize(slot)
    return started


def _enqueue_chunk(queue: Queue, slot: str, chunk: int, token: str) -> None:
    queue.enqueue("workers.digest.fanout_chunk", slot, chunk, token, job_id=f"digest-{slot}-c{chunk}-{token}",
                  job_timeout=3600, result_ttl=600, failure_ttl=7 * 24 * 3600)


def broadcast(slot: str) -> str:
    """Publish and broadcast the digest of `slot` (bot/digest/broadcast.py), then start the per-user fan-out,
    which sends the CS link to subscribers in the window, or today's digest to everyone if broadcast fell back.
    A transient failure leaves the run pending: the sweeper queues this job again once its lock expires."""
    rt = runtime.get()
    client, settings = rt.redis, rt.settings
    run = client.hgetall(keys.digest_run(slot))
    if not run:
        return "missing"
    try:
        state = digest_broadcast.run(client, rt.zalo, settings, slot,
                                     stories_from_json(json.loads(run[b"stories"])),
                                     fact_from_json(json.loads(run[b"fact"])), run[b"week"].decode(),
                                     cover.url(settings))
    except ZaloError as exc:
        log.warning("digest %s: broadcast not finished (%s); retried by the sweeper", slot, exc.code)
        return "retry"
    client.delete(keys.digest_broadcast_lock(slot))
    resume(client, settings, slot)
    return state


def fanout_chunk(slot: str, chunk: int, token: str) -> str:
    """Deliver the digest to the subscribers of one bucket range, resuming at its cursor."""
    rt = runtime.get()
    client, settings = rt.redis, rt.settings
    lease_ms = settings.digest_lease_s * 1000
    owner = keys.digest_chunk_owner(slot, chunk)
    if not scripts.TAKE_LEASE(client, keys=[owner], args=[token, lease_ms]):
        return "not-owner"
    run = client.hgetall(keys.digest_run(slot))
    if run.get(b"status") != b"sending":
        client.delete(owner)
        return "not-sending"
    start, stop = _chunk_range(chunk, int(run[b"chunks"]))
    raw_cursor = client.hget(keys.digest_chunks(slot), str(chunk))
    if raw_cursor == b"done":
        return "done"
    cursor = int(raw_cursor) if raw_cursor else start
    content = DigestContent(slot, run[b"week"].decode(), stories_from_json(json.loads(run[b"stories"])),
                            fact_from_json(json.loads(run[b"fact"])), settings.max_text_chars,
                            link=digest_broadcast.national_link(client, slot)
                            if run.get(b"broadcast") == digest_broadcast.SENT.encode() else None)
    offset = clock.offset_ms(client, settings)
    sender = Sender(client, rt.zalo, settings, content, now_ms=lambda: int(time.time() * 1000) + offset)
    slice_end = time.monotonic() + settings.digest_slice_s
    renew_every = settings.digest_lease_s / 3
    last_renew = time.monotonic()
    for index, members in subscribers.iter_buckets(client, cursor, stop):
        for sub in [*members, None]:
            if sub is not None:
                sender.deliver(sub)
            if time.monotonic() - last_renew > renew_every:  # keep the chunk, remember where we are
                sender.flush()
                if not scripts.CHECKPOINT_CHUNK(client, keys=[owner, keys.digest_chunks(slot)],
                                               args=[token, lease_ms, chunk, index, ""]):
                    return "lost-lease"
                last_renew = time.monotonic()
        if time.monotonic() > slice_end and index + 1 < stop:
            sender.flush()
            follow = uuid.uuid4().hex[:16]
            if not scripts.CHECKPOINT_CHUNK(client, keys=[owner, keys.digest_chunks(slot)],
                                           args=[token, lease_ms, chunk, index + 1, follow]):
                return "lost-lease"
            _enqueue_chunk(Queue(QUEUE_NAME, connection=client), slot, chunk, follow)
            return "continued"
    sender.flush()
    if not scripts.CHECKPOINT_CHUNK(client, keys=[owner, keys.digest_chunks(slot)],
                                   args=[token, lease_ms, chunk, "done", ""]):
        return "lost-lease"
    cursors = client.hgetall(keys.digest_chunks(slot))
    if all(cursors.get(str(c).encode()) == b"done" for c in range(int(run[b"chunks"]))):
        finalize(slot)
    return "chunk-done"


def finalize(slot: str) -> bool:
    """Once all chunks are done: mark the run done and queue the report to moderators (exactly once)."""
    rt = runtime.get()
    client = rt.redis
    run_key = keys.digest_run(slot)
    with client.pipeline() as pipe:
        try:
            pipe.watch(run_key)
            if pipe.hget(run_key, "status") != b"sending":
                return False
            text = report_text(client, rt.settings, slot, final=True)
            pipe.multi()
            pipe.hset(run_key, mapping={"status": "done", "finished_at": f"{time.time():.3f}"})
            pipe.srem(keys.DIGEST_ACTIVE, slot)
            _tell_moderators(pipe, rt.settings, text)
            pipe.execute()
        except redis.WatchError:
            return False
    _claim_moderators(rt)
    log.info("digest %s: done — %s", slot, report(client, slot))
    return True


def tick(client: redis.Redis, settings: Settings) -> None:
    """Scheduler sweep: keep the schedule, and resume fan-outs whose worker died. In the sandbox the bot
    clock follows the emulator's, so moving the emulator to Monday 08:00 sends the digest."""
    if settings.sandbox:
        with contextlib.suppress(requests.RequestException, ValueError, KeyError):
            clock.sync_with_emulator(client, settings)
    digest_schedule.ensure(client, settings)
    for raw in client.smembers(keys.DIGEST_ACTIVE):
        resume(client, settings, raw.decode())
