"""OAuth v4 with PKCE (shared/zalo-oa-api.md §5): the OA admin grants access, the bot keeps the pair.

`start()` makes a code_verifier and a state, keeps the verifier in Redis under the state (short TTL),
and returns the permission URL. The callback hands `code` and `state` to `finish()`, which takes the
verifier out of Redis in one GETDEL (a state works once), exchanges the code with it, and stores the
pair through the token store's single HSET. Token values are never logged or returned to a caller
that prints: only the OA id and the expiry come back.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlencode

import redis
import requests

from bot.config import ConfigError, Settings
from bot.infra import keys
from bot.infra.logs import register_secret
from bot.infra.texts import render
from bot.zalo.tokens import TokenPair, TokenStore

log = logging.getLogger(__name__)

STATE_TTL_S = 15 * 60
CALLBACK_PATH = "/oauth/zalo/callback"


class OAuthFailed(Exception):
    """The grant did not complete; `reason` says why in words an operator can act on."""

    def __init__(self, reason: str, *, status: int = 400) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class Grant:
    oa_id: str
    expires_at: float


def pkce_pair() -> tuple[str, str]:
    """RFC 7636: a 86-character verifier and its S256 challenge (base64url of SHA-256, no padding)."""
    verifier = secrets.token_urlsafe(64)
    return verifier, challenge_of(verifier)


def challenge_of(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def redirect_uri(settings: Settings) -> str:
    """Where Zalo sends the admin back: PUBLIC_URL + the callback path (local address in the sandbox)."""
    if settings.public_url:
        return settings.public_url + CALLBACK_PATH
    if settings.sandbox:
        return f"http://127.0.0.1:{settings.port}{CALLBACK_PATH}"
    raise ConfigError("PUBLIC_URL: required to grant access (Zalo redirects the OA admin to "
                      f"PUBLIC_URL{CALLBACK_PATH}, which must match the app's callback URL)")


def start(client: redis.Redis, settings: Settings) -> str:
    """Remember a fresh verifier under a fresh state; return the OA permission URL to open."""
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(24)
    uri = redirect_uri(settings)
    client.set(keys.oauth_state(state), json.dumps({"verifier": verifier, "redirect_uri": uri}), ex=STATE_TTL_S)
    query = {"app_id": settings.app_id, "redirect_uri": uri, "code_challenge": challenge, "state": state}
    return f"{settings.oauth_base}/v4/oa/permission?{urlencode(query)}"


def finish(client: redis.Redis, settings: Settings, *, code: str | None, state: str | None,
           oa_id: str | None = None, session: requests.Session | None = None) -> Grant:
    """Check the state, exchange the code with its verifier, store the pair atomically."""
    if not state:
        raise OAuthFailed(render("golive_missing_state"))
    raw = client.getdel(keys.oauth_state(state))
    if raw is None:
        log.warning("oauth callback with an unknown or used state")
        raise OAuthFailed(render("golive_bad_state"))
    if not code:
        raise OAuthFailed(render("golive_no_code"))
    pending = json.loads(raw)
    pair = _exchange(settings, session or requests.Session(), code, pending["verifier"])
    TokenStore(settings, client, session or requests.Session()).replace(pair)
    client.hset(keys.OAUTH_GRANT, mapping={"oa_id": oa_id or "", "granted_at": str(int(time.time()))})
    log.info("zalo OA access granted (oa_id=%s); token pair stored", oa_id or "?")
    return Grant(oa_id or "", pair.expires_at)


def _exchange(settings: Settings, session: requests.Session, code: str, verifier: str) -> TokenPair:
    try:
        answer = session.post(
            f"{settings.oauth_base}/v4/oa/access_token",
            headers={"secret_key": settings.app_secret},
            data={"code": code, "app_id": settings.app_id, "grant_type": "authorization_code",
                  "code_verifier": verifier},
            timeout=settings.zalo_timeout_s,
        )
        body = answer.json()
    except (requests.RequestException, ValueError) as exc:
        log.warning("oauth code exchange failed: %s", type(exc).__name__)
        raise OAuthFailed(render("golive_exchange_failed"), status=502) from exc
    if not isinstance(body, dict) or not body.get("access_token") or not body.get("refresh_token"):
        name = body.get("error_name") if isinstance(body, dict) else None
        log.warning("zalo refused the authorization code: %s", name or "no token in answer")
        raise OAuthFailed(render("golive_code_refused", reason=name or render("golive_code_refused_no_token")))
    register_secret(body["access_token"])
    register_secret(body["refresh_token"])
    expires_in = float(body.get("expires_in") or 90000)
    return TokenPair(body["access_token"], body["refresh_token"], time.time() + expires_in)


def store_pasted(client: redis.Redis, settings: Settings, access_token: str, refresh_token: str,
                 expires_in: float | None) -> TokenPair:
    """A pair copied from Zalo's API explorer: stored like a granted one (expiry unknown unless given)."""
    access_token, refresh_token = access_token.strip(), refresh_token.strip()
    if not access_token or not refresh_token or any(c.isspace() for c in access_token + refresh_token):
        raise OAuthFailed("give both the access token and the refresh token, one per line")
    pair = TokenPair(access_token, refresh_token, time.time() + expires_in if expires_in else 0.0)
    TokenStore(settings, client, requests.Session()).replace(pair)
    client.hset(keys.OAUTH_GRANT, mapping={"oa_id": "", "granted_at": str(int(time.time()))})
    return pair
