"""The OA access/refresh token pair, shared by every process through Redis.

Zalo's refresh tokens are single-use (shared/zalo-oa-api.md §5): two processes refreshing at once
would burn the chain and force an admin to re-grant. So a refresh happens under a Redis lock (redis-py's
`Lock`: SET NX PX with a random token, released only by its holder), the holder re-reads the pair first
(someone may have refreshed while it waited), and the new pair is written with one HSET so no reader
ever sees a new access token beside an old refresh token.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import redis
import requests

from bot.config import Settings
from bot.infra import keys, scripts
from bot.infra.logs import register_secret
from bot.zalo.errors import OutcomeUnknown, TokenRefreshFailed, ZaloUnavailable

log = logging.getLogger(__name__)



CACHE_S = 2.0


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    refresh_token: str
    expires_at: float  # epoch seconds; 0 = unknown (treated as valid until Zalo says otherwise)


class TokenStore:
    """Reads the current pair, refreshing it before expiry or when Zalo rejects it."""

    def __init__(self, settings: Settings, client: redis.Redis, session: requests.Session) -> None:
        self.settings = settings
        self.redis = client
        self.session = session
        self.lock_ttl_ms = int((settings.zalo_timeout_s + 5) * 1000)
        self._cached: tuple[TokenPair, float] | None = None  # (pair, monotonic time read)

    def current(self) -> TokenPair:
        """The stored pair, seeded from the environment the first time."""
        raw = self.redis.hgetall(keys.TOKENS)
        if not raw:
            if not (self.settings.access_token and self.settings.refresh_token):
                raise TokenRefreshFailed(0, "no Zalo token configured")
            # One atomic step: a reader must never see an access token without its refresh token.
            scripts.SEED_TOKENS(self.redis, keys=[keys.TOKENS],
                                args=[self.settings.access_token, self.settings.refresh_token])
            raw = self.redis.hgetall(keys.TOKENS)
        pair = TokenPair(raw[b"access_token"].decode(), raw[b"refresh_token"].decode(),
                         float(raw.get(b"expires_at", b"0")))
        register_secret(pair.access_token)
        register_secret(pair.refresh_token)
        return pair

    def access_token(self) -> str:
        """A usable access token, refreshed first when it is about to expire.

        The pair is re-read from Redis at most every CACHE_S seconds: a digest fan-out sends hundreds of
        messages a second and a Redis read per send was a measurable share of its cost. A token another
        process rotated meanwhile is answered with -216 by Zalo, and `refresh(stale=...)` then picks up
        the new pair without calling Zalo again.
        """
        cached = self._cached
        if cached is not None and time.monotonic() - cached[1] < CACHE_S:
            pair = cached[0]
        else:
            pair = self.current()
            self._cached = (pair, time.monotonic())
        if pair.expires_at and pair.expires_at - self.settings.token_refresh_margin_s < time.time():
            self._cached = None
            return self.refresh(stale=pair.access_token).access_token
        return pair.access_token

    @contextmanager
    def _lock(self) -> Iterator[None]:
        """Hold the refresh lock (one writer of the pair at a time) for at most `lock_ttl_ms`.

        A holder that outlives the TTL (a refresh call hanging past its timeout) loses the lock rather than
        block every sender; its release then does nothing instead of freeing someone else's lock.
        """
        lock = self.redis.lock(keys.TOKEN_LOCK, timeout=self.lock_ttl_ms / 1000, sleep=0.02,
                               blocking_timeout=self.lock_ttl_ms / 1000 * 2, raise_on_release_error=False)
        if not lock.acquire():
            raise ZaloUnavailable(-1, "token refresh lock wait timed out")
        try:
            yield
        finally:
            lock.release()

    def _write(self, pair: TokenPair) -> None:
        """One HSET: no reader ever sees a new access token beside an old refresh token."""
        self.redis.hset(keys.TOKENS, mapping={"access_token": pair.access_token,
                                              "refresh_token": pair.refresh_token,
                                              "expires_at": str(pair.expires_at)})

    def replace(self, pair: TokenPair) -> None:
        """Store a pair granted by an OA admin (`dxbot auth`): under the lock, so an in-flight refresh of
        the old chain cannot overwrite it afterwards."""
        register_secret(pair.access_token)
        register_secret(pair.refresh_token)
        with self._lock():
            self._write(pair)

    def refresh(self, *, stale: str) -> TokenPair:
        """Replace the pair whose access token is `stale`; exactly one process calls Zalo."""
        self._cached = None
        with self._lock():
            pair = self.current()
            if pair.access_token != stale:
                return pair  # another process refreshed while we waited
            fresh = self._call_refresh(pair.refresh_token)
            self._write(fresh)
            self.redis.hincrby(keys.METRICS, "token_refresh_total", 1)
            log.info("zalo access token refreshed; valid for %.0f s", fresh.expires_at - time.time())
            return fresh

    def _call_refresh(self, refresh_token: str) -> TokenPair:
        url = f"{self.settings.oauth_base}/v4/oa/access_token"
        try:
            response = self.session.post(
                url,
                headers={"secret_key": self.settings.app_secret},
                data={"refresh_token": refresh_token, "app_id": self.settings.app_id,
                      "grant_type": "refresh_token"},
                timeout=self.settings.zalo_timeout_s,
            )
        except requests.ConnectionError as exc:
            raise ZaloUnavailable(-1, "token endpoint unreachable") from exc
        except requests.Timeout as exc:
            # The single-use refresh token may be spent: a human must check. Never resend it blindly.
            raise OutcomeUnknown(-1, "token refresh timed out") from exc
        if response.status_code >= 500:
            raise ZaloUnavailable(response.status_code, "token endpoint error")
        try:
            body = response.json()
        except ValueError as exc:
            raise ZaloUnavailable(response.status_code, "token endpoint answered non-JSON") from exc
        if not isinstance(body, dict) or not body.get("access_token") or not body.get("refresh_token"):
            reason = body.get("error_name") or body.get("error_description") if isinstance(body, dict) else ""
            log.critical("zalo refused the refresh token (%s): an OA admin must grant access again", reason)
            raise TokenRefreshFailed(int(body.get("error", 0)) if isinstance(body, dict) else 0, str(reason))
        register_secret(body["access_token"])
        register_secret(body["refresh_token"])
        expires_in = float(body.get("expires_in") or 90000)
        return TokenPair(body["access_token"], body["refresh_token"], time.time() + expires_in)
