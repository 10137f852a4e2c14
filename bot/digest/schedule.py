"""When the weekly digest fires: one RQ scheduled job per slot, safe to "ensure" from every process.

Why this shape (shared/rq-notes.md, measured with rq 2.12): `rq cron` has no leader election and
double-fires; `enqueue_at` ignores `unique`. What works is `queue.schedule_job(Job.create(..., id=slot),
when, unique=True)` called from every process start, every scheduler sweep and the job itself; RQ's
scheduler lock (workers run `with_scheduler=True`) makes one enqueue; the job's own guards make one
run. A slot id is the local date and time (`digest-20261130T0800`).

The bot's clock may be ahead of real time in the sandbox (bot/infra/clock.py), while RQ's scheduler uses
real time: a slot is scheduled at `slot - offset`, and re-timed here when the offset changes.
Catch-up: if every process was down at the slot, the next `ensure()` the same day schedules it now;
a slot whose day has passed is not sent late (the fire job tells the moderators instead).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import redis
from rq import Queue
from rq.exceptions import DuplicateJobError
from rq.job import Job
from rq.registry import ScheduledJobRegistry

from bot.config import Settings
from bot.core.ingest import QUEUE_NAME
from bot.infra import clock, keys

log = logging.getLogger(__name__)
SLOT_FORMAT = "%Y%m%dT%H%M"
JOB_KEEP_S = 8 * 24 * 3600  # job hashes (and so RQ's `unique` guard) outlive the week


@dataclass(frozen=True)
class Planned:
    job_id: str
    at: datetime  # in bot time


def slot_of_week(settings: Settings, moment: datetime) -> datetime:
    """The configured weekday and time in the (Monday-first) week that contains `moment`."""
    local = moment.astimezone(settings.tz)
    day = local.date() - timedelta(days=local.weekday()) + timedelta(days=settings.digest_weekday)
    hour, minute = settings.digest_time
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=settings.tz)


def slot_id(slot: datetime) -> str:
    return slot.strftime(SLOT_FORMAT)


def slot_time(settings: Settings, slot: str) -> datetime:
    return datetime.strptime(slot, SLOT_FORMAT).replace(tzinfo=settings.tz)


def fire_job_id(slot: str) -> str:
    return f"digest-{slot}"


def preview_job_id(slot: str) -> str:
    return f"digest-preview-{slot}"


def ensure(client: redis.Redis, settings: Settings) -> list[Planned]:
    """Make sure this week's slot (if still due today) and next week's are scheduled, with their previews.
    Idempotent and cheap: called every scheduler sweep, at worker start and by the fire job."""
    now = clock.now(client, settings)
    offset_ms = clock.offset_ms(client, settings)
    this = slot_of_week(settings, now)
    following = slot_of_week(settings, now + timedelta(days=7))
    planned: list[Planned] = []
    for slot in (this, following):
        sid = slot_id(slot)
        if client.exists(keys.digest_run(sid)):
            continue
        if slot <= now and now.date() != slot.date():
            continue  # the day has passed: not sent late
        preview_at = slot - timedelta(seconds=settings.digest_preview_before_s)
        if settings.digest_preview_before_s and now < slot and not client.exists(keys.digest_guard(sid, "previewed")):
            planned.append(_schedule(client, "workers.digest.preview", sid, preview_job_id(sid),
                                     max(preview_at, now), offset_ms))
        planned.append(_schedule(client, "workers.digest.fire", sid, fire_job_id(sid), max(slot, now), offset_ms))
    return planned


def _schedule(client: redis.Redis, func: str, slot: str, job_id: str, at: datetime, offset_ms: int) -> Planned:
    queue = Queue(QUEUE_NAME, connection=client)
    wall = datetime.fromtimestamp(at.timestamp() - offset_ms / 1000, UTC)
    job = Job.create(func, args=(slot,), id=job_id, connection=client, timeout=600, result_ttl=JOB_KEEP_S,
                     failure_ttl=JOB_KEEP_S, description=f"weekly digest {slot}")
    try:
        queue.schedule_job(job, wall, unique=True)
        log.info("digest job %s scheduled for %s (bot time)", job_id, at.isoformat())
    except DuplicateJobError:
        _retime(client, queue, job_id, wall)
    return Planned(job_id, at)


def _retime(client: redis.Redis, queue: Queue, job_id: str, wall: datetime) -> None:
    """The job is already scheduled; if the bot clock moved (sandbox), move its due time with it."""
    registry = ScheduledJobRegistry(queue=queue)
    score = client.zscore(registry.key, job_id)
    wanted = int(wall.timestamp())
    if score is not None and int(score) != wanted:
        client.zadd(registry.key, {job_id: wanted}, xx=True)
        log.info("digest job %s re-timed to %s (bot clock moved)", job_id, wall.isoformat())


def next_send(client: redis.Redis, settings: Settings) -> datetime:
    """When the next digest is due (bot time): this week's slot if still ahead today, else next week's."""
    now = clock.now(client, settings)
    this = slot_of_week(settings, now)
    if this >= now or (this.date() == now.date() and not client.exists(keys.digest_run(slot_id(this)))):
        return this
    return slot_of_week(settings, now + timedelta(days=7))
