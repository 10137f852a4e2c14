"""OA API, articles and broadcast (zalo-oa-api.md §11): ``/v2.0/article/*`` and ``/v2.0/oa/message``."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, request

from bot.zalo.emulator.article_payloads import parse_article
from bot.zalo.emulator.broadcast_payloads import parse_broadcast
from bot.zalo.emulator.errors import ZaloError
from bot.zalo.emulator.web import get_state, json_body, oa_api, ok

articles_api = Blueprint("zalo_articles", __name__)
ARTICLE_PAGE = "_emulator/articles/"  # the public link of an article, under the emulator (pages.py)


def _field(body: Any, key: str) -> Any:
    if not isinstance(body, dict) or key not in body:
        raise ZaloError(-201, f"Parameters are invalid: {key}")
    return body[key]


def _int_arg(name: str, default: int) -> int:
    raw = request.args.get(name, str(default))
    if not raw.strip().isdigit():
        raise ZaloError(-201, f"Parameters are invalid: {name}")
    return int(raw)


@articles_api.post("/v2.0/article/create")
@oa_api
def create_article() -> Response:
    """Answers a token, not the id: verify gives the id once processing is done [C]."""
    state = get_state()
    content = parse_article(json_body(), state.config)
    return ok({"token": state.create_article(content, request.host_url + ARTICLE_PAGE)})


@articles_api.post("/v2.0/article/verify")
@oa_api
def verify_article() -> Response:
    return ok({"id": get_state().verify_article(_field(json_body(), "token"))})


@articles_api.get("/v2.0/article/getdetail")
@oa_api
def article_detail() -> Response:
    return ok(get_state().article_detail(request.args.get("id")))


@articles_api.get("/v2.0/article/getslice")
@oa_api
def list_articles() -> Response:
    """Newest first; ``limit`` at most 10, ``type`` normal or video."""
    offset, limit = _int_arg("offset", 0), _int_arg("limit", 10)
    return ok(get_state().list_articles(offset, limit, request.args.get("type", "normal")))


@articles_api.post("/v2.0/article/update")
@oa_api
def update_article() -> Response:
    """The create body plus ``id``; a new token to verify [C]."""
    state = get_state()
    body = json_body()
    article_id = _field(body, "id")
    return ok({"token": state.update_article(article_id, parse_article(body, state.config))})


@articles_api.post("/v2.0/article/remove")
@oa_api
def remove_article() -> Response:
    get_state().remove_article(_field(json_body(), "id"))
    return ok({})


@articles_api.post("/v2.0/oa/message")
@oa_api
def broadcast() -> Response:
    """Queue a broadcast of processed articles to the followers matching ``recipient.target``."""
    state = get_state()
    target, article_ids, _ = parse_broadcast(json_body(), state.config)
    articles = [state.article_for_broadcast(article_id) for article_id in article_ids]
    elements = [{"media_type": "article", "attachment_id": a.article_id, "title": a.content["title"],
                 "link": a.link} for a in articles]
    attachment = {"type": "template", "payload": {"template_type": "media", "elements": elements}}
    return ok({"message_id": state.accept_broadcast(target, articles, attachment)})
