"""The one parser of Zalo webhook bodies: raw bytes → a typed event from `bot/core/events.py`.

Parsing is strict about types (ids, text and attachments must be what Zalo sends) because a
half-understood event must be refused with 400, never stored. Every check runs in time linear in the
body's size, and nesting is bounded before any recursive step.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.core.events import (
    ATTACHMENT_EVENTS,
    Attachment,
    AttachmentMessage,
    ChatNow,
    Event,
    EventParseError,
    Follow,
    OAEcho,
    Receipt,
    SubmitInfo,
    TextMessage,
    Unfollow,
    UnknownEvent,
)

MAX_DEPTH = 32  # Zalo events nest four levels; anything deeper is not an event (docs/security.md, T5)
_JSON_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"')
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


def nesting_depth(raw: bytes) -> int:
    """How deeply `raw` nests arrays and objects, outside strings; linear, no recursion, no parsing."""
    brackets = _JSON_STRING.sub(b"", raw).translate(None, _NOT_BRACKETS)
    depth = deepest = 0
    for byte in brackets:
        depth += 1 if byte in b"[{" else -1
        deepest = max(deepest, depth)
    return deepest


def load_body(raw: bytes) -> dict[str, Any]:
    """Decode a webhook body as a JSON object, refusing deep nesting before any recursive step.
    Lone surrogates are left as they are: `repair` them once the body is known to be Zalo's."""
    if nesting_depth(raw) > MAX_DEPTH:
        raise EventParseError("body nests too deeply")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise EventParseError("body is not UTF-8 JSON") from exc
    if not isinstance(data, dict):
        raise EventParseError("body is not a JSON object")
    return data


def repair(raw: bytes, data: dict[str, Any]) -> dict[str, Any]:
    """`data` with lone surrogates replaced (JSON may escape one; Redis cannot store it)."""
    if b"\\ud" in raw.lower():
        return _without_surrogates(data)
    return data


def parse_body(raw: bytes) -> dict[str, Any]:
    """Decode a webhook body; raises EventParseError unless it is a JSON object."""
    return repair(raw, load_body(raw))


def _without_surrogates(value: Any) -> Any:
    """The same structure with lone surrogates (invalid Unicode) replaced by U+FFFD in every string.
    Recursive, which is safe because `load_body` refused anything nested deeper than MAX_DEPTH."""
    if isinstance(value, str):
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    if isinstance(value, dict):
        return {_without_surrogates(k): _without_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v) for v in value]
    return value


def timestamp_of(data: dict[str, Any]) -> str:
    """The body's `timestamp` as the string Zalo signed (digits only)."""
    ts = data.get("timestamp")
    if isinstance(ts, bool) or not isinstance(ts, str | int):
        raise EventParseError("timestamp missing or not a string")
    ts = str(ts)
    if not (ts.isascii() and ts.isdigit()) or len(ts) > 16:  # "¹²³" and "١٢٣" are digits to isdigit()
        raise EventParseError("timestamp is not epoch milliseconds")
    return ts


def parse_event(data: dict[str, Any]) -> Event:
    """Build the typed event for a decoded body; raises EventParseError on wrong shapes."""
    name = data.get("event_name")
    if not isinstance(name, str) or not name or len(name) > 64:
        raise EventParseError("event_name missing")
    common = {
        "name": name,
        "app_id": _id(data.get("app_id"), "app_id", required=False) or "",
        "timestamp_ms": int(timestamp_of(data)),
    }
    if name == "user_send_text":
        return TextMessage(user_id=_sender(data), **common, **_message(data, text_required=True))
    if name in ATTACHMENT_EVENTS:
        message = _message(data, text_required=False)
        attachments = tuple(_attachment(a) for a in _list(_dict(data.get("message"), "message")
                                                           .get("attachments"), "attachments"))
        return AttachmentMessage(user_id=_sender(data), attachments=attachments, **common, **message)
    if name == "user_submit_info":
        return SubmitInfo(user_id=_sender(data), info=_info(data.get("info")), **common)
    if name in ("follow", "unfollow"):
        follower = _dict(data.get("follower"), "follower")
        user = _id(follower.get("id"), "follower.id")
        source = data.get("source") if isinstance(data.get("source"), str) else ""
        cls = Follow if name == "follow" else Unfollow
        return cls(user_id=user, source=source, **common)
    if name == "user_click_chatnow":
        return ChatNow(user_id=_id(data.get("user_id"), "user_id"), **common)
    if name in ("user_received_message", "user_seen_message"):
        message = _dict(data.get("message"), "message")
        ids = message.get("msg_ids")
        if ids is None and message.get("msg_id") is not None:
            ids = [message.get("msg_id")]
        msg_ids = tuple(_id(x, "msg_ids") for x in _list(ids, "msg_ids"))
        user = _id(_dict(data.get("recipient"), "recipient").get("id"), "recipient.id")
        return Receipt(user_id=user, msg_ids=msg_ids, **common)
    if name.startswith("oa_send_"):
        recipient = _dict(data.get("recipient"), "recipient")
        sender = _dict(data.get("sender"), "sender")
        message = data.get("message") if isinstance(data.get("message"), dict) else {}
        admin = sender.get("admin_id")
        return OAEcho(user_id=_id(recipient.get("id"), "recipient.id"),
                      msg_id=_id(message.get("msg_id"), "msg_id", required=False) or "",
                      admin_id=str(admin) if isinstance(admin, str | int) else None, **common)
    return UnknownEvent(user_id=None, **common)


