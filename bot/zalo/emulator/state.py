"""In-memory state of the local Zalo emulator: clock, tokens, users, quotas, faults, sent messages.

Everything here is plain Python guarded by one lock, so the Flask layer (``app.py``) stays a thin
translation between HTTP and these methods. Rules follow shared/zalo-oa-api.md: §4 (7-day window,
48 h free replies, promotion quotas, night curfew, rate limit) and §5 (token lifetime, single-use
refresh tokens, PKCE grant). Rule violations raise :class:`ZaloError` with Zalo's own codes.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import secrets
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from datetime import time as dtime
from typing import Any
from zoneinfo import ZoneInfo

SANDBOX_APP_ID = "1000000000000000001"
SANDBOX_OA_ID = "2000000000000000002"
SANDBOX_OA_SECRET_KEY = "sandbox-oa-secret"
SANDBOX_APP_SECRET = "sandbox-app-secret"
SANDBOX_ACCESS_TOKEN = "sandbox-access-token"
SANDBOX_REFRESH_TOKEN = "sandbox-refresh-token"

DAY_MS = 86_400_000
HOUR_MS = 3_600_000

# Zalo's own wording where known (shared/zalo-oa-api.md §7); the emulator answers with these texts.
ERROR_MESSAGES: dict[int, str] = {
    0: "Success",
    -32: "Your application/OA reached limit call api",
    -100: "attachment_id was expired",
    -200: "Send message failed",
    -201: "Parameters are invalid",
    -210: "Parameter exceeds allowed limit",
    -211: "Out of quota",
    -213: "User has not followed the OA",
    -216: "Access token is invalid",
    -218: "Out of quota for receiving",
    -220: "access_token is expired or removed",
    -230: "User has not interacted with the OA in the past 7 days",
    -233: "Message type is invalid or not supported",
    -234: "This message type cannot be sent at night (22:00-06:00)",
}

TRANSACTION_TEMPLATES = frozenset({
    "transaction_order", "transaction_billing", "transaction_reward", "transaction_contract",
    "transaction_booking", "transaction_membership", "transaction_event", "transaction_transaction",
    "transaction_account", "transaction_internal", "transaction_partnership", "transaction_education",
    "transaction_rating",
})


class ZaloError(Exception):
    """A rule or validation failure, answered as ``{"error": code, "message": ...}`` with HTTP 200."""

    def __init__(self, code: int, message: str | None = None) -> None:
        self.code = code
        self.message = message or ERROR_MESSAGES.get(code, "Unknown error")
        super().__init__(f"{code}: {self.message}")


class OAuthError(Exception):
    """An OAuth failure: Zalo answers these without ``access_token`` and with ``error_name`` (§5)."""

    def __init__(self, code: int, name: str, description: str) -> None:
        self.code = code
        self.name = name
        self.description = description
        super().__init__(f"{code}: {name}")

    def body(self) -> dict[str, Any]:
        """The JSON body Zalo's OAuth server sends on failure."""
        return {"error": self.code, "error_name": self.name, "error_description": self.description}


@dataclass(frozen=True)
class EmulatorConfig:
    """Everything that differs between one emulator and another; defaults are the sandbox values.

    ``app_id`` and ``oa_secret_key`` sign webhook events (§1.2); ``app_secret`` is the ``secret_key``
    header expected on token calls (§5); the token pair is the one valid at start-up.
    """

    app_id: str = SANDBOX_APP_ID
    oa_id: str = SANDBOX_OA_ID
    oa_secret_key: str = SANDBOX_OA_SECRET_KEY
    app_secret: str = SANDBOX_APP_SECRET
    webhook_url: str = ""
    access_token: str = SANDBOX_ACCESS_TOKEN
    refresh_token: str = SANDBOX_REFRESH_TOKEN
    access_token_ttl_s: int = 90_000
    refresh_token_ttl_s: int = 90 * 86_400
    rate_limit_per_s: float | None = None
    cs_free_hours: int = 48
    cs_free_replies: int = 8
    cs_sub_quota_monthly: int = 2000
    interaction_window_days: int = 7
    promotion_daily_per_user: int = 1
    promotion_monthly_per_user: int = 4
    curfew_start: dtime = dtime(22, 0)
    curfew_end: dtime = dtime(6, 0)
    timezone: str = "Asia/Ho_Chi_Minh"
    max_text_chars: int = 2000
    max_buttons: int = 5
    max_image_bytes: int = 1_000_000
    max_file_bytes: int = 5_000_000
    attachment_ttl_days: int = 7
    webhook_timeout_s: float = 5.0
    clock_start_ms: int | None = None
    refuse: tuple[str, ...] = ()  # forms refused for the whole run (emulator/refusals.py)

    @property
    def tz(self) -> ZoneInfo:
        """The zone of Zalo's calendar rules (curfew, daily and monthly quotas)."""
        return ZoneInfo(self.timezone)


