"""Adapter: the approved reader stories, as the weekly digest needs them.

Stories belong to another feature (bot/stories/model.py, issue 4). The digest needs only a small read API,
agreed with it: `bot.stories.approved_stories(client)` → dicts with code, title, locality, body,
approved_ms (masked, newest approval first). This module is the one place that calls it, plus a small
fixture store (`add_fixture_story`) that tests and a sandbox seed can fill without going through
submission and screening.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

import redis

from bot.infra import keys
from bot.nlp.normalize import command_form


@dataclass(frozen=True)
class DigestStory:
    code: str  # without '#'
    title: str
    locality: str  # canonical province/city name as shown to readers
    excerpt: str  # the (masked) story text; the digest shortens it
    approved_ms: int
    url: str | None = None

    @property
    def province_key(self) -> str:
        """The comparable form of the locality (subscribers' preference is stored the same way)."""
        return command_form(self.locality)


def add_fixture_story(client: redis.Redis, story: DigestStory) -> None:
    """Store an approved story in the adapter's own store (tests, sandbox seed)."""
    client.hset(keys.DIGEST_FIXTURE_STORIES, story.code, json.dumps(asdict(story), ensure_ascii=False))


def _stories_api() -> Any | None:
    """`bot.stories.approved_stories(client)` when the stories feature provides it."""
    try:
        module = importlib.import_module("bot.stories.model")
    except ImportError:
        return None
    return getattr(module, "approved_stories", None)


def _coerce(item: Any) -> DigestStory:
    """Accept the stories feature's objects or dicts with the fields above (or close synonyms)."""
    get = item.get if isinstance(item, dict) else lambda name, default=None: getattr(item, name, default)
    code = str(get("code") or "").lstrip("#")
    return DigestStory(code=code, title=str(get("title") or ""),
                       locality=str(get("locality") or get("province") or ""),
                       excerpt=str(get("excerpt") or get("text") or get("body") or ""),
                       approved_ms=int(get("approved_ms") or get("approved_at_ms") or 0),
                       url=get("url"))


def approved_stories(client: redis.Redis) -> list[DigestStory]:
    """Every approved story, newest approval first."""
    api = _stories_api()
    fixtures = [json.loads(raw) for raw in client.hvals(keys.DIGEST_FIXTURE_STORIES)]
    items: Iterable[Any] = [*(api(client) if api is not None else []), *fixtures]
    stories = [_coerce(item) for item in items]
    return sorted(stories, key=lambda s: s.approved_ms, reverse=True)


def get_approved(client: redis.Redis, code: str) -> DigestStory | None:
    code = code.strip().lstrip("#").upper()
    return next((s for s in approved_stories(client) if s.code.upper() == code), None)
