"""Routes of the sandbox web chat (`/sandbox`): the page, a proxy to the emulator, photos, the clock.

Why a same-origin proxy rather than CORS on the emulator: the page then needs one address only (handy
behind an SSH tunnel), and the proxy can refuse every emulator control that a person chatting has no
business calling (faults, reset, config). Registered only when `settings.sandbox and not
settings.production` (bot/app.py).
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import requests
from flask import Blueprint, Response, current_app, jsonify, request, send_from_directory

from bot.config import Settings
from bot.infra.texts import render

STATIC_DIR = Path(__file__).parent / "static"
MAX_PHOTO_BYTES = 5 * 1024 * 1024
PHOTO_TYPES: dict[bytes, tuple[str, str]] = {
    b"\x89PNG\r\n\x1a\n": ("png", "image/png"),
    b"\xff\xd8\xff": ("jpg", "image/jpeg"),
    b"GIF87a": ("gif", "image/gif"),
    b"GIF89a": ("gif", "image/gif"),
}
MIMETYPES = {"png": "image/png", "jpg": "image/jpeg", "gif": "image/gif"}
USER_EVENTS = frozenset({"user_send_text", "user_send_image", "user_send_link", "follow", "unfollow"})

# The emulator controls the page may use: (method, path pattern). Faults, reset and config stay private.
ALLOWED = (
    ("GET", re.compile(r"messages")),
    ("GET", re.compile(r"clock")),
    ("GET", re.compile(r"users/\d{1,25}")),
    ("PUT", re.compile(r"users/\d{1,25}")),
    ("POST", re.compile(r"users/\d{1,25}/events")),
)

bp = Blueprint("sandbox", __name__, url_prefix="/sandbox", static_folder="static", static_url_path="/static")


def _settings() -> Settings:
    return current_app.extensions["dxbot"].settings


def _emulator_url(path: str) -> str:
    return f"{_settings().api_base}/_emulator/{path}"


def _answer(body: Any, status: int = 200) -> Response:
    answer = jsonify(body)
    answer.status_code = status
    return answer


@bp.get("")
@bp.get("/")
def page() -> Response:
    answer = send_from_directory(STATIC_DIR, "index.html")
    answer.headers["Cache-Control"] = "no-store"
    return answer


@bp.get("/api/config")
def config() -> Response:
    """What the page needs to know: moderators, the digest slot, the time zone."""
    settings = _settings()
    hour, minute = settings.digest_time
    return _answer({
        "moderators": sorted(settings.moderator_ids),
        "timezone": settings.timezone,
        "digest": {"weekday": settings.digest_weekday, "time": f"{hour:02d}:{minute:02d}"},
        "emulator": settings.api_base,
    })


@bp.route("/api/emulator/<path:sub>", methods=["GET", "POST", "PUT"])
def emulator_proxy(sub: str) -> Response:
    """Forward an allowed call to the emulator and hand back its status and JSON."""
    if not any(request.method == method and pattern.fullmatch(sub) for method, pattern in ALLOWED):
        return _answer({"error": 403, "message": render("sandbox_forbidden")}, 403)
    body = request.get_json(silent=True) if request.method != "GET" else None
    if sub.endswith("/events") and (not isinstance(body, dict) or body.get("event_name") not in USER_EVENTS):
        return _answer({"error": 400, "message": render("sandbox_bad_event")}, 400)
    try:
        upstream = requests.request(request.method, _emulator_url(sub), params=request.args, json=body, timeout=20)
    except requests.RequestException:
        return _answer({"error": 502, "message": render("sandbox_emulator_down")}, 502)
    return Response(upstream.content, status=upstream.status_code, mimetype="application/json")


@bp.post("/api/clock")
def move_clock() -> Response:
    """Move the emulator's clock and the bot's together (bot/infra/clock.py): `{"advance": s}` or `{"to": "digest"}`."""
    from bot.infra import clock

    body = request.get_json(silent=True) or {}
    runtime = current_app.extensions["dxbot"]
    try:
        now_ms = requests.get(_emulator_url("clock"), timeout=5).json()["now_ms"]
        if body.get("to") == "digest":
            moved = clock.move(runtime.redis, runtime.settings, to=next_digest_ms(runtime.settings, now_ms))
        elif isinstance(body.get("advance"), int | float) and not isinstance(body["advance"], bool) \
                and 0 < body["advance"] <= 366 * 86400:
            moved = clock.move(runtime.redis, runtime.settings, advance_s=float(body["advance"]))
        else:
            return _answer({"error": 400, "message": render("sandbox_bad_clock")}, 400)
    except (requests.RequestException, ValueError, KeyError):
        return _answer({"error": 502, "message": render("sandbox_emulator_down")}, 502)
    now = requests.get(_emulator_url("clock"), timeout=5).json()
    return _answer({**now, "bot_now_ms": int(moved.timestamp() * 1000)})


def next_digest_ms(settings: Settings, now_ms: int) -> int:
    """The next digest slot (DIGEST_SCHEDULE in TIMEZONE) strictly after `now_ms`."""
    now = datetime.fromtimestamp(now_ms / 1000, settings.tz)
    hour, minute = settings.digest_time
    slot = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    slot += timedelta(days=(settings.digest_weekday - now.weekday()) % 7)
    if slot <= now:
        slot += timedelta(days=7)
    return int(slot.timestamp() * 1000)


@bp.post("/api/media")
def upload_photo() -> Response:
    """Keep a photo under DXBOT_VAR_DIR/media and return a URL the bot's workers can fetch."""
    file = request.files.get("file")
    content = file.read(MAX_PHOTO_BYTES + 1) if file else b""
    if not content:
        return _answer({"error": 400, "message": render("sandbox_no_image")}, 400)
    if len(content) > MAX_PHOTO_BYTES:
        return _answer({"error": 413, "message": render("sandbox_image_too_big")}, 413)
    kind = next((found for magic, found in PHOTO_TYPES.items() if content.startswith(magic)), None)
    if kind is None:
        return _answer({"error": 415, "message": render("sandbox_image_type")}, 415)
    name = f"{hashlib.sha256(content).hexdigest()[:24]}.{kind[0]}"
    folder = media_dir()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(content)
    return _answer({"url": f"{request.host_url}sandbox/media/{name}", "name": name})


def media_dir() -> Path:
    return _settings().var_dir.resolve() / "media"


@bp.get("/media/<name>")
def media(name: str) -> Response:
    if not re.fullmatch(r"[0-9a-f]{24}\.(png|jpg|gif)", name):
        return _answer({"error": 404, "message": render("sandbox_image_missing")}, 404)
    return send_from_directory(media_dir(), name, mimetype=MIMETYPES[name.rsplit(".", 1)[1]])
