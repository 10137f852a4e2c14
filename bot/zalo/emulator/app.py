"""Flask app of the local Zalo emulator: Zalo's OA API and OAuth paths plus ``/_emulator/...`` controls.

Zalo answers almost everything with HTTP 200 and a negative ``error`` (shared/zalo-oa-api.md §3.1, §7),
so the bot's error handling is exercised only if the emulator does the same. Order of checks on every
OA API call: access token (-216 unknown, -220 expired) → rate limit (-32) → injected faults → payload
validation (-201, -210, -233) → sending rules (-230, -213, -234, -218).

Faults (``POST /_emulator/faults``, one object or a list; each consumed in order by matching calls):
  ``{"kind": "zalo_error", "error": -216, "message": "...", "count": 1, "path": "/v3.0/oa/message/cs"}``
  ``{"kind": "http", "status": 503, "message": "body text", "count": 1}``
  ``{"kind": "delay", "seconds": 3, "when": "after" | "before", "count": 1}``  (after: processed and
  recorded, then the answer waits: the "Zalo accepted but the client timed out" case)
  ``{"kind": "stall", "seconds": 3, "count": 1}``  (NOT processed; waits, then HTTP 504)
A fault without ``path`` hits OA API calls only; the OAuth paths are hit only when named.

Refused forms (``POST /_emulator/refuse`` ``{"forms": ["cs_buttons", ...]}``, ``GET``, ``DELETE``; or
``--refuse`` at start): every matching send is refused with Zalo's payload error for the whole run
(rules in ``refusals.py``).

Serve it with :class:`bot.zalo.emulator.server.EmulatorServer`: Zalo's ``access_token`` and
``secret_key`` headers contain underscores, which werkzeug's and gunicorn's defaults drop.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import struct
import zlib
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import requests
from flask import Blueprint, Flask, Response, current_app, jsonify, redirect, request
from werkzeug.exceptions import HTTPException

from bot.zalo import signature
from bot.zalo.emulator import refusals
from bot.zalo.emulator.state import (
    TRANSACTION_TEMPLATES,
    EmulatorConfig,
    EmulatorState,
    Fault,
    OAuthError,
    ParsedMessage,
    TokenPair,
    ZaloError,
    ms_to_iso,
    new_hex_id,
    parse_cs_message,
    parse_instant,
    parse_template_message,
    parse_zbs_message,
)

log = logging.getLogger(__name__)

EXTENSION_KEY = "zalo_emulator"
OAUTH_PATHS = ("/v4/oa/access_token", "/v4/oa/permission")

zalo = Blueprint("zalo", __name__)
control = Blueprint("emulator", __name__, url_prefix="/_emulator")


class BadRequest(Exception):
    """A malformed ``/_emulator`` request (answered 400 with a plain reason)."""


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


# ---- the OA API gate: token → rate limit → faults ------------------------------------------------

def wait(seconds: float) -> None:
    """Sleep that ends early when the server stops, so delayed answers never outlive a test."""
    get_state().stop_event.wait(seconds)


def apply_fault(fault: Fault | None, run: Callable[[], Response], *, oauth: bool = False) -> Response:
    """Answer a call as the pending fault says; ``run`` does the real work when the fault allows it."""
    if fault is None:
        return run()
    log.info("emulator fault %s on %s", fault.kind, request.path)
    if fault.kind == "zalo_error":
        text = fault.message or ZaloError(fault.error).message
        if oauth:
            return jsonify(OAuthError(fault.error, text, text).body())
        return jsonify({"error": fault.error, "message": text})
    if fault.kind == "http":
        return Response(fault.message or "Service Unavailable", status=fault.status, mimetype="text/plain")
    if fault.kind == "stall":
        wait(fault.seconds)
        return Response("Gateway Time-out", status=504, mimetype="text/plain")
    if fault.when == "before":
        wait(fault.seconds)
        return run()
    answer = run()
    wait(fault.seconds)
    return answer


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

        return apply_fault(state.next_fault(request.path, False), run)

    return gated


# ---- OA API: sending -----------------------------------------------------------------------------

def record(parsed: ParsedMessage, endpoint: str, quota_type: str | None) -> dict[str, Any]:
    return get_state().record_message({
        "user_id": parsed.user_id, "endpoint": endpoint, "text": parsed.text,
        "attachment": parsed.attachment, "buttons": parsed.buttons, "quota_type": quota_type,
        "quote_message_id": parsed.quote_message_id,
    })


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


def check_attachments(parsed: ParsedMessage) -> None:
    for attachment_id in parsed.attachment_ids:
        get_state().check_attachment(attachment_id)


def check_refused_form(parsed: ParsedMessage, endpoint: str) -> None:
    """Zalo's payload error for a form the run refuses (``/_emulator/refuse``)."""
    refused = refusals.refusal(list(get_state().config.refuse), endpoint, parsed.text, parsed.attachment,
                               parsed.buttons)
    if refused is not None:
        raise ZaloError(*refused)


