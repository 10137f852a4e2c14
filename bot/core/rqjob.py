"""RQ's job format, imitated in one place: the only module that knows how RQ stores a job in Redis.

Why imitate it at all: the webhook stores an event, takes the user's lease and queues the drain job in
ONE Lua call (bot/core/ingest.py), which serves about twice the requests per second of a webhook that calls
`Queue.enqueue()` (two MULTI/EXEC round trips and ~0.4 ms of Python, rq-notes.md). Lua cannot call RQ,
so the job hash must be written the way RQ writes it. Everything that depends on RQ's private side is
here, and nowhere else:
- the constant fields of a job, built once by RQ itself (`Queue.create_job`, `Queue._prepare_for_queue`,
  `rq.scripts._build_hset_args`: the helpers RQ's own unique-enqueue script uses);
- the `data` field (RQ reads an uncompressed pickle of `(func, instance, args, kwargs)` too: `Job.restore`
  falls back when zlib fails, and skipping zlib saves more CPU than it saves bytes);
- the timestamp format and the `queued` status string;
- the intermediate list a worker's dequeue moves a job into before it marks the job `started`;
- a worker's `_shutdown_requested_date` (the only way to tell SIGTERM from a crash of `work()`).

`tests/test_rq_contract.py` builds a job through this module's Lua and one through RQ's public
`Queue.enqueue()` and asserts the two hashes agree field by field, so an RQ upgrade that changes the
format fails `make test` instead of production; `check_version()` refuses to start with another RQ.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from datetime import UTC, datetime

import rq
from rq import Queue, Worker
from rq.job import JobStatus
from rq.scripts import _build_hset_args
from rq.utils import utcformat

RQ_VERSION = "2.12.0"  # the version this module was written and contract-tested for (pyproject pins it)
QUEUED = JobStatus.QUEUED.value
# Fields that differ between two jobs of one kind; the others are baked into the Lua text once.
VARIABLE_FIELDS = ("data", "created_at", "enqueued_at", "description")


class RQVersionMismatch(RuntimeError):
    """The installed RQ is not the one whose private job format this module imitates."""


def check_version(installed: str | None = None) -> None:
    """Refuse to write jobs by hand for an RQ this module was not contract-tested against."""
    installed = rq.__version__ if installed is None else installed
    if installed != RQ_VERSION:
        raise RQVersionMismatch(
            f"rq {installed} is installed but bot/core/rqjob.py imitates rq {RQ_VERSION}'s job format: "
            f"run tests/test_rq_contract.py against rq {installed}, then update RQ_VERSION and the pin")


@dataclass(frozen=True)
class JobSpec:
    """What every job of one kind shares (the function RQ will import, and its time limits)."""

    func: str
    timeout: int
    result_ttl: int
    failure_ttl: int


def constant_fields(queue: Queue, spec: JobSpec) -> dict[str, str]:
    """The hash fields every job of `spec` shares, as RQ itself would write them (empty ones left out:
    RQ reads a missing field as empty)."""
    check_version()
    queue.redis_server_version = (6, 2, 0)  # only used by RQ for features we do not touch here
    job = queue.create_job(spec.func, args=("template",), timeout=spec.timeout, result_ttl=spec.result_ttl,
                           failure_ttl=spec.failure_ttl)
    queue._prepare_for_queue(job)  # noqa: SLF001 - origin, timeout and status exactly as enqueue sets them
    fields = [*_build_hset_args(job), "status", QUEUED]
    return {str(k): str(v.value if hasattr(v, "value") else v)
            for k, v in zip(fields[::2], fields[1::2], strict=True)
            if k not in VARIABLE_FIELDS and v != ""}


def job_data(func: str, args: tuple[object, ...]) -> bytes:
    """The `data` field RQ unpickles into (func, instance, args, kwargs)."""
    return pickle.dumps((func, None, args, {}), protocol=pickle.HIGHEST_PROTOCOL)


def timestamp(now: float) -> str:
    """`created_at`/`enqueued_at` in RQ's format."""
    return utcformat(datetime.fromtimestamp(now, UTC))


def job_key_prefix(queue: Queue) -> str:
    return queue.job_class.redis_job_namespace_prefix


def dequeued_key(queue: Queue) -> str:
    """The list a worker's dequeue moves a job into (BLMOVE), where it stays, still `queued`, until the worker's
    next transaction marks it `started`: a job found there was taken by a worker, not waiting in the queue."""
    return queue.intermediate_queue_key


def lua_string(value: str) -> str:
    """`value` as a Lua string literal that needs no escaping rules beyond decimal escapes."""
    return '"' + "".join(c if c.isalnum() or c in "_-.:" else f"\\{ord(c)}" for c in value) + '"'


def lua_write_job(constants: dict[str, str], *, job_key: str, job_id: str, data: str, stamp: str,
                  description: str, queue_key: str) -> str:
    """Lua statements that store a queued job and push it on its queue, as `Queue.enqueue()` would.

    Each keyword is a Lua expression (e.g. `KEYS[4]`, `ARGV[6]`); the constant fields are baked in as
    literals, so a call sends only what varies and Redis copies nothing.
    """
    baked = ", ".join(f"{lua_string(k)}, {lua_string(v)}" for k, v in constants.items())
    return (f"redis.call('HSET', {job_key}, 'data', {data}, 'created_at', {stamp}, 'enqueued_at', {stamp}, "
            f"'description', {description}, {baked})\n"
            f"redis.call('RPUSH', {queue_key}, {job_id})")


def shutdown_requested(worker: Worker) -> bool:
    """Whether `worker.work()` returned because of SIGTERM/SIGINT (RQ keeps that in a private field)."""
    return worker._shutdown_requested_date is not None  # noqa: SLF001 - no public accessor in rq 2.12
