"""The contract between our hand-written RQ jobs (bot/core/rqjob.py) and RQ itself.

The webhook writes the drain job from Lua for speed. These tests build the same job twice, once through
that fast path and once through RQ's public `Queue.enqueue()`, and compare the two hashes field by field:
if an RQ upgrade changes its job format, `make test` fails here, not production.
"""

from __future__ import annotations

import re

import pytest
import redis
import rq
from rq import Queue, SimpleWorker
from rq.job import Job, JobStatus
from rq.utils import utcparse

from bot.core import rqjob
from bot.core.ingest import DRAIN_JOB, QUEUE_NAME, JobWriter

# Fields whose values differ between any two jobs; each is checked on its own below.
TIMESTAMPS = ("created_at", "enqueued_at")
RQ_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")


def _hash(client: redis.Redis, job_id: str) -> dict[str, bytes]:
    return {k.decode(): v for k, v in client.hgetall(f"rq:job:{job_id}").items()}


def _by_rq(client: redis.Redis, user_id: str) -> str:
    job = Queue(QUEUE_NAME, connection=client).enqueue(
        DRAIN_JOB.func, user_id, job_id=f"public-{user_id}", job_timeout=DRAIN_JOB.timeout,
        result_ttl=DRAIN_JOB.result_ttl, failure_ttl=DRAIN_JOB.failure_ttl, description=f"drain user {user_id}")
    return job.id


def _assert_same_job(client: redis.Redis, ours_id: str, theirs_id: str) -> None:
    ours, theirs = _hash(client, ours_id), _hash(client, theirs_id)
    for name in sorted(set(ours) | set(theirs)):
        if name == "data" or name in TIMESTAMPS:
            continue
        # RQ writes empty strings for unset fields; a missing field reads back the same way.
        assert ours.get(name, b"") == theirs.get(name, b""), f"field {name!r} differs from RQ's own job"
    for name in TIMESTAMPS:
        assert RQ_STAMP.fullmatch(ours[name].decode()), name
        assert utcparse(ours[name].decode()) <= utcparse(theirs[name].decode())
    # `data` is compressed by RQ and not by us: compare what RQ reads out of each.
    mine, public = Job.fetch(ours_id, connection=client), Job.fetch(theirs_id, connection=client)
    assert (mine.func_name, mine.args, mine.kwargs) == (public.func_name, public.args, public.kwargs)
    assert mine.get_status() == public.get_status() == JobStatus.QUEUED
    assert (mine.timeout, mine.result_ttl, mine.failure_ttl, mine.origin, mine.description) == \
        (public.timeout, public.result_ttl, public.failure_ttl, public.origin, public.description)
    assert client.ttl(f"rq:job:{ours_id}") == client.ttl(f"rq:job:{theirs_id}")
    queued = [j.decode() for j in client.lrange(f"rq:queue:{QUEUE_NAME}", 0, -1)]
    assert ours_id in queued and theirs_id in queued
    assert client.sismember(Queue.redis_queues_keys, f"rq:queue:{QUEUE_NAME}")


def test_the_webhook_job_is_the_job_rq_would_write(redis_client: redis.Redis) -> None:
    writer = JobWriter(redis_client)
    assert writer.ingest(event_key="m1", user_id="1234", timestamp_ms=1, member="1:{}") == 2
    ours_id = redis_client.get("dxbot:lease:1234").decode()
    _assert_same_job(redis_client, ours_id, _by_rq(redis_client, "1234"))


def test_the_sweeper_job_is_the_job_rq_would_write(redis_client: redis.Redis) -> None:
    assert JobWriter(redis_client).claim("5678")
    ours_id = redis_client.get("dxbot:lease:5678").decode()
    _assert_same_job(redis_client, ours_id, _by_rq(redis_client, "5678"))


def test_rq_runs_the_hand_written_job(redis_client: redis.Redis) -> None:
    """RQ's own worker takes the hash we wrote, imports the named function and calls it."""
    spec = rqjob.JobSpec("builtins.len", timeout=30, result_ttl=60, failure_ttl=60)
    queue = Queue("contract", connection=redis_client)
    constants = rqjob.constant_fields(queue, spec)
    script = redis_client.register_script(rqjob.lua_write_job(
        constants, job_key="KEYS[1]", job_id="ARGV[1]", data="ARGV[2]", stamp="ARGV[3]", description="ARGV[4]",
        queue_key="KEYS[2]"))
    script(keys=["rq:job:j1", queue.key], args=["j1", rqjob.job_data(spec.func, ("abc",)), rqjob.timestamp(0),
                                                  "len of abc"])
    # RQ's own worker, not the harness's InProcessWorker: the contract is with RQ as it runs in `dxbot worker`
    SimpleWorker([queue], connection=redis_client).work(burst=True)
    job = Job.fetch("j1", connection=redis_client)
    assert job.get_status() == JobStatus.FINISHED
    assert job.return_value() == 3


def test_a_dequeued_job_waits_queued_in_the_list_the_claim_reads_until_its_worker_starts_it(
        redis_client: redis.Redis) -> None:
    """The claim script takes over a user whose `queued` job sits in `rqjob.dequeued_key` (a worker took it and
    died before starting it): RQ's dequeue must put it there, and starting it must take it out."""
    writer = JobWriter(redis_client)
    assert writer.ingest(event_key="m2", user_id="4321", timestamp_ms=1, member="1:{}") == 2
    job_id = redis_client.get("dxbot:lease:4321").decode()
    queue = Queue(QUEUE_NAME, connection=redis_client)
    dequeued = rqjob.dequeued_key(queue)
    job, _ = Queue.dequeue_any([queue], None, connection=redis_client)  # what a worker's loop calls
    assert job.id == job_id and job.get_status(refresh=True) == JobStatus.QUEUED
    assert redis_client.lrange(dequeued, 0, -1) == [job_id.encode()] and redis_client.llen(queue.key) == 0
    SimpleWorker([queue], connection=redis_client).prepare_job_execution(job, remove_from_intermediate_queue=True)
    assert job.get_status(refresh=True) == JobStatus.STARTED
    assert redis_client.llen(dequeued) == 0


def test_start_up_refuses_another_rq_version() -> None:
    rqjob.check_version()  # the installed one is the one the contract above was run against
    assert rq.__version__ == rqjob.RQ_VERSION
    with pytest.raises(rqjob.RQVersionMismatch, match="rq 9.9.9 is installed"):
        rqjob.check_version("9.9.9")


def test_every_job_name_in_the_code_resolves_to_a_function() -> None:
    """Jobs stored in Redis name their function by dotted path: each one the code enqueues must import
    (workers/ keeps these paths stable when the code behind them moves)."""
    import re
    from pathlib import Path

    from rq.utils import import_attribute

    root = Path(__file__).resolve().parent.parent
    names = {m for tree in ("bot", "workers") for path in (root / tree).rglob("*.py")
             for m in re.findall(r"[\"'](workers\.\w+\.\w+)[\"']", path.read_text(encoding="utf-8"))}
    assert {"workers.events.drain_user", "workers.moderation.screen_story", "workers.digest.fire"} <= names
    for name in sorted(names):
        assert callable(import_attribute(name)), name
