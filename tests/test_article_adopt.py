"""A story article whose create answer was lost is found again, never made twice (issue 14 item 1), over real
HTTP against the emulator: Zalo's article list is paged back to the first attempt, the story's marker (not its
title) identifies the article, and a search stopped by its page bound never leads to a second create."""

from __future__ import annotations

import requests

from bot.infra import clock, keys
from bot.infra.texts import render
from bot.stories import articles
from bot.zalo import article_search
from tests.story_support import CITIZEN, MODERATOR, open_window, say, submit
from tests.support import BotHarness

FILLER = {"type": "normal", "title": "Tin hoạt động của kênh", "author": "Kênh", "description": "Tin ngắn.",
          "cover": {"cover_type": "photo", "photo_url": "https://example.org/cover.png", "status": "show"},
          "body": [{"type": "text", "content": "Nội dung."}], "status": "show", "comment": "show"}


def every_article(bot: BotHarness) -> list[dict]:
    """The OA's whole article list, page by page (newest first)."""
    found: list[dict] = []
    while True:
        page = bot.rt.zalo.article_list(offset=len(found), limit=10)["medias"]
        found += page
        if len(page) < 10:
            return found


def with_marker(bot: BotHarness, code: str) -> list[str]:
    return [a["id"] for a in every_article(bot)
            if bot.rt.zalo.article_detail(article_id=a["id"])["description"].endswith(f" #{code}")]


def field(bot: BotHarness, code: str, name: str) -> str | None:
    raw = bot.redis.hget(keys.story(code), name)
    return raw.decode() if raw else None


def other_articles(bot: BotHarness, count: int) -> None:
    """Articles other people publish on the OA (processed at once)."""
    for n in range(count):
        bot.rt.zalo.article_create(article={**FILLER, "title": f"Tin hoạt động số {n}"})
    clock.move(bot.redis, bot.settings, advance_s=60)  # Zalo has processed them


def approved_with_lost_create(bot: BotHarness) -> str:
    """Approve a story whose article create reaches Zalo but whose answer (the token) never comes back."""
    open_window(bot, MODERATOR)
    code = submit(bot)
    timeout = bot.env["ZALO_TIMEOUT_SECONDS"]
    bot.reconfigure(ZALO_TIMEOUT_SECONDS="0.5")
    bot.fault(kind="delay", seconds=3, when="after", count=1, path="/v2.0/article/create")
    say(bot, MODERATOR, f"/duyet {code}")
    bot.reconfigure(ZALO_TIMEOUT_SECONDS=timeout)
    assert field(bot, code, "article_attempts") == "1" and field(bot, code, "article_token") is None
    bot.redis.delete(keys.story_article_lock(code))  # as its TTL would
    return code


def test_a_lost_create_pushed_off_the_first_pages_by_newer_articles_is_adopted(bot: BotHarness) -> None:
    code = approved_with_lost_create(bot)
    other_articles(bot, 45)  # a busy OA: the story's article is now on page 5
    [made] = with_marker(bot, code)
    assert [a["id"] for a in every_article(bot)].index(made) == 45
    assert articles.publish_story(code) == "published"
    assert field(bot, code, "article_id") == made and with_marker(bot, code) == [made]
    assert len(every_article(bot)) == 46  # no second create
    bot.settle()
    assert len([t for t in bot.replies(CITIZEN) if field(bot, code, "article_link") in t]) == 1


def test_a_title_changed_between_attempts_still_finds_the_article_by_its_marker(bot: BotHarness) -> None:
    code = approved_with_lost_create(bot)
    [made] = with_marker(bot, code)
    clock.move(bot.redis, bot.settings, advance_s=60)
    bot.redis.hset(keys.story(code), "title", "Một tiêu đề đã sửa")  # the next attempt would build another title
    assert articles.publish_story(code) == "published"
    assert field(bot, code, "article_id") == made and len(every_article(bot)) == 1


def test_erasure_after_a_lost_create_removes_the_article_it_made(bot: BotHarness) -> None:
    code = approved_with_lost_create(bot)
    bot.redis.hset(keys.story(code), "title", "Một tiêu đề đã sửa")
    other_articles(bot, 12)
    assert len(with_marker(bot, code)) == 1
    say(bot, CITIZEN, "xóa dữ liệu của tôi")
    say(bot, CITIZEN, "xác nhận xóa")
    assert with_marker(bot, code) == [] and len(every_article(bot)) == 12
    assert field(bot, code, "article_attempt_ms") is None


def test_the_page_bound_stops_the_search_and_moderators_decide(bot: BotHarness) -> None:
    code = approved_with_lost_create(bot)
    other_articles(bot, 25)  # the story's article is on page 3
    bot.reconfigure(ARTICLE_ADOPT_PAGES="2")
    assert articles.publish_story(code) == "unverified"  # maybe made, beyond the bound: never created again
    assert articles.publish_story(code) == "unverified"
    assert len(every_article(bot)) == 26 and field(bot, code, "article_id") is None
    assert bot.redis.zscore(keys.STORY_ARTICLES_PENDING, code) is None  # the sweeper does not bring it back
    assert articles.recover(bot.redis, bot.settings, now_ms=10 ** 13) == 0
    bot.settle()
    told = render("mod_publish_unverified", code=code, pages=2)
    assert bot.replies(MODERATOR).count(told) == 1
    # the moderator looks in the OA's manager, removes the stray article and publishes afresh
    [stray] = with_marker(bot, code)
    bot.rt.zalo.article_remove(article_id=stray)
    say(bot, MODERATOR, f"/dang {code}")
    assert bot.replies(MODERATOR)[-1] == render("mod_publish_queued", code=code)
    [live] = with_marker(bot, code)
    assert live != stray and field(bot, code, "article_id") == live and len(every_article(bot)) == 26
    link = field(bot, code, "article_link")
    assert link and requests.get(link, timeout=10).status_code == 200


def test_the_search_stops_at_the_first_attempt_not_at_the_bound(bot: BotHarness) -> None:
    other_articles(bot, 30)  # older than the story's first create
    clock.move(bot.redis, bot.settings, advance_s=3600)
    open_window(bot, MODERATOR)
    code = submit(bot)
    bot.fault(kind="http", status=503, count=1, path="/v2.0/article/create")  # lost before Zalo: nothing made
    say(bot, MODERATOR, f"/duyet {code}")
    bot.redis.delete(keys.story_article_lock(code))
    since = int(field(bot, code, "article_first_attempt_ms") or 0)
    search = article_search.find_created(bot.rt.zalo, f"#{code}", since_ms=since, max_pages=2)
    assert (search.article_id, search.complete, search.pages) == (None, True, 1)
    assert not article_search.find_created(bot.rt.zalo, f"#{code}", since_ms=None, max_pages=2).complete
    bot.reconfigure(ARTICLE_ADOPT_PAGES="2")
    assert articles.publish_story(code) == "reconciling"  # not "unverified": the list was read back far enough
