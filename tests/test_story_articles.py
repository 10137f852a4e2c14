"""Approved stories become OA articles (issue 14 item 1), over real HTTP against the emulator: published once
under retries and a SIGKILLed worker, the submitter's link, /gobai and /dang, erasure removes the article."""

from __future__ import annotations

import signal
import time

import pytest
import requests

from bot.infra import keys
from bot.infra.texts import render
from bot.stories import articles
from bot.zalo.errors import ZaloError
from tests.story_support import CITIZEN, MODERATOR, code_in, open_window, say, submit
from tests.support import BotHarness, spawn, wait_for


def live_articles(bot: BotHarness) -> list[dict]:
    answer = requests.get(bot.emulator_url + "/v2.0/article/getslice", params={"offset": 0, "limit": 10},
                          headers={"access_token": _token(bot)}, timeout=10).json()
    return answer["data"]["medias"]


def _token(bot: BotHarness) -> str:
    return bot.rt.zalo.tokens.access_token()


def detail(bot: BotHarness, article_id: str) -> dict:
    return bot.rt.zalo.article_detail(article_id=article_id)


def field(bot: BotHarness, code: str, name: str) -> str | None:
    raw = bot.redis.hget(keys.story(code), name)
    return raw.decode() if raw else None


def approved_story(bot: BotHarness) -> str:
    open_window(bot, MODERATOR)
    code = submit(bot)
    say(bot, MODERATOR, f"/duyet {code}")
    return code


def test_approval_publishes_one_article_and_the_submitter_gets_its_link(bot: BotHarness) -> None:
    code = approved_story(bot)
    [article] = live_articles(bot)
    assert field(bot, code, "article_id") == article["id"]
    link = field(bot, code, "article_link")
    assert link == article["link_view"]
    body = detail(bot, article["id"])
    assert body["title"] == "Làm giấy khai sinh trên điện thoại"
    assert body["author"] == render("article_author_anonymous")
    text = " ".join(p.get("content", "") for p in body["body"])
    assert f"📍 {field(bot, code, 'locality')}" in text and "0912 345 678" not in text and f"#{code}" in text
    assert body["cover"]["photo_url"].endswith("/article-cover.png")
    page = requests.get(link, timeout=10)
    assert page.status_code == 200 and "Làm giấy khai sinh" in page.text
    told = [t for t in bot.replies(CITIZEN) if link in t]
    assert told == [render("story_notice_article", title="Làm giấy khai sinh trên điện thoại", code=code,
                           link=link)]
    # retries of every kind: the job again, /dang again, the sweeper: still one article, one notice
    assert articles.publish_story(code) == "live"
    say(bot, MODERATOR, f"/dang {code}")
    assert bot.replies(MODERATOR)[-1] == render("mod_publish_live", code=code, link=link)
    assert len(live_articles(bot)) == 1
    assert [t for t in bot.replies(CITIZEN) if link in t] == told


def test_gobai_removes_and_dang_publishes_again(bot: BotHarness) -> None:
    code = approved_story(bot)
    link = field(bot, code, "article_link")
    say(bot, MODERATOR, f"/gobai {code}")
    assert bot.replies(MODERATOR)[-2:] == [render("mod_unpublish_queued", code=code),
                                           render("mod_unpublish_done", code=code)]
    assert live_articles(bot) == [] and field(bot, code, "article_id") is None
    assert requests.get(link, timeout=10).status_code == 404
    say(bot, MODERATOR, f"/gobai {code}")
    assert bot.replies(MODERATOR)[-1] == render("mod_unpublish_none", code=code)
    say(bot, MODERATOR, f"/dang {code}")
    assert bot.replies(MODERATOR)[-1] == render("mod_publish_queued", code=code)
    assert len(live_articles(bot)) == 1 and field(bot, code, "article_link") not in (None, link)


