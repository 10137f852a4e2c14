"""The checks of `dxbot doctor` that reach outside this machine: Zalo's token endpoint and the public
webhook URL (`bot/golive/doctor.py` runs them with the local ones)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import redis
import requests

from bot.config import Settings
from bot.zalo.errors import TokenRefreshFailed, ZaloError
from bot.zalo.tokens import TokenStore


@dataclass(frozen=True)
class Finding:
    level: str  # "ok" | "warn" | "fail" | "skip"
    area: str
    text: str
    fix: str | None = None


class RemoteChecks:
    """Zalo's side of the deployment; `Doctor` provides the state these checks read and `add`."""

    settings: Settings
    session: requests.Session
    redis: redis.Redis | None
    refresh: bool

    def add(self, level: str, area: str, text: str, fix: str | None = None) -> None:
        raise NotImplementedError

    # ---- the token -------------------------------------------------------------------------------

    def token(self) -> None:
        if self.redis is None:
            self.add("skip", "token", "skipped: Redis is not reachable")
            return
        store = TokenStore(self.settings, self.redis, self.session)
        try:
            pair = store.current()
        except TokenRefreshFailed:
            self.add("fail", "token", "no Zalo token is stored",
                     "run `dxbot auth` and have an OA admin grant access (or `dxbot auth --paste` with a pair "
                     "from Zalo's API explorer)")
            return
        if pair.expires_at:
            left = pair.expires_at - time.time()
            expiry = f"expires in {left / 3600:.1f} h" if left > 0 else f"expired {-left / 3600:.1f} h ago"
        else:
            expiry = "expiry unknown (pasted or from the environment)"
        status = self._call_getoa(pair.access_token)
        if status is None:
            return
        if status["error"] == 0:
            name = (status.get("data") or {}).get("name") or "?"
            self.add("ok", "token", f"access token accepted by Zalo (OA: {name}); {expiry}")
        else:
            self.add("warn", "token", f"Zalo rejected the access token ({status['error']}); {expiry}",
                     "the bot refreshes it by itself; checking that the refresh works")
        if self.refresh or status["error"] != 0:
            self._refresh(store, pair.access_token)
        else:
            self.add("ok", "token", "refresh not tried (run `dxbot doctor --refresh` to rotate the pair now)")

    def _call_getoa(self, access_token: str) -> dict[str, Any] | None:
        try:
            answer = self.session.get(f"{self.settings.api_base}/v2.0/oa/getoa",
                                      headers={"access_token": access_token}, timeout=self.settings.zalo_timeout_s)
            body = answer.json()
        except (requests.RequestException, ValueError) as exc:
            self.add("fail", "token", f"cannot reach the Zalo API at {self.settings.api_base} ({type(exc).__name__})",
                     "check outbound HTTPS from this machine to openapi.zalo.me (firewall, proxy, DNS)")
            return None
        if not isinstance(body, dict) or not isinstance(body.get("error", 0), int):
            self.add("fail", "token", f"the Zalo API answered something unexpected (HTTP {answer.status_code})",
                     "check ZALO_API_BASE")
            return None
        body.setdefault("error", 0)
        return body

    def _refresh(self, store: TokenStore, access_token: str) -> None:
        try:
            fresh = store.refresh(stale=access_token)
        except TokenRefreshFailed:
            self.add("fail", "token", "Zalo refused the refresh token: the grant is gone",
                     "an OA admin must grant access again: run `dxbot auth`")
            return
        except ZaloError as exc:
            self.add("fail", "token", f"the token refresh did not complete ({type(exc).__name__})",
                     "check outbound HTTPS to oauth.zaloapp.com and ZALO_APP_SECRET, then run "
                     "`dxbot doctor --refresh` again")
            return
        valid = f"valid for {(fresh.expires_at - time.time()) / 3600:.1f} h" if fresh.expires_at else "stored"
        self.add("ok", "token", f"refresh works: a new pair was stored ({valid})")

    # ---- the webhook URL -------------------------------------------------------------------------

    def webhook(self) -> None:
        base = self.settings.public_url
        if base is None:
            if self.settings.sandbox:
                self.add("skip", "webhook", "sandbox: the emulator posts to "
                         f"http://127.0.0.1:{self.settings.port}/webhook (set PUBLIC_URL to check a public one)")
            else:
                self.add("skip", "webhook", "skipped: PUBLIC_URL is not set")
            return
        try:
            health = self.session.get(f"{base}/healthz", timeout=10)
            hook = self.session.post(f"{base}/webhook", data=b"{}", timeout=10,
                                     headers={"Content-Type": "application/json"})
        except requests.exceptions.SSLError:
            self.add("fail", "webhook", f"{base}: the TLS certificate is not trusted",
                     "Zalo requires a valid certificate for the webhook domain (e.g. from Let's Encrypt)")
            return
        except requests.RequestException as exc:
            self.add("fail", "webhook", f"{base} is not reachable from here ({type(exc).__name__})",
                     "start `dxbot web` behind your HTTPS proxy and check DNS and the firewall")
            return
        if health.status_code == 503:
            self.add("fail", "webhook", f"{base}/healthz answered 503",
                     "the web process is up but cannot reach Redis: check REDIS_URL on the web machines")
        elif health.status_code != 200:
            self.add("fail", "webhook", f"{base}/healthz answered {health.status_code}",
                     "something other than `dxbot web` answers there: make the proxy forward to `dxbot web`")
        elif hook.status_code != 401:
            self.add("fail", "webhook", f"{base}/webhook answered {hook.status_code} to an unsigned event "
                     "(expected 401)", "make the proxy forward POST /webhook to `dxbot web` unchanged")
        else:
            self.add("ok", "webhook", f"{base}/webhook is reachable over HTTPS and checks Zalo's signature"
                     if base.startswith("https://") else f"{base}/webhook is reachable and checks signatures")
        self._verifier(base)

    def _verifier(self, base: str) -> None:
        code = self.settings.verifier_code
        if code is None:
            if not self.settings.sandbox:
                self.add("warn", "webhook", "ZALO_VERIFIER_CODE is not set",
                         "Zalo asks you to verify the domain first: set ZALO_VERIFIER_CODE to the code the "
                         "developer console shows, restart the web processes, then press Verify")
            return
        try:
            answer = self.session.get(f"{base}/zalo_verifier{code}.html", timeout=10)
        except requests.RequestException as exc:
            self.add("fail", "webhook", f"the verification file is not reachable ({type(exc).__name__})")
            return
        if answer.status_code == 200 and code in answer.text:
            self.add("ok", "webhook", f"Zalo's verification file zalo_verifier{code}.html is served")
        else:
            self.add("fail", "webhook", f"zalo_verifier{code}.html answered {answer.status_code}",
                     "restart the web processes after setting ZALO_VERIFIER_CODE")

