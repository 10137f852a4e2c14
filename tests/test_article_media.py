"""A story article whose media Zalo could not process (verify answers -200 "Upload media failed", §11.1): never
retried forever on a dead token, never doubled, and published plain (the channel's cover, no photos) instead."""

from __future__ import annotations

import json

from bot.infra import keys
from bot.stories import articles
from tests.story_support import CITIZEN, MODERATOR, open_window, say, submit
from tests.support import BotHarness, wait_for

PHOTO = "https://example.org/anh-khong-tai-duoc.jpg"  # a photo Zalo cannot fetch


def field(bot: BotHarness, code: str, name: str) -> str | None:
    raw = bot.redis.hget(keys.story(code), name)
    return raw.decode() if raw else None


def listed(bot: BotHarness) -> list[dict]:
    return bot.rt.zalo.article_list(offset=0, limit=10)["medias"]


def approved_with_failed_media(bot: BotHarness) -> str:
    open_window(bot, MODERATOR)
    code = submit(bot)
    bot.redis.hset(keys.story(code), "photos", json.dumps([PHOTO]))
    bot.fault(kind="zalo_error", error=-200, message="Upload media failed", count=1, path="/v2.0/article/verify")
    say(bot, MODERATOR, f"/duyet {code}")
    assert field(bot, code, "article_token") is None and field(bot, code, "article_plain") == "1"
    assert field(bot, code, "article_id") is None
    assert bot.redis.zscore(keys.STORY_ARTICLES_PENDING, code) is not None  # the sweeper comes back
    bot.redis.delete(keys.story_article_lock(code))
    wait_for(lambda: listed(bot), 10, "Zalo to finish processing what it kept")
    return code


def test_media_zalo_could_not_process_leads_to_one_plain_article(bot: BotHarness) -> None:
    code = approved_with_failed_media(bot)
    [dropped] = listed(bot)
    bot.rt.zalo.article_remove(article_id=dropped["id"])  # Zalo kept nothing of the failed article
    assert articles.publish_story(code) == "reconciling"  # not created again inside the window
    assert listed(bot) == []
    past = int(field(bot, code, "article_attempt_ms") or 0) - bot.settings.article_reconcile_s * 1000 - 1
    bot.redis.hset(keys.story(code), "article_attempt_ms", past)
    assert articles.publish_story(code) == "published"
    [article] = listed(bot)
    body = bot.rt.zalo.article_detail(article_id=article["id"])
    assert body["cover"]["photo_url"].endswith("/article-cover.png")
    assert not [p for p in body["body"] if p["type"] == "image"]
    assert field(bot, code, "article_id") == article["id"] and field(bot, code, "article_plain") is None
    bot.settle()
    assert len([t for t in bot.replies(CITIZEN) if article["link_view"] in t]) == 1


def test_an_article_zalo_kept_despite_the_failure_is_adopted_not_doubled(bot: BotHarness) -> None:
    code = approved_with_failed_media(bot)
    [kept] = listed(bot)
    assert articles.publish_story(code) == "published"
    assert listed(bot) == [kept] and field(bot, code, "article_id") == kept["id"]
