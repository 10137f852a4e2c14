"""Background jobs of reader stories: screening, photo download, photo purge, and recovery of lost screenings.

Screening is enqueued inside the submission's commit (deterministic job id `screen-<code>`), so a story
is stored exactly when its screening is queued. The job itself is idempotent: it holds a short lock while
it works and commits its result only if the story is still `pending` (WATCH), so a re-run, a duplicate
job or a decision that landed meanwhile can never screen twice or undo anything. A failing screening is
retried by RQ; a worker killed mid-job leaves the story `pending` in `keys.STORY_UNSCREENED`, and the
sweeper (`recover_screening`) queues it again once the lock has expired. The story itself is never at risk:
it was stored before any job ran.
"""

from __future__ import annotations

import importlib
import json
import logging
import time
import uuid
from pathlib import Path

import redis
from rq import Queue, Retry
from rq.exceptions import NoSuchJobError
from rq.job import Job, JobStatus

from bot.config import Settings
from bot.core import notify, runtime
from bot.core.ingest import QUEUE_NAME
from bot.infra import audit, keys, safe_text, scripts
from bot.infra.texts import render
from bot.stories import alerts, media, pii, screening
from bot.stories import model as stories

log = logging.getLogger(__name__)

SCREEN_TIMEOUT_S = 60
MEDIA_TIMEOUT_S = 120
ALERT_TITLE_CHARS = 80
RECOVER_BATCH = 100



def screen_job_id(code: str) -> str:
    return f"screen-{code}"


def _retry(settings: Settings) -> Retry:
    delays = list(settings.story_screen_retry_s)
    return Retry(max=len(delays), interval=delays)


def enqueue_screening(pipe: redis.client.Pipeline, client: redis.Redis, code: str, settings: Settings) -> None:
    """Queue the screening of `code` inside `pipe` (the transaction that stores or re-queues the story)."""
    Queue(QUEUE_NAME, connection=client).enqueue(
        "workers.moderation.screen_story", code, job_id=screen_job_id(code), pipeline=pipe,
        retry=_retry(settings), job_timeout=SCREEN_TIMEOUT_S, result_ttl=3600, failure_ttl=30 * 24 * 3600)


def enqueue_media(pipe: redis.client.Pipeline, client: redis.Redis, code: str, settings: Settings) -> None:
    Queue(QUEUE_NAME, connection=client).enqueue(
        "workers.moderation.download_media", code, job_id=f"media-{code}", pipeline=pipe,
        retry=_retry(settings), job_timeout=MEDIA_TIMEOUT_S, result_ttl=3600, failure_ttl=30 * 24 * 3600)


def enqueue_purge(pipe: redis.client.Pipeline, client: redis.Redis, codes: list[str]) -> None:
    Queue(QUEUE_NAME, connection=client).enqueue(
        "workers.moderation.purge_media", codes, job_id=f"purge-{uuid.uuid4().hex}", pipeline=pipe,
        result_ttl=3600, failure_ttl=30 * 24 * 3600)


# --- screening ------------------------------------------------------------------------------------

def screen_story(code: str) -> str:
    """RQ job: mask, flag, tag and announce one pending story. Returns an outcome for logs and tests."""
    rt = runtime.get()
    # redis-py's Lock: a random token, released only by its holder; if the worker dies the lock expires and
    # the sweeper (recover_screening) queues the story again.
    lock = rt.redis.lock(keys.story_screen_lock(code), timeout=rt.settings.story_screen_lock_s, blocking=False,
                         raise_on_release_error=False)
    if not lock.acquire():
        return "busy"  # another worker is on it
    try:
        attempts = int(scripts.COUNT_SCREENING_ATTEMPT(rt.redis, keys=[keys.story(code)]))
        if attempts < 0:
            rt.redis.zrem(keys.STORY_UNSCREENED, code)
            outcome = "parked"
        elif attempts > rt.settings.story_screen_max_attempts:
            outcome = _park(rt, code, attempts - 1)
        else:
            _hook(rt.settings, code)
            outcome = _screen(rt, code)
    finally:
        lock.release()
    log.info("story screening code=%s outcome=%s", code, outcome)
    return outcome


def _hook(settings: Settings, code: str) -> None:
    """`DXBOT_SCREEN_HOOK=module:function`, called with the code once the lock is held: a fault-injection
    point for drills and tests (kill a worker mid-screening, make screening fail), like DXBOT_ROUTER."""
    spec = settings.screen_hook
    if spec:
        module_name, _, func = spec.partition(":")
        getattr(importlib.import_module(module_name), func)(code)


