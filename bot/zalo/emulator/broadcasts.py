"""Broadcast (zalo-oa-api.md §11.2): an article to every follower matching ``recipient.target``.

Accepted at once (answer ``message_id``) unless the OA's monthly quota of broadcast contents is spent
(``broadcast_oa_monthly``, resetting on ``broadcast_quota_reset_day``, error ``broadcast_quota_error``).
Zalo then reviews it (``broadcast_review_s``) and delivers only inside ``broadcast_hours_start``-``_end``
(later ones wait for the next morning), on the emulator's clock. Delivery skips followers at their daily or
monthly cap (``broadcast_follower_daily`` / ``_monthly``, calendar day and month); a broadcast that reaches
nobody ends ``not_sent`` (Zalo's "Không gửi được"). Deliveries happen lazily, whenever the state is read or
written after the due time, in due order.

:class:`BroadcastsMixin` is part of :class:`~bot.zalo.emulator.state.EmulatorState`.
"""

from __future__ import annotations

import bisect
import threading
from array import array
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from bot.zalo.emulator.articles import Article, ArticlesMixin
from bot.zalo.emulator.audience import Audience, age_group, region_of
from bot.zalo.emulator.clock import ms_to_iso, new_hex_id
from bot.zalo.emulator.errors import ZaloError


@dataclass(frozen=True)
class Target:
    """A parsed ``recipient.target``; None means "any" (``target: {}`` is every follower [S])."""

    ages: frozenset[int] | None = None
    genders: frozenset[int] | None = None
    regions: frozenset[int] | None = None
    cities: frozenset[int] | None = None
    platforms: frozenset[int] | None = None

    def matches(self, audience: Audience, row: int) -> bool:
        """Cities, if given, replace locations [S: R2]."""
        city = audience.city[row]
        if self.cities is not None:
            if city not in self.cities:
                return False
        elif self.regions is not None and region_of(city) not in self.regions:
            return False
        return ((self.ages is None or age_group(audience.age[row]) in self.ages)
                and (self.genders is None or audience.gender[row] in self.genders)
                and (self.platforms is None or audience.platform[row] in self.platforms))


@dataclass
class Broadcast:
    message_id: str
    articles: list[Article]
    attachment: dict[str, Any]
    target: Target
    created_ms: int
    due_ms: int
    status: str = "reviewing"  # then "delivered", or "not_sent" when no follower could take it
    matched: int = 0
    capped: int = 0
    reached: array = field(default_factory=lambda: array("i"))  # audience rows, ascending
    seq: int = 0  # position in the message log at delivery
    listed: bool = True  # False once DELETE /_emulator/messages cleared it

    def to_json(self) -> dict[str, Any]:
        return {"message_id": self.message_id, "article_ids": [a.article_id for a in self.articles],
                "target": {k: sorted(v) for k, v in vars(self.target).items() if v is not None},
                "created_at": ms_to_iso(self.created_ms), "due_at": ms_to_iso(self.due_ms),
                "status": self.status, "matched": self.matched, "reached": len(self.reached),
                "skipped_at_cap": self.capped}