def wall_ms() -> int:
    """Real epoch milliseconds."""
    return time.time_ns() // 1_000_000


def ms_to_iso(ms: int) -> str:
    """ISO 8601 in UTC with milliseconds, the emulator's way of writing its clock."""
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="milliseconds")


def parse_instant(value: Any) -> int:
    """Epoch ms from an int/float/numeric string (ms) or a timezone-aware ISO 8601 string."""
    if isinstance(value, bool):
        raise ValueError("expected epoch ms or ISO 8601")
    if isinstance(value, int | float):
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    if isinstance(value, str):
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            raise ValueError("ISO time needs a UTC offset, e.g. 2026-01-05T08:00:00+07:00")
        return int(parsed.timestamp() * 1000)
    raise ValueError("expected epoch ms or ISO 8601")


def new_hex_id() -> str:
    """A 20-hex-char id, the shape of Zalo's ``msg_id`` / ``message_id``."""
    return secrets.token_hex(10)


def pkce_challenge(verifier: str) -> str:
    """RFC 7636 S256: base64url(SHA-256(verifier)) without padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class Clock:
    """Wall time plus an offset, so the emulator clock both runs and can be moved by tests.

    A running clock keeps token expiry and windows realistic in a long sandbox session; moving it
    (``advance``/``set``) is how tests cross the 48 h / 7 day / curfew boundaries without waiting.
    """

    def __init__(self, start_ms: int | None = None) -> None:
        self._offset_ms = 0 if start_ms is None else start_ms - wall_ms()

    def now_ms(self) -> int:
        return wall_ms() + self._offset_ms

    def advance(self, seconds: float) -> None:
        self._offset_ms += int(seconds * 1000)

    def set(self, epoch_ms: int) -> None:
        self._offset_ms = epoch_ms - wall_ms()


class TokenBucket:
    """Real-time token bucket (not the emulator clock: throttling is about real request bursts)."""

    def __init__(self, rate_per_s: float) -> None:
        self.rate = rate_per_s
        self.capacity = max(1.0, rate_per_s)
        self._tokens = self.capacity
        self._last = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self._tokens = min(self.capacity, self._tokens + (now - self._last) * self.rate)
        self._last = now
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False


@dataclass
class Fault:
    """One injected failure, consumed by the next ``count`` matching Zalo calls (see app docs)."""

    kind: str
    count: int = 1
    path: str | None = None
    error: int = -200
    message: str | None = None
    status: int = 503
    seconds: float = 1.0
    when: str = "after"

    KINDS = ("zalo_error", "http", "delay", "stall")

    @classmethod
    def from_json(cls, raw: Any) -> Fault:
        """Validate a fault given to ``POST /_emulator/faults``; raises ``ValueError`` on nonsense."""
        if not isinstance(raw, dict) or raw.get("kind") not in cls.KINDS:
            raise ValueError(f"each fault needs a kind among {', '.join(cls.KINDS)}")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(raw) - known
        if unknown:
            raise ValueError(f"unknown fault fields: {', '.join(sorted(unknown))}")
        fault = cls(**raw)
        if not isinstance(fault.count, int) or fault.count < 1:
            raise ValueError("count must be a positive integer")
        if fault.when not in ("before", "after"):
            raise ValueError("when must be 'before' or 'after'")
        if not isinstance(fault.seconds, int | float) or not 0 <= fault.seconds <= 120:
            raise ValueError("seconds must be between 0 and 120")
        if not isinstance(fault.error, int) or not isinstance(fault.status, int) or not 100 <= fault.status <= 599:
            raise ValueError("error must be an integer and status an HTTP status code")
        if fault.path is not None and not isinstance(fault.path, str):
            raise ValueError("path must be a string")
        return fault

    def matches(self, path: str, is_oauth: bool) -> bool:
        """A fault without ``path`` hits OA API calls only; OAuth is hit only when named explicitly."""
        if self.path is None:
            return not is_oauth
        return self.path == path

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


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


@dataclass
class TokenPair:
    access_token: str
    refresh_token: str
    access_expires_ms: int
    refresh_expires_ms: int


@dataclass
class PendingCode:
    challenge: str
    redirect_uri: str
    expires_ms: int


class EmulatorState:
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
        self.messages: list[dict[str, Any]] = []
        self.refusals: list[dict[str, Any]] = []
        self.faults: list[Fault] = []
        self.attachments: dict[str, int] = {}
        self.sub_quota_used: dict[str, int] = {}
        self.bucket = TokenBucket(config.rate_limit_per_s) if config.rate_limit_per_s else None

    @contextmanager
    def locked(self) -> Iterator[None]:
        with self._lock:
            yield

    def reset(self) -> None:
        """Back to the state right after construction (tokens, users, messages, faults, clock)."""
        with self._lock:
            self._reset_locked(self.initial_config)

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
            return self.clock.now_ms()

    def set_clock(self, epoch_ms: int) -> int:
        with self._lock:
            self.clock.set(epoch_ms)
            return self.clock.now_ms()

    def local(self, ms: int) -> datetime:
        """An emulator instant in Zalo's time zone (for curfew and calendar quotas)."""
        return datetime.fromtimestamp(ms / 1000, self.config.tz)

    # ---- tokens ----------------------------------------------------------------------------------

    def check_access_token(self, token: str | None) -> None:
        """-216 for a token never issued or revoked by a refresh; -220 once it has expired."""
        with self._lock:
            pair = next((p for p in self.pairs if token and p.access_token == token), None)
            if pair is None:
                raise ZaloError(-216)
            if self.clock.now_ms() >= pair.access_expires_ms:
                raise ZaloError(-220)

    def take_rate_token(self) -> None:
        with self._lock:
            if self.bucket is not None and not self.bucket.take():
                raise ZaloError(-32)

    def check_app(self, app_id: str | None, secret_key: str | None) -> None:
        if app_id != self.config.app_id:
            raise OAuthError(-14002, "Invalid app_id", "app_id is missing or unknown")
        if not secret_key or not secrets.compare_digest(secret_key, self.config.app_secret):
            raise OAuthError(-14001, "Invalid secret key", "secret_key header is missing or wrong")

    def refresh(self, refresh_token: str | None) -> TokenPair:
        """Rotate: the used refresh token and the access token issued with it die at once (§5)."""
        with self._lock:
            now = self.clock.now_ms()
            pair = next((p for p in self.pairs if refresh_token and p.refresh_token == refresh_token), None)
            if pair is None or now >= pair.refresh_expires_ms:
                if refresh_token in self.used_refresh_tokens:
                    self.reuse_attempts += 1
                else:
                    self.invalid_refresh_attempts += 1
                raise OAuthError(-14014, "Invalid refresh token",
                                 "refresh_token is invalid, expired or already used")
            self.pairs.remove(pair)
            self.used_refresh_tokens.add(pair.refresh_token)
            self.refresh_count += 1
            return self._issue_locked()

    def _issue_locked(self) -> TokenPair:
        now = self.clock.now_ms()
        pair = TokenPair(
            "emu-at-" + secrets.token_urlsafe(24), "emu-rt-" + secrets.token_urlsafe(24),
            now + self.config.access_token_ttl_s * 1000, now + self.config.refresh_token_ttl_s * 1000,
        )
        self.pairs.append(pair)
        return pair

    def grant_code(self, challenge: str, redirect_uri: str) -> str:
        """Remember a PKCE challenge and hand out a one-time code valid for 10 minutes."""
        with self._lock:
            code = secrets.token_urlsafe(24)
            self.codes[code] = PendingCode(challenge, redirect_uri, self.clock.now_ms() + 600_000)
            return code

    def exchange_code(self, code: str | None, verifier: str | None) -> TokenPair:
        """Authorization-code grant: the code is single-use and the verifier must match (S256)."""
        with self._lock:
            pending = self.codes.pop(code or "", None)
            if pending is None or self.clock.now_ms() >= pending.expires_ms:
                raise OAuthError(-14019, "Invalid authorization code", "code is invalid, expired or used")
            if not verifier or not secrets.compare_digest(pkce_challenge(verifier), pending.challenge):
                raise OAuthError(-14020, "Invalid code verifier", "code_verifier does not match")
            return self._issue_locked()

    def token_stats(self) -> dict[str, int]:
        with self._lock:
            now = self.clock.now_ms()
            return {
                "refresh_count": self.refresh_count,
                "reuse_attempts": self.reuse_attempts,
                "invalid_refresh_attempts": self.invalid_refresh_attempts,
                "valid_access_tokens": sum(1 for p in self.pairs if now < p.access_expires_ms),
            }

    # ---- faults ----------------------------------------------------------------------------------

    def add_faults(self, faults: list[Fault]) -> None:
        with self._lock:
            self.faults.extend(faults)

    def list_faults(self) -> list[dict[str, Any]]:
        with self._lock:
            return [f.to_json() for f in self.faults]

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def next_fault(self, path: str, is_oauth: bool) -> Fault | None:
        """Consume one use of the first pending fault that matches this call, in insertion order."""
        with self._lock:
            for fault in self.faults:
                if fault.matches(path, is_oauth):
                    fault.count -= 1
                    if fault.count <= 0:
                        self.faults.remove(fault)
                    return dataclasses.replace(fault)
            return None

    # ---- users -----------------------------------------------------------------------------------

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

    # ---- sending rules (§4) ----------------------------------------------------------------------

    def _require_user(self, user_id: str) -> User:
        user = self.users.get(user_id)
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
            if user_id not in self.users:
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
            user = self.users.get(user_id)
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
            user = self.users.get(user_id)
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

    # ---- attachments and the message log ---------------------------------------------------------

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

    def record_message(self, entry: dict[str, Any]) -> dict[str, Any]:
        """Append a sent message, stamped with a fresh ``message_id`` and the emulator time."""
        with self._lock:
            stamped = {**entry, "at": ms_to_iso(self.clock.now_ms()), "message_id": new_hex_id()}
            self.messages.append(stamped)
            return dict(stamped)

    def list_messages(self, user_id: str | None) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(m) for m in self.messages if user_id is None or m["user_id"] == user_id]

    def clear_messages(self) -> None:
        with self._lock:
            self.messages.clear()
            self.refusals.clear()

    def record_refusal(self, entry: dict[str, Any]) -> None:
        """A send Zalo refused (error code kept), stamped like a sent message; kept apart from ``messages``."""
        with self._lock:
            self.refusals.append({**entry, "status": "refused", "at": ms_to_iso(self.clock.now_ms()),
                                  "seq": len(self.messages)})

    def list_messages_and_refusals(self, user_id: str | None) -> list[dict[str, Any]]:
        """Sent and refused messages in the order the bot sent them (sent ones carry ``"status": "sent"``)."""
        with self._lock:
            merged: list[dict[str, Any]] = []
            refusals = iter(self.refusals)
            pending = next(refusals, None)
            for index, message in enumerate([*self.messages, None]):
                while pending is not None and pending["seq"] <= index:
                    if user_id is None or pending["user_id"] == user_id:
                        merged.append({k: v for k, v in pending.items() if k != "seq"})
                    pending = next(refusals, None)
                if message is not None and (user_id is None or message["user_id"] == user_id):
                    merged.append({**message, "status": "sent"})
            return merged


