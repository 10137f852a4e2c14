"""Delivering a user's committed messages to Zalo, in order, each at most once when Zalo answers.

The outbox is a Redis list written in the same transaction as the state change that produced it.
A message leaves the list only after Zalo's answer is known (sent, refused for good, or unknown), so
a crash re-sends at most the one message whose acceptance was not yet recorded (the documented
window). Retryable failures (5xx, -32, connection refused) stop the flush and tell the caller when to
try again; the messages stay in order. A -32 also pauses every process's sends (bot/core/send_pause.py), and
no message goes out while that pause lasts.

A refusal of the message's *form* (-201, -210, ...: bot/core/message_forms.py) is a definite "not sent": the
head of the outbox is replaced, in one transaction, by its plainer form, which is sent next in the same
place, and the install remembers the refusal (bot/core/refused_forms.py) so later messages go out plain at
once. Only a refusal of the plain form gives the message up.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

import redis
from redis.client import Pipeline

from bot.config import Settings
from bot.core import inflight, message_forms, refused_forms, send_pause
from bot.core.context import OutMessage
from bot.core.lease import Lease
from bot.infra import keys, metrics, scripts
from bot.zalo.client import SendResult, ZaloClient
from bot.zalo.errors import OutcomeUnknown, RateLimited, UserUnreachable, ZaloError

log = logging.getLogger(__name__)
UNDELIVERABLE_KEEP = 10_000
# Messages parked for a user outside Zalo's window: the newest ones are kept, so a moderator back after a
# quiet week gets the latest alerts rather than hundreds (the queue itself is always in /hangdoi).
DEFERRED_KEEP = 20
OWNER_ALIVE_RETRY_S = 0.5  # the head is in flight under a live process: look again this soon
SETTLE_TRIES = 3  # a settle whose connection broke while the mark was still ours is tried again this many times


@dataclass(frozen=True)
class FlushResult:
    sent: int
    retry_after_s: float | None = None  # set when a retryable failure stopped the flush
    finished: bool = False  # the outbox was found empty and the delivery ended with it (lease given back)


def flush(user_id: str, *, client: redis.Redis, zalo: ZaloClient, settings: Settings, lease: Lease,
          first: list | None = None, out_of_time: Callable[[], bool] | None = None) -> FlushResult:
    """Send everything in the user's outbox while `lease` (the user's send lease) is held; `first` is the answer of
    the first `OUTBOX_TAKE` when the caller made it already (a sender's claim), saving a round trip.

    `out_of_time` is asked before each send: once it says True (a stopping sender past SENDER_STOP_SECONDS) the
    head is taken back unsent and the flush ends, due again at once, so the rest waits in the outbox for another
    sender or the next start rather than for a SIGKILL in the middle of a send.

    Fencing: each send starts only after one atomic step (`OUTBOX_TAKE`) found the lease still ours and marked the
    head in flight under it and this process; every change of the head after the send is made only while that mark
    is still ours. So a process stalled past the lease's TTL (CPU starvation, GC, SIGSTOP) cannot start a send once
    another took the user over, and cannot pop or rewrite a message that is no longer the one it sent. A taker that
    finds another's mark waits while that process lives and sends the message again once it is dead
    (bot/core/inflight.py). A flush that raises (Redis gone mid-flush) tells this process what its mark left; each
    send's outcome is remembered too, for a mark a Redis rollback brings back after the flush moved on."""
    flight = _Flight()
    try:
        return _flush(user_id, client, zalo, settings, lease, flight, first, out_of_time)
    except Exception:
        inflight.abandon(user_id, lease.owner, flight.fate, flight.mark)
        raise


class _Flight:
    fate = inflight.UNSENT  # what an exception now would leave behind this owner's mark
    mark: bytes | None = None  # that mark: the last one a take answered


def _sent_args(mine: bytes, message: OutMessage) -> list[scripts.Arg]:
    """OUTBOX_SENT_TAKE's own arguments for a head Zalo accepted: its mark, its counter, its latency."""
    latency = max(0.0, time.time() - message.received_ms / 1000) if message.received_ms else None
    return [mine, metrics.field("messages_sent_total", kind=message.kind),
            "" if latency is None else metrics.latency_bucket(latency), latency or 0.0]


def _flush(user_id: str, client: redis.Redis, zalo: ZaloClient, settings: Settings, lease: Lease,
           flight: _Flight, first: list | None, out_of_time: Callable[[], bool] | None) -> FlushResult:
    key = keys.outbox(user_id)
    sent = 0
    refused = refused_forms.load_cached(client)
    avoid = refused_forms.avoided(client, refused, settings)
    take_keys = [key, keys.SEND_PAUSE, lease.key, keys.sending(user_id), keys.SEND_DUE]
    take_args: list[scripts.Arg] = [
        lease.owner, lease.ttl_ms, inflight.process_id(), int(settings.proc_alive_ttl_s * 1000), keys.PROC_ALIVE,
        int(settings.send_in_flight_max_s * 1000), user_id]
    accepted: tuple[bytes, OutMessage] | None = None  # the head Zalo just accepted, popped by the next take
    while True:
        if first is not None:
            answer, first = first, None
        elif accepted is None:
            flight.fate = inflight.UNSENT
            answer = scripts.OUTBOX_TAKE(client, keys=take_keys, args=take_args)
        else:  # one round trip: the pop (if still ours) and its metrics, then the next take
            mine, message = accepted
            answer = scripts.OUTBOX_SENT_TAKE(client, keys=[*take_keys, keys.METRICS, keys.LATENCY],
                                              args=[*take_args, *_sent_args(mine, message)])
            flight.fate, accepted = inflight.UNSENT, None
            if answer[0] == -5:  # sent, but taken over meanwhile (a stuck mark settled, or presumed dead)
                log.warning("sent user=%s msg=%s after losing the send lease; the taker settled it", user_id,
                            message.id)
                return FlushResult(sent, retry_after_s=0)
            _accepted(client, refused, message, settings)
        status, raw, *marked = answer
        if marked and status in (0, -4):
            flight.mark = marked[0]
        if status == -1:  # another process holds the user now
            return FlushResult(sent, retry_after_s=0)
        if status > 0:  # Zalo's rate limit, met by any process: nobody sends until it has passed
            return FlushResult(sent, retry_after_s=send_pause.resume_in(status / 1_000_000))
        if status == -3:  # in flight under a live process: it finishes or dies; unless it is ours and has ended
            if _settle_abandoned(client, user_id, key, marked[0]):
                continue
            if inflight.split(marked[0]) != (inflight.process_id(), lease.owner):
                metrics.incr(client, "messages_waited_total", reason="owner_alive")
                return FlushResult(sent, retry_after_s=OWNER_ALIVE_RETRY_S)
            # this very owner's mark, and no flush of it ended: a take (or claim) whose answer was lost and that
            # redis-py ran again; the message never left, so it is sent now, under that mark
            status, raw, flight.mark = 0, marked[0].split(b"\n", 3)[3], marked[0]
        if raw is None:  # emptied: OUTBOX_TAKE gave the send lease back and took the user off the to-do list
            return FlushResult(sent, finished=True)
        if status == -2:  # in flight past the max under a live process (stuck): at most once, so never re-sent
            _give_up(client, user_id, marked[0], key, json.loads(raw),
                     OutcomeUnknown(-2, "in flight past SEND_IN_FLIGHT_MAX_SECONDS"), dead=False)
            continue
        mine = marked[0]  # the in-flight mark OUTBOX_TAKE set: this process, this owner, this message
        if status == -4:  # its process died with it in flight: sent again (the documented kill window)
            metrics.incr(client, "messages_resent_total", reason="sender_died")
            log.warning("resending user=%s: its sender %s died with it in flight", user_id,
                        inflight.split(mine)[0])
        entry = json.loads(raw)
        message = OutMessage.from_json(entry)
        plain = message_forms.plain_for(message, avoid, settings.max_text_chars)
        if plain != [message]:
            used = set(message_forms.forms_of(message, settings.max_text_chars)) & avoid
            if not _replace_head(client, user_id, mine, key, plain, cause="remembered", forms=used):
                return FlushResult(sent, retry_after_s=0)
            continue
        if out_of_time is not None and out_of_time():  # the head never left: our mark off it, the rest waits
            _settle(client, user_id, mine, lambda pipe: None)
            log.info("send stopped user=%s msg=%s: out of time, left in the outbox", user_id, message.id)
            return FlushResult(sent, retry_after_s=0)
        inflight.starting(mine)
        try:
            flight.fate = inflight.UNKNOWN
            result = _send(zalo, message)
            flight.fate = inflight.SENT
            inflight.ended(mine, inflight.SENT)
        except ZaloError as exc:
            if not isinstance(exc, OutcomeUnknown):
                flight.fate = inflight.UNSENT
            inflight.ended(mine, flight.fate)
            form = message_forms.to_give_up(message, exc.code, settings.max_text_chars)
            if form is not None:
                refused_forms.remember(client, settings, form, exc.code)
                refused[form] = time.time()
                avoid.add(form)
                log.warning("send refused form user=%s msg=%s form=%s code=%s: resending plainer", user_id,
                            message.id, form, exc.code)
                if not _replace_head(client, user_id, mine, key,
                                     message_forms.degrade(message, form, settings.max_text_chars),
                                     cause="refused", forms={form}):
                    return FlushResult(sent, retry_after_s=0)
                continue
            if exc.retryable:
                later = _retry_later(client, user_id, mine, key, entry, exc, settings, sent)
                if later is None:  # given up after SEND_MAX_ATTEMPTS: on to the next message
                    continue
                return later
            if isinstance(exc, UserUnreachable) and message.keep_if_unreachable:
                def park(pipe: Pipeline, raw: bytes = raw) -> None:
                    pipe.lpop(key)
                    pipe.rpush(keys.deferred(user_id), raw)
                    pipe.ltrim(keys.deferred(user_id), -DEFERRED_KEEP, -1)
                    metrics.incr(pipe, "messages_failed_total", reason="deferred")
                if not _settle(client, user_id, mine, park):
                    return FlushResult(sent, retry_after_s=0)
                log.info("send deferred user=%s msg=%s error=%s", user_id, message.id, exc.code)
                continue
            if not _give_up(client, user_id, mine, key, entry, exc, dead=False):
                return FlushResult(sent, retry_after_s=0)
            continue
        sent += 1
        accepted = (mine, message)
        log.info("sent user=%s msg=%s zalo_id=%s quota=%s", user_id, message.id, result.message_id,
                 result.quota_type)


def _accepted(client: redis.Redis, refused: dict[str, float], message: OutMessage, settings: Settings) -> None:
    """Zalo accepted `message` and its pop is recorded: a form it used that was refused before is accepted again."""
    for form in message_forms.forms_of(message, settings.max_text_chars):
        if refused.pop(form, None) is not None:  # a recheck went through: Zalo accepts it again
            refused_forms.forget(client, form)


def _retry_later(client: redis.Redis, user_id: str, mine: bytes, key: str, entry: dict, exc: ZaloError,
                 settings: Settings, sent: int) -> FlushResult | None:
    """A retryable failure (5xx, no connection, -32): the message stays at the head for a later try. A -32 is
    Zalo's limit for the whole OA, not this message's fault: it pauses every send and does not count toward
    SEND_MAX_ATTEMPTS (its own count only lengthens the next pause)."""
    limited = isinstance(exc, RateLimited)
    field = "limited" if limited else "attempts"
    tries = int(entry.get(field, 0)) + 1
    if not limited and tries >= settings.send_max_attempts:
        return None if _give_up(client, user_id, mine, key, entry, exc, dead=True) else FlushResult(sent, 0)
    entry[field] = tries
    text = json.dumps(entry)
    if not _settle(client, user_id, mine, lambda pipe: pipe.lset(key, 0, text)):
        return FlushResult(sent, retry_after_s=0)
    delay = settings.backoff_s(tries)
    if limited:
        delay = send_pause.resume_in(send_pause.pause(client, delay, who=f"a send to {user_id}"))
    log.warning("send retry user=%s msg=%s %s=%s in=%.1fs error=%s", user_id, entry.get("id"), field, tries, delay,
                exc.code)
    return FlushResult(sent, retry_after_s=delay)


def _settle_abandoned(client: redis.Redis, user_id: str, key: str, mark: bytes) -> bool:
    """Settle a mark this process left when a flush of its own raised (Redis gone mid-flush): it knows what became
    of that send. False: the mark is not such a one (another process's, or a send still going on)."""
    fate = inflight.fate(user_id, mark)
    if fate is None:
        return False
    head = mark.split(b"\n", 3)[3]
    entry = json.loads(head)
    if fate == inflight.SENT:  # Zalo accepted it; only the pop was lost
        def pop(pipe: Pipeline) -> None:
            pipe.lpop(key)
            metrics.incr(pipe, "messages_sent_total", kind=entry.get("kind", "text"))
        _settle(client, user_id, mark, pop)
    elif fate == inflight.UNKNOWN:
        _give_up(client, user_id, mark, key, entry,
                 OutcomeUnknown(-2, "in flight when its flush failed"), dead=False)
    else:  # never left this process: sent by the next take, in its place
        _settle(client, user_id, mark, lambda pipe: None)
    inflight.settled(user_id, mark)
    return True


def _send(zalo: ZaloClient, message: OutMessage) -> SendResult:
    if message.kind == "image":
        return zalo.send_image(user_id=message.user_id, url=message.url or "", caption=message.text or None)
    return zalo.send_text(user_id=message.user_id, text=message.text, buttons=message.buttons)


def _settle(client: redis.Redis, user_id: str, mine: bytes, fill: Callable[[Pipeline], object]) -> bool:
    """Change the outbox's head in one transaction, only while the in-flight mark is still `mine` (what
    `OUTBOX_TAKE` set: "owner\nhead"): False when another process took the user over and settled that message."""
    mark = keys.sending(user_id)
    for _ in range(SETTLE_TRIES):
        with client.pipeline() as pipe:
            try:
                pipe.watch(mark)
                if pipe.get(mark) != mine:
                    return False
                pipe.multi()
                fill(pipe)
                pipe.delete(mark)
                pipe.execute()
                return True
            except redis.WatchError:
                # redis-py reports a connection lost while watching as a WatchError too. Read as "another process
                # settled it", that left this live process's own mark standing with nothing to settle it: every
                # taker waited SEND_IN_FLIGHT_MAX_SECONDS (found by the fault test: a Redis SIGKILL mid-settle). A
                # mark still ours was not taken over: try again (a Redis still down raises, and flush() records
                # the mark for this process to settle later).
                if client.get(mark) != mine:
                    return False
    raise redis.ConnectionError(f"could not settle the in-flight mark of {user_id}")


def _replace_head(client: redis.Redis, user_id: str, mine: bytes, key: str, parts: list[OutMessage], *, cause: str,
                  forms: set[str]) -> bool:
    """Swap the outbox's head for its plainer parts in one transaction, so the user's order is kept and a
    crash leaves either the original (refused, so safe to try again) or the parts."""
    def swap(pipe: Pipeline) -> None:
        pipe.lpop(key)
        pipe.lpush(key, *[json.dumps(part.to_json()) for part in reversed(parts)])
        for form in sorted(forms):
            metrics.incr(pipe, "messages_degraded_total", cause=cause, form=form)
    return _settle(client, user_id, mine, swap)


def _give_up(client: redis.Redis, user_id: str, mine: bytes, key: str, entry: dict, exc: ZaloError, *,
             dead: bool) -> bool:
    reason = "unknown_outcome" if isinstance(exc, OutcomeUnknown) else type(exc).__name__
    record = json.dumps({"message": entry, "code": exc.code, "reason": reason, "at": time.time()})

    def record_it(pipe: Pipeline) -> None:
        pipe.lpop(key)
        if dead:
            pipe.hset(keys.DEAD_SENDS, entry["id"], record)
        else:
            pipe.lpush(keys.UNDELIVERABLE, record)
            pipe.ltrim(keys.UNDELIVERABLE, 0, UNDELIVERABLE_KEEP - 1)
        metrics.incr(pipe, "messages_failed_total", reason=reason)
    if not _settle(client, user_id, mine, record_it):
        return False
    log.warning("send gave up user=%s msg=%s reason=%s code=%s dead=%s (%s)", entry.get("user_id"), entry.get("id"),
                reason, exc.code, dead, exc.message)
    return True
