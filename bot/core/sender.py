"""`dxbot sender`: delivers outboxes off the event path, many users at once, each user's in order.

A worker that sends blocks for Zalo's whole round trip, so the stack's reply rate was workers ÷ Zalo's latency
whatever the CPU. A sender instead claims due users from `dxbot:send-due` (`CLAIM_SENDS`: the send lease plus
a due time one lease ahead, so a killed sender's users come back by themselves) and hands each to one of a
bounded pool of threads; a thread runs the same `outbox.flush` a worker ran, so every delivery rule holds
(in order, at most once after Zalo accepts, unknown outcomes never re-sent, forms degraded, `-230` recorded).
Any number of senders may run against one Redis; while one refreshes `dxbot:sender:alive`, drains leave
delivery to them (bot/core/delivery.py).
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import math
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import redis

from bot.core import delivery, inflight
from bot.core.runtime import Runtime
from bot.infra import keys, scripts

log = logging.getLogger(__name__)
HEARTBEAT_TTL_MS = 5000  # drains fall back to sending themselves this long after the last sender stopped
HEARTBEAT_EVERY_S = 1.0


class Sender:
    def __init__(self, rt: Runtime, *, threads: int | None = None) -> None:
        self.rt = rt
        self.threads = threads or rt.settings.sender_threads
        self.ttl_ms = rt.settings.user_lease_s * 1000
        self.id = inflight.process_id()  # "pid-random": names this process in its in-flight marks
        # claim owners: a kept claim answer (CLAIM_SENDS) is answered again to the same owner for a lease, so a second
        # Sender in this process (a test, an in-process restart) must not count its claims from the same name
        self._owner = f"send:{self.id}:{uuid.uuid4().hex[:6]}"
        self._claims = itertools.count()
        self._last_claim: str | None = None  # the owner of this sender's previous claim, whose call has returned
        self._in_flight = 0
        self._room = threading.Condition()
        self.sent_users = 0  # users whose outbox a thread finished (for tests and logs)
        self._stop_by = math.inf  # time.monotonic() after which no send starts: set once the stop is seen

    def run(self, stop: threading.Event) -> None:
        """Claim and deliver until `stop` is set; then finish the sends in flight and stop the heartbeat.

        After the stop the threads go on with the users they hold for SENDER_STOP_SECONDS at most, then start no
        send: a user's outbox can be long (a burst of replies, notices), and a process manager SIGKILLs a process
        still busy after its grace period, mid-send. What is left stays in the outbox, due at once, for another
        sender, the workers (no heartbeat left) or the next start: nothing lost, nothing sent twice."""
        done = threading.Event()  # the sends are over: the heartbeat's last beat
        beat = threading.Thread(target=self._heartbeat, args=(stop, done), name="sender-heartbeat", daemon=True)
        beat.start()
        log.info("sender %s started (%d threads)", self.id, self.threads)
        with ThreadPoolExecutor(self.threads, thread_name_prefix="send") as pool:
            while not stop.is_set():
                room = self._wait_for_room(stop)
                if room == 0:
                    continue
                owner = f"{self._owner}:{next(self._claims)}"
                try:
                    users = self._claim(owner, room)
                except redis.RedisError:
                    log.warning("sender: Redis unavailable; trying again", exc_info=True)
                    stop.wait(0.5)
                    continue
                with self._room:
                    self._in_flight += len(users)
                for user, *first in users:
                    pool.submit(self._deliver, user.decode(), owner, first)
                if len(users) < room:  # nobody else is due now: a claim at once would come back empty
                    stop.wait(self.rt.settings.sender_poll_s)
            self._stop_by = time.monotonic() + self.rt.settings.sender_stop_s
            log.info("sender %s stopping: sends in flight finish, none starts after %.1f s", self.id,
                     self.rt.settings.sender_stop_s)
        done.set()
        beat.join()
        with contextlib.suppress(redis.RedisError):  # otherwise it expires by itself
            if self.rt.redis.get(keys.SENDER_ALIVE) == self.id.encode():  # another sender's beat is kept
                self.rt.redis.delete(keys.SENDER_ALIVE)
        log.info("sender %s stopped", self.id)

    def _claim(self, owner: str, room: int) -> list[list]:
        """Up to `room` due users, each with its send lease held by `owner` and its first take made (marked in
        flight under this process, like every take: should the sender die before the send, the mark's owner is
        dead and the message is sent by the next taker); [user, take's answer...] each.

        The claim's answer is kept a lease long for a client retry of this same call; the previous claim's call has
        returned by now, so the script deletes that one's (a few KB each, which Redis's sampling of expired keys
        left in memory long past their TTL)."""
        settings = self.rt.settings
        claim_keys = [keys.SEND_DUE, keys.SEND_PAUSE, keys.send_claim(owner)]
        if self._last_claim is not None:
            claim_keys.append(keys.send_claim(self._last_claim))
        self._last_claim = owner  # answered or failed for good once the call returns: never run again
        return scripts.CLAIM_SENDS(self.rt.redis, keys=claim_keys, args=[
            int(time.time() * 1000), self.ttl_ms, owner, room, keys.send_lease(""), keys.outbox(""),
            keys.sending(""), self.id, int(settings.proc_alive_ttl_s * 1000), keys.PROC_ALIVE,
            int(settings.send_in_flight_max_s * 1000)])

    def _wait_for_room(self, stop: threading.Event) -> int:
        with self._room:
            while self._in_flight >= self.threads and not stop.is_set():
                self._room.wait(0.5)
            return 0 if stop.is_set() else self.threads - self._in_flight

    def _deliver(self, user_id: str, owner: str, first: list) -> None:
        try:
            lease = delivery.send_lease(self.rt.redis, user_id, owner, self.ttl_ms)
            delivery.deliver_claimed(self.rt, user_id, lease, first=first, out_of_time=self._out_of_time)
            self.sent_users += 1
        except Exception:  # noqa: BLE001 - the user comes back when the lease expires; the sender goes on
            log.exception("sender: delivery to user=%s failed; due again after the lease", user_id)
        finally:
            with self._room:
                self._in_flight -= 1
                self._room.notify()

    def _out_of_time(self) -> bool:
        """Past the stop's deadline: the delivery threads start no further send."""
        return time.monotonic() >= self._stop_by

    def _heartbeat(self, stop: threading.Event, done: threading.Event) -> None:
        """Tell drains a sender runs (until `stop`: a stopping sender claims no one), and takers of this process's
        in-flight marks that it lives (until `done`: its last sends may outlast PROC_ALIVE_TTL_SECONDS, and a send
        taken for a dead process's would go twice; inflight.py)."""
        while True:
            with contextlib.suppress(redis.RedisError), self.rt.redis.pipeline(transaction=False) as pipe:
                if not stop.is_set():
                    pipe.set(keys.SENDER_ALIVE, self.id, px=HEARTBEAT_TTL_MS)
                inflight.beat(pipe, self.rt.settings.proc_alive_ttl_s)
                pipe.execute()
            if done.wait(HEARTBEAT_EVERY_S):
                return