# ---- payload shapes (§3.2, §3.3): pure validation, raising Zalo's codes ---------------------------

BUTTON_TYPES = frozenset({"oa.open.url", "oa.query.show", "oa.query.hide", "oa.open.phone", "oa.open.sms"})
MEDIA_TYPES = frozenset({"image", "gif", "sticker"})
ELEMENT_LIMITS = {"header": 100, "text": 1000}


@dataclass(frozen=True)
class ParsedMessage:
    """What the emulator records about an outgoing message, whatever endpoint carried it."""

    user_id: str
    text: str | None
    attachment: dict[str, Any] | None
    buttons: list[dict[str, Any]]
    quote_message_id: str | None = None
    attachment_ids: tuple[str, ...] = ()


def _need(condition: bool, what: str) -> None:
    if not condition:
        raise ZaloError(-201, f"Parameters are invalid: {what}")


def _nfc_len(text: str) -> int:
    return len(unicodedata.normalize("NFC", text))


def recipient_of(body: Any) -> str:
    """``{"recipient": {"user_id": "..."}}`` → the user id (ids are digit strings in Zalo)."""
    _need(isinstance(body, dict), "body must be a JSON object")
    recipient = body.get("recipient")
    _need(isinstance(recipient, dict), "recipient")
    user_id = recipient.get("user_id")
    _need(isinstance(user_id, str) and user_id != "", "recipient.user_id")
    return user_id


