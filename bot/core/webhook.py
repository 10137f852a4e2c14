"""POST /webhook: verify → parse → dedupe+enqueue → 200. Nothing slow happens here.

Zalo wants a 200 within 2 s and re-sends otherwise (shared/zalo-oa-api.md §1.4), so the handler does
one Redis call (`JobWriter.ingest`) and answers. Status codes (CONTRACT §3): 401 bad/missing
signature, 400 not a JSON event, 413 too large, 503 when the event cannot be stored, 200 otherwise
(including duplicates, echoes and event types we do not act on, so Zalo stops re-sending them).
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Iterable
from typing import Protocol

import redis

from bot.config import Settings
from bot.core.events import ACTIONABLE, Event, EventParseError
from bot.core.parsing import load_body, parse_event, repair, timestamp_of
from bot.infra import metrics
from bot.zalo import signature

log = logging.getLogger(__name__)

_HEADER_ENV = "HTTP_" + signature.HEADER.upper().replace("-", "_")
_BODIES: dict[str, bytes] = {}  # status word -> encoded JSON answer, built once


class Ingest(Protocol):
    def ingest(self, *, event_key: str, user_id: str, timestamp_ms: int, member: str) -> int: ...


class WebhookRuntime(Protocol):
    """What the webhook needs from the web process (`bot.app.WebRuntime` provides it)."""

    settings: Settings
    redis: redis.Redis
    jobs: Ingest
    max_event_age_ms: int


def _reject(runtime: WebhookRuntime, status: int, reason: str) -> tuple[int, str]:
    log.info("webhook rejected status=%s reason=%s", status, reason)
    with contextlib.suppress(redis.RedisError):
        metrics.incr(runtime.redis, "webhook_rejected_total", reason=reason)
    return status, reason


def handle(runtime: WebhookRuntime, raw: bytes, header: str | None) -> tuple[int, str]:
    """The whole webhook, framework-free: returns the HTTP status and the status word of the answer."""
    settings = runtime.settings
    if len(raw) > settings.max_body_bytes:
        return _reject(runtime, 413, "too_large")
    if not header:
        return _reject(runtime, 401, "missing_signature")
    try:
        data = load_body(raw)  # bounded nesting, one C-speed decode: nothing recursive before the signature
        timestamp = timestamp_of(data)
    except EventParseError:
        return _reject(runtime, 400, "bad_body")
    if not signature.verify(header, settings.app_id, raw, timestamp, settings.oa_secret_key):
        return _reject(runtime, 401, "bad_signature")
    try:
        event = parse_event(repair(raw, data))
    except EventParseError as exc:
        log.info("webhook rejected status=400 reason=bad_event detail=%s", exc)
        return _reject(runtime, 400, "bad_event")
    now_ms = int(time.time() * 1000)
    max_age = runtime.max_event_age_ms
    if max_age and event.timestamp_ms < now_ms - max_age:
        return _ignored(runtime, event, "stale")
    if not isinstance(event, ACTIONABLE) or event.user_id is None:
        return _ignored(runtime, event, "ignored")
    try:
        outcome = runtime.jobs.ingest(event_key=event.key, user_id=event.user_id,
                                      timestamp_ms=event.timestamp_ms, member=f"{now_ms}:{raw.decode()}")
    except redis.RedisError as exc:
        log.error("webhook could not store event=%s: %s", event.key, type(exc).__name__)
        return 503, "unavailable"
    if outcome == 0:
        log.info("webhook event=%s name=%s outcome=duplicate", event.key, event.name)
        return 200, "duplicate"
    log.debug("webhook event=%s name=%s user=%s outcome=queued", event.key, event.name, event.user_id)
    return 200, "accepted"


def _ignored(runtime: WebhookRuntime, event: Event, why: str) -> tuple[int, str]:
    log.info("webhook event=%s name=%s outcome=%s", event.key, event.name, why)
    try:
        metrics.incr(runtime.redis, "events_ignored_total", kind=why if why == "stale" else event.name)
    except redis.RedisError:
        return 503, "unavailable"
    return 200, why


_STATUS_LINES = {200: "200 OK", 400: "400 BAD REQUEST", 401: "401 UNAUTHORIZED", 405: "405 METHOD NOT ALLOWED",
                 413: "413 REQUEST ENTITY TOO LARGE", 503: "503 SERVICE UNAVAILABLE"}


class WebhookMiddleware:
    """Serves POST /webhook in front of Flask, straight from the WSGI environ.

    The webhook is the one hot path (every Zalo event, answered within Zalo's 2 s): skipping Flask's
    request context, routing and response objects for it saves CPU on every event, while every other
    route stays a normal Flask route. Behaviour is `handle()`'s, whichever way it is called.
    """

    def __init__(self, app: Callable, runtime: WebhookRuntime) -> None:
        self.app = app
        self.runtime = runtime

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != "/webhook":
            return self.app(environ, start_response)
        if environ.get("REQUEST_METHOD") != "POST":
            return self._send(start_response, 405, "method_not_allowed", [("Allow", "POST")])
        limit = self.runtime.settings.max_body_bytes
        try:
            declared = int(environ.get("CONTENT_LENGTH") or -1)
        except ValueError:
            declared = -1
        if declared > limit:
            status, word = _reject(self.runtime, 413, "too_large")
            return self._send(start_response, status, word)
        stream = environ["wsgi.input"]
        raw = stream.read(declared) if declared >= 0 else stream.read(limit + 1)
        try:
            status, word = handle(self.runtime, raw, environ.get(_HEADER_ENV))
        except Exception:  # noqa: BLE001 - never a 500: Zalo re-sends on 503, so nothing signed is lost
            log.exception("webhook failed on a body of %d bytes", len(raw))
            status, word = 503, "unavailable"
        return self._send(start_response, status, word)

    @staticmethod
    def _send(start_response: Callable, status: int, word: str, extra: list | None = None) -> list[bytes]:
        body = _BODIES.get(word)
        if body is None:
            body = _BODIES[word] = f'{{"status":"{word}"}}'.encode()
        start_response(_STATUS_LINES.get(status, f"{status} ERROR"),
                       [("Content-Type", "application/json"), ("Content-Length", str(len(body))), *(extra or [])])
        return [body]