def test_erasure_removes_the_persons_articles(bot: BotHarness) -> None:
    code = approved_story(bot)
    link = field(bot, code, "article_link")
    assert len(live_articles(bot)) == 1
    say(bot, CITIZEN, "xóa dữ liệu của tôi")
    say(bot, CITIZEN, "xác nhận xóa")
    assert live_articles(bot) == []
    assert requests.get(link, timeout=10).status_code == 404
    say(bot, MODERATOR, f"/dang {code}")  # an anonymised story is not published again
    assert bot.replies(MODERATOR)[-1] == render("mod_publish_not_approved", code=code)
    assert live_articles(bot) == []


def test_worker_killed_while_verifying_publishes_once(bot: BotHarness) -> None:
    bot.emulator("POST", "/config", json={"article_processing_s": 3600})  # verify keeps saying "processing"
    env = {**bot.env, "ARTICLE_VERIFY_TRIES": "100", "ARTICLE_VERIFY_INTERVAL_SECONDS": "0.5"}
    open_window(bot, MODERATOR)
    code = submit(bot)
    doomed = spawn(["worker"], env)
    try:
        bot.send(MODERATOR, f"/duyet {code}")  # the subprocess approves, then creates and polls verify
        wait_for(lambda: field(bot, code, "article_token") is not None, 30, "the article to be created")
        doomed.send_signal(signal.SIGKILL)
        doomed.wait(5)
    finally:
        if doomed.poll() is None:
            doomed.kill()
    assert field(bot, code, "article_id") is None
    bot.advance_clock(3600)  # processing is over now
    bot.redis.delete(keys.story_article_lock(code))  # as its TTL would
    assert articles.recover(bot.redis, bot.settings, now_ms=10 ** 13) == 1
    bot.settle()
    [article] = live_articles(bot)
    assert field(bot, code, "article_id") == article["id"]
    assert len([t for t in bot.replies(CITIZEN) if article["link_view"] in t]) == 1


def test_the_submitter_may_choose_to_be_named_at_consent(bot: BotHarness) -> None:
    open_window(bot, MODERATOR)
    bot.emulator("PUT", f"/users/{CITIZEN}", json={"display_name": "Nguyễn Thị Lan"})
    for text in ("gửi câu chuyện", "Học ký số trên điện thoại", "Cần Thơ",
                 "Cả xóm tôi học ký số trên điện thoại để nộp hồ sơ trực tuyến cho nhanh.", "xong"):
        say(bot, CITIZEN, text)
    summary = bot.messages(CITIZEN)[-1]
    titles = [b["title"] for b in summary["attachment"]["payload"]["buttons"]]
    assert render("story_button_agree_named") in titles and render("story_button_agree") in titles
    say(bot, CITIZEN, "đồng ý, ghi tên tôi")
    code = code_in(bot.replies(CITIZEN)[-1])
    say(bot, MODERATOR, f"/duyet {code}")
    [article] = live_articles(bot)
    assert detail(bot, article["id"])["author"] == "Nguyễn Thị Lan"


def test_taken_down_while_zalo_still_processes_leaves_no_article(bot: BotHarness) -> None:
    bot.reconfigure(ARTICLE_VERIFY_TRIES="1")
    bot.emulator("POST", "/config", json={"article_processing_s": 3600})
    code = approved_story(bot)  # created, not verified yet: the job failed and keeps the token
    assert field(bot, code, "article_token") is not None and field(bot, code, "article_id") is None
    say(bot, MODERATOR, f"/gobai {code}")
    assert bot.replies(MODERATOR)[-1] == render("mod_unpublish_queued", code=code)
    bot.advance_clock(3600)
    bot.redis.delete(keys.story_article_lock(code))
    assert articles.recover(bot.redis, bot.settings, now_ms=10 ** 13) == 1
    bot.settle()
    assert live_articles(bot) == [] and field(bot, code, "article_id") is None
    assert not [t for t in bot.replies(CITIZEN) if "/_emulator/articles/" in t]  # never told of a link
    assert bot.redis.zscore(keys.STORY_ARTICLES_PENDING, code) is None


