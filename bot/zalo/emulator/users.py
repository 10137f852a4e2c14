"""What Zalo knows about each user of the OA, and the hooks that change it (events, ``PUT /_emulator/users``)."""

from __future__ import annotations

import dataclasses
import random
import threading
from array import array
from dataclasses import dataclass, field
from typing import Any

from bot.zalo.emulator.audience import NEVER, Audience, parse_profile
from bot.zalo.emulator.clock import DAY_MS, Clock, parse_instant

MAX_BULK = 1_000_000


@dataclass(slots=True)
class User:
    """What Zalo knows about one user of the OA (slotted: a 100,000-subscriber bench holds 100,000 of them)."""

    user_id: str
    follower: bool = False
    last_interaction_ms: int | None = None
    display_name: str | None = None
    shared_info: dict[str, Any] | None = None
    replies_since_interaction: int = 0
    promotions_ms: list[int] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "user_id": self.user_id, "follower": self.follower,
            "last_interaction": self.last_interaction_ms, "display_name": self.display_name,
            "shared_info": self.shared_info, "replies_since_interaction": self.replies_since_interaction,
            "promotions_sent": len(self.promotions_ms),
        }


class UsersMixin:
    """The user records of the emulator state."""

    _lock: threading.RLock
    clock: Clock
    users: dict[str, User]
    audience: Audience

    def _find_locked(self, user_id: str) -> User | None:
        """The record of a user met before; a bulk follower gets one on first individual use."""
        user = self.users.get(user_id)
        if user is None:
            row = self.audience.row_of(user_id)
            if row is not None:
                last = self.audience.last_ms[row]
                user = self.users[user_id] = User(user_id, bool(self.audience.follower[row]),
                                                  None if last == NEVER else last)
        return user

    def _synced(self, user: User) -> User:
        """Write follower status and last interaction through to the audience columns broadcast reads."""
        row = self.audience.row_of(user.user_id)
        if row is None:
            self.audience.add(user.user_id, user.follower, user.last_interaction_ms)
        else:
            self.audience.sync(row, user.follower, user.last_interaction_ms)
        return user

    def user(self, user_id: str) -> User:
        """The user record, created on first sight (a user exists for Zalo once they act)."""
        with self._lock:
            return self._find_locked(user_id) or self._synced(self.users.setdefault(user_id, User(user_id)))

    def known_user(self, user_id: str) -> User | None:
        """A snapshot copy of the user (safe to read outside the lock), or None if never seen."""
        with self._lock:
            user = self._find_locked(user_id)
            return None if user is None else dataclasses.replace(user, promotions_ms=list(user.promotions_ms))

    def user_json(self, user_id: str) -> dict[str, Any] | None:
        """``GET /_emulator/users/<id>``: the record plus the broadcast profile and counts."""
        with self._lock:
            user = self._find_locked(user_id)
            if user is None:
                return None
            row = self.audience.row_of(user_id)
            return {**user.to_json(), **(self.audience.profile(row) if row is not None else {})}

    def follower_count(self) -> int:
        with self._lock:
            return self.audience.followers()

    def add_bulk_followers(self, spec: dict[str, Any]) -> dict[str, Any]:
        """``POST /_emulator/users/bulk``: ``count`` users (follower unless ``"follower": false``), last
        interaction spread uniformly over ``last_interaction_days`` ([min, max] days ago, default [0, 30]),
        a ``never_interacted`` fraction with none; fixed ``city``/``age``/``gender``/``platform`` or a
        seeded random spread. Raises ``ValueError`` on nonsense."""
        count, seed = spec.get("count"), spec.get("seed", 1)
        if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= MAX_BULK:
            raise ValueError(f"count must be an integer from 1 to {MAX_BULK}")
        days = spec.get("last_interaction_days", [0, 30])
        never = spec.get("never_interacted", 0)
        if (not isinstance(days, list) or len(days) != 2 or not all(isinstance(d, int | float) for d in days)
                or not 0 <= days[0] <= days[1]):
            raise ValueError("last_interaction_days must be [min, max] days ago, 0 <= min <= max")
        if not isinstance(never, int | float) or not 0 <= never <= 1 or not isinstance(seed, int):
            raise ValueError("never_interacted must be a fraction 0-1 and seed an integer")
        profile = parse_profile(spec)
        with self._lock:
            now, rng = self.clock.now_ms(), random.Random(seed)
            low, high = int(days[0] * DAY_MS), int(days[1] * DAY_MS)
            last = array("q", (NEVER if rng.random() < never else now - rng.randint(low, high)
                               for _ in range(count)))
            first, final = self.audience.add_bulk(count, spec.get("follower", True) is not False, last,
                                                  profile, seed)
            return {"count": count, "first_user_id": first, "last_user_id": final,
                    "followers": self.audience.followers(), "rows": len(self.audience)}

    def record_interaction(self, user_id: str, *, follower: bool | None = None,
                           info: dict[str, Any] | None = None, at_ms: int | None = None) -> None:
        """A user action (§4): opens a fresh 48 h free window and the 7-day CS window, from the moment the
        user acted (the event's own timestamp when there is one, so the two never differ)."""
        with self._lock:
            user = self.user(user_id)
            user.last_interaction_ms = self.clock.now_ms() if at_ms is None else at_ms
            user.replies_since_interaction = 0
            if follower is not None:
                user.follower = follower
            if info is not None:
                user.shared_info = info
            self._synced(user)

    def set_follower(self, user_id: str, follower: bool) -> None:
        with self._lock:
            user = self.user(user_id)
            user.follower = follower
            self._synced(user)

    def update_user(self, user_id: str, changes: dict[str, Any]) -> User:
        """Test hook: set follower / last_interaction / display_name / shared_info, and the broadcast profile
        (city / age / gender / platform, see audience.py) directly."""
        profile = parse_profile(changes)
        with self._lock:
            user = self.user(user_id)
            if "follower" in changes:
                user.follower = bool(changes["follower"])
            if "last_interaction" in changes:
                raw = changes["last_interaction"]
                user.last_interaction_ms = None if raw is None else parse_instant(raw)
                user.replies_since_interaction = 0
            if "display_name" in changes:
                user.display_name = changes["display_name"]
            if "shared_info" in changes:
                user.shared_info = changes["shared_info"]
            self._synced(user)
            row = self.audience.row_of(user_id)
            assert row is not None  # _synced gave every user a row
            self.audience.set_profile(row, profile)
            return dataclasses.replace(user, promotions_ms=list(user.promotions_ms))