# --- field helpers: each raises EventParseError naming the field ---

def _dict(value: Any, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise EventParseError(f"{name} must be an object")
    return value


def _list(value: Any, name: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > 50:
        raise EventParseError(f"{name} must be a short list")
    return value


def _id(value: Any, name: str, *, required: bool = True) -> str | None:
    if value is None or value == "":
        if required:
            raise EventParseError(f"{name} missing")
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise EventParseError(f"{name} must be a string id")
    text = str(value)
    if len(text) > 64 or not text.isprintable():
        raise EventParseError(f"{name} is not a Zalo id")
    return text


def _sender(data: dict[str, Any]) -> str:
    sender = _id(_dict(data.get("sender"), "sender").get("id"), "sender.id")
    if sender is None:  # a required id raises instead; this keeps the return type honest
        raise EventParseError("sender.id missing")
    return sender


def _message(data: dict[str, Any], *, text_required: bool) -> dict[str, Any]:
    message = _dict(data.get("message"), "message")
    text = message.get("text", "")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise EventParseError("message.text must be a string")
    if text_required and not text:
        raise EventParseError("message.text missing")
    msg_id = _id(message.get("msg_id"), "message.msg_id")
    quote = _id(message.get("quote_msg_id"), "message.quote_msg_id", required=False)
    return {"msg_id": msg_id, "text": text, "quote_msg_id": quote}


def _str(payload: dict[str, Any], key: str) -> str | None:
    value = payload.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise EventParseError(f"attachment {key} must be a string")
    return value


def _float(value: Any, name: str) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError) as exc:  # OverflowError: an integer beyond float range
        raise EventParseError(f"{name} must be a number") from exc
    if number != number or abs(number) > 1000:  # NaN or absurd
        raise EventParseError(f"{name} out of range")
    return number


def _attachment(value: Any) -> Attachment:
    item = _dict(value, "attachment")
    kind = item.get("type")
    if not isinstance(kind, str):
        raise EventParseError("attachment type missing")
    payload = item.get("payload") or {}
    payload = _dict(payload, "attachment payload")
    size = payload.get("size")
    coords = payload.get("coordinates") if isinstance(payload.get("coordinates"), dict) else {}
    sticker = payload.get("id")
    try:
        size_int = int(size) if size is not None and not isinstance(size, bool) else None
    except (TypeError, ValueError, OverflowError) as exc:  # OverflowError: 1e400 is infinity
        raise EventParseError("attachment size must be a number") from exc
    return Attachment(
        type=kind,
        url=_str(payload, "url"),
        thumbnail=_str(payload, "thumbnail"),
        name=_str(payload, "name"),
        size=size_int,
        title=_str(payload, "title"),
        description=_str(payload, "description"),
        latitude=_float(coords.get("latitude"), "latitude"),
        longitude=_float(coords.get("longitude"), "longitude"),
        sticker_id=str(sticker) if isinstance(sticker, str | int) and not isinstance(sticker, bool) else None,
    )


def _info(value: Any) -> dict[str, str]:
    """Flatten both known shapes of user_submit_info (nested full_address, or flat fields)."""
    info = _dict(value, "info")
    flat: dict[str, str] = {}
    for key, item in info.items():
        if isinstance(item, dict):
            for sub_key, sub in item.items():
                if isinstance(sub, str | int) and not isinstance(sub, bool):
                    flat[str(sub_key)] = str(sub)
        elif isinstance(item, str | int) and not isinstance(item, bool):
            flat[str(key)] = str(item)
    return flat
