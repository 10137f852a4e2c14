"""Delivering one digest to one subscriber: at most once, by the message type Zalo allows, at a shared pace.

Per recipient, one Lua call (`scripts.DELIVERY_STEP`) records the previous recipient's outcome, checks that this one
is still subscribed, claims them (HSETNX on the digest's log: the "at most once" guard) and reserves
a slot of the global rate limit (GCRA over Redis TIME, shared by every worker). So the claim is
durable *before* the send: a worker killed mid-send leaves the recipient claimed without an outcome,
which the report counts as "unknown" and which is never sent again.

Choice of message type (shared/zalo-oa-api.md §4): a CS message while the interaction window is open
(free < 48 h; 48 h–7 d only with DIGEST_CS_PAID), otherwise a promotion template with
DIGEST_PROMOTION (never 22:00–06:00, Zalo refuses it when the user's quota is spent), otherwise the
digest is kept for the user's next message. Zalo's answer has the last word: -230 falls through to
the next type, -217/-222/-227 unsubscribe, -32 pauses every process's sends (bot/core/send_pause.py)
and retries. A refused *form* (-201, -210, ...: bot/core/message_forms.py) costs no one their digest: the
promotion is resent without buttons (and the install remembers it, bot/core/refused_forms.py); a refused
plain form keeps the digest for the user's next message, where it goes through the outbox and its
degradation rules.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from datetime import time as dtime

import redis

from bot.config import Settings
from bot.core import message_forms, refused_forms, send_pause
from bot.digest import subscribers
from bot.digest.compose import Fact, promotion_payload, render_text
from bot.digest.stories import DigestStory
from bot.digest.subscribers import Subscriber
from bot.infra import keys, scripts
from bot.infra.texts import payload, render
from bot.zalo.client import SendResult, ZaloClient
from bot.zalo.errors import (
    NightCurfew,
    OutcomeUnknown,
    QuotaExceeded,
    RateLimited,
    TokenInvalid,
    UserUnreachable,
    ZaloError,
    ZaloUnavailable,
)

log = logging.getLogger(__name__)

FREE_WINDOW_S = 48 * 3600
CS_WINDOW_S = 7 * 24 * 3600
CURFEW = (dtime(22, 0), dtime(6, 0))
GONE_CODES = frozenset({-217, -222, -227})  # blocked the OA / banned / inactive: unsubscribe
UNREAD_TTL_S = 21 * 24 * 3600
MAX_TRANSIENT_TRIES = 4
MAX_RATE_LIMITED_TRIES = 12

# one-letter outcomes kept in the digest log, and the report counter each one feeds
OUTCOMES = {"b": "sent_broadcast", "s": "sent_cs_free", "p": "sent_cs_paid", "m": "sent_promotion",
            "w": "deferred_window", "q": "deferred_quota", "n": "deferred_night", "x": "unreachable", "f": "failed",
            "u": "unknown"}
DEFERRED = frozenset("wqn")



@dataclass
class DigestContent:
    """What a run sends; texts are rendered once per province and cached."""

    slot: str
    week: str
    stories: list[DigestStory]
    fact: Fact | None
    max_chars: int
    link: str | None = None  # the broadcast digest article: set when the broadcast went out (bot/digest/broadcast.py)
    _texts: dict[str, str] = field(default_factory=dict)
    _promos: dict[str, tuple[list, list]] = field(default_factory=dict)

    def text(self, province: str) -> str:
        if province not in self._texts:
            self._texts[province] = render_text(self.stories, self.fact, self.week, province=province,
                                                max_chars=self.max_chars)
        return self._texts[province]

    def promotion(self, province: str) -> tuple[list, list]:
        if province not in self._promos:
            self._promos[province] = promotion_payload(self.stories, self.fact, self.week, province=province)
        return self._promos[province]


def in_curfew(moment: datetime) -> bool:
    now = moment.time()
    return now >= CURFEW[0] or now < CURFEW[1]


class Sender:
    """Sends one run's digest to subscribers handed to it one by one (a fan-out job owns one)."""

    def __init__(self, client: redis.Redis, zalo: ZaloClient, settings: Settings, content: DigestContent,
                 now_ms: Callable[[], int], sleep: Callable[[float], None] = time.sleep) -> None:
        self.redis = client
        self.zalo = zalo
        self.settings = settings
        self.content = content
        self.now_ms = now_ms
        self.sleep = sleep
        self.slot = content.slot
        rate = settings.digest_rate_per_s
        self.interval_us = int(1_000_000 / rate) if rate > 0 else 0
        self.pending: tuple[str, str] | None = None  # (user, outcome) not yet written
        self.rate_backoff_s = 0.5
        self.refused = refused_forms.load(client)
        self.avoid = refused_forms.avoided(client, self.refused, settings)

    # --- the per-recipient protocol ---

    def deliver(self, sub: Subscriber) -> str:
        """Claim, send, remember the outcome (written with the next claim or by `flush`). A subscriber the
        broadcast covers takes no send slot: nothing is sent to them one by one."""
        paced = self.plan(sub, self.now_ms()) != ["broadcast"]
        wait_us = self._call_step(sub.user_id, paced=paced)
        if wait_us == -2:
            return "-"
        if wait_us == -3:
            return "="
        if wait_us > 0:
            self.sleep(wait_us / 1_000_000)
        outcome = self._send(sub, reserved=True)
        self.pending = (sub.user_id, outcome)
        return outcome

    def flush(self) -> None:
        """Write the last outcome (at checkpoints and at the end of a job)."""
        if self.pending is not None:
            self._call_step("")

    def _call_step(self, next_user: str, *, paced: bool = True) -> int:
        prev_user, prev_outcome = self.pending or ("", "")
        log_key = keys.digest_log(self.slot)
        result = scripts.DELIVERY_STEP(self.redis, keys=[
            log_key, keys.digest_report(self.slot),
            subscribers.bucket_key(prev_user) if prev_user else log_key,
            keys.digest_unread(prev_user) if prev_user else log_key,
            keys.SUBSCRIBER_COUNT,
            subscribers.bucket_key(next_user) if next_user else log_key,
            keys.DIGEST_RATE, keys.SEND_PAUSE,
        ], args=[prev_user, prev_outcome, OUTCOMES.get(prev_outcome, "failed"), self.slot, UNREAD_TTL_S,
                 next_user, self.interval_us if next_user and paced else 0])
        self.pending = None
        return int(result)

    def _wait_for_slot(self) -> None:
        wait_us = int(scripts.RESERVE_SEND_SLOT(self.redis, keys=[keys.DIGEST_RATE, keys.SEND_PAUSE],
                                                args=[self.interval_us]))
        if wait_us > 0:
            self.sleep(wait_us / 1_000_000)

    # --- choosing and sending ---

    def plan(self, sub: Subscriber, now_ms: int) -> list[str]:
        """Message types to try, in order; empty means "keep it for the user's next message"."""
        age_s = now_ms / 1000 - sub.last_interaction_s if sub.last_interaction_s else None
        if self.content.link:  # the broadcast reaches everyone; the window gets a short CS message with the link
            return ["cs_link"] if age_s is not None and age_s < FREE_WINDOW_S else ["broadcast"]
        kinds: list[str] = []
        if age_s is not None and (age_s < FREE_WINDOW_S or (self.settings.digest_cs_paid and age_s < CS_WINDOW_S)):
            kinds.append("cs")
        if self.settings.digest_promotion:
            kinds.append("promotion")
        return kinds

    def _send(self, sub: Subscriber, *, reserved: bool) -> str:
        now_ms = self.now_ms()
        kinds = self.plan(sub, now_ms)
        deferred = "w"
        first = True
        for kind in kinds:
            if kind == "broadcast":
                return "b"
            if kind == "promotion" and in_curfew(datetime.fromtimestamp(now_ms / 1000, self.settings.tz)):
                deferred = "n"
                continue
            outcome = self._try(kind, sub, need_slot=not (first and reserved))
            first = False
            if outcome in DEFERRED:
                deferred = outcome  # the reason of the last type tried
                continue
            return outcome
        return deferred

    def _try(self, kind: str, sub: Subscriber, *, need_slot: bool) -> str:
        transient = rate_limited = 0
        while True:
            if need_slot:
                self._wait_for_slot()
            need_slot = True
            try:
                if kind in ("cs", "cs_link"):
                    result = self._cs(kind, sub)
                    outcome = "s" if result.quota_type in (None, "reply") else "p"
                else:
                    outcome = self._promotion(sub)
                    if outcome is None:
                        continue  # refused with buttons: resend without them
                self.rate_backoff_s = 0.5
                return outcome
            except RateLimited:
                rate_limited += 1
                if rate_limited >= MAX_RATE_LIMITED_TRIES:
                    return "f"
                send_pause.pause(self.redis, self.rate_backoff_s, who=f"digest {self.slot}")
                self.rate_backoff_s = min(send_pause.MAX_PAUSE_S, self.rate_backoff_s * 2)
            except OutcomeUnknown:
                return "u"
            except (ZaloUnavailable, TokenInvalid):  # -216 again right after a refresh: transient (soak)
                transient += 1
                if transient >= MAX_TRANSIENT_TRIES:
                    return "f"
                self.sleep(min(5.0, 0.2 * 2 ** transient))
            except UserUnreachable as exc:
                return "x" if exc.code in GONE_CODES else "w"
            except QuotaExceeded:
                return "q"
            except NightCurfew:
                return "n"
            except ZaloError as exc:
                if exc.code in message_forms.FORM_ERROR_CODES:
                    log.warning("digest %s: Zalo refused the plain %s form (%s); kept for %s's next message",
                                self.slot, kind, exc.code, sub.user_id)
                    return "w"
                log.warning("digest %s: send to %s failed for good: %s", self.slot, sub.user_id, exc.code)
                return "f"

    def _cs(self, kind: str, sub: Subscriber) -> SendResult:
        if kind == "cs":
            return self.zalo.send_text(user_id=sub.user_id, text=self.content.text(sub.province))
        text = render("digest_cs_link", week=self.content.week, link=self.content.link)
        buttons = [] if message_forms.BUTTONS in self.avoid else \
            [(render("digest_cs_link_button"), payload("digest_latest"))]
        try:
            return self.zalo.send_text(user_id=sub.user_id, text=text, buttons=buttons)
        except ZaloError as exc:
            if not buttons or exc.code not in message_forms.FORM_ERROR_CODES:
                raise
            return self.zalo.send_text(user_id=sub.user_id, text=text)

    def _promotion(self, sub: Subscriber) -> str | None:
        """Send the promotion template; None when Zalo refused its buttons (then remembered, so the caller
        resends without them)."""
        elements, buttons = self.content.promotion(sub.province)
        form = message_forms.PROMOTION_BUTTONS
        if form in self.avoid:
            buttons = []
        try:
            self.zalo.send_promotion(user_id=sub.user_id, elements=elements, buttons=buttons)
        except ZaloError as exc:
            if not buttons or exc.code not in message_forms.FORM_ERROR_CODES:
                raise
            refused_forms.remember(self.redis, self.settings, form, exc.code)
            self.refused[form] = time.time()
            self.avoid.add(form)
            return None
        if buttons and self.refused.pop(form, None) is not None:
            refused_forms.forget(self.redis, form)
        return "m"