def _screen(rt: runtime.Runtime, code: str) -> str:
    client, settings = rt.redis, rt.settings
    status = client.hget(keys.story(code), "status")
    original = stories.original(client, code)
    if status != stories.PENDING.encode() or original is None:
        client.zrem(keys.STORY_UNSCREENED, code)
        return "gone" if status is None else "already"
    original["title"] = original["title"][:stories.SCAN_MAX_CHARS]
    original["body"] = original["body"][:stories.SCAN_MAX_CHARS]
    title, body = pii.mask(original["title"]), pii.mask(original["body"])
    links = [pii.mask(u).text for u in original["links"]]
    flags: list[screening.Flag] = []
    if title.any or body.any:
        flags.append(screening.Flag("pii", ",".join(sorted({*title.found, *body.found}))))
    signature = screening.signature(original["body"])  # titles are short and often rewritten
    if signature is not None:
        others = {k.decode(): v for k, v in client.hgetall(keys.STORY_FINGERPRINTS).items() if k.decode() != code}
        near = screening.nearest(signature, others)
        if near is not None:
            flags.append(screening.Flag("duplicate", near[0]))
    urls = list(dict.fromkeys([*original["links"], *screening.urls_in(original["body"])]))
    flags += screening.link_flags(urls, settings.story_link_allowlist)
    flags += screening.spam_abuse_flags(f"{original['title']}\n{original['body']}", len(urls))
    topic = screening.topic_of(f"{original['title']} {original['body']}")
    locality, place = ((v or b"").decode() for v in client.hmget(keys.story(code), "locality", "place"))
    flag_json = [f.to_json() for f in flags]
    alert = render("mod_alert", code=code, title=safe_text.one_line(title.text, ALERT_TITLE_CHARS),
                   province=safe_text.one_line(f"{place}, {locality}" if place else locality, 120),
                   topic=topic.label, flags=screening.describe(flag_json))
    with client.pipeline() as pipe:
        try:
            pipe.watch(keys.story(code))
            if pipe.hget(keys.story(code), "status") != stories.PENDING.encode():
                return "already"
            opened = alerts.bursts_open(pipe, settings)
            pipe.multi()
            pipe.hset(keys.story(code), mapping={
                "status": stories.SCREENED, "title": title.text, "body": body.text,
                "links": json.dumps(links, ensure_ascii=False), "flags": json.dumps(flag_json, ensure_ascii=False),
                "topic": topic.id, "province": locality, "screened_at": int(time.time() * 1000)})
            if signature is not None:
                pipe.hset(keys.STORY_FINGERPRINTS, code, signature)
            pipe.zrem(keys.STORY_UNSCREENED, code)
            audit.record(pipe, "screened", who=audit.SYSTEM, code=code, flags=",".join(f.kind for f in flags),
                         topic=topic.id)
            # One notice per burst, with buttons; a moderator outside Zalo's window is told what waits when they
            # next write (handlers/moderation_window.py), not flooded with every notice at once.
            alerts.queue_alert(pipe, settings, opened, code, alert)
            pipe.execute()
        except redis.WatchError:
            return "raced"  # a decision or a deletion changed the story meanwhile; the re-check settles it
    for moderator in settings.moderator_ids:
        rt.jobs.claim(moderator)
    return "screened"


def _park(rt: runtime.Runtime, code: str, attempts: int) -> str:
    """Screening started `attempts` times without finishing: stop retrying and hand the story to the
    moderators as it is. It stays pending in the queue (so /hangdoi lists it, marked), its text is masked
    on the fly when shown, and it can be refused; it is no longer re-queued by the sweeper."""
    client, settings = rt.redis, rt.settings
    raw = client.hmget(keys.story(code), "status", "locality")
    original = stories.original(client, code) or {"title": ""}
    alert = render("mod_alert_parked", code=code, attempts=attempts,
                   title=safe_text.one_line(pii.mask(original["title"][:stories.SCAN_MAX_CHARS]).text,
                                            ALERT_TITLE_CHARS),
                   province=safe_text.one_line((raw[1] or b"").decode(), 60))
    with client.pipeline() as pipe:
        try:
            pipe.watch(keys.story(code))
            if pipe.hget(keys.story(code), "status") != stories.PENDING.encode() or \
                    pipe.hexists(keys.story(code), "screen_parked"):
                pipe.reset()
                client.zrem(keys.STORY_UNSCREENED, code)
                return "already"
            pipe.multi()
            pipe.hset(keys.story(code), "screen_parked", int(time.time() * 1000))
            pipe.zrem(keys.STORY_UNSCREENED, code)
            audit.record(pipe, "screen_parked", who=audit.SYSTEM, code=code, attempts=attempts)
            for moderator in sorted(settings.moderator_ids):
                notify.queue_text(pipe, moderator, alert, max_chars=settings.max_text_chars,
                                  buttons=alerts.story_buttons(code)[:1] + alerts.story_buttons(code)[2:])
            pipe.execute()
        except redis.WatchError:
            return "raced"
    for moderator in settings.moderator_ids:
        rt.jobs.claim(moderator)
    log.error("story screening parked code=%s after %d attempts: moderators see it unscreened", code, attempts)
    return "parked"


