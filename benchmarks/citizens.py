"""Citizen traffic for the reliability runs: scripted conversations, a rate-holding driver, and the ledger
that matches every reply to the event that caused it.

Shared by `benchmarks/soak.py` (`make soak`) and `tests/test_reliability.py` (`make test`).

Why scripted conversations: "nothing lost, nothing doubled" can only be checked if every event has a
known expected answer. Each user follows one script in which every turn gets exactly one reply and two
turns of one script never get the same reply; the expected replies are learnt once per script variant
(`calibrate`) on the same stack. Each accepted event is then matched to its reply by content within the
user's chat: a second copy is a duplicate, a missing one is lost (unless Zalo refused it for good, which
the bot records in `dxbot:undeliverable`). Order is checked too (`reordered`).

The driver behaves like Zalo: each event is built and signed by the emulator
(`/_emulator/users/<id>/events`, so the interaction window holds), and an event the webhook did not
answer with 200 is re-sent unchanged (same `msg_id`, same `timestamp`) until it is accepted. A user's
next turn is sent only once the previous one was accepted, as a person types one message after another.
"""

from __future__ import annotations

import heapq
import http.client
import itertools
import json
import re
import secrets
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import redis
import requests

from bot.infra import keys
from bot.infra.texts import render
from bot.stories import model as stories

DIGEST_MARK = "Bản tin Chuyển đổi số tuần"  # every digest message carries it; digests are not replies

# Questions typed the way citizens type them: diacritics, none, Telex, VNI, teencode, typos, NFD.
QUESTIONS = (
    "Bộ 55 bài toán chuyển đổi số xem ở trang nào vậy?",
    "cach lam hay cua to cong nghe so cong dong xem o dau",
    "booj truwowngr booj khoa hocj vaf coong ngheej laf ai",
    "chu7o7ng trinh2 chuye6n3 d9o6i3 so61 co1 muc5 tie6u kep1 nao2",
    "bo tttt gio la bo nao v ad",
    "tam nhinn chuyen doi so den nam 2030",
    "Ứng dụng VNeID dùng để làm gì?",
    "Tại sao phải lan tỏa những câu chuyện chuyển đổi số?",
    "bo nao phu trach cds hien nay vay",
    "chinh quyen hai cap thay doi nhung gii",
    "Đăng ký định danh điện tử mức 2 có phải lấy vân tay không?",
    "21 cau chuyen chuyen doi so viet nam",
)
STORIES = (
    ("Chợ quê dùng mã QR", "Cần Thơ",
     "Cả chợ quê tôi giờ bán hàng bằng mã QR, bà con không cần mang tiền lẻ nữa và người mua cũng vui."),
    ("Làm giấy khai sinh trên điện thoại", "lao cai",
     "Nhờ tổ công nghệ số cộng đồng, bà con trong xóm đã biết dùng VNeID để làm thủ tục khai sinh cho con."),
    ("Lớp học tin học cho người cao tuổi", "Nghệ An",
     "Mỗi tối thứ bảy, các bạn đoàn viên dạy ông bà cách gọi video và đọc tin tức trên điện thoại thông minh."),
)
SUBSCRIPTIONS = (("đăng ký", "menu", "hủy đăng ký"), ("dang ky", "MENU", "huy dang ky"))

_TYPED_CHOICES = "\n\n" + render("buttons_fallback")


@dataclass(frozen=True)
class Script:
    """One citizen's conversation: `variant` names it for calibration; every turn expects one reply."""

    kind: str  # "qa" | "story" | "sub"
    variant: str
    turns: tuple[str, ...]


