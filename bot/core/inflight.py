"""Whose send is in flight, and whether that process still lives: what a taker does with another's marked head.

Before each send, `OUTBOX_TAKE` marks the head of the outbox "process\\nms\\nowner\\nhead". Each sending process
(a `dxbot sender`; a worker once it delivers inline) keeps a liveness key of its own, `keys.proc_alive(id)`, with
a TTL of `PROC_ALIVE_TTL_SECONDS`: set by `OUTBOX_TAKE` with every mark, refreshed for the process's whole life by a
helper thread it already has (the sender's heartbeat; a worker's lease keeper from its first inline delivery).
A taker that finds another's mark then tells:
- the process is alive: its thread is still sending (a slow Zalo, a thread stalled past the send lease): leave it,
  try again shortly. Before, the taker recorded it "unknown outcome" and a stalled sender's reply was lost or, with
  no fencing at all, doubled;
- the process is dead (its key expired: SIGKILL, or a stall longer than the TTL): its request may or may not have
  left, nobody will ever learn which; it is sent again (`messages_resent_total{reason="sender_died"}`): a copy is
  possible only for a kill (or a stall past the TTL) after the request left, the documented kill window;
- the process is alive but the mark is older than `SEND_IN_FLIGHT_MAX_SECONDS` (a stuck thread): "unknown
  outcome", recorded, never re-sent, so no user waits forever.
A process knows the fate of its own flushes that ended with an exception (Redis gone mid-flush): it remembers them
here (`abandon`), so when it meets its own mark again it settles it at once and rightly (`fate`).
It also remembers what became of each send it made (`ended`), for a mark that comes back after its flush moved on:
Redis with `appendfsync everysec`, SIGKILLed while its disk is slow, loses up to two seconds of writes it had
acknowledged (a background fsync still running postpones the AOF write; measured in the fault test: counters
went back), and with them the pop that followed a send. The mark is back under a process that lives and no longer
sends it: every taker waited SEND_IN_FLIGHT_MAX_SECONDS (2 minutes), then settled it "unknown". That process, when
it meets the mark again, settles it from what it remembers, whichever of its flushes meets it (a later flush of the
same owner too: a drain job delivers its user's outbox after each event): each mark is one take, stamped with the
take's time, so what is remembered of it cannot belong to a later send.
"""

from __future__ import annotations

import hashlib
import os
import threading
import uuid
from collections import OrderedDict

import redis

from bot.core.lease import renew_while_alive
from bot.infra import keys

UNSENT, UNKNOWN, SENT = "unsent", "unknown", "sent"  # what a flush that died left behind its mark
ABANDONED_KEEP = 4096  # a process remembers this many of its abandoned marks (another process may settle them)
ENDED_KEEP = 4096  # ... and the fates of this many of its last sends (a Redis rollback brings back seconds' worth)

_id: tuple[int, str] = (0, "")
_abandoned: OrderedDict[tuple[str, str], tuple[bytes | None, str]] = OrderedDict()
_ended: OrderedDict[bytes, str] = OrderedDict()  # digest of a mark this process set -> what became of its send
_lock = threading.Lock()
_beating = 0  # the pid whose liveness key the lease keeper renews (a forked child starts its own)


def process_id() -> str:
    """This process's id in marks and liveness keys: the pid and a random part (a new one after a fork)."""
    global _id
    pid = os.getpid()
    if _id[0] != pid:
        _id = (pid, f"{pid}-{uuid.uuid4().hex[:8]}")
    return _id[1]


def beat(client: redis.Redis | redis.client.Pipeline, ttl_s: float) -> None:
    """Say this process is alive for `ttl_s` more seconds."""
    client.set(keys.proc_alive(process_id()), "1", px=int(ttl_s * 1000))


class _Beat:
    """The liveness key, renewable by the lease keeper like a lease."""

    def __init__(self, client: redis.Redis, ttl_s: float) -> None:
        self.client = client
        self.ttl_ms = int(ttl_s * 1000)

    def renew(self) -> bool:
        beat(self.client, self.ttl_ms / 1000)
        return True


def keep_beating(client: redis.Redis, ttl_s: float) -> None:
    """From now on, for as long as this process lives, keep its liveness key (a worker, at its first inline delivery).

    Renewed by the lease keeper's one thread, not a thread per job, and kept after the delivery ends: the key means
    "this process lives", so a mark its flush left behind when it raised (Redis gone mid-flush) is never taken for
    a dead process's and sent again while the process could still settle it rightly."""
    global _beating
    with _lock:
        if _beating == os.getpid():
            return
        _beating = os.getpid()
    renew_while_alive(_Beat(client, ttl_s))  # the key itself is set by OUTBOX_TAKE with each mark


def split(mark: bytes) -> tuple[str, str]:
    """(process id, owner) of a mark "process\\nms\\nowner\\nhead"."""
    proc, _, owner, _ = mark.split(b"\n", 3)
    return proc.decode(), owner.decode()


def abandon(user_id: str, owner: str, fate: str, mark: bytes | None) -> None:
    """A flush of `owner` for `user_id` ended with an exception: `mark` is the last in-flight mark it was answered
    (None: none yet) and `fate` what became of that mark's send. Any other mark of this owner was set by a step
    whose answer was lost (the take after a sent head, in the same script as its pop), so it was never sent."""
    with _lock:
        _abandoned[(user_id, owner)] = (mark, fate)
        _abandoned.move_to_end((user_id, owner))
        while len(_abandoned) > ABANDONED_KEEP:
            _abandoned.popitem(last=False)


def _digest(mark: bytes) -> bytes:
    return hashlib.blake2b(mark, digest_size=16).digest()


def starting(mark: bytes) -> None:
    """A send under `mark` starts: nothing remembered of an earlier send under the same mark holds (two takes of
    one head in one millisecond by one owner would stamp the same mark)."""
    with _lock:
        _ended.pop(_digest(mark), None)


def ended(mark: bytes, fate_of_send: str) -> None:
    """This process's send behind `mark` is over: it left (SENT), it may have (UNKNOWN), or it never reached the
    user (UNSENT). Kept for a mark that a Redis rollback brings back after the flush moved on."""
    digest = _digest(mark)
    with _lock:
        _ended[digest] = fate_of_send
        _ended.move_to_end(digest)
        while len(_ended) > ENDED_KEEP:
            _ended.popitem(last=False)


def fate(user_id: str, mark: bytes) -> str | None:
    """What happened to the send behind `mark`, when this process set it and that send has ended (else None: the
    mark is another process's, or its send has not ended, or it is not remembered)."""
    proc, owner = split(mark)
    if proc != process_id():
        return None
    with _lock:
        known = _abandoned.get((user_id, owner))
        remembered = _ended.get(_digest(mark))  # recorded only once the send behind this very take has ended
    if remembered is not None:  # the send's own record: its flush moved on, then Redis lost what it wrote after
        return remembered
    if known is None:
        return None
    return known[1] if known[0] == mark else UNSENT


def settled(user_id: str, mark: bytes) -> None:
    """The abandoned or brought-back `mark` is settled: forget it (kept until then, so a Redis error while settling
    loses nothing)."""
    with _lock:
        _abandoned.pop((user_id, split(mark)[1]), None)
        _ended.pop(_digest(mark), None)