def recover_screening(client: redis.Redis, settings: Settings, *, now_ms: int | None = None) -> int:
    """Re-queue screenings that nobody is doing: stories still unscreened after the lock period, with no
    lock held and no job waiting. Run by the sweeper; returns how many were re-queued."""
    now_ms = now_ms if now_ms is not None else int(time.time() * 1000)
    stale = client.zrangebyscore(keys.STORY_UNSCREENED, "-inf", now_ms - settings.story_screen_lock_s * 1000,
                                 start=0, num=RECOVER_BATCH)
    requeued = 0
    for raw in stale:
        code = raw.decode()
        if client.exists(keys.story_screen_lock(code)) or _job_waiting(client, screen_job_id(code)):
            continue
        with client.pipeline() as pipe:
            pipe.multi()
            enqueue_screening(pipe, client, code, settings)
            pipe.zadd(keys.STORY_UNSCREENED, {code: now_ms})  # next look only after another lock period
            pipe.execute()
        requeued += 1
        log.warning("story screening re-queued code=%s (no live screening found)", code)
    return requeued


def _job_waiting(client: redis.Redis, job_id: str) -> bool:
    try:
        status = Job.fetch(job_id, connection=client).get_status()
    except NoSuchJobError:
        return False
    return status in (JobStatus.QUEUED, JobStatus.SCHEDULED, JobStatus.DEFERRED)


# --- photos -----------------------------------------------------------------------------------------

def media_dir(settings: Settings) -> Path:
    return settings.var_dir / "media"


def download_media(code: str) -> str:
    """RQ job: copy a story's photos from Zalo's (expiring) URLs to `$DXBOT_VAR_DIR/media/<code>-<n>.<ext>`.
    Files already there are kept, so a retry only fetches what is missing."""
    rt = runtime.get()
    client = rt.redis
    raw = client.hget(keys.story(code), "photos")
    if raw is None:
        return "gone"
    folder = media_dir(rt.settings)
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for index, url in enumerate(json.loads(raw), start=1):
        stem = f"{code}-{index}"
        existing = sorted(folder.glob(f"{stem}.*"))
        if existing:
            files.append(existing[0].name)
            continue
        try:
            files.append(media.fetch(url, folder, stem, rt.settings))
        except media.MediaRefused as exc:  # no retry changes it: the story keeps its other photos
            log.warning("story photo refused code=%s photo=%d: %s", code, index, exc)
    with client.pipeline() as pipe:
        try:
            pipe.watch(keys.story(code))
            if not pipe.exists(keys.story(code)):
                _remove_files(folder, code)
                return "gone"
            pipe.multi()
            pipe.hset(keys.story(code), "photo_files", json.dumps(files))
            audit.record(pipe, "media_saved", who=audit.SYSTEM, code=code, files=len(files))
            pipe.execute()
        except redis.WatchError:
            raise RuntimeError(f"story {code} changed while saving its photos; retrying") from None
    return f"saved {len(files)}"


def purge_media(codes: list[str]) -> int:
    """RQ job: delete the photo files of stories that no longer exist (after a citizen's data deletion)."""
    rt = runtime.get()
    folder = media_dir(rt.settings)
    removed = 0
    for code in codes:
        if not rt.redis.exists(keys.story(code)):
            removed += _remove_files(folder, code)
    return removed


def _remove_files(folder: Path, code: str) -> int:
    removed = 0
    for path in folder.glob(f"{code}-*"):
        path.unlink(missing_ok=True)
        removed += 1
    return removed