def script_for(n: int) -> Script:
    """The n-th user's script. Per 10 users: 6 ask 3 questions, 2 submit a story (6 turns), 2 subscribe,
    open the menu and unsubscribe: about half the events are questions, a third story steps."""
    slot = n % 10
    if slot < 6:
        start = (n // 10 * 6 + slot) % len(QUESTIONS)
        turns = tuple(QUESTIONS[(start + i) % len(QUESTIONS)] for i in range(3))
        return Script("qa", f"qa{start}", turns)
    if slot < 8:
        i = n % len(STORIES)
        title, place, body = STORIES[i]
        return Script("story", f"story{i}", ("gửi câu chuyện", title, place, body, "xong", "đồng ý"))
    i = n % len(SUBSCRIPTIONS)
    return Script("sub", f"sub{i}", SUBSCRIPTIONS[i])


def all_variants() -> list[Script]:
    seen: dict[str, Script] = {}
    for n in range(10 * len(QUESTIONS) * len(STORIES) * len(SUBSCRIPTIONS)):
        script = script_for(n)
        seen.setdefault(script.variant, script)
    return list(seen.values())


def normalize(text: str) -> str:
    """Replies compared without the parts that legitimately differ per user (story codes) or per form:
    after Zalo refused buttons, the same reply carries its choices as typed lines (bot/core/message_forms.py)."""
    text = (text or "").split(_TYPED_CHOICES, 1)[0]
    return re.sub(r"#[2-9A-Z]{4,8}\b", "#CODE", text)


# ---- calibration ------------------------------------------------------------------------------------

def calibrate(converse: Callable[[str, str], list[str]], user_base: int) -> dict[str, list[str]]:
    """Expected (normalized) reply of every turn of every script variant.

    `converse(user, text)` sends one message and returns the replies it produced once processed. Raises if
    a turn does not produce exactly one reply, or two turns of a script the same one: the ledger relies on
    both."""
    expected: dict[str, list[str]] = {}
    for i, script in enumerate(all_variants()):
        user = str(user_base + i)
        replies: list[str] = []
        for turn in script.turns:
            got = converse(user, turn)
            if len(got) != 1:
                raise AssertionError(f"{script.variant}: {turn!r} got {len(got)} replies: {got}")
            replies.append(normalize(got[0]))
        if len(set(replies)) != len(replies):
            raise AssertionError(f"{script.variant}: two turns get the same reply: {replies}")
        expected[script.variant] = replies
    return expected


def emulator_converse(emulator_url: str, timeout: float = 30.0) -> Callable[[str, str], list[str]]:
    """`converse` against a running stack: send, then wait for the user's reply count to grow and settle."""
    def converse(user: str, text: str) -> list[str]:
        before = len(user_messages(emulator_url, user))
        answer = requests.post(f"{emulator_url}/_emulator/users/{user}/events",
                               json={"event_name": "user_send_text", "text": text}, timeout=15)
        answer.raise_for_status()
        deadline = time.monotonic() + timeout
        while True:
            now = user_messages(emulator_url, user)
            if len(now) > before:
                time.sleep(0.3)  # a second message would follow within milliseconds
                return [m["text"] or "" for m in user_messages(emulator_url, user)[before:]]
            if time.monotonic() > deadline:
                raise AssertionError(f"no reply to {text!r} within {timeout} s")
            time.sleep(0.05)
    return converse


def user_messages(emulator_url: str, user: str) -> list[dict[str, Any]]:
    answer = requests.get(f"{emulator_url}/_emulator/messages", params={"user_id": user}, timeout=15)
    answer.raise_for_status()
    return answer.json()["messages"]


# ---- the driver -------------------------------------------------------------------------------------

@dataclass
class Conversation:
    user: str
    script: Script
    turn: int = 0  # index of the turn being sent (== number of accepted turns)
    msg_id: str = ""
    timestamp: int = 0
    attempts: int = 0
    accepted: list[tuple[str, int]] = field(default_factory=list)  # (msg_id, timestamp) per accepted turn
    ready_at: float = 0.0

    @property
    def done(self) -> bool:
        return self.turn >= len(self.script.turns)


@dataclass
class DriveResult:
    conversations: list[Conversation]
    seconds: float
    posts: int = 0  # every POST, re-sends included
    resends: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    rtt_ms: list[float] = field(default_factory=list)
    unaccepted: int = 0  # events still not accepted when the driver gave up (lost at the door)
    offered: int = 0  # events the offer phase handed to the driver's threads
    offer_span_s: float = 0.0  # from the start until the last of them was really POSTed

    @property
    def offered_per_s(self) -> float:
        """The rate the stack was really offered. Submitting to the thread pool never blocks, so when the
        driver's threads (or the machine) fall behind, the POSTs go out later than scheduled: counting from
        the POSTs' real start, not the submit loop, is what makes "driver behind" visible."""
        return self.offered / self.offer_span_s if self.offer_span_s else 0.0

    @property
    def accepted(self) -> int:
        return sum(len(c.accepted) for c in self.conversations)


class Driver:
    """Offers `rate` new-or-repeated events per second from a small thread pool, like Zalo would."""

    def __init__(self, emulator_url: str, *, user_base: int, threads: int = 24, think_s: float = 1.0,
                 resend_s: float = 0.5) -> None:
        self.url = emulator_url
        self.user_base = user_base
        self.threads = threads
        self.think_s = think_s
        self.resend_s = resend_s
        self.lock = threading.Lock()
        self.ready: list[tuple[float, int, Conversation]] = []
        self.serial = itertools.count()
        self.local = threading.local()
        self.connections: list[http.client.HTTPConnection] = []  # every thread's, closed when the run ends
        self.result = DriveResult([], 0.0)
        self.inflight = 0
        self._offer_last = 0.0  # monotonic start of the last offered POST (run() sets the origin)

    def run(self, rate: float, seconds: float, *, on_tick: Callable[[float], None] | None = None,
            drain_s: float = 60.0, until: Callable[[], bool] | None = None, most_s: float = 0.0) -> DriveResult:
        """Offer events for `seconds`; then keep re-sending unaccepted events (up to `drain_s`).

        With `until`, the offer goes on at the same pace past `seconds` until `until()` is true (at most `most_s`
        in all): a fault scenario whose timeline stretches on a busy machine still happens while events arrive."""
        started = time.monotonic()
        total = int(rate * seconds)
        self._offer_last = started
        with ThreadPoolExecutor(self.threads, thread_name_prefix="citizen") as pool:
            i = 0
            while i < total or (until is not None and i < rate * most_s and not until()):
                delay = started + i / rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                if on_tick is not None:
                    on_tick(time.monotonic() - started)
                self._submit(pool, self._next(), offered=True)
                i += 1
            total = i
            self.result.seconds = time.monotonic() - started
            deadline = time.monotonic() + drain_s
            while time.monotonic() < deadline:  # re-send what was refused until the webhook takes it
                with self.lock:
                    due = [e for e in self.ready if e[2].attempts > 0 and e[0] <= time.monotonic()]
                    waiting = any(e[2].attempts > 0 for e in self.ready) or self.inflight > 0
                    self.ready = [e for e in self.ready if not (e[2].attempts > 0 and e[0] <= time.monotonic())]
                    heapq.heapify(self.ready)
                if not waiting:
                    break
                for _, _, conv in due:
                    self._submit(pool, conv)
                time.sleep(0.05)
        for connection in self.connections:
            connection.close()
        with self.lock:
            self.result.unaccepted = sum(1 for _, _, c in self.ready if c.attempts > 0)
            self.result.offered = total
            self.result.offer_span_s = max(self.result.seconds, self._offer_last - started)
        return self.result

    def _submit(self, pool: ThreadPoolExecutor, conv: Conversation, *, offered: bool = False) -> None:
        with self.lock:
            self.inflight += 1
        pool.submit(self._send, conv, offered)

    def _next(self) -> Conversation:
        """The conversation whose turn is due first, or a new citizen."""
        with self.lock:
            if self.ready and self.ready[0][0] <= time.monotonic():
                return heapq.heappop(self.ready)[2]
            n = len(self.result.conversations)
            conv = Conversation(str(self.user_base + n), script_for(n))
            self.result.conversations.append(conv)
            return conv

    def _connection(self) -> http.client.HTTPConnection:
        """This thread's keep-alive connection to the emulator (opened again after a failed POST)."""
        connection = getattr(self.local, "connection", None)
        if connection is None:
            parts = urlsplit(self.url)
            connection = self.local.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
            with self.lock:
                self.connections.append(connection)
        return connection

    def _post(self, path: str, body: dict[str, Any]) -> str:
        """POST `body` as JSON; the HTTP status, or the exception's name when there was no answer.

        The standard library's client on a kept-alive connection, not `requests`: the driver shares the
        machine with the stack it measures, and a `requests` call cost it about as much CPU per event as the
        bot's webhook. The offered pace is still read from when each POST really started (`_send`)."""
        connection = self._connection()
        try:
            connection.request("POST", path, body=json.dumps(body).encode(),
                               headers={"Content-Type": "application/json"})
            answer = connection.getresponse()
            answer.read()
            return str(answer.status)
        except (OSError, http.client.HTTPException) as exc:
            connection.close()  # the next POST of this thread connects again
            return type(exc).__name__

    def _send(self, conv: Conversation, offered: bool = False) -> None:
        if offered:
            with self.lock:
                self._offer_last = max(self._offer_last, time.monotonic())
        if conv.attempts == 0:  # a new event: its identity is fixed now and kept for every re-send
            conv.msg_id = secrets.token_hex(10)
            conv.timestamp = int(time.time() * 1000)
        conv.attempts += 1
        body = {"event_name": "user_send_text", "text": conv.script.turns[conv.turn], "msg_id": conv.msg_id,
                "timestamp": str(conv.timestamp)}
        sent = time.monotonic()
        status = self._post(f"/_emulator/users/{conv.user}/events", body)
        rtt = (time.monotonic() - sent) * 1000
        with self.lock:
            self.result.posts += 1
            self.result.resends += conv.attempts > 1
            self.result.statuses[status] += 1
            self.result.rtt_ms.append(rtt)
            self.inflight -= 1
            if status == "200":
                conv.accepted.append((conv.msg_id, conv.timestamp))
                conv.turn += 1
                conv.attempts = 0
                if not conv.done:
                    heapq.heappush(self.ready, (time.monotonic() + self.think_s, next(self.serial), conv))
            else:  # Zalo re-sends the same event later
                heapq.heappush(self.ready, (time.monotonic() + self.resend_s, next(self.serial), conv))


# ---- the ledger -------------------------------------------------------------------------------------

@dataclass
class Ledger:
    received: int = 0  # events the webhook accepted (200)
    answered: int = 0  # ... whose reply reached Zalo
    refused: int = 0  # ... whose reply Zalo refused for good (e.g. -230), recorded by the bot
    dead: int = 0  # ... whose reply was parked after too many retryable failures (`dxbot events replay`)
    lost: int = 0
    duplicated: int = 0  # extra copies of a reply
    unexpected: int = 0  # replies that match no event
    reordered: int = 0  # replies that reached Zalo after the reply to a later event (a slow send given up)
    reply_ms: list[float] = field(default_factory=list)
    duplicates: list[dict[str, Any]] = field(default_factory=list)  # user, text, times of both copies
    lost_examples: list[str] = field(default_factory=list)
    unexpected_examples: list[str] = field(default_factory=list)
    stories_submitted: int = 0
    stories_stored: int = 0
    stories_doubled: int = 0


def _ms(iso: str) -> float:
    return datetime.fromisoformat(iso).timestamp() * 1000


def bot_records(client: redis.Redis, list_key: str, hash_key: str) -> dict[str, list[str]]:
    """Replies the bot gave up on, by user: refused for good (list) or parked dead (hash)."""
    found: dict[str, list[str]] = defaultdict(list)
    raws = client.lrange(list_key, 0, -1) if list_key else client.hvals(hash_key)
    for raw in raws:
        record = json.loads(raw)
        if record.get("reason") == "unknown_outcome":  # Zalo may have taken it: the emulator tells
            continue
        message = record["message"]
        found[message["user_id"]].append(normalize(message.get("text", "")))
    return found


def account(conversations: list[Conversation], expected: dict[str, list[str]], messages: list[dict[str, Any]],
            client: redis.Redis) -> Ledger:
    """Match every accepted event to its reply (see the module docstring)."""
    ledger = Ledger()
    by_user: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for message in messages:
        if DIGEST_MARK not in (message.get("text") or ""):
            by_user[message["user_id"]].append(message)
    refused = bot_records(client, keys.UNDELIVERABLE, "")
    dead = bot_records(client, "", keys.DEAD_SENDS)
    for conv in conversations:
        want = expected[conv.script.variant][:len(conv.accepted)]
        got = by_user.get(conv.user, [])
        texts = [normalize(m["text"]) for m in got]
        ledger.received += len(want)
        matched: list[int] = []
        for k, text in enumerate(want):  # replies within a script are all different (see calibrate)
            copies = [i for i, t in enumerate(texts) if t == text]
            if copies:
                ledger.answered += 1
                matched.append(copies[0])
                ledger.reply_ms.append(_ms(got[copies[0]]["at"]) - conv.accepted[k][1])
                for i in copies[1:]:
                    ledger.duplicated += 1
                    ledger.duplicates.append({"user": conv.user, "turn": k, "first_at": got[copies[0]]["at"],
                                              "again_at": got[i]["at"], "text": text[:60]})
            elif text in refused.get(conv.user, []):
                refused[conv.user].remove(text)
                ledger.refused += 1
            elif text in dead.get(conv.user, []):
                dead[conv.user].remove(text)
                ledger.dead += 1
            else:
                ledger.lost += 1
                if len(ledger.lost_examples) < 10:
                    ledger.lost_examples.append(f"user {conv.user} turn {k} {conv.script.turns[k]!r}")
        strays = [t for t in texts if t not in want]
        ledger.unexpected += len(strays)
        ledger.unexpected_examples.extend(f"user {conv.user}: {t[:80]!r}" for t in strays[:10 - len(
            ledger.unexpected_examples)])
        ledger.reordered += sum(1 for a, b in itertools.pairwise(matched) if b < a)
        if conv.script.kind == "story" and len(conv.accepted) == len(conv.script.turns):
            ledger.stories_submitted += 1
            codes = stories.user_codes(client, conv.user)
            title = conv.script.turns[1].encode()
            kept = [c for c in codes if client.hget(keys.story(c), "user") == conv.user.encode()
                    and client.hget(keys.story_original(c), "title") == title]
            ledger.stories_stored += bool(kept)
            ledger.stories_doubled += max(0, len(kept) - 1)
    return ledger


def digest_deliveries(messages: list[dict[str, Any]], exclude: frozenset[str] = frozenset()) -> Counter[str]:
    """Digest messages per recipient (moderators' previews and reports quote it: leave them out)."""
    return Counter(m["user_id"] for m in messages if DIGEST_MARK in (m.get("text") or "") and m["user_id"]
                   not in exclude)


def all_messages(emulator_url: str) -> list[dict[str, Any]]:
    answer = requests.get(f"{emulator_url}/_emulator/messages", timeout=60)
    answer.raise_for_status()
    return answer.json()["messages"]


def settled(client: redis.Redis) -> bool:
    """No user has pending work and no job waits: every reply that will ever go out has gone."""
    from bot.core.ingest import QUEUE_NAME

    return (client.zcard(keys.PENDING_USERS) == 0 and client.zcard(keys.SEND_DUE) == 0
            and client.llen(f"rq:queue:{QUEUE_NAME}") == 0)


def unsettled(client: redis.Redis, ignore: frozenset[str] = frozenset()) -> str:
    """What still holds work, for a failure message: each pending user with its due time (seconds from now), the
    remaining TTL of its lease and the job the lease names (its RQ status, and whether it waits in the queue or in
    RQ's intermediate list, where a worker's dequeue puts it until the job starts), its send lease and outbox, the
    send in flight (its age, and whether the process that marked it still lives), and the queue's length."""
    from bot.core.ingest import QUEUE_NAME

    now_ms = time.time() * 1000
    queue_key = f"rq:queue:{QUEUE_NAME}"
    queued = {raw.decode() for raw in client.lrange(queue_key, 0, -1)}
    dequeued = {raw.decode() for raw in client.lrange(f"{queue_key}:intermediate", 0, -1)}
    rows = []
    for key in (keys.PENDING_USERS, keys.SEND_DUE):
        for raw, score in client.zrange(key, 0, -1, withscores=True):
            user = raw.decode()
            if user in ignore:
                continue
            owner = (client.get(keys.lease(user)) or b"").decode()
            job = ""
            if owner:
                status = (client.hget(f"rq:job:{owner}", "status") or b"-").decode()
                where = "queue" if owner in queued else "intermediate" if owner in dequeued else "neither list"
                job = f" (job {owner[:8]} status {status}, in {where})"
            mark = client.get(keys.sending(user))  # "process\nms\nowner\nhead" of a send in flight
            flight = ""
            parts = mark.decode(errors="replace").split("\n", 3) if mark else []
            if len(parts) == 4 and parts[1].isdigit():
                proc, at, owner, _ = parts
                flight = (f", in flight {(now_ms - int(at)) / 1000:.1f} s under process {proc} (alive ttl "
                          f"{client.pttl(keys.proc_alive(proc))} ms) owner {owner[:8]}")
            elif mark:
                flight = f", in-flight mark {mark[:40]!r}"
            rows.append(f"{key}: {user} due {(score - now_ms) / 1000:+.1f} s, lease ttl "
                        f"{client.pttl(keys.lease(user))} ms{job}, send lease ttl "
                        f"{client.pttl(keys.send_lease(user))} ms, outbox {client.llen(keys.outbox(user))}{flight}")
    return "; ".join(rows) + f"; queue {len(queued)}, intermediate {len(dequeued)}"


def wait_settled(client: redis.Redis, timeout: float, *, ignore: frozenset[str] = frozenset()) -> bool:
    """Wait until nothing is pending (users in `ignore`, e.g. moderators with parked alerts, excepted)."""
    from bot.core.ingest import QUEUE_NAME

    deadline = time.monotonic() + timeout
    quiet_since: float | None = None
    while time.monotonic() < deadline:
        try:
            pending = {u.decode() for key in (keys.PENDING_USERS, keys.SEND_DUE)
                       for u in client.zrange(key, 0, -1)} - ignore
            busy = bool(pending) or client.llen(f"rq:queue:{QUEUE_NAME}") > 0
        except redis.RedisError:
            busy = True
        if busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since > 1.0:
            return True
        time.sleep(0.2)
    return False
