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

import redis
from flask import Blueprint, Response, current_app, request

from bot import metrics, signature
from bot.events import ACTIONABLE, EventParseError, parse_body, parse_event, timestamp_of

log = logging.getLogger(__name__)
bp = Blueprint("webhook", __name__)

_JSON = "application/json"


def _answer(status: int, body: str) -> Response:
    return Response(f'{{"status":"{body}"}}', status=status, mimetype=_JSON)


def _reject(runtime, status: int, reason: str) -> Response:  # noqa: ANN001 - runtime is app-private
    log.info("webhook rejected status=%s reason=%s", status, reason)
    with contextlib.suppress(redis.RedisError):
        metrics.incr(runtime.redis, "webhook_rejected_total", reason=reason)
    return _answer(status, reason)


@bp.post("/webhook")
def receive() -> Response:
    runtime = current_app.extensions["dxbot"]
    settings = runtime.settings
    limit = settings.max_body_bytes
    if request.content_length is not None and request.content_length > limit:
        return _reject(runtime, 413, "too_large")
    raw = request.stream.read(limit + 1)
    if len(raw) > limit:
        return _reject(runtime, 413, "too_large")
    header = request.headers.get(signature.HEADER)
    if not header:
        return _reject(runtime, 401, "missing_signature")
    try:
        data = parse_body(raw)
        timestamp = timestamp_of(data)
    except EventParseError:
        return _reject(runtime, 400, "bad_body")
    if not signature.verify(header, settings.app_id, raw, timestamp, settings.oa_secret_key):
        return _reject(runtime, 401, "bad_signature")
    try:
        event = parse_event(data)
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
        return _answer(503, "unavailable")
    if outcome == 0:
        log.info("webhook event=%s name=%s outcome=duplicate", event.key, event.name)
        return _answer(200, "duplicate")
    log.debug("webhook event=%s name=%s user=%s outcome=queued", event.key, event.name, event.user_id)
    return _answer(200, "accepted")


def _ignored(runtime, event, why: str) -> Response:  # noqa: ANN001
    log.info("webhook event=%s name=%s outcome=%s", event.key, event.name, why)
    try:
        metrics.incr(runtime.redis, "events_ignored_total", kind=why if why == "stale" else event.name)
    except redis.RedisError:
        return _answer(503, "unavailable")
    return _answer(200, why)
