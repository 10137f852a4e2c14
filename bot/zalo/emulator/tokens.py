"""OAuth v4 rules (§5): token lifetime, single-use rotating refresh tokens, PKCE codes; and the rate limit.

:class:`TokensMixin` is part of :class:`~bot.zalo.emulator.state.EmulatorState`; it uses the state's lock,
clock and config.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import time
from dataclasses import dataclass

from bot.zalo.emulator.clock import Clock
from bot.zalo.emulator.config import EmulatorConfig
from bot.zalo.emulator.errors import OAuthError, ZaloError


def pkce_challenge(verifier: str) -> str:
    """RFC 7636 S256: base64url(SHA-256(verifier)) without padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


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


class TokensMixin:
    """Token pairs, codes and the rate-limit bucket of the emulator state."""

    _lock: threading.RLock
    clock: Clock
    config: EmulatorConfig
    pairs: list[TokenPair]
    used_refresh_tokens: set[str]
    refresh_count: int
    reuse_attempts: int
    invalid_refresh_attempts: int
    codes: dict[str, PendingCode]
    bucket: TokenBucket | None

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