def test_worker_killed_after_create_accepted_waits_for_the_article_and_adopts_it(bot: BotHarness) -> None:
    """The window between Zalo accepting create and the token being stored: no second create, one article."""
    bot.emulator("POST", "/config", json={"article_processing_s": 3600})  # not listed while processing
    bot.fault(kind="delay", seconds=60, when="after", count=1, path="/v2.0/article/create")
    open_window(bot, MODERATOR)
    code = submit(bot)
    doomed = spawn(["worker"], bot.env)
    try:
        bot.send(MODERATOR, f"/duyet {code}")
        wait_for(lambda: field(bot, code, "article_attempt_ms") is not None
                 and not bot.emulator("GET", "/faults").json()["faults"], 30, "create to reach Zalo")
        doomed.send_signal(signal.SIGKILL)  # Zalo took the create; its answer (the token) is lost
        doomed.wait(5)
    finally:
        if doomed.poll() is None:
            doomed.kill()
    assert field(bot, code, "article_token") is None and field(bot, code, "article_id") is None
    bot.redis.delete(keys.story_article_lock(code))
    assert articles.publish_story(code) == "reconciling"  # not listed yet: wait, never create blindly
    assert bot.redis.zscore(keys.STORY_ARTICLES_PENDING, code) is not None  # the sweeper comes back
    bot.advance_clock(3600)  # Zalo finished processing the one article the dead worker created
    [article] = live_articles(bot)
    soon_ms = int(time.time() * 1000) + (articles.RECHECK_S + 1) * 1000  # well inside the reconcile window
    assert soon_ms < int(field(bot, code, "article_attempt_ms")) + bot.settings.article_reconcile_s * 1000
    assert articles.recover(bot.redis, bot.settings, now_ms=soon_ms) == 1  # the sweeper looks again
    bot.settle()
    assert live_articles(bot) == [article] and field(bot, code, "article_id") == article["id"]
    assert len([t for t in bot.replies(CITIZEN) if article["link_view"] in t]) == 1


def test_a_create_that_never_reached_zalo_is_repeated_after_the_window_then_moderators_are_told(
        bot: BotHarness) -> None:
    bot.reconfigure(ARTICLE_CREATE_ATTEMPTS="2")
    bot.fault(kind="http", status=503, count=1, path="/v2.0/article/create")  # the answer is lost, nothing made
    code = approved_story(bot)
    assert field(bot, code, "article_attempts") == "1" and live_articles(bot) == []
    bot.redis.delete(keys.story_article_lock(code))
    assert articles.publish_story(code) == "reconciling"
    assert live_articles(bot) == []
    window_ago = int(field(bot, code, "article_attempt_ms")) - bot.settings.article_reconcile_s * 1000 - 1
    bot.redis.hset(keys.story(code), "article_attempt_ms", window_ago)  # the reconciliation window is over
    assert articles.publish_story(code) == "published"
    assert len(live_articles(bot)) == 1 and field(bot, code, "article_attempts") is None
    # a story whose creates never show: after the budget, moderators are told once and retries stop
    other = submit(bot)
    bot.fault(kind="http", status=503, count=1, path="/v2.0/article/create")
    say(bot, MODERATOR, f"/duyet {other}")
    bot.redis.hset(keys.story(other), "article_attempt_ms", window_ago)
    bot.fault(kind="http", status=503, count=1, path="/v2.0/article/create")
    bot.redis.delete(keys.story_article_lock(other))
    with pytest.raises(ZaloError):  # the second create, lost too
        articles.publish_story(other)
    assert field(bot, other, "article_attempts") == "2"
    bot.redis.hset(keys.story(other), "article_attempt_ms", window_ago)
    bot.redis.delete(keys.story_article_lock(other))
    assert articles.publish_story(other) == "failed"
    assert articles.publish_story(other) == "failed"  # a stray retry tells nobody twice
    bot.settle()
    told = render("mod_publish_failed", code=other, attempts=2)
    assert bot.replies(MODERATOR).count(told) == 1
    assert bot.redis.zscore(keys.STORY_ARTICLES_PENDING, other) is None and len(live_articles(bot)) == 1