class BroadcastsMixin(ArticlesMixin):
    """Broadcasts of the emulator state; each public method takes the lock."""

    _lock: threading.RLock
    audience: Audience
    messages: list[dict[str, Any]]
    broadcasts: list[Broadcast]
    broadcast_contents: list[tuple[int, int]]  # (accepted at, number of articles), for the OA quota

    def _zoned(self, ms: int) -> datetime:
        return datetime.fromtimestamp(ms / 1000, self.config.tz)

    def _quota_period(self, ms: int) -> int:
        """Months counted from the package-registration day (``broadcast_quota_reset_day``)."""
        local = self._zoned(ms)
        return local.year * 12 + local.month - (1 if local.day < self.config.broadcast_quota_reset_day else 0)

    def _due_ms(self, created_ms: int) -> int:
        """After review, at the first moment inside the sending hours (none when start ≥ end)."""
        cfg = self.config
        ready = created_ms + int(cfg.broadcast_review_s * 1000)
        start, end = cfg.broadcast_hours_start, cfg.broadcast_hours_end
        local = self._zoned(ready)
        if start >= end or start <= local.hour < end:
            return ready
        day = local.date() if local.hour < start else local.date() + timedelta(days=1)
        opening = datetime(day.year, day.month, day.day, start, tzinfo=cfg.tz)
        return int(opening.timestamp() * 1000)

    def accept_broadcast(self, target: Target, articles: list[Article], attachment: dict[str, Any]) -> str:
        """Charge the OA's monthly quota and queue the broadcast for review; returns its ``message_id``."""
        with self._lock:
            self._deliver_due_locked()
            now = self.clock.now_ms()
            period = self._quota_period(now)
            used = sum(n for at, n in self.broadcast_contents if self._quota_period(at) == period)
            if used + len(articles) > self.config.broadcast_oa_monthly:
                raise ZaloError(self.config.broadcast_quota_error,
                                f"Out of broadcast quota: {used} of {self.config.broadcast_oa_monthly} used")
            self.broadcast_contents.append((now, len(articles)))
            broadcast = Broadcast(new_hex_id(), articles, attachment, target, now, self._due_ms(now))
            self.broadcasts.append(broadcast)
            return broadcast.message_id

    def _deliver_due_locked(self) -> None:
        now = self.clock.now_ms()
        due = sorted((b for b in self.broadcasts if b.status == "reviewing" and b.due_ms <= now),
                     key=lambda b: b.due_ms)
        for broadcast in due:
            self._deliver_locked(broadcast)

    def _deliver_locked(self, broadcast: Broadcast) -> None:
        local = self._zoned(broadcast.due_ms)
        day, month = local.toordinal(), local.year * 12 + local.month
        daily, monthly = self.config.broadcast_follower_daily, self.config.broadcast_follower_monthly
        audience, target, reached = self.audience, broadcast.target, broadcast.reached
        for row in range(len(audience)):
            if audience.follower[row] and target.matches(audience, row):
                broadcast.matched += 1
                if audience.take_broadcast(row, day, month, daily, monthly):
                    reached.append(row)
                else:
                    broadcast.capped += 1
        broadcast.seq = len(self.messages)
        broadcast.status = "delivered" if reached else "not_sent"

    def list_broadcasts(self) -> list[dict[str, Any]]:
        with self._lock:
            self._deliver_due_locked()
            return [b.to_json() for b in self.broadcasts]

    def _broadcast_entries_locked(self, user_id: str | None) -> list[dict[str, Any]]:
        """Delivered broadcasts as message-log entries (one per follower reached), each with ``seq``."""
        self._deliver_due_locked()
        row = None if user_id is None else self.audience.row_of(user_id)
        entries: list[dict[str, Any]] = []
        for broadcast in self.broadcasts:
            if broadcast.status != "delivered" or not broadcast.listed:
                continue
            if user_id is None:
                entries.extend(_entry(broadcast, self.audience.id_of(r)) for r in broadcast.reached)
                continue
            index = bisect.bisect_left(broadcast.reached, row) if row is not None else len(broadcast.reached)
            if index < len(broadcast.reached) and broadcast.reached[index] == row:
                entries.append(_entry(broadcast, user_id))
        return entries

    def _unlist_broadcasts_locked(self) -> None:
        for broadcast in self.broadcasts:
            broadcast.listed = broadcast.status == "reviewing"


def _entry(broadcast: Broadcast, user_id: str) -> dict[str, Any]:
    return {"user_id": user_id, "endpoint": "broadcast",
            "text": "\n".join(a.content["title"] for a in broadcast.articles),
            "attachment": broadcast.attachment, "buttons": [], "quota_type": "broadcast",
            "quote_message_id": None, "at": ms_to_iso(broadcast.due_ms), "message_id": broadcast.message_id,
            "seq": broadcast.seq}
