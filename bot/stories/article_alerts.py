"""Telling the moderators, once, that a story's article needs them (no create confirmed after the budget, a
search that could not reach back to an earlier create, a take-down whose search could not reach back far enough)."""

from __future__ import annotations

import logging

import redis

from bot.config import Settings
from bot.core.notify import queue_text
from bot.infra import keys
from bot.zalo.errors import ZaloError

log = logging.getLogger(__name__)


def tell_moderators_once(client: redis.Redis, settings: Settings, code: str, outcome: str, text: str, *,
                          told_field: str = "article_failed_told") -> str:
    """Stop retrying and tell the moderators `text`, once (`/dang`, `/gobai` reset `told_field`); `outcome` is
    the job's result. A publication left "unverified" marks the story, so that the moderators' `/dang` starts
    afresh."""
    story_key = keys.story(code)
    with client.pipeline() as pipe:
        pipe.watch(story_key)
        told = pipe.hget(story_key, told_field)
        pipe.multi()
        pipe.zrem(keys.STORY_ARTICLES_PENDING, code)
        if outcome == "unverified" and told_field == "article_failed_told":
            pipe.hset(story_key, "article_unverified", "1")
        if not told:
            pipe.hset(story_key, told_field, "1")
            for moderator in sorted(settings.moderator_ids):
                queue_text(pipe, moderator, text, max_chars=settings.max_text_chars)
        try:
            pipe.execute()
        except redis.WatchError:
            raise ZaloError(-1, "story changed while telling the moderators; retried") from None
    log.warning("story %s: article %s; moderators told", code, outcome)
    return outcome
