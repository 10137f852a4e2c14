"""In-memory state of the local Zalo emulator: one lock over clock, tokens, users, quotas, faults, messages.

The rules live in mixins (``tokens.py``, ``faults.py``, ``users.py``, ``rules.py``) that share this lock,
clock and config, so the Flask layer stays a thin translation between HTTP and these methods. Rules follow
shared/zalo-oa-api.md §4 and §5; violations raise :class:`ZaloError` with Zalo's own codes.

The names other modules imported from here before the split (except the sandbox credentials, now in
``config.py`` and the package) are re-exported.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bot.zalo.emulator.articles import Article
from bot.zalo.emulator.audience import Audience
from bot.zalo.emulator.broadcasts import Broadcast, BroadcastsMixin
from bot.zalo.emulator.clock import DAY_MS, HOUR_MS, Clock, ms_to_iso, new_hex_id, parse_instant, wall_ms
from bot.zalo.emulator.config import EmulatorConfig
from bot.zalo.emulator.errors import ERROR_MESSAGES, OAuthError, ZaloError
from bot.zalo.emulator.faults import Fault, FaultsMixin
from bot.zalo.emulator.heap import release_freed
from bot.zalo.emulator.message_log import MessageLog
from bot.zalo.emulator.payloads import (
    TRANSACTION_TEMPLATES,
    ParsedMessage,
    parse_cs_message,
    parse_template_message,
    parse_zbs_message,
)
from bot.zalo.emulator.rules import RulesMixin
from bot.zalo.emulator.tokens import PendingCode, TokenBucket, TokenPair, TokensMixin, pkce_challenge
from bot.zalo.emulator.users import User

__all__ = [
    "DAY_MS", "ERROR_MESSAGES", "HOUR_MS", "TRANSACTION_TEMPLATES", "Clock",
    "EmulatorConfig", "EmulatorState", "Fault", "OAuthError", "ParsedMessage", "PendingCode", "TokenBucket",
    "TokenPair", "User", "ZaloError", "ms_to_iso", "new_hex_id", "parse_cs_message", "parse_instant",
    "parse_template_message", "parse_zbs_message", "pkce_challenge", "wall_ms",
]


class EmulatorState(TokensMixin, FaultsMixin, RulesMixin, BroadcastsMixin):
    """The whole mutable world of one emulator; every public method takes the lock."""

    def __init__(self, config: EmulatorConfig) -> None:
        self.initial_config = config
        self.stop_event = threading.Event()
        self._lock = threading.RLock()
        self._reset_locked(config)

    # ---- lifecycle -------------------------------------------------------------------------------

    def _reset_locked(self, config: EmulatorConfig) -> None:
        self.config = config
        self.clock = Clock(config.clock_start_ms)
        now = self.clock.now_ms()
        self.pairs: list[TokenPair] = [TokenPair(
            config.access_token, config.refresh_token,
            now + config.access_token_ttl_s * 1000, now + config.refresh_token_ttl_s * 1000,
        )]
        self.used_refresh_tokens: set[str] = set()
        self.refresh_count = 0
        self.reuse_attempts = 0
        self.invalid_refresh_attempts = 0
        self.codes: dict[str, PendingCode] = {}
        self.users: dict[str, User] = {}
        self.audience = Audience()
        self.messages = MessageLog()
        self.refusals: list[dict[str, Any]] = []
        self.faults: list[Fault] = []
        self.attachments: dict[str, int] = {}
        self.sub_quota_used: dict[str, int] = {}
        self.articles: dict[str, Article] = {}
        self.article_tokens: dict[str, str] = {}
        self.broadcasts: list[Broadcast] = []
        self.broadcast_contents: list[tuple[int, int]] = []
        self.bucket = TokenBucket(config.rate_limit_per_s) if config.rate_limit_per_s else None

    @contextmanager
    def locked(self) -> Iterator[None]:
        with self._lock:
            yield

    def reset(self) -> None:
        """Back to the state right after construction (tokens, users, messages, faults, clock), the memory the old
        state held given back to the system (``heap``: a long benchmark resets before every step)."""
        with self._lock:
            self._reset_locked(self.initial_config)
        release_freed()

    def update_config(self, **changes: Any) -> EmulatorConfig:
        """Change run-time settings (``rate_limit_per_s``, ``webhook_url``)."""
        with self._lock:
            self.config = dataclasses.replace(self.config, **changes)
            if "rate_limit_per_s" in changes:
                rate = self.config.rate_limit_per_s
                self.bucket = TokenBucket(rate) if rate else None
            return self.config

    def now_ms(self) -> int:
        with self._lock:
            return self.clock.now_ms()

    def advance_clock(self, seconds: float) -> int:
        with self._lock:
            self.clock.advance(seconds)
            self._deliver_due_locked()
            return self.clock.now_ms()

    def set_clock(self, epoch_ms: int) -> int:
        with self._lock:
            self.clock.set(epoch_ms)
            self._deliver_due_locked()
            return self.clock.now_ms()

    # ---- the message log ------------------------------------------------------------------------------

    def record_message(self, entry: dict[str, Any]) -> dict[str, Any]:
        """Append a sent message, stamped with a fresh ``message_id`` and the emulator time."""
        with self._lock:
            self._deliver_due_locked()  # a broadcast due earlier goes before this message in the log
            return self.messages.append(entry, self.clock.now_ms())

    def list_messages(self, user_id: str | None) -> list[dict[str, Any]]:
        """Sent messages, broadcasts included (one entry per follower reached)."""
        with self._lock:
            return self._merged_locked(user_id, self._broadcast_entries_locked(user_id), sent_status=False)

    def clear_messages(self) -> None:
        """An empty log (and refusals), its memory given back to the system (``heap``)."""
        with self._lock:
            self._deliver_due_locked()
            self.messages.clear()
            self.refusals.clear()
            self._unlist_broadcasts_locked()
        release_freed()

    def record_refusal(self, entry: dict[str, Any]) -> None:
        """A send Zalo refused (error code kept), stamped like a sent message; kept apart from ``messages``."""
        with self._lock:
            self._deliver_due_locked()
            self.refusals.append({**entry, "status": "refused", "at": ms_to_iso(self.clock.now_ms()),
                                  "seq": len(self.messages)})

    def list_messages_and_refusals(self, user_id: str | None) -> list[dict[str, Any]]:
        """Sent and refused messages in the order the bot sent them (sent ones carry ``"status": "sent"``)."""
        with self._lock:
            broadcasts = [{**entry, "status": "sent"} for entry in self._broadcast_entries_locked(user_id)]
            return self._merged_locked(user_id, self.refusals + broadcasts, sent_status=True)

    def _merged_locked(self, user_id: str | None, extras: list[dict[str, Any]],
                       sent_status: bool) -> list[dict[str, Any]]:
        """``messages`` with ``extras`` (entries carrying ``seq``, their place in the log) slotted in."""
        merged: list[dict[str, Any]] = []
        pending = [entry for entry in sorted(extras, key=lambda entry: entry["seq"])
                   if user_id is None or entry["user_id"] == user_id]
        waiting = 0
        for index, message in self.messages.indexed(user_id):
            while waiting < len(pending) and pending[waiting]["seq"] <= index:
                merged.append({k: v for k, v in pending[waiting].items() if k != "seq"})
                waiting += 1
            merged.append({**message, "status": "sent"} if sent_status else message)
        merged.extend({k: v for k, v in entry.items() if k != "seq"} for entry in pending[waiting:])
        return merged
