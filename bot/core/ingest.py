"""RQ queues and the atomic "store the event and make sure a job will drain it" step.

Why not one `enqueue()` per webhook: it costs two round trips and ~0.4 ms of Python (rq-notes.md),
and it would let two jobs of one user run at once. Instead each event lands in the user's inbox (a
sorted set scored by Zalo's timestamp) and a per-user lease names the one job that drains it. One Lua
call does dedupe + inbox + lease + (only when no job holds the lease) the RQ job itself.

The RQ job hash is written the way RQ writes it; everything that knows RQ's job format is in
`bot/core/rqjob.py` (and contract-tested against `Queue.enqueue()`). Its constant fields are baked into
the script text, so a webhook request sends only what differs (job id, pickled call, timestamp) and
Redis copies nothing: one round trip, a handful of arguments.
"""

from __future__ import annotations

import threading
import time
import uuid

import redis
from redis.connection import Connection
from redis.exceptions import NoScriptError
from rq import Queue

from bot.core import rqjob
from bot.infra import keys, scripts

QUEUE_NAME = "dxbot"
DRAIN_FUNC = "workers.events.drain_user"
DRAIN_DESCRIPTION = "drain user "  # + the user id: how a queued drain job names its user (TAKE_NEXT_DRAIN)
QUEUED_LEASE_MS = 300_000  # how long a queued-but-not-started job holds the user (then the sweeper helps)
JOB_TIMEOUT_S = 600
DRAIN_JOB = rqjob.JobSpec(DRAIN_FUNC, timeout=JOB_TIMEOUT_S, result_ttl=0, failure_ttl=7 * 24 * 3600)


class JobWriter:
    """Writes `drain_user` jobs atomically with our own bookkeeping."""

    def __init__(self, client: redis.Redis, *, dedupe_ttl_s: int = 7 * 24 * 3600,
                 user_lease_ms: int | None = None) -> None:
        self.redis = client
        # Without the drain jobs' lease length an orphaned queued lease cannot be told from a running one.
        self.user_lease_ms = QUEUED_LEASE_MS if user_lease_ms is None else user_lease_ms
        self.queue = Queue(QUEUE_NAME, connection=client)
        constants = rqjob.constant_fields(self.queue, DRAIN_JOB)
        lua = rqjob.lua_string
        ingest = scripts.INGEST_TEMPLATE.replace("@WRITE_JOB@", rqjob.lua_write_job(
            constants, job_key="KEYS[4]", job_id="ARGV[4]", data="ARGV[6]", stamp="ARGV[7]",
            description=f"{lua(DRAIN_DESCRIPTION)} .. ARGV[3]", queue_key=lua(self.queue.key)))
        for name, value in (("@DEDUPE_TTL@", str(int(dedupe_ttl_s))), ("@LEASE_MS@", str(QUEUED_LEASE_MS)),
                            ("@METRICS@", lua(keys.METRICS)), ("@PENDING@", lua(keys.PENDING_USERS))):
            ingest = ingest.replace(name, value)
        self._ingest = scripts.Lua(ingest)
        claim = scripts.CLAIM_TEMPLATE.replace("@WRITE_JOB@", rqjob.lua_write_job(
            constants, job_key="KEYS[2]", job_id="ARGV[1]", data="ARGV[3]", stamp="ARGV[4]", description="ARGV[5]",
            queue_key="KEYS[3]"))
        self._claim = scripts.Lua(claim.replace("@METRICS@", lua(keys.METRICS)).replace("@QUEUED@", lua(rqjob.QUEUED)))
        self._job_prefix = rqjob.job_key_prefix(self.queue)
        self._dequeued_key = rqjob.dequeued_key(self.queue)
        # how a drain job is found in the queue (TAKE_NEXT_DRAIN, and DRAIN_NEXT when it releases a user)
        self.drain_job_prefixes = (self._job_prefix, DRAIN_DESCRIPTION)
        self._hot = _HotPath(client)
        self._stamp_second = -1
        self._stamp = ""
        client.sadd(Queue.redis_queues_keys, self.queue.key)

    def _variable(self, user_id: str) -> tuple[str, bytes, str, str]:
        data = rqjob.job_data(DRAIN_FUNC, (user_id,))
        now = time.time()
        if int(now) != self._stamp_second:
            self._stamp_second = int(now)
            self._stamp = rqjob.timestamp(now)
        return uuid.uuid4().hex, data, self._stamp, DRAIN_DESCRIPTION + user_id

    def take_next_drain(self) -> tuple[str, str] | bool:
        """Take the queue's next job out of RQ's hands if it is a drain job: (job id, user id); else True when
        another kind of job is next (RQ's to run), False when the queue is empty. The job's lease names that job
        id, so the caller drains the user as that job; if the caller dies, the lease expires and the sweeper
        queues the user again, as for any job lost with its worker."""
        taken = scripts.TAKE_NEXT_DRAIN(self.redis, keys=[self.queue.key], args=self.drain_job_prefixes)
        if isinstance(taken, list):
            return taken[0].decode(), taken[1].decode()
        return taken == 0

    def ingest(self, *, event_key: str, user_id: str, timestamp_ms: int, member: str) -> int:
        """Store one verified event. Returns 0 duplicate, 1 stored (a job already drains the user),
        2 stored and a new job queued."""
        job_id, data, stamp, _ = self._variable(user_id)
        return int(self._hot.evalsha(
            self._ingest,
            [keys.dedupe(event_key), keys.inbox(user_id), keys.lease(user_id), self._job_prefix + job_id],
            [member, timestamp_ms, user_id, job_id, int(time.time() * 1000), data, stamp],
        ))

    def claim(self, user_id: str) -> bool:
        """Queue a drain job for `user_id` unless a live job holds the lease."""
        job_id, data, stamp, description = self._variable(user_id)
        return bool(self._claim(self.redis, keys=[keys.lease(user_id), self._job_prefix + job_id, self.queue.key,
                                                  self._dequeued_key],
                                args=[job_id, QUEUED_LEASE_MS, data, stamp, description, self.user_lease_ms,
                                      self._job_prefix]))


class _HotPath:
    """The webhook's one Redis command, sent on a dedicated connection per thread.

    redis-py's client checks a connection out of the pool, wraps the call in retry logic and filters
    arguments on every command; on the webhook path that bookkeeping cost more CPU than the command itself
    (measured: ~58 µs vs ~95 µs of client CPU per call). Errors surface as redis exceptions, as with the
    client, after one reconnect attempt.
    """

    def __init__(self, client: redis.Redis) -> None:
        self.client = client
        self.local = threading.local()

    def _connection(self) -> Connection:
        conn = getattr(self.local, "conn", None)
        if conn is None:
            pool = self.client.connection_pool
            conn = pool.connection_class(**pool.connection_kwargs)
            self.local.conn = conn
        return conn

    def evalsha(self, script: scripts.Lua, keys_: list[str], args: list[object]) -> object:
        conn = self._connection()
        for attempt in (1, 2):
            try:
                conn.send_command("EVALSHA", script.sha, len(keys_), *keys_, *args)
                return conn.read_response()
            except NoScriptError:
                self.client.script_load(script.text)
            except (redis.ConnectionError, redis.TimeoutError):
                conn.disconnect()
                if attempt == 2:
                    raise
        raise redis.ResponseError("script could not be loaded")
