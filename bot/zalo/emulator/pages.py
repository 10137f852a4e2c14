"""Emulator-only views of articles and broadcasts: the public article page and the broadcast list.

``GET /_emulator/articles/<id>`` is the article's ``link_view``: a plain, readable HTML page, so the sandbox
(and a citizen's browser in a demo) can open what a broadcast points at. Zalo's real URL format, and whether
it opens outside Zalo, are uncertain (zalo-oa-api.md §11.1); the emulator does not imitate either.
"""

from __future__ import annotations

from html import escape
from typing import Any

from flask import Blueprint, Response, jsonify

from bot.zalo.emulator.web import get_state

pages = Blueprint("emulator_pages", __name__, url_prefix="/_emulator")

PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:40rem;margin:auto;padding:1rem;line-height:1.5}}
img{{max-width:100%}}</style></head>
<body><article><h1>{title}</h1><p><em>{author}</em></p><p><strong>{description}</strong></p>
{cover}{body}</article></body></html>
"""
GONE = ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>404</title></head>'
        "<body><p>404</p></body></html>")


def _paragraph(paragraph: dict[str, Any]) -> str:
    kind = paragraph.get("type")
    if kind == "text":
        return "".join(f"<p>{escape(line)}</p>" for line in paragraph["content"].split("\n") if line.strip())
    if kind == "image":
        caption = escape(paragraph.get("caption", ""))
        image = f'<img src="{escape(paragraph["url"])}" alt="{caption}">'
        return f"<figure>{image}<figcaption>{caption}</figcaption></figure>"
    if kind == "video":
        url = paragraph.get("url") or paragraph.get("video_id", "")
        return f'<p><a href="{escape(url)}">{escape(url)}</a></p>'
    return f"<p>#{escape(str(paragraph.get('id', '')))}</p>"


def render_article(content: dict[str, Any]) -> str:
    """Every value escaped: article text comes from the bot's operators, the page from the emulator."""
    cover = content.get("cover") or {}
    image = cover.get("photo_url") or content.get("avatar")
    return PAGE.format(
        title=escape(content["title"]), author=escape(content.get("author", "")),
        description=escape(content["description"]),
        cover=f'<img src="{escape(image)}" alt="">' if image and cover.get("status", "show") == "show" else "",
        body="\n".join(_paragraph(p) for p in content.get("body", [])),
    )


@pages.get("/articles/<article_id>")
def article_page(article_id: str) -> Response:
    """The article as a page (counted in ``total_view``); 404 once removed or while hidden."""
    article = get_state().article_page(article_id)
    if article is None:
        return Response(GONE, status=404, mimetype="text/html")
    return Response(render_article(article.content), mimetype="text/html")


@pages.get("/broadcasts")
def broadcasts() -> Response:
    """Every broadcast with its status (reviewing, delivered, not_sent), due time and reach."""
    return jsonify({"broadcasts": get_state().list_broadcasts()})