@zalo.post("/v3.0/oa/message/cs")
@oa_api
def send_cs() -> Response:
    """Consultation message: only inside the 7-day window; free ``reply`` quota in the first 48 h."""
    state = get_state()
    parsed = parse_cs_message(json_body(), state.config)
    check_refused_form(parsed, "cs")
    check_attachments(parsed)
    quota = state.charge_cs(parsed.user_id)
    entry = record(parsed, "cs", quota["quota_type"])
    return ok({"message_id": entry["message_id"], "user_id": parsed.user_id, "quota": quota})


@zalo.post("/v3.0/oa/message/transaction")
@oa_api
def send_transaction() -> Response:
    """Transaction template: 24/24, to any user the OA has seen."""
    state = get_state()
    parsed = parse_template_message(json_body(), state.config, TRANSACTION_TEMPLATES)
    check_refused_form(parsed, "transaction")
    state.check_known(parsed.user_id)
    entry = record(parsed, "transaction", None)
    return ok({"message_id": entry["message_id"], "user_id": parsed.user_id})


@zalo.post("/v3.0/oa/message/promotion")
@oa_api
def send_promotion() -> Response:
    """Promotion template: followers only, never at night, per-user daily and monthly quota."""
    state = get_state()
    parsed = parse_template_message(json_body(), state.config, frozenset({"promotion"}))
    check_refused_form(parsed, "promotion")
    state.charge_promotion(parsed.user_id)
    entry = record(parsed, "promotion", "promotion")
    return ok({"message_id": entry["message_id"], "user_id": parsed.user_id})


@zalo.post("/v3.0/oa/message/template")
@oa_api
def send_zbs_template() -> Response:
    """ZBS template by UID (the 2026 replacement of promotion by UID): same rules as promotion."""
    state = get_state()
    parsed = parse_zbs_message(json_body())
    state.charge_promotion(parsed.user_id)
    entry = record(parsed, "template", "promotion")
    return ok({"message_id": entry["message_id"], "user_id": parsed.user_id})


# ---- OA API: reading and uploads -----------------------------------------------------------------

@zalo.post("/v3.0/oa/quota/message")
@oa_api
def quota_message() -> Response:
    body = json_body()
    user_id = body.get("user_id") if isinstance(body, dict) else None
    if not isinstance(user_id, str) or not user_id:
        raise ZaloError(-201, "Parameters are invalid: user_id")
    return ok(get_state().quota(user_id))


def query_data() -> dict[str, Any]:
    """Zalo GET endpoints take one ``data`` query parameter holding JSON (§3.1)."""
    try:
        data = json.loads(request.args.get("data", ""))
    except ValueError:
        raise ZaloError(-201, "Parameters are invalid: data") from None
    if not isinstance(data, dict):
        raise ZaloError(-201, "Parameters are invalid: data")
    return data


FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
MIDDLE = ("Văn", "Thị", "Minh", "Hữu", "Ngọc", "Thanh", "Quốc", "Thu")
GIVEN = ("An", "Bình", "Châu", "Dũng", "Hà", "Lan", "Phúc", "Quân", "Trang", "Vy", "Hùng", "Mai")


def _digest(*parts: str) -> int:
    return int(hashlib.sha256("|".join(parts).encode()).hexdigest(), 16)


def generated_name(user_id: str) -> str:
    """A stable Vietnamese display name per user id (diacritics on purpose: the bot must handle them)."""
    n = _digest("name", user_id)
    return f"{FAMILY[n % 10]} {MIDDLE[(n // 10) % 8]} {GIVEN[(n // 80) % 12]}"


def user_id_by_app(app_id: str, user_id: str) -> str:
    """A stable app-scoped id: Zalo gives each app its own id for the same person (§2.1)."""
    return str(10**17 + _digest(app_id, user_id) % (9 * 10**17))


