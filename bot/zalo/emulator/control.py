"""The ``/_emulator/*`` control endpoints: message log, faults, clock, tokens, users, refusals, config, reset.

Faults (``POST /_emulator/faults``, one object or a list; each consumed in order by matching calls):
  ``{"kind": "zalo_error", "error": -216, "message": "...", "count": 1, "path": "/v3.0/oa/message/cs"}``
  ``{"kind": "http", "status": 503, "message": "body text", "count": 1}``
  ``{"kind": "delay", "seconds": 3, "when": "after" | "before", "count": 1}``  (after: processed and
  recorded, then the answer waits: the "Zalo accepted but the client timed out" case)
  ``{"kind": "stall", "seconds": 3, "count": 1}``  (NOT processed; waits, then HTTP 504)

Refused forms (``POST /_emulator/refuse`` ``{"forms": ["cs_buttons", ...]}``, ``GET``, ``DELETE``; or
``--refuse`` at start): every matching send is refused with Zalo's payload error for the whole run
(rules in ``refusals.py``).
"""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from bot.zalo.emulator import refusals
from bot.zalo.emulator.clock import ms_to_iso, parse_instant
from bot.zalo.emulator.config import TUNABLE, tunable_changes
from bot.zalo.emulator.errors import BadRequest
from bot.zalo.emulator.faults import Fault
from bot.zalo.emulator.web import control_body, get_state

control = Blueprint("emulator", __name__, url_prefix="/_emulator")


@control.get("/messages")
def list_messages() -> Response:
    """Sent messages; with ``include_refused=1`` also the sends Zalo refused (``"status": "refused"``)."""
    state = get_state()
    user_id = request.args.get("user_id")
    if request.args.get("include_refused") in ("1", "true"):
        return jsonify({"messages": state.list_messages_and_refusals(user_id)})
    return jsonify({"messages": state.list_messages(user_id)})


@control.delete("/messages")
def clear_messages() -> Response:
    get_state().clear_messages()
    return jsonify({"ok": True})


@control.route("/faults", methods=["GET", "POST", "DELETE"])
def faults() -> Response:
    state = get_state()
    if request.method == "POST":
        raw = request.get_json(silent=True)
        items = raw if isinstance(raw, list) else [raw]
        try:
            state.add_faults([Fault.from_json(item) for item in items])
        except (TypeError, ValueError) as exc:
            raise BadRequest(str(exc)) from None
    elif request.method == "DELETE":
        state.clear_faults()
    return jsonify({"faults": state.list_faults()})


def _clock_answer(now: int) -> Response:
    return jsonify({"now_ms": now, "iso": ms_to_iso(now)})


@control.get("/clock")
def get_clock() -> Response:
    return _clock_answer(get_state().now_ms())


@control.post("/clock")
def move_clock() -> Response:
    """``{"advance": seconds}`` or ``{"set": ISO 8601 with offset | epoch ms}``."""
    body = control_body()
    state = get_state()
    try:
        if "advance" in body and isinstance(body["advance"], int | float):
            return _clock_answer(state.advance_clock(float(body["advance"])))
        if "set" in body:
            return _clock_answer(state.set_clock(parse_instant(body["set"])))
    except ValueError as exc:
        raise BadRequest(str(exc)) from None
    raise BadRequest('give {"advance": seconds} or {"set": "<ISO 8601 or epoch ms>"}')


@control.get("/tokens")
def tokens() -> Response:
    return jsonify(get_state().token_stats())


@control.get("/users/<user_id>")
def get_user(user_id: str) -> Response:
    """The user's record, broadcast profile (city, age, gender, platform) and broadcast counts."""
    user = get_state().user_json(user_id)
    if user is None:
        answer = jsonify({"error": 404, "message": "unknown user"})
        answer.status_code = 404
        return answer
    return jsonify(user)


@control.put("/users/<user_id>")
def put_user(user_id: str) -> Response:
    """Test hook: ``follower``, ``last_interaction`` (ms or ISO, null = never), ``display_name``,
    ``shared_info``, and the broadcast profile ``city``, ``age``, ``gender``, ``platform``."""
    state = get_state()
    try:
        state.update_user(user_id, control_body())
    except ValueError as exc:
        raise BadRequest(str(exc)) from None
    return jsonify(state.user_json(user_id))


@control.post("/users/bulk")
def bulk_users() -> Response:
    """Many followers at once (reach benchmarks), stored as compact columns (audience.py)."""
    try:
        return jsonify(get_state().add_bulk_followers(control_body()))
    except ValueError as exc:
        raise BadRequest(str(exc)) from None


@control.route("/refuse", methods=["GET", "POST", "DELETE"])
def refuse() -> Response:
    """Forms refused for the rest of the run: POST replaces the list, DELETE accepts everything again."""
    state = get_state()
    if request.method == "POST":
        try:
            forms = refusals.validate(control_body().get("forms"))
        except ValueError as exc:
            raise BadRequest(str(exc)) from None
        state.update_config(refuse=tuple(forms))
    elif request.method == "DELETE":
        state.update_config(refuse=())
    return jsonify({"forms": list(state.config.refuse)})


@control.route("/config", methods=["GET", "POST"])
def config() -> Response:
    """Run-time settings; secrets and token values are never shown. Besides ``rate_limit_per_s`` and
    ``webhook_url``, every article/broadcast value zalo-oa-api.md §11 leaves uncertain (config.TUNABLE)."""
    state = get_state()
    if request.method == "POST":
        body = control_body()
        changes = {k: body[k] for k in ("rate_limit_per_s", "webhook_url") if k in body}
        rate = changes.get("rate_limit_per_s")
        if rate is not None and (not isinstance(rate, int | float) or isinstance(rate, bool) or rate <= 0):
            raise BadRequest("rate_limit_per_s must be a positive number or null")
        if "webhook_url" in changes and not isinstance(changes["webhook_url"], str):
            raise BadRequest("webhook_url must be a string")
        try:
            changes.update(tunable_changes(body))
        except ValueError as exc:
            raise BadRequest(str(exc)) from None
        state.update_config(**changes)
    cfg = state.config
    return jsonify({"app_id": cfg.app_id, "oa_id": cfg.oa_id, "webhook_url": cfg.webhook_url,
                    "rate_limit_per_s": cfg.rate_limit_per_s,
                    **{key: getattr(cfg, key) for key in TUNABLE}})


@control.post("/reset")
def reset() -> Response:
    get_state().reset()
    return jsonify({"ok": True})


@control.get("/health")
def health() -> Response:
    return jsonify({"ok": True})
