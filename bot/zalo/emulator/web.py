"""What every emulator blueprint shares: the state of the app, Zalo's answer shapes, and the OA API gate.

Zalo answers almost everything with HTTP 200 and a negative ``error`` (shared/zalo-oa-api.md §3.1, §7).
Order of checks on every OA API call: access token (-216 unknown, -220 expired) → rate limit (-32) →
injected faults → payload validation (-201, -210, -233) → sending rules (-230, -213, -234, -218).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from flask import Response, current_app, jsonify, request

from bot.zalo.emulator.errors import BadRequest, ZaloError
from bot.zalo.emulator.faults import apply_fault
from bot.zalo.emulator.state import EmulatorState

EXTENSION_KEY = "zalo_emulator"


def get_state() -> EmulatorState:
    """The state of the app serving this request (kept in ``app.extensions``, no globals)."""
    return current_app.extensions[EXTENSION_KEY]


# ---- answers -------------------------------------------------------------------------------------

def ok(data: dict[str, Any]) -> Response:
    return jsonify({"error": 0, "message": "Success", "data": data})


def zalo_error(exc: ZaloError) -> Response:
    return jsonify({"error": exc.code, "message": exc.message})


def json_body() -> Any:
    """The request's JSON, or -201 as Zalo does for an unreadable body."""
    body = request.get_json(silent=True)
    if body is None:
        raise ZaloError(-201, "Parameters are invalid: body is not JSON")
    return body


def control_body() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if body is None and not request.get_data():
        return {}
    if not isinstance(body, dict):
        raise BadRequest("body must be a JSON object")
    return body


def oa_api(handler: Callable[..., Response]) -> Callable[..., Response]:
    """Wrap an OA API route with Zalo's gate and turn :class:`ZaloError` into Zalo's error body."""

    @functools.wraps(handler)
    def gated(**view_args: Any) -> Response:
        state = get_state()
        try:
            state.check_access_token(request.headers.get("access_token"))
            state.take_rate_token()
        except ZaloError as exc:
            return zalo_error(exc)

        def run() -> Response:
            try:
                return handler(**view_args)
            except ZaloError as exc:
                record_refusal(exc)
                return zalo_error(exc)

        latency = state.config.send_latency_s
        if latency and request.path.startswith("/v3.0/oa/message/"):  # Zalo far away: each send takes this long
            state.stop_event.wait(latency)
        return apply_fault(state.next_fault(request.path, False), run, state.stop_event)

    return gated


def record_refusal(exc: ZaloError) -> None:
    """Keep refused sends too (``?include_refused=1``), so the sandbox shows what did not reach the user."""
    if not request.path.startswith("/v3.0/oa/message/"):
        return
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return
    recipient = body.get("recipient")
    user_id = recipient.get("user_id") if isinstance(recipient, dict) else body.get("user_id")
    if not isinstance(user_id, str) or not user_id:
        return
    message = body.get("message") if isinstance(body.get("message"), dict) else {}
    get_state().record_refusal({
        "user_id": user_id, "endpoint": request.path.rsplit("/", 1)[-1], "text": message.get("text"),
        "attachment": message.get("attachment"), "error": exc.code, "message": exc.message,
    })


def query_data() -> dict[str, Any]:
    """Zalo GET endpoints take one ``data`` query parameter holding JSON (§3.1)."""
    try:
        data = json.loads(request.args.get("data", ""))
    except ValueError:
        raise ZaloError(-201, "Parameters are invalid: data") from None
    if not isinstance(data, dict):
        raise ZaloError(-201, "Parameters are invalid: data")
    return data