@zalo.get("/v2.0/oa/getoa")
@oa_api
def get_oa() -> Response:
    """OA profile (§6.3): the cheapest authenticated read, which `dxbot doctor` uses to test the token."""
    cfg = get_state().config
    return ok({"oa_id": cfg.oa_id, "name": "Chuyển đổi số quốc gia (sandbox)", "description": "",
               "is_verified": True, "num_follower": sum(1 for u in get_state().users.values() if u.follower)})


@zalo.get("/v3.0/oa/user/detail")
@oa_api
def user_detail() -> Response:
    """Profile of one user (§6.1); unknown users are -201 as for any id Zalo cannot resolve."""
    state = get_state()
    user_id = query_data().get("user_id")
    user = state.known_user(str(user_id)) if user_id else None
    if user is None:
        raise ZaloError(-201, "user_id is invalid")
    avatar = f"{request.host_url}_emulator/media/avatar-{user.user_id}.png"
    data: dict[str, Any] = {
        "user_id": user.user_id, "user_id_by_app": user_id_by_app(state.config.app_id, user.user_id),
        "user_external_id": "", "display_name": user.display_name or generated_name(user.user_id),
        "user_alias": "", "is_sensitive": False,
        "user_last_interaction_date": _ddmmyyyy(state, user.last_interaction_ms),
        "user_is_follower": user.follower, "avatar": avatar, "avatars": {"120": avatar, "240": avatar},
        "tags_and_notes_info": {"tag_names": [], "notes": []},
    }
    if user.shared_info:
        data["shared_info"] = user.shared_info
    return ok(data)


def _ddmmyyyy(state: EmulatorState, ms: int | None) -> str:
    return "" if ms is None else state.local(ms).strftime("%d/%m/%Y")


