"""The one way dxbot talks to Zalo's OA API (or to the local emulator: same paths, another base URL).

Shaped like slack_sdk's WebClient: methods named after endpoints, keyword-only arguments, every answer
checked for `error != 0` even under HTTP 200, failures raised as the closed set in `errors.py`. A POST
is never retried after it may have reached Zalo: a read timeout becomes OutcomeUnknown.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import redis
import requests
from requests.adapters import HTTPAdapter
from requests.cookies import extract_cookies_to_jar
from requests.sessions import REDIRECT_STATI
from requests.utils import check_header_validity, get_environ_proxies, get_netrc_auth, resolve_proxies, select_proxy
from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError, ReadTimeoutError
from urllib3.exceptions import HTTPError as Urllib3Error
from urllib3.util import Timeout

from bot.config import Settings
from bot.infra import metrics
from bot.zalo.errors import (
    ArticleProcessing,
    BroadcastQuotaExceeded,
    OutcomeUnknown,
    RateLimited,
    TokenInvalid,
    ZaloError,
    ZaloUnavailable,
    error_for,
)
from bot.zalo.tokens import TokenStore

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendResult:
    message_id: str
    quota_type: str | None


class ZaloClient:
    """OA API client: one pooled `requests.Session` per process, tokens shared through Redis."""

    def __init__(self, settings: Settings, client: redis.Redis, session: requests.Session | None = None) -> None:
        self.settings = settings
        self.redis = client
        self.session = session or _new_session(max(32, settings.sender_threads),
                                               bases=(settings.api_base, settings.oauth_base))
        self.tokens = TokenStore(settings, client, self.session)
        self._templates: dict[str, tuple[requests.PreparedRequest, str]] = {}  # per URL: its pool, path (`_direct`)

    # --- customer-service messages (the reply path, §3.2) ---

    def send_text(self, *, user_id: str, text: str, buttons: Sequence[tuple[str, str]] = ()) -> SendResult:
        """Send one text (≤ the length limit; split earlier) with optional quick-reply buttons."""
        message: dict[str, Any] = {"text": text}
        if buttons:
            message["attachment"] = {"type": "template", "payload": {"buttons": [
                {"title": title[:100], "type": "oa.query.show", "payload": payload[:1000]}
                for title, payload in buttons
            ]}}
        return self._send("/v3.0/oa/message/cs", {"recipient": {"user_id": user_id}, "message": message})

    def send_image(self, *, user_id: str, url: str, caption: str | None = None) -> SendResult:
        message: dict[str, Any] = {"attachment": {"type": "template", "payload": {
            "template_type": "media", "elements": [{"media_type": "image", "url": url}]}}}
        if caption:
            message["text"] = caption
        return self._send("/v3.0/oa/message/cs", {"recipient": {"user_id": user_id}, "message": message})

    def send_promotion(self, *, user_id: str, elements: list[dict[str, Any]],
                       buttons: Sequence[dict[str, Any]] = ()) -> SendResult:
        """A promotion ("truyền thông") message, for users outside the CS window (§3.3)."""
        payload = {"template_type": "promotion", "language": "VI", "elements": elements,
                   "buttons": list(buttons)}
        return self._send("/v3.0/oa/message/promotion", {
            "recipient": {"user_id": user_id},
            "message": {"attachment": {"type": "template", "payload": payload}}})

    # --- articles and broadcast (§11) ---

    def article_create(self, *, article: dict[str, Any]) -> str:
        """Create an article; Zalo answers a token, not the id (verify gives the id)."""
        data = self._call("POST", "/v2.0/article/create", json_body=article, idempotent=False)
        return str(data.get("token", ""))

    def article_verify(self, *, token: str) -> str:
        """The article id once Zalo has processed it; ArticleProcessing until then."""
        data = self._call("POST", "/v2.0/article/verify", json_body={"token": token}, idempotent=True,
                          overrides=self._article_codes())
        return str(data.get("id", ""))

    def article_detail(self, *, article_id: str) -> dict[str, Any]:
        return self._call("GET", "/v2.0/article/getdetail", params={"id": article_id}, idempotent=True)

    def article_list(self, *, offset: int = 0, limit: int = 10) -> dict[str, Any]:
        """One page (≤ 10) of the OA's articles, newest first; items carry `link_view`."""
        return self._call("GET", "/v2.0/article/getslice",
                          params={"offset": str(offset), "limit": str(min(10, limit)), "type": "normal"},
                          idempotent=True)

    def article_update(self, *, article_id: str, article: dict[str, Any]) -> str:
        data = self._call("POST", "/v2.0/article/update", json_body={**article, "id": article_id}, idempotent=True)
        return str(data.get("token", ""))

    def article_remove(self, *, article_id: str) -> None:
        self._call("POST", "/v2.0/article/remove", json_body={"id": article_id}, idempotent=True)

    def broadcast(self, *, article_ids: Sequence[str], target: dict[str, str]) -> str:
        """A target broadcast of articles to the followers matching `target` ({} = all); its message id."""
        elements = [{"media_type": "article", "attachment_id": a} for a in article_ids]
        body = {"recipient": {"target": target}, "message": {"attachment": {"type": "template", "payload": {
            "template_type": "media", "elements": elements}}}}
        data = self._call("POST", "/v2.0/oa/message", json_body=body, idempotent=False,
                          overrides={self.settings.zalo_broadcast_quota_code: BroadcastQuotaExceeded})
        return str(data.get("message_id", ""))

    def _article_codes(self) -> dict[int, type[ZaloError]]:
        return {self.settings.zalo_article_processing_code: ArticleProcessing}

    # --- reads ---

    def quota(self, *, user_id: str) -> dict[str, Any]:
        """Per-user window and quotas (§6.7)."""
        return self._call("POST", "/v3.0/oa/quota/message", json_body={"user_id": user_id}, idempotent=True)

    def user_detail(self, *, user_id: str) -> dict[str, Any]:
        return self._call("GET", "/v3.0/oa/user/detail", params={"data": json.dumps({"user_id": user_id})},
                          idempotent=True)

    # --- plumbing ---

    def _send(self, path: str, body: dict[str, Any]) -> SendResult:
        data = self._call("POST", path, json_body=body, idempotent=False)
        quota = data.get("quota") if isinstance(data.get("quota"), dict) else {}
        return SendResult(str(data.get("message_id", "")), quota.get("quota_type"))

    def _call(self, method: str, path: str, *, json_body: Any = None, params: dict[str, str] | None = None,
              idempotent: bool, overrides: dict[int, type[ZaloError]] | None = None) -> dict[str, Any]:
        token = self.tokens.access_token()
        try:
            return self._request(method, path, token, json_body, params, idempotent, overrides)
        except TokenInvalid:
            fresh = self.tokens.refresh(stale=token)
            return self._request(method, path, fresh.access_token, json_body, params, idempotent, overrides)

    def _request(self, method: str, path: str, token: str, json_body: Any, params: dict[str, str] | None,
                 idempotent: bool, overrides: dict[int, type[ZaloError]] | None = None) -> dict[str, Any]:
        url = self.settings.api_base + path
        try:
            response = self._http(method, url, token, json_body, params)
        except requests.RequestException as exc:
            if _never_sent(exc):
                raise self._record(ZaloUnavailable(-1, "cannot connect to Zalo")) from exc
            raise self._record(self._timeout(idempotent)) from exc
        if response.status_code == 429:
            raise self._record(RateLimited(-32, "HTTP 429"))
        if response.status_code >= 500:
            raise self._record(ZaloUnavailable(response.status_code, f"HTTP {response.status_code}"))
        try:
            body = response.json()  # requests' decoding (the charset, or UTF-8/16/32 guessed), on every path
        except ValueError as exc:
            raise self._record(ZaloUnavailable(response.status_code, "answer is not JSON")) from exc
        if not isinstance(body, dict):
            raise self._record(ZaloUnavailable(response.status_code, "answer is not an object"))
        code = body.get("error", 0)
        if not isinstance(code, int) or isinstance(code, bool):
            code = int(code) if str(code).lstrip("-").isdigit() else -1
        if code != 0:
            raise self._record(error_for(code, str(body.get("message", "")), overrides))
        data = body.get("data")
        return data if isinstance(data, dict) else {}

    def _http(self, method: str, url: str, token: str, json_body: Any,
              params: dict[str, str] | None) -> requests.Response:
        """One HTTP exchange through the session's pool. Once `_new_session` has read the environment, a call with
        no query, proxy, cookie or auth goes straight to the session's urllib3 pool (`_direct`); others are prepared
        from the session's own headers and cookies and sent as is: `Session.request` would merge cookie jars, hooks,
        auth and params afresh at each call, most of the client's own CPU per reply."""
        session, timeout = self.session, (3.05, self.settings.zalo_timeout_s)
        if session.trust_env:  # the environment is read at each call: requests' own way
            return session.request(method, url, json=json_body, params=params, headers={"access_token": token},
                                   timeout=timeout)
        if not (params or session.params or session.cookies or session.auth or select_proxy(url, session.proxies)):
            return self._direct(method, url, token, json_body, timeout)
        return session.send(self._prepared(method, url, token, json_body, params), timeout=timeout)

    def _prepared(self, method: str, url: str, token: str, json_body: Any,
                  params: dict[str, str] | None) -> requests.PreparedRequest:
        session, prepared = self.session, requests.PreparedRequest()
        prepared.prepare(method=method, url=url, headers={**session.headers, "access_token": token}, json=json_body,
                         params={**session.params, **(params or {})} or None, cookies=session.cookies,
                         auth=session.auth)
        return prepared

    def _direct(self, method: str, url: str, token: str, json_body: Any,
                timeout: tuple[float, float]) -> requests.Response:
        """The exchange on the session's own kept-alive pool (the adapter's, with its TLS settings and retries),
        without requests' per-call preparation (PreparedRequest, Session.send): the same request bytes (requests'
        JSON encoding, the session's headers in requests' order), a quarter less of the client thread's CPU per
        send as measured (about 15 % of a sender's). What `Session.send` did with the answer is kept: its
        refusals before sending (NaN, a CR/LF header) are the same requests exceptions; urllib3's failures are
        raised as the ones `HTTPAdapter.send` makes of them, so a connection never made is told apart from a
        request that may have reached Zalo; a redirect is followed by requests (`_follow`); the answer is a
        `Response` (`adapter.build_response`), so its JSON is decoded by `Response.json`. Cookies a plain answer
        sets are not stored (a session with cookies takes the prepared path, so the first cookie from anywhere,
        e.g. the OAuth host, ends this shortcut for the session)."""
        session = self.session
        adapter = session.get_adapter(url)
        known = self._templates.get(url)
        if known is None:  # the adapter picks the pool from the URL only: one small request kept per URL
            template = requests.PreparedRequest()
            template.prepare(method=method, url=url)
            known = self._templates[url] = (template, template.path_url)
        template, path = known
        try:  # refused before anything is sent, as `PreparedRequest.prepare` refuses them (a RequestException)
            body = None if json_body is None else json.dumps(json_body, allow_nan=False).encode()
        except ValueError as exc:  # NaN or infinity
            raise requests.exceptions.InvalidJSONError(exc) from exc
        headers = {**session.headers, "access_token": token}
        if body is not None:
            headers["Content-Length"] = str(len(body))  # requests' order: Content-Length, then Content-Type
            headers["Content-Type"] = "application/json"
        for header in headers.items():
            check_header_validity(header)  # InvalidHeader (a CR/LF in the token), never http.client's ValueError
        try:
            pool = adapter.get_connection_with_tls_context(template, session.verify, proxies=session.proxies,
                                                           cert=session.cert)
            adapter.cert_verify(pool, url, session.verify, session.cert)
            answer = pool.urlopen(method=method, url=path, body=body, headers=headers, redirect=False,
                                  assert_same_host=False, preload_content=True, decode_content=True,
                                  retries=adapter.max_retries, timeout=Timeout(connect=timeout[0], read=timeout[1]))
        except MaxRetryError as exc:  # the connection was never made (refused, unresolved, connect timeout), or
            if isinstance(exc.reason, ConnectTimeoutError) and not isinstance(exc.reason, NewConnectionError):
                raise requests.ConnectTimeout(exc) from exc
            raise requests.ConnectionError(exc) from exc  # failed after it was (a reason _never_sent reads)
        except ReadTimeoutError as exc:
            raise requests.ReadTimeout(exc) from exc
        except (Urllib3Error, OSError) as exc:  # mid-exchange: it may have reached Zalo
            raise requests.ConnectionError(exc) from exc
        if answer.status in REDIRECT_STATI and "location" in answer.headers:  # requests' `is_redirect`
            return self._follow(self._prepared(method, url, token, json_body, None), answer, timeout)
        response = adapter.build_response(template, answer)
        response._content, response._content_consumed = answer.data, True  # already read (preload_content)
        return response

    def _follow(self, prepared: requests.PreparedRequest, answer: Any,
                timeout: tuple[float, float]) -> requests.Response:
        """A redirect answered on the direct path, followed as `Session.send` follows it (its default
        `allow_redirects=True`): the redirect's cookies kept, a 307/308 re-sent with its body to Location, a
        301/302/303 turned into a GET, too many redirects a TooManyRedirects. Never taken as Zalo's answer."""
        session = self.session
        first = session.get_adapter(prepared.url).build_response(prepared, answer)
        first._content, first._content_consumed = answer.data, True
        extract_cookies_to_jar(session.cookies, prepared, answer)
        history = list(session.resolve_redirects(first, prepared, stream=False, timeout=timeout,
                                                 verify=session.verify, cert=session.cert,
                                                 proxies=resolve_proxies(prepared, session.proxies,
                                                                         session.trust_env)))
        if not history:
            return first
        final = history.pop()
        final.history = [first, *history]
        final.content  # noqa: B018  # read, as Session.send does without stream
        return final

    @staticmethod
    def _timeout(idempotent: bool) -> ZaloError:
        if idempotent:
            return ZaloUnavailable(-2, "Zalo did not answer in time")
        return OutcomeUnknown(-2, "Zalo did not answer in time; the message may have been sent")

    def _record(self, error: ZaloError) -> ZaloError:
        log.warning("zalo call failed: %s (%s)", error.code, type(error).__name__)
        with contextlib.suppress(redis.RedisError):
            metrics.incr(self.redis, "zalo_errors_total", code=str(error.code))
        return error


def _never_sent(exc: requests.RequestException) -> bool:
    """True only when the request surely never reached Zalo (so even a POST may be retried)."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    if isinstance(exc, requests.ConnectionError):
        reason = getattr(exc.args[0], "reason", None) if exc.args else None
        return isinstance(reason, NewConnectionError)
    return False


def _new_session(pool_size: int, *, bases: Sequence[str] = ()) -> requests.Session:
    """One pool of kept-alive connections, as large as the sends a process has in flight (a sender's threads).

    The environment's proxies and CA bundle are read once here, for Zalo's base URLs, not at every call: with
    `trust_env` requests walks the whole environment (proxies, NO_PROXY, netrc files) per request, a fifth of a
    sender's CPU per reply. Where that would answer differently for the bases (NO_PROXY naming one; a netrc
    entry for one), the session keeps reading the environment per call, as requests does by default."""
    session = requests.Session()
    adapter = HTTPAdapter(pool_connections=4, pool_maxsize=pool_size, max_retries=0)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    proxies = [get_environ_proxies(base) for base in bases]
    if proxies and all(p == proxies[0] for p in proxies) and not any(get_netrc_auth(base) for base in bases):
        session.proxies.update(proxies[0])
        session.verify = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
        session.trust_env = False
    return session
