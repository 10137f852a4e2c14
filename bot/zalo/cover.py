"""The default cover of story articles: Zalo needs a public photo URL for every article's cover (§11.1), and
a story without photos has none. The web process serves this one at `/article-cover.png` (500×320, Zalo's
recommended size); ARTICLE_COVER_URL replaces it with the channel's own artwork."""

from __future__ import annotations

import functools
import struct
import zlib

from bot.config import Settings

WIDTH, HEIGHT = 500, 320
TOP, BOTTOM = (0, 104, 255), (0, 62, 160)  # a vertical blue gradient, Zalo's blue towards a deeper one
PATH = "/article-cover.png"


def url(settings: Settings) -> str:
    if settings.article_cover_url:
        return settings.article_cover_url
    base = settings.public_url or f"http://127.0.0.1:{settings.port}"
    return base.rstrip("/") + PATH


@functools.cache
def png() -> bytes:
    rows = bytearray()
    for y in range(HEIGHT):
        colour = bytes(round(a + (b - a) * y / (HEIGHT - 1)) for a, b in zip(TOP, BOTTOM, strict=True))
        rows += b"\x00" + colour * WIDTH

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", WIDTH, HEIGHT, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + \
        chunk(b"IEND", b"")
