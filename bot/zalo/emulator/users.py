"""What Zalo knows about each user of the OA, and the hooks that change it (events, ``PUT /_emulator/users``)."""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass, field
from typing import Any

from bot.zalo.emulator.clock import Clock, parse_instant


@dataclass
class User:
    """What Zalo knows about one user of the OA."""

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

    def user(self, user_id: str) -> User:
        """The user record, created on first sight (a user exists for Zalo once they act)."""
        with self._lock:
            if user_id not in self.users:
                self.users[user_id] = User(user_id)
            return self.users[user_id]

    def known_user(self, user_id: str) -> User | None:
        """A snapshot copy of the user (safe to read outside the lock), or None if never seen."""
        with self._lock:
            user = self.users.get(user_id)
            return None if user is None else dataclasses.replace(user, promotions_ms=list(user.promotions_ms))

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

    def set_follower(self, user_id: str, follower: bool) -> None:
        with self._lock:
            self.user(user_id).follower = follower

    def update_user(self, user_id: str, changes: dict[str, Any]) -> User:
        """Test hook: set follower / last_interaction / display_name / shared_info directly."""
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
            return dataclasses.replace(user, promotions_ms=list(user.promotions_ms))