UPLOAD_KINDS: dict[str, tuple[tuple[bytes, ...], str, str]] = {
    # path suffix: (accepted magic numbers, size limit attribute of the config, answer key)
    "image": ((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"), "max_image_bytes", "attachment_id"),
    "gif": ((b"GIF87a", b"GIF89a"), "max_file_bytes", "attachment_id"),
    "file": ((), "max_file_bytes", "token"),
}


@zalo.post("/v2.0/oa/upload/<kind>")
@oa_api
def upload(kind: str) -> Response:
    """Multipart ``file`` upload (§6.4): jpg/png ≤ 1 MB for images; ids stay valid 7 days."""
    if kind not in UPLOAD_KINDS:
        raise ZaloError(-201, "Parameters are invalid: unknown upload type")
    magics, limit_attr, key = UPLOAD_KINDS[kind]
    file = request.files.get("file")
    if file is None:
        raise ZaloError(-201, "Parameters are invalid: file")
    content = file.read()
    if len(content) > getattr(get_state().config, limit_attr):
        raise ZaloError(-210, "Parameter exceeds allowed limit: file too large")
    if magics and not content.startswith(magics):
        raise ZaloError(-201, "Parameters are invalid: unsupported file type")
    return ok({key: get_state().store_attachment()})


# ---- OAuth v4 (§5) -------------------------------------------------------------------------------

def oauth_call(run: Callable[[], Response]) -> Response:
    def guarded() -> Response:
        try:
            return run()
        except OAuthError as exc:
            log.info("emulator oauth refused: %s", exc.name)
            return jsonify(exc.body())

    return apply_fault(get_state().next_fault(request.path, True), guarded, oauth=True)


@zalo.get("/v4/oa/permission")
def permission() -> Response:
    """The admin's consent page, granted at once: 302 to ``redirect_uri`` with ``code`` and ``oa_id``."""

    def run() -> Response:
        state = get_state()
        args = request.args
        if args.get("app_id") != state.config.app_id:
            raise OAuthError(-14002, "Invalid app_id", "app_id is missing or unknown")
        redirect_uri = args.get("redirect_uri", "")
        if not redirect_uri.startswith(("http://", "https://")):
            raise OAuthError(-14003, "Invalid redirect_uri", "redirect_uri is missing or not http(s)")
        challenge = args.get("code_challenge", "")
        if not challenge:
            raise OAuthError(-14004, "Invalid code_challenge", "code_challenge is required (S256)")
        query = {"code": state.grant_code(challenge, redirect_uri), "oa_id": state.config.oa_id}
        if "state" in args:
            query["state"] = args["state"]
        separator = "&" if "?" in redirect_uri else "?"
        return redirect(redirect_uri + separator + urlencode(query), code=302)

    return oauth_call(run)


@zalo.post("/v4/oa/access_token")
def access_token() -> Response:
    """Refresh (single-use, rotating) or authorization-code exchange (PKCE S256)."""

    def run() -> Response:
        state = get_state()
        form = request.form
        state.check_app(form.get("app_id"), request.headers.get("secret_key"))
        grant = form.get("grant_type")
        if grant == "refresh_token":
            pair = state.refresh(form.get("refresh_token"))
        elif grant == "authorization_code":
            pair = state.exchange_code(form.get("code"), form.get("code_verifier"))
        else:
            raise OAuthError(-14000, "Invalid grant_type",
                             "grant_type must be refresh_token or authorization_code")
        return token_answer(pair, state.config)

    return oauth_call(run)


def token_answer(pair: TokenPair, config: EmulatorConfig) -> Response:
    return jsonify({"access_token": pair.access_token, "refresh_token": pair.refresh_token,
                    "expires_in": str(config.access_token_ttl_s)})


# ---- events: build as Zalo would, sign, deliver --------------------------------------------------

USER_INTERACTIONS = frozenset({
    "follow", "user_send_text", "user_send_image", "user_send_gif", "user_send_link", "user_send_sticker",
    "user_send_file", "user_send_location", "user_send_audio", "user_send_video", "user_submit_info",
    "user_click_chatnow",
})
EVENT_NAMES = USER_INTERACTIONS | {"unfollow", "user_received_message", "user_seen_message", "oa_send_text"}


def media_url(name: str) -> str:
    return f"{request.host_url}_emulator/media/{name}"


def _str(spec: dict[str, Any], key: str, default: str | None = None) -> str:
    value = spec.get(key, default)
    if not isinstance(value, str):
        raise BadRequest(f"{key} must be a string")
    return value


SAMPLE_EXTENSIONS = {"image": "png", "gif": "gif", "sticker": "png", "audio": "aac", "video": "mp4",
                     "file": "pdf", "link": "html"}


def _attachment(spec: dict[str, Any], kind: str) -> dict[str, Any]:
    """The ``message.attachments[0]`` of a user media event, with §2.2's payload keys."""
    url = _str(spec, "url", media_url(f"sample-{kind}.{SAMPLE_EXTENSIONS.get(kind, 'bin')}"))
    if kind in ("image", "gif"):
        payload: dict[str, Any] = {"thumbnail": _str(spec, "thumbnail", url), "url": url}
    elif kind == "link":
        payload = {"url": url, "title": _str(spec, "title", ""), "description": _str(spec, "description", ""),
                   "thumbnail": _str(spec, "thumbnail", media_url("link-thumbnail.png"))}
    elif kind == "sticker":
        payload = {"id": _str(spec, "sticker_id", "bfe4ebb2a2f74ba912e6"), "url": url}
    elif kind == "file":
        name = _str(spec, "name", "tai-lieu.pdf")
        payload = {"url": url, "name": name, "size": str(spec.get("size", 1024)),
                   "type": name.rsplit(".", 1)[-1] if "." in name else "", "checksum": new_hex_id()}
    elif kind == "video":
        payload = {"url": url, "thumbnail": _str(spec, "thumbnail", media_url("video-thumbnail.png")),
                   "description": _str(spec, "description", "")}
    else:
        payload = {"url": url}
    return {"type": kind, "payload": payload}


def _location(spec: dict[str, Any]) -> dict[str, Any]:
    coordinates = {"latitude": str(spec.get("latitude", "10.7642473")),
                   "longitude": str(spec.get("longitude", "106.6564314"))}
    return {"type": "location", "payload": {"coordinates": coordinates}}


def _user_message(event_name: str, spec: dict[str, Any], msg_id: str) -> dict[str, Any]:
    """``message`` of a ``user_send_*`` event: text and/or attachments, then ``msg_id``."""
    message: dict[str, Any] = {}
    kind = event_name.removeprefix("user_send_")
    if kind == "text" or "text" in spec:  # text events need it; media events may carry a caption
        message["text"] = _str(spec, "text")
    if kind == "location":
        message["attachments"] = [_location(spec)]
    elif kind != "text":
        message["attachments"] = [_attachment(spec, kind)]
    message["msg_id"] = msg_id
    if "quote_msg_id" in spec:
        message["quote_msg_id"] = _str(spec, "quote_msg_id")
    return message


def _receipt_ids(spec: dict[str, Any], user_id: str) -> list[str]:
    """``msg_ids`` given, or the last message the bot sent this user (what a real receipt points at)."""
    if "msg_ids" in spec:
        ids = spec["msg_ids"]
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise BadRequest("msg_ids must be a list of strings")
        return ids
    sent = get_state().list_messages(user_id)
    if not sent:
        raise BadRequest("msg_ids is required: the bot has sent this user nothing yet")
    return [sent[-1]["message_id"]]


def build_event(user_id: str, spec: dict[str, Any], timestamp: str) -> dict[str, Any]:
    """The event exactly as Zalo posts it (§2): key order of the official samples, ids as strings."""
    cfg = get_state().config
    name = spec["event_name"]
    by_app = user_id_by_app(cfg.app_id, user_id)
    msg_id = _str(spec, "msg_id", new_hex_id())
    if name in ("follow", "unfollow"):
        return {"oa_id": cfg.oa_id, "follower": {"id": user_id}, "user_id_by_app": by_app, "event_name": name,
                "source": _str(spec, "source", "oa_profile"), "app_id": cfg.app_id, "timestamp": timestamp}
    if name == "user_click_chatnow":
        return {"oa_id": cfg.oa_id, "user_id": user_id, "user_id_by_app": by_app, "event_name": name,
                "app_id": cfg.app_id, "timestamp": timestamp}
    from_oa = name in ("user_received_message", "user_seen_message", "oa_send_text")
    sender = {"id": cfg.oa_id} if from_oa else {"id": user_id}
    recipient = {"id": user_id} if from_oa else {"id": cfg.oa_id}
    event: dict[str, Any] = {"app_id": cfg.app_id, "sender": sender, "user_id_by_app": by_app,
                             "recipient": recipient, "event_name": name}
    if name == "oa_send_text" and "admin_id" in spec:
        sender["admin_id"] = _str(spec, "admin_id")
    if name == "user_submit_info":
        info = spec.get("info")
        if not isinstance(info, dict):
            raise BadRequest("info must be an object")
        event["info"] = info
    elif name in ("user_received_message", "user_seen_message"):
        event["message"] = {"msg_ids": _receipt_ids(spec, user_id)}
    elif name == "oa_send_text":
        event["message"] = {"text": _str(spec, "text"), "msg_id": msg_id}
    else:
        event["message"] = _user_message(name, spec, msg_id)
    event["timestamp"] = timestamp
    return event


def signature_header(raw: bytes, timestamp: str, mode: str) -> dict[str, str]:
    """``X-ZEvent-Signature`` as Zalo computes it (§1.2), or a forged / missing one for tests."""
    if mode == "missing":
        return {}
    cfg = get_state().config
    secret = cfg.oa_secret_key if mode == "valid" else cfg.oa_secret_key + "-forged"
    return {signature.HEADER: signature.header_value(cfg.app_id, raw, timestamp, secret)}


def deliver(raw: bytes, headers: dict[str, str], times: int) -> list[int | None]:
    """POST the same bytes ``times`` times (Zalo's at-least-once delivery); ``None`` = unreachable."""
    cfg = get_state().config
    statuses: list[int | None] = []
    for _ in range(times):
        try:
            answer = requests.post(cfg.webhook_url, data=raw, timeout=cfg.webhook_timeout_s,
                                   headers={"Content-Type": "application/json", **headers})
            statuses.append(answer.status_code)
        except requests.RequestException as exc:
            log.warning("emulator could not reach the webhook: %s", type(exc).__name__)
            statuses.append(None)
    return statuses


def apply_event_to_state(user_id: str, event: dict[str, Any]) -> None:
    """What the event means for Zalo's rules: interactions open the windows; follow flips status (§4)."""
    state = get_state()
    name = event["event_name"]
    if name in USER_INTERACTIONS:
        follower = True if name == "follow" else None
        state.record_interaction(user_id, follower=follower, info=event.get("info"),
                                 at_ms=int(event["timestamp"]))
    elif name == "unfollow":
        state.set_follower(user_id, False)


def event_options(spec: dict[str, Any]) -> tuple[int, str]:
    deliveries = spec.get("deliveries", 1)
    if not isinstance(deliveries, int) or isinstance(deliveries, bool) or not 1 <= deliveries <= 20:
        raise BadRequest("deliveries must be an integer from 1 to 20")
    mode = spec.get("signature", "valid")
    if mode not in ("valid", "forged", "missing"):
        raise BadRequest("signature must be valid, forged or missing")
    return deliveries, mode


@control.post("/users/<user_id>/events")
def post_event(user_id: str) -> Response:
    """Act as a user (or the OA admin): build, sign and POST the event to the bot's webhook."""
    spec = control_body()
    if spec.get("event_name") not in EVENT_NAMES:
        raise BadRequest(f"event_name must be one of {', '.join(sorted(EVENT_NAMES))}")
    deliveries, mode = event_options(spec)
    state = get_state()
    try:
        timestamp = str(parse_instant(spec["timestamp"])) if "timestamp" in spec else str(state.now_ms())
    except ValueError as exc:
        raise BadRequest(f"timestamp: {exc}") from None
    event = build_event(user_id, spec, timestamp)
    raw = json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    apply_event_to_state(user_id, event)
    if not state.config.webhook_url:
        return _event_answer(None, [], event, "no webhook_url configured")
    statuses = deliver(raw, signature_header(raw, timestamp, mode), deliveries)
    return _event_answer(statuses[-1], statuses, event)


def _event_answer(last: int | None, statuses: list[int | None], event: dict[str, Any],
                  problem: str | None = None) -> Response:
    body: dict[str, Any] = {"status": last, "statuses": statuses, "event": event}
    if problem:
        body["problem"] = problem
    answer = jsonify(body)
    answer.status_code = last if last is not None else 502
    return answer


# ---- control endpoints ---------------------------------------------------------------------------

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
    user = get_state().known_user(user_id)
    if user is None:
        answer = jsonify({"error": 404, "message": "unknown user"})
        answer.status_code = 404
        return answer
    return jsonify(user.to_json())


@control.put("/users/<user_id>")
def put_user(user_id: str) -> Response:
    """Test hook: ``follower``, ``last_interaction`` (ms or ISO, null = never), ``display_name``."""
    try:
        return jsonify(get_state().update_user(user_id, control_body()).to_json())
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
    """Run-time settings; secrets and token values are never shown."""
    state = get_state()
    if request.method == "POST":
        body = control_body()
        changes = {k: body[k] for k in ("rate_limit_per_s", "webhook_url") if k in body}
        rate = changes.get("rate_limit_per_s")
        if rate is not None and (not isinstance(rate, int | float) or isinstance(rate, bool) or rate <= 0):
            raise BadRequest("rate_limit_per_s must be a positive number or null")
        if "webhook_url" in changes and not isinstance(changes["webhook_url"], str):
            raise BadRequest("webhook_url must be a string")
        state.update_config(**changes)
    cfg = state.config
    return jsonify({"app_id": cfg.app_id, "oa_id": cfg.oa_id, "webhook_url": cfg.webhook_url,
                    "rate_limit_per_s": cfg.rate_limit_per_s})


@control.post("/reset")
def reset() -> Response:
    get_state().reset()
    return jsonify({"ok": True})


@control.get("/health")
def health() -> Response:
    return jsonify({"ok": True})


# ---- media: tiny valid files, so image events can point at the emulator ---------------------------

def tiny_png(width: int = 8, height: int = 8, rgb: tuple[int, int, int] = (0, 104, 255)) -> bytes:
    """A solid-colour PNG built by hand (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * height))
            + chunk(b"IEND", b""))


PNG = tiny_png()
GIF = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
       b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


@control.get("/media/<name>.<ext>")
def media(name: str, ext: str) -> Response:
    if ext == "png":
        return Response(PNG, mimetype="image/png")
    if ext == "gif":
        return Response(GIF, mimetype="image/gif")
    return Response(f"emulator sample file {name}.{ext}\n".encode(), mimetype="application/octet-stream")


# ---- the app -------------------------------------------------------------------------------------

def json_error(exc: HTTPException) -> Response:
    """Unknown paths and wrong methods answer JSON too, so clients never parse an HTML page."""
    answer = jsonify({"error": exc.code, "message": exc.name})
    answer.status_code = exc.code or 500
    return answer


def bad_request(exc: BadRequest) -> Response:
    answer = jsonify({"error": 400, "message": str(exc)})
    answer.status_code = 400
    return answer


def create_emulator_app(config: EmulatorConfig, state: EmulatorState | None = None) -> Flask:
    """The emulator as a Flask app; pass ``state`` to share it with the caller (e.g. the server)."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 20 * 1024 * 1024
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.extensions[EXTENSION_KEY] = state or EmulatorState(config)
    app.register_blueprint(zalo)
    app.register_blueprint(control)
    app.register_error_handler(HTTPException, json_error)
    app.register_error_handler(BadRequest, bad_request)
    return app
