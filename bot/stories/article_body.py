"""What a story's OA article says (zalo-oa-api.md §11.1): title, province, masked text, photos, the source line
with the display name the submitter chose, and the story's marker (`#CODE`) ending the description, by which a
create whose answer was lost is found again (bot/zalo/article_search.py)."""

from __future__ import annotations

import json
from typing import Any

from bot.config import Settings
from bot.infra.texts import render
from bot.zalo.cover import url as cover_url


def marker(code: str) -> str:
    """The story's marker: the last word of the description of every article made for it."""
    return f"#{code}"


# Zalo allows a 150-character title but refused exactly 150 once (§11.1 [S: C2]); description ≤ 300, author ≤ 50
TITLE_CHARS, DESCRIPTION_CHARS, AUTHOR_CHARS = 140, 300, 50


def build_article(story: dict[str, str], photos: list[str], settings: Settings) -> dict[str, Any]:
    """The article body Zalo expects (§11.1): masked text, province, photos, source line, display name."""
    code = story["code"]
    author = (story.get("display_name") or render("article_author_anonymous"))[:AUTHOR_CHARS]
    province = story.get("locality", "")
    paragraphs: list[dict[str, Any]] = [{"type": "text", "content": render("article_province_line",
                                                                           province=province)}]
    paragraphs += [{"type": "text", "content": part.strip()} for part in story.get("body", "").split("\n\n")
                   if part.strip()]
    paragraphs += [{"type": "image", "url": url, "caption": ""} for url in photos]
    paragraphs.append({"type": "text", "content": render("article_source_line", author=author, code=code)})
    cover = photos[0] if photos else cover_url(settings)
    return {"type": "normal", "title": story.get("title", "")[:TITLE_CHARS] or f"#{code}", "author": author,
            "description": render("article_description", province=province)[:DESCRIPTION_CHARS - 10]
            + f" {marker(code)}",
            "cover": {"cover_type": "photo", "photo_url": cover, "status": "show"},
            "body": paragraphs, "status": "show", "comment": "show"}


def public_photos(raw: str) -> list[str]:
    """The story's photos Zalo can fetch (public URLs); the others stay out of the article."""
    return [u for u in json.loads(raw or "[]") if isinstance(u, str) and u.startswith(("https://", "http://"))]