def check_buttons(buttons: Any, max_buttons: int) -> list[dict[str, Any]]:
    """Buttons as in §3.2's table; more than ``max_buttons`` is -210 (v2's limit of 5)."""
    _need(isinstance(buttons, list) and len(buttons) > 0, "buttons must be a non-empty list")
    if len(buttons) > max_buttons:
        raise ZaloError(-210, f"Parameter exceeds allowed limit: at most {max_buttons} buttons")
    for button in buttons:
        _need(isinstance(button, dict), "button must be an object")
        _need(button.get("type") in BUTTON_TYPES, "button.type")
        title = button.get("title")
        _need(isinstance(title, str) and title.strip() != "", "button.title")
        if _nfc_len(title) > 100:
            raise ZaloError(-210, "Parameter exceeds allowed limit: button.title")
        _check_button_payload(button["type"], button.get("payload"))
    return buttons


def _check_button_payload(kind: str, payload: Any) -> None:
    if kind in ("oa.query.show", "oa.query.hide"):
        _need(isinstance(payload, str) and payload != "", "button.payload must be a string")
    elif kind == "oa.open.url":
        _need(isinstance(payload, dict) and _is_url(payload.get("url")), "button.payload.url")
    else:
        _need(isinstance(payload, dict) and isinstance(payload.get("phone_code"), str),
              "button.payload.phone_code")


