"""The OA's articles (zalo-oa-api.md §11.1): create → token, verify → id once processed, detail, list,
update (a new token to verify), remove. Processing takes ``article_processing_s`` on the emulator's clock;
until then verify answers ``article_processing_error`` ("Media is being processed").

:class:`ArticlesMixin` is part of :class:`~bot.zalo.emulator.state.EmulatorState`.
"""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

from bot.zalo.emulator.clock import Clock
from bot.zalo.emulator.config import EmulatorConfig
from bot.zalo.emulator.errors import ZaloError

LIST_LIMIT = 10  # getslice: "maximum limit is 10" [C]


@dataclass
class Article:
    """One article; ``content`` is what create/update gave, validated (article_payloads.py)."""

    article_id: str
    content: dict[str, Any]
    link: str
    created_ms: int
    updated_ms: int
    ready_ms: int  # processing of the latest create/update ends here
    removed: bool = False
    views: int = 0
    tokens: set[str] = field(default_factory=set)

    def summary(self) -> dict[str, Any]:
        """A getslice item: id, type, title, status, counters, dates, thumb, link_view [S: C1]."""
        cover = self.content.get("cover") or {}
        return {"id": self.article_id, "type": self.content["type"], "title": self.content["title"],
                "status": self.content["status"], "total_view": self.views, "total_share": 0,
                "create_date": self.created_ms, "update_date": self.updated_ms,
                "thumb": cover.get("photo_url") or self.content.get("avatar", ""), "link_view": self.link}

    def detail(self) -> dict[str, Any]:
        return {**self.content, **self.summary()}


class ArticlesMixin:
    """Articles of the emulator state; each public method takes the lock."""

    _lock: threading.RLock
    clock: Clock
    config: EmulatorConfig
    articles: dict[str, Article]
    article_tokens: dict[str, str]

    def _token_for_locked(self, article: Article) -> str:
        token = secrets.token_urlsafe(24)
        article.tokens.add(token)
        self.article_tokens[token] = article.article_id
        return token

    def create_article(self, content: dict[str, Any], link_base: str) -> str:
        """Store the article and start processing; the answer is a token, not the id [C]."""
        with self._lock:
            now = self.clock.now_ms()
            article_id = secrets.token_hex(16)
            article = Article(article_id, content, f"{link_base}{article_id}", now, now,
                              now + int(self.config.article_processing_s * 1000))
            self.articles[article_id] = article
            return self._token_for_locked(article)

    def verify_article(self, token: Any) -> str:
        """The article id once processing is done; before that Zalo's "being processed" error."""
        with self._lock:
            article = self.articles.get(self.article_tokens.get(token, "")) if isinstance(token, str) else None
            if article is None or article.removed:
                raise ZaloError(-201, "Parameters are invalid: token")
            if self.clock.now_ms() < article.ready_ms:
                raise ZaloError(self.config.article_processing_error, "Media is being processed")
            return article.article_id

    def _live_locked(self, article_id: Any) -> Article:
        article = self.articles.get(article_id) if isinstance(article_id, str) else None
        if article is None or article.removed:
            raise ZaloError(-201, "Parameters are invalid: article id does not exist")
        return article

    def article_detail(self, article_id: Any) -> dict[str, Any]:
        with self._lock:
            return self._live_locked(article_id).detail()

    def list_articles(self, offset: int, limit: int, kind: str) -> dict[str, Any]:
        """getslice: newest first, processed and not removed, ``limit`` ≤ 10, ``type`` normal|video."""
        if kind not in ("normal", "video"):
            raise ZaloError(-201, "type accept only 2 value normal and video.")
        if limit > LIST_LIMIT or limit < 1 or offset < 0:
            raise ZaloError(-201, f"Parameters are invalid: maximum limit is {LIST_LIMIT}")
        with self._lock:
            now = self.clock.now_ms()
            shown = [a for a in self.articles.values()
                     if not a.removed and a.content["type"] == kind
                     and (a.ready_ms <= now or a.updated_ms > a.created_ms)]  # an update keeps it listed
            shown.sort(key=lambda a: a.created_ms, reverse=True)
            return {"medias": [a.summary() for a in shown[offset:offset + limit]], "total": len(shown)}

    def update_article(self, article_id: Any, content: dict[str, Any]) -> str:
        """Replace the content; a new token to verify, as after create [C]."""
        with self._lock:
            article = self._live_locked(article_id)
            if content["type"] != article.content["type"]:
                raise ZaloError(-201, "Parameters are invalid: type cannot change")
            now = self.clock.now_ms()
            article.content, article.updated_ms = content, now
            article.ready_ms = now + int(self.config.article_processing_s * 1000)
            return self._token_for_locked(article)

    def remove_article(self, article_id: Any) -> None:
        with self._lock:
            self._live_locked(article_id).removed = True

    def article_for_broadcast(self, article_id: Any) -> Article:
        """A broadcast may carry only a processed, live article (else -201, as for any unknown id)."""
        with self._lock:
            article = self._live_locked(article_id)
            if self.clock.now_ms() < article.ready_ms:
                raise ZaloError(-201, "Parameters are invalid: article is being processed")
            return article

    def article_page(self, article_id: str) -> Article | None:
        """The article behind its public link (counting the view), or None when gone or hidden."""
        with self._lock:
            article = self.articles.get(article_id)
            if article is None or article.removed or article.content["status"] != "show":
                return None
            article.views += 1
            return article
