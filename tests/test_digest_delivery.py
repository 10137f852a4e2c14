"""Digest delivery through the emulator: every branch of Zalo's rules, curfew, faults, deferred delivery."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.digest import subscribers
from bot.infra.texts import render
from tests.digest_helpers import (
    MODERATOR,
    MONDAY_8,
    WEEK,
    add_story,
    at,
    digests_received,
    log_of,
    report,
    run_digest,
    subscribe_at,
)
from tests.support import BotHarness

FRESH = "5100000000000000001"  # wrote 1 h before the digest: free CS window
MID = "5100000000000000002"  # followed 3 days before: paid CS window
OLD = "5100000000000000003"  # followed 10 days before: no CS window at all


@pytest.fixture()
def digest_bot(bot: BotHarness) -> BotHarness:
    bot.reconfigure(DIGEST_RATE_PER_SECOND="0", DIGEST_PREVIEW_MINUTES="0")
    add_story(bot, "AB23", title="Chợ 4.0 ở xã vùng cao", locality="Lào Cai")
    add_story(bot, "CD45", title="Sổ sức khỏe điện tử cho người cao tuổi", locality="Hà Nội", days_ago=2)
    return bot


def three_users(bot: BotHarness) -> None:
    subscribe_at(bot, OLD, MONDAY_8 - timedelta(days=10), follow=True)
    subscribe_at(bot, MID, MONDAY_8 - timedelta(days=3), follow=True)
    subscribe_at(bot, FRESH, MONDAY_8 - timedelta(hours=1))


def test_free_window_gets_cs_others_are_kept_when_nothing_else_is_enabled(digest_bot: BotHarness) -> None:
    bot = digest_bot
    three_users(bot)
    at(bot, MONDAY_8 - timedelta(hours=1))
    bot.send(MODERATOR, "menu")  # moderators need an open window too
    assert run_digest(bot) == "started"
    [fresh] = digests_received(bot, FRESH)
    assert fresh["endpoint"] == "cs" and fresh["quota_type"] == "reply"
    assert "Chợ 4.0 ở xã vùng cao" in fresh["text"] and "Bạn có biết?" in fresh["text"]
    assert len(fresh["text"]) <= 2000
    assert digests_received(bot, MID) == [] and digests_received(bot, OLD) == []
    assert (log_of(bot, FRESH), log_of(bot, MID), log_of(bot, OLD)) == ("s", "w", "w")
    counts = report(bot)
    assert (counts["sent_cs_free"], counts["deferred_window"], counts["unknown"]) == (1, 2, 0)
    # the report reached the moderator
    assert any(f"Báo cáo bản tin tuần {WEEK}" in t for t in bot.replies(MODERATOR))


def test_paid_window_used_only_when_enabled(digest_bot: BotHarness) -> None:
    bot = digest_bot
    bot.reconfigure(DIGEST_CS_PAID="1")
    three_users(bot)
    run_digest(bot)
    [mid] = digests_received(bot, MID)
    assert mid["endpoint"] == "cs" and mid["quota_type"] == "sub_quota"
    assert log_of(bot, MID) == "p" and log_of(bot, OLD) == "w"
    assert report(bot)["sent_cs_paid"] == 1


def test_promotion_outside_the_window_for_followers(digest_bot: BotHarness) -> None:
    bot = digest_bot
    bot.reconfigure(DIGEST_PROMOTION="1")
    three_users(bot)
    run_digest(bot)
    for user in (MID, OLD):
        [message] = digests_received(bot, user)
        assert message["endpoint"] == "promotion"
        assert message["attachment"]["payload"]["buttons"][0]["payload"] == "bản tin"
    assert (log_of(bot, MID), log_of(bot, OLD), log_of(bot, FRESH)) == ("m", "m", "s")
    assert report(bot)["sent_promotion"] == 2


def test_promotion_quota_spent_keeps_the_digest(digest_bot: BotHarness) -> None:
    bot = digest_bot
    bot.reconfigure(DIGEST_PROMOTION="1")
    subscribe_at(bot, OLD, MONDAY_8 - timedelta(days=10), follow=True)
    bot.fault(kind="zalo_error", error=-218, path="/v3.0/oa/message/promotion", count=1)
    run_digest(bot)
    assert digests_received(bot, OLD) == []
    assert log_of(bot, OLD) == "q" and report(bot)["deferred_quota"] == 1


def test_not_a_follower_outside_the_window_is_kept(digest_bot: BotHarness) -> None:
    bot = digest_bot
    bot.reconfigure(DIGEST_PROMOTION="1")
    subscribe_at(bot, OLD, MONDAY_8 - timedelta(days=10))  # "đăng ký" without following: no promotion (-213)
    run_digest(bot)
    assert digests_received(bot, OLD) == [] and log_of(bot, OLD) == "w"


def test_night_curfew_no_promotion_but_cs_still_goes(digest_bot: BotHarness) -> None:
    bot = digest_bot
    bot.reconfigure(DIGEST_PROMOTION="1", DIGEST_SCHEDULE="MON 23:00")
    late = MONDAY_8.replace(hour=23)
    subscribe_at(bot, OLD, late - timedelta(days=10), follow=True)
    subscribe_at(bot, FRESH, late - timedelta(hours=1))
    run_digest(bot, late, late.strftime("%Y%m%dT%H%M"))
    assert digests_received(bot, OLD) == []
    assert log_of(bot, OLD, late.strftime("%Y%m%dT%H%M")) == "n"
    assert [m["endpoint"] for m in digests_received(bot, FRESH)] == ["cs"]


def test_kept_digest_is_delivered_when_the_user_next_writes(digest_bot: BotHarness) -> None:
    bot = digest_bot
    subscribe_at(bot, OLD, MONDAY_8 - timedelta(days=10), follow=True)
    run_digest(bot)
    assert digests_received(bot, OLD) == []
    at(bot, MONDAY_8 + timedelta(days=2))
    bot.send(OLD, "xin chào")
    bot.settle()
    replies = bot.replies(OLD)
    assert replies[-1].startswith(render("digest_unread_intro"))
    assert len(digests_received(bot, OLD)) == 1
    bot.send(OLD, "cảm ơn")  # only once
    bot.settle()
    assert len(digests_received(bot, OLD)) == 1
    assert log_of(bot, OLD) == "l" and report(bot)["delivered_later"] == 1


def test_ban_tin_reads_the_kept_digest_without_sending_it_twice(digest_bot: BotHarness) -> None:
    bot = digest_bot
    subscribe_at(bot, OLD, MONDAY_8 - timedelta(days=10), follow=True)
    run_digest(bot)
    at(bot, MONDAY_8 + timedelta(hours=5))
    bot.send(OLD, "ban tin")
    bot.settle()
    assert len(digests_received(bot, OLD)) == 1
    assert not bot.redis.exists("dxbot:digest:unread:" + OLD)


def test_blocked_user_is_unsubscribed(digest_bot: BotHarness) -> None:
    bot = digest_bot
    subscribe_at(bot, FRESH, MONDAY_8 - timedelta(hours=1))
    bot.fault(kind="zalo_error", error=-217, path="/v3.0/oa/message/cs", count=1)
    run_digest(bot)
    assert log_of(bot, FRESH) == "x" and report(bot)["unreachable"] == 1
    assert not subscribers.is_subscribed(bot.redis, FRESH) and subscribers.count(bot.redis) == 0


def test_transient_error_is_retried_and_timeout_is_unknown_never_resent(digest_bot: BotHarness) -> None:
    bot = digest_bot
    bot.reconfigure(ZALO_TIMEOUT_SECONDS="0.5")
    subscribe_at(bot, FRESH, MONDAY_8 - timedelta(hours=1))
    subscribe_at(bot, OLD, MONDAY_8 - timedelta(hours=2))
    bot.fault(kind="http", status=503, count=1, path="/v3.0/oa/message/cs")
    bot.fault(kind="delay", seconds=1.5, when="after", count=1, path="/v3.0/oa/message/cs")
    run_digest(bot)
    # one of the two answered 503 then went through; the other was accepted but timed out: unknown, not resent
    outcomes = sorted([log_of(bot, FRESH), log_of(bot, OLD)])
    assert outcomes == ["s", "u"]
    assert len(digests_received(bot, FRESH)) == 1 and len(digests_received(bot, OLD)) == 1
    counts = report(bot)
    assert (counts["sent_cs_free"], counts["unknown"], counts["failed"]) == (1, 1, 0)


def test_zalo_rate_limit_pauses_and_retries_without_duplicates(digest_bot: BotHarness) -> None:
    bot = digest_bot
    users = [f"52000000000000000{i:02d}" for i in range(8)]
    for user in users:
        subscribe_at(bot, user, MONDAY_8 - timedelta(hours=1))
    bot.fault(kind="zalo_error", error=-32, count=3, path="/v3.0/oa/message/cs")
    run_digest(bot)
    assert [len(digests_received(bot, u)) for u in users] == [1] * 8
    assert report(bot)["sent_cs_free"] == 8


def test_no_stories_no_digest_and_moderators_are_told(bot: BotHarness) -> None:
    bot.reconfigure(DIGEST_RATE_PER_SECOND="0")
    subscribe_at(bot, FRESH, MONDAY_8 - timedelta(hours=1))
    subscribe_at(bot, MODERATOR, MONDAY_8 - timedelta(hours=1), text="menu")
    assert run_digest(bot) == "skipped"
    assert digests_received(bot, FRESH) == []
    assert render("digest_mod_no_stories", week=WEEK) in bot.replies(MODERATOR)


def test_stories_go_out_once_and_the_subscribers_province_comes_first(digest_bot: BotHarness) -> None:
    bot = digest_bot
    subscribe_at(bot, FRESH, MONDAY_8 - timedelta(hours=1), text="đăng ký Hà Nội")
    run_digest(bot)
    [message] = digests_received(bot, FRESH)
    assert message["text"].index("Sổ sức khỏe điện tử") < message["text"].index("Chợ 4.0")
    # next week: those stories were in a digest already, and nothing new was approved → no digest
    next_week = MONDAY_8 + timedelta(days=7)
    at(bot, next_week - timedelta(hours=1))
    bot.send(FRESH, "chào")
    bot.settle()
    assert run_digest(bot, next_week, next_week.strftime("%Y%m%dT%H%M")) == "skipped"