def _is_url(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def check_text(text: Any, max_chars: int) -> str:
    _need(isinstance(text, str), "message.text must be a string")
    if _nfc_len(text) > max_chars:
        raise ZaloError(-210, f"Parameter exceeds allowed limit: text over {max_chars} characters")
    return text


def parse_cs_message(body: Any, config: EmulatorConfig) -> ParsedMessage:
    """Validate a ``/v3.0/oa/message/cs`` body: text, buttons template, media, file, request_user_info."""
    user_id = recipient_of(body)
    message = body.get("message")
    _need(isinstance(message, dict), "message")
    text = message.get("text")
    attachment = message.get("attachment")
    _need(text is not None or attachment is not None, "message needs text or attachment")
    if text is not None:
        check_text(text, config.max_text_chars)
        _need(text != "" or attachment is not None, "message.text is empty")
    quote = message.get("quote_message_id")
    _need(quote is None or (isinstance(quote, str) and quote != ""), "message.quote_message_id")
    buttons: list[dict[str, Any]] = []
    ids: tuple[str, ...] = ()
    if attachment is not None:
        buttons, ids = _check_cs_attachment(attachment, config)
    return ParsedMessage(user_id, text, attachment, buttons, quote, ids)


Buttons = list[dict[str, Any]]


def _check_cs_attachment(attachment: Any, config: EmulatorConfig) -> tuple[Buttons, tuple[str, ...]]:
    _need(isinstance(attachment, dict), "message.attachment")
    payload = attachment.get("payload")
    _need(isinstance(payload, dict), "message.attachment.payload")
    if attachment.get("type") == "file":
        _need(isinstance(payload.get("token"), str), "attachment.payload.token")
        return [], (payload["token"],)
    if attachment.get("type") != "template":
        raise ZaloError(-233)
    template_type = payload.get("template_type")
    if template_type is None:
        return check_buttons(payload.get("buttons"), config.max_buttons), ()
    if template_type == "media":
        return [], _check_media_elements(payload.get("elements"))
    if template_type == "request_user_info":
        elements = payload.get("elements")
        _need(isinstance(elements, list) and len(elements) == 1 and isinstance(elements[0], dict)
              and isinstance(elements[0].get("title"), str), "request_user_info needs one element with title")
        return [], ()
    # list templates are a v2 feature; v3 cs refuses them (zalo-oa-api.md §3.2, "unavailable unless tested")
    raise ZaloError(-233)


def _check_media_elements(elements: Any) -> tuple[str, ...]:
    _need(isinstance(elements, list) and len(elements) == 1, "media template needs exactly one element")
    element = elements[0]
    _need(isinstance(element, dict) and element.get("media_type") in MEDIA_TYPES, "elements[0].media_type")
    has_url, has_id = "url" in element, "attachment_id" in element
    _need(has_url != has_id, "use either url or attachment_id")
    if has_url:
        _need(_is_url(element["url"]), "elements[0].url")
    if element["media_type"] == "gif":
        _need(isinstance(element.get("width"), int) and isinstance(element.get("height"), int),
              "gif needs width and height")
    if has_id:
        _need(isinstance(element["attachment_id"], str), "elements[0].attachment_id")
        return (element["attachment_id"],)
    return ()


def parse_template_message(body: Any, config: EmulatorConfig, allowed: frozenset[str]) -> ParsedMessage:
    """Transaction / promotion body (§3.3): template elements banner/header/text/table plus buttons."""
    user_id = recipient_of(body)
    message = body.get("message")
    _need(isinstance(message, dict) and isinstance(message.get("attachment"), dict), "message.attachment")
    attachment = message["attachment"]
    payload = attachment.get("payload")
    _need(attachment.get("type") == "template" and isinstance(payload, dict), "attachment.payload")
    _need(payload.get("template_type") in allowed, "template_type")
    elements = payload.get("elements")
    _need(isinstance(elements, list) and len(elements) > 0, "elements")
    lines = [_check_element(element) for element in elements]
    buttons = check_buttons(payload["buttons"], config.max_buttons) if payload.get("buttons") else []
    text = "\n".join(line for line in lines if line) or None
    return ParsedMessage(user_id, text, attachment, buttons)


def _check_element(element: Any) -> str | None:
    """One template element; returns its readable text (header/text) for the message log."""
    _need(isinstance(element, dict), "element")
    kind = element.get("type")
    if kind in ELEMENT_LIMITS:
        content = element.get("content")
        _need(isinstance(content, str), f"{kind}.content")
        if _nfc_len(content) > ELEMENT_LIMITS[kind]:
            raise ZaloError(-210, f"Parameter exceeds allowed limit: {kind}.content")
        return content
    if kind == "banner":
        _need(_is_url(element.get("image_url")) or isinstance(element.get("attachment_id"), str), "banner")
        return None
    if kind == "table":
        rows = element.get("content")
        _need(isinstance(rows, list) and all(isinstance(r, dict) and "key" in r and "value" in r
                                             for r in rows), "table.content")
        return "\n".join(f"{r['key']}: {r['value']}" for r in rows)
    raise ZaloError(-201, "Parameters are invalid: element.type")


def parse_zbs_message(body: Any) -> ParsedMessage:
    """``/v3.0/oa/message/template`` (ZBS by UID): ``{"user_id", "template_id", "template_data"}``."""
    _need(isinstance(body, dict), "body must be a JSON object")
    user_id = body.get("user_id")
    _need(isinstance(user_id, str) and user_id != "", "user_id")
    template_id = body.get("template_id")
    _need(isinstance(template_id, str | int) and str(template_id) != "", "template_id")
    data = body.get("template_data")
    _need(isinstance(data, dict), "template_data")
    attachment = {"type": "zbs_template", "template_id": str(template_id), "template_data": data}
    return ParsedMessage(user_id, None, attachment, [])
