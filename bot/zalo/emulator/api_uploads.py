"""Uploads (``/v2.0/oa/upload/<kind>``, §6.4) and the tiny media files the emulator serves itself."""

from __future__ import annotations

import struct
import zlib

from flask import Blueprint, Response, request

from bot.zalo.emulator.errors import ZaloError
from bot.zalo.emulator.web import get_state, oa_api, ok

uploads_api = Blueprint("zalo_uploads", __name__)
media_files = Blueprint("emulator_media", __name__, url_prefix="/_emulator")

UPLOAD_KINDS: dict[str, tuple[tuple[bytes, ...], str, str]] = {
    # path suffix: (accepted magic numbers, size limit attribute of the config, answer key)
    "image": ((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"), "max_image_bytes", "attachment_id"),
    "gif": ((b"GIF87a", b"GIF89a"), "max_file_bytes", "attachment_id"),
    "file": ((), "max_file_bytes", "token"),
}


@uploads_api.post("/v2.0/oa/upload/<kind>")
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


@media_files.get("/media/<name>.<ext>")
def media(name: str, ext: str) -> Response:
    if ext == "png":
        return Response(PNG, mimetype="image/png")
    if ext == "gif":
        return Response(GIF, mimetype="image/gif")
    return Response(f"emulator sample file {name}.{ext}\n".encode(), mimetype="application/octet-stream")
