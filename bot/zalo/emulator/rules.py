"""Zalo's sending rules (§4): 7-day window, 48 h free replies, sub-quota, promotion quota and curfew,
attachment lifetime. Violations raise :class:`ZaloError` with Zalo's codes.

:class:`RulesMixin` is part of :class:`~bot.zalo.emulator.state.EmulatorState`.
"""

from __future__ import annotations

import secrets
import threading
from datetime import datetime
from typing import Any

from bot.zalo.emulator.clock import DAY_MS, HOUR_MS, Clock
from bot.zalo.emulator.config import EmulatorConfig
from bot.zalo.emulator.errors import ZaloError
from bot.zalo.emulator.users import User, UsersMixin


class RulesMixin(UsersMixin):
    """Quota and window checks of the emulator state; each public method takes the lock."""

    _lock: threading.RLock
    clock: Clock
    config: EmulatorConfig
    sub_quota_used: dict[str, int]
    attachments: dict[str, int]

    def local(self, ms: int) -> datetime:
        """An emulator instant in Zalo's time zone (for curfew and calendar quotas)."""
        return datetime.fromtimestamp(ms / 1000, self.config.tz)

    def _require_user(self, user_id: str) -> User:
        user = self._find_locked(user_id)
        if user is None or user.last_interaction_ms is None:
            raise ZaloError(-230)
        return user

    def charge_cs(self, user_id: str) -> dict[str, str]:
        """Pick the quota that pays for a CS message, or refuse outside the 7-day window (-230)."""
        with self._lock:
            user = self._require_user(user_id)
            assert user.last_interaction_ms is not None
            age = self.clock.now_ms() - user.last_interaction_ms
            cfg = self.config
            if age > cfg.interaction_window_days * DAY_MS:
                raise ZaloError(-230)
            if age <= cfg.cs_free_hours * HOUR_MS and user.replies_since_interaction < cfg.cs_free_replies:
                user.replies_since_interaction += 1
                remain = cfg.cs_free_replies - user.replies_since_interaction
                return {"quota_type": "reply", "remain": str(remain), "total": str(cfg.cs_free_replies)}
            return self._charge_sub_quota_locked()

    def _month_key(self, ms: int) -> str:
        return self.local(ms).strftime("%Y-%m")

    def _charge_sub_quota_locked(self) -> dict[str, str]:
        month = self._month_key(self.clock.now_ms())
        used = self.sub_quota_used.get(month, 0)
        total = self.config.cs_sub_quota_monthly
        if used >= total:
            raise ZaloError(-211)
        self.sub_quota_used[month] = used + 1
        return {"quota_type": "sub_quota", "remain": str(total - used - 1), "total": str(total)}

    def check_known(self, user_id: str) -> None:
        """Transaction messages go 24/24 but only to users the OA has seen (emulator choice)."""
        with self._lock:
            if self._find_locked(user_id) is None:
                raise ZaloError(-201, "user_id is invalid")

    def in_curfew(self, ms: int) -> bool:
        """22:00-06:00 Vietnam time by default; the window may wrap past midnight."""
        now = self.local(ms).time()
        start, end = self.config.curfew_start, self.config.curfew_end
        if start <= end:
            return start <= now < end
        return now >= start or now < end

    def charge_promotion(self, user_id: str) -> None:
        """Promotion / ZBS template: follower (-213), not at night (-234), per-user quota (-218)."""
        with self._lock:
            user = self._find_locked(user_id)
            if user is None or not user.follower:
                raise ZaloError(-213)
            now = self.clock.now_ms()
            if self.in_curfew(now):
                raise ZaloError(-234)
            quota = self._promotion_quota_locked(user)
            if quota["daily_remain"] <= 0 or quota["monthly_remain"] <= 0:
                raise ZaloError(-218)
            user.promotions_ms.append(now)

    def _promotion_quota_locked(self, user: User) -> dict[str, int]:
        now = self.local(self.clock.now_ms())
        sent = [self.local(ms) for ms in user.promotions_ms]
        today = sum(1 for d in sent if d.date() == now.date())
        month = sum(1 for d in sent if (d.year, d.month) == (now.year, now.month))
        cfg = self.config
        return {
            "daily_remain": max(0, cfg.promotion_daily_per_user - today),
            "daily_total": cfg.promotion_daily_per_user,
            "monthly_remain": max(0, cfg.promotion_monthly_per_user - month),
            "monthly_total": cfg.promotion_monthly_per_user,
        }

    def quota(self, user_id: str) -> dict[str, Any]:
        """``/v3.0/oa/quota/message`` for one user: window, free replies left, promotion quota."""
        with self._lock:
            user = self._find_locked(user_id)
            if user is None:
                raise ZaloError(-201, "user_id is invalid")
            cfg = self.config
            now = self.clock.now_ms()
            age = None if user.last_interaction_ms is None else now - user.last_interaction_ms
            if age is not None and age <= cfg.cs_free_hours * HOUR_MS:
                window = "reply"
            elif age is not None and age <= cfg.interaction_window_days * DAY_MS:
                window = "sub_quota"
            else:
                window = "none"
            free_left = cfg.cs_free_replies - user.replies_since_interaction if window == "reply" else 0
            return {
                "last_interaction": "" if user.last_interaction_ms is None else str(user.last_interaction_ms),
                "cs_reply": {"quota_type": window, "remain": max(0, free_left), "total": cfg.cs_free_replies},
                "promotion": self._promotion_quota_locked(user),
            }

    def store_attachment(self) -> str:
        with self._lock:
            attachment_id = secrets.token_hex(16)
            self.attachments[attachment_id] = self.clock.now_ms()
            return attachment_id

    def check_attachment(self, attachment_id: str) -> None:
        """Uploaded ids are valid for 7 days (-100 afterwards); ids never issued are invalid."""
        with self._lock:
            issued = self.attachments.get(attachment_id)
            if issued is None:
                raise ZaloError(-201, "attachment_id is invalid")
            if self.clock.now_ms() - issued > self.config.attachment_ttl_days * DAY_MS:
                raise ZaloError(-100)
