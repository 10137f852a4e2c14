"""Publishing an article the way Zalo requires (§11.4): create answers a token, verify gives the id once the
media are processed. One poll loop for every feature that publishes (stories, the weekly digest)."""

from __future__ import annotations

import time

from bot.zalo.client import ZaloClient
from bot.zalo.errors import ArticleProcessing


def verify_when_ready(zalo: ZaloClient, token: str, *, tries: int, interval_s: float) -> str:
    """The article id of `token`; raises ArticleProcessing when it is still processing after `tries` polls
    (the caller keeps the token and tries again later: a token is never spent by waiting)."""
    for attempt in range(tries):
        try:
            return zalo.article_verify(token=token)
        except ArticleProcessing:
            if attempt + 1 == tries:
                raise
            time.sleep(interval_s)
    raise ArticleProcessing(0, "no verify attempt was made")


def public_link(zalo: ZaloClient, article_id: str) -> str:
    """The article's `link_view` (getdetail; getslice is the documented source [S: C1], searched second)."""
    link = zalo.article_detail(article_id=article_id).get("link_view")
    if link:
        return str(link)
    for item in zalo.article_list(offset=0, limit=10).get("medias") or []:
        if str(item.get("id")) == article_id and item.get("link_view"):
            return str(item["link_view"])
    return ""
