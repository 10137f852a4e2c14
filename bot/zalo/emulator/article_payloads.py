"""Article bodies (zalo-oa-api.md §11.1): pure validation of ``/v2.0/article/create`` and ``update``.

Zalo answers parameter errors on articles with -201 and a reason (e.g. "title allow 1 to 150 characters");
the emulator does the same. Limits: title ≤ ``article_title_max_chars`` (150 [C], but [S] saw exactly 150
rejected), author ≤ 50, description ≤ 300 [C]; the body limit is unknown, so it is a setting.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from bot.zalo.emulator.config import EmulatorConfig
from bot.zalo.emulator.errors import ZaloError

SHOW_HIDE = ("show", "hide")
COVER_VIEWS = ("horizontal", "vertical", "square")
ARTICLE_TYPES = ("normal", "video")


def _need(condition: bool, what: str) -> None:
    if not condition:
        raise ZaloError(-201, what)


def _url(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def _text(body: dict[str, Any], key: str, high: int, *, required: bool = True) -> str:
    value = body.get(key, None if required else "")
    _need(isinstance(value, str), f"{key} is required")
    length = len(unicodedata.normalize("NFC", value))
    _need((length >= 1 or not required) and length <= high, f"{key} allow {int(required)} to {high} characters")
    return value


def _choice(body: dict[str, Any], key: str, default: str) -> str:
    value = body.get(key, default)
    _need(value in SHOW_HIDE, f"{key} accept only show or hide")
    return value


def _cover(cover: Any, config: EmulatorConfig) -> dict[str, Any]:
    _need(isinstance(cover, dict), "cover value is invalid")
    kind = cover.get("cover_type")
    if kind == "photo":
        _need(_url(cover.get("photo_url")), "cover value is invalid: photo_url must be a public URL")
    else:
        _need(kind == "video" and isinstance(cover.get("video_id"), str)
              and cover.get("cover_view") in COVER_VIEWS, "cover value is invalid")
    _need(cover.get("status") in SHOW_HIDE, "cover value is invalid: status")
    _need(cover["status"] == "show" or not config.article_cover_must_show, "cover value is invalid")
    return cover


def _paragraph(paragraph: Any) -> int:
    """Check one body paragraph; returns the characters it counts towards the body limit."""
    _need(isinstance(paragraph, dict), "body paragraph must be an object")
    kind = paragraph.get("type")
    if kind == "text":
        _need(isinstance(paragraph.get("content"), str), "body text needs content")
        return len(unicodedata.normalize("NFC", paragraph["content"]))
    if kind == "image":
        _need(_url(paragraph.get("url")), "body image needs url")
        _need(isinstance(paragraph.get("caption", ""), str), "body image caption")
        return 0
    if kind == "video":
        _need((_url(paragraph.get("url")) and _url(paragraph.get("thumb")))
              or isinstance(paragraph.get("video_id"), str), "body video needs url and thumb, or video_id")
        return 0
    _need(kind == "product" and isinstance(paragraph.get("id"), str | int), "body paragraph type")
    return 0


def parse_article(body: Any, config: EmulatorConfig) -> dict[str, Any]:
    """The article as stored: the fields Zalo keeps, validated; raises :class:`ZaloError` (-201)."""
    _need(isinstance(body, dict), "body must be a JSON object")
    kind = body.get("type", "normal")
    _need(kind in ARTICLE_TYPES, "type accept only 2 value normal and video.")
    article: dict[str, Any] = {
        "type": kind, "title": _text(body, "title", config.article_title_max_chars),
        "description": _text(body, "description", 300), "comment": _choice(body, "comment", "show"),
        "status": _choice(body, "status", "show"),
    }
    if kind == "video":
        _need(isinstance(body.get("video_id"), str) and body["video_id"] != "", "video_id is required")
        _need(_url(body.get("avatar")), "avatar must be a public URL")
        return {**article, "video_id": body["video_id"], "avatar": body["avatar"]}
    paragraphs = body.get("body")
    _need(isinstance(paragraphs, list) and len(paragraphs) > 0, "body is required")
    if sum(_paragraph(p) for p in paragraphs) > config.article_body_max_chars:
        raise ZaloError(-210, f"Parameter exceeds allowed limit: body over {config.article_body_max_chars} characters")
    related = body.get("related_medias", [])
    _need(isinstance(related, list) and all(isinstance(r, str) for r in related), "related_medias")
    _need("tracking_link" not in body or _url(body["tracking_link"]), "tracking_link must be a URL")
    extras = {key: body[key] for key in ("related_medias", "tracking_link") if key in body}
    return {**article, "author": _text(body, "author", 50, required=False),
            "cover": _cover(body.get("cover"), config), "body": paragraphs, **extras}
