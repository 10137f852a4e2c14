"""``POST /_emulator/users/<id>/events``: act as a user, build the event as Zalo would (§2), sign it (§1.2)
and POST it to the bot's webhook, as many times as asked (Zalo delivers at least once)."""

from __future__ import annotations

import http.client
import json
import logging
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Response, jsonify, request

from bot.zalo import signature
from bot.zalo.emulator.api_users import user_id_by_app
from bot.zalo.emulator.clock import new_hex_id, parse_instant
from bot.zalo.emulator.errors import BadRequest
from bot.zalo.emulator.web import control_body, get_state

log = logging.getLogger(__name__)

events = Blueprint("emulator_events", __name__, url_prefix="/_emulator")

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
            statuses.append(post_once(cfg.webhook_url, raw, headers, cfg.webhook_timeout_s))
        except (OSError, http.client.HTTPException) as exc:
            log.warning("emulator could not reach the webhook: %s", type(exc).__name__)
            statuses.append(None)
    return statuses


def post_once(url: str, raw: bytes, headers: dict[str, str], timeout: float) -> int:
    """One POST of ``raw`` on a fresh connection; the answer's status (its body is read and dropped).

    The standard library's client, not ``requests``: every user message a benchmark offers goes through here,
    and a ``requests`` call (a session, its adapters, proxy and certificate lookups in the environment) cost
    about as much CPU as the bot's own webhook answering it. One connection per POST, closed after, as before."""
    parts = urlsplit(url)
    connection_class = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    connection = connection_class(parts.hostname or "127.0.0.1", parts.port, timeout=timeout)
    try:
        connection.request("POST", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""), body=raw,
                           headers={"Content-Type": "application/json", "Connection": "close", **headers})
        answer = connection.getresponse()
        answer.read()
        return answer.status
    finally:
        connection.close()


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


@events.post("/users/<user_id>/events")
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
