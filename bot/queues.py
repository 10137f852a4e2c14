"""RQ queues and the atomic "store the event and make sure a job will drain it" step.

Why not one `enqueue()` per webhook: it costs two round trips and ~0.4 ms of Python (rq-notes.md),
and it would let two jobs of one user run at once. Instead each event lands in the user's inbox (a
sorted set scored by Zalo's timestamp) and a per-user lease names the one job that drains it. One Lua
call does dedupe + inbox + lease + (only when no job holds the lease) the RQ job itself, written the
way RQ's own unique-enqueue script writes it (`rq.scripts._build_hset_args`; rq is pinned).
"""

from __future__ import annotations

import time
from typing import Any

import redis
from rq import Queue
from rq.job import Job
from rq.scripts import _build_hset_args

from bot import keys

QUEUE_NAME = "dxbot"
DRAIN_FUNC = "workers.events.drain_user"
QUEUED_LEASE_MS = 300_000  # how long a queued-but-not-started job holds the user (then the sweeper helps)

_INGEST = """
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  redis.call('HINCRBY', KEYS[5], 'events_duplicate_total', 1)
  return 0
end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
redis.call('ZADD', KEYS[4], 'NX', ARGV[7], ARGV[4])
redis.call('HINCRBY', KEYS[5], 'events_received_total', 1)
if redis.call('SET', KEYS[3], ARGV[6], 'NX', 'PX', ARGV[5]) then
  redis.call('HSET', KEYS[6], unpack(ARGV, 8))
  redis.call('RPUSH', KEYS[7], ARGV[6])
  return 2
end
return 1
"""

# Give the user to a new job unless some job holds the lease; used by the sweeper and by retries.
_CLAIM = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  redis.call('HSET', KEYS[2], unpack(ARGV, 3))
  redis.call('RPUSH', KEYS[3], ARGV[1])
  return 1
end
return 0
"""


class JobWriter:
    """Builds RQ job hashes for `drain_user` and pushes them atomically with our own bookkeeping."""

    def __init__(self, client: redis.Redis, *, job_timeout: int = 600) -> None:
        self.redis = client
        self.queue = Queue(QUEUE_NAME, connection=client)
        self.job_timeout = job_timeout
        self._ingest = client.register_script(_INGEST)
        self._claim = client.register_script(_CLAIM)
        client.sadd(Queue.redis_queues_keys, self.queue.key)

    def _job(self, user_id: str) -> tuple[Job, list[Any]]:
        job = self.queue.create_job(DRAIN_FUNC, args=(user_id,), timeout=self.job_timeout, result_ttl=0,
                                    failure_ttl=7 * 24 * 3600, description=f"drain user {user_id}")
        self.queue._prepare_for_queue(job)
        return job, [*_build_hset_args(job), "status", "queued"]

    def ingest(self, *, event_key: str, user_id: str, timestamp_ms: int, member: str, dedupe_ttl_s: int) -> int:
        """Store one verified event. Returns 0 duplicate, 1 stored (a job already drains the user),
        2 stored and a new job queued."""
        job, fields = self._job(user_id)
        now_ms = int(time.time() * 1000)
        return int(self._ingest(
            keys=[keys.dedupe(event_key), keys.inbox(user_id), keys.lease(user_id), keys.PENDING_USERS,
                  keys.METRICS, job.key, self.queue.key],
            args=[dedupe_ttl_s, timestamp_ms, member, user_id, QUEUED_LEASE_MS, job.id, now_ms, *fields],
        ))

    def claim(self, user_id: str) -> bool:
        """Queue a drain job for `user_id` unless one holds the lease."""
        job, fields = self._job(user_id)
        return bool(self._claim(keys=[keys.lease(user_id), job.key, self.queue.key],
                                args=[job.id, QUEUED_LEASE_MS, *fields]))
