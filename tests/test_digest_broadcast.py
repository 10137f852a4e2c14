"""The weekly digest as an article broadcast (issue 14 items 2–4, 6), over real HTTP against the emulator:
broadcast once, the CS link for people in the window, province editions, quota spent → per-user path, reported."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta

import pytest
import requests

from bot.digest import broadcast as digest_broadcast
from bot.digest import fanout as digest
from bot.digest import subscribers
from bot.infra import keys
from bot.infra.texts import render
from tests import digest_helpers as dh
from tests.digest_helpers import MODERATOR, MONDAY_8, SLOT, WEEK
from tests.support import BotHarness, wait_for
from tests.test_digest_processes import processes

FRESH = "5200000000000000001"  # wrote 1 h before the digest
MID = "5200000000000000002"  # followed 3 days before
OLD = "5200000000000000003"  # followed a month before


@pytest.fixture()
def bc_bot(bot: BotHarness) -> BotHarness:
    bot.reconfigure(DIGEST_BROADCAST="1", DIGEST_RATE_PER_SECOND="0", DIGEST_PREVIEW_MINUTES="0")
    dh.add_story(bot, "AB23", title="Chợ 4.0 ở xã vùng cao", locality="Lào Cai")
    dh.add_story(bot, "CD45", title="Sổ sức khỏe điện tử cho người cao tuổi", locality="Hà Nội", days_ago=2)
    return bot


def followers(bot: BotHarness) -> None:
    dh.subscribe_at(bot, OLD, MONDAY_8 - timedelta(days=5), follow=True)  # the webhook drops events over 6 days old
    last_month = int((MONDAY_8 - timedelta(days=30)).timestamp() * 1000)
    subscribers.subscribe(bot.redis, OLD, interaction_ms=last_month)  # ...so "a month ago" is set directly
    dh.subscribe_at(bot, MID, MONDAY_8 - timedelta(days=3), follow=True)
    dh.subscribe_at(bot, FRESH, MONDAY_8 - timedelta(hours=1))
    dh.at(bot, MONDAY_8 - timedelta(hours=1))
    bot.send(MODERATOR, "menu")


def broadcasts(bot: BotHarness) -> list[dict]:
    return bot.emulator("GET", "/broadcasts").json()["broadcasts"]


def received_broadcast(bot: BotHarness, user: str) -> list[dict]:
    return [m for m in bot.messages(user) if m.get("endpoint") == "broadcast"]


def test_digest_is_broadcast_once_and_the_window_gets_a_short_link(bc_bot: BotHarness) -> None:
    bot = bc_bot
    followers(bot)
    assert dh.run_digest(bot) == "started"
    [sent] = broadcasts(bot)
    assert sent["target"] == {} and sent["status"] == "reviewing"
    link = digest_broadcast.national_link(bot.redis, SLOT)
    assert link and link.endswith(f"/_emulator/articles/{sent['article_ids'][0]}")
    # in the window: a short CS message with the link and a button, not the whole digest again
    [cs] = [m for m in bot.messages(FRESH) if link in (m.get("text") or "")]
    assert cs["endpoint"] == "cs" and cs["text"] == render("digest_cs_link", week=WEEK, link=link)
    assert [m["text"] for m in dh.digests_received(bot, FRESH)] == [cs["text"]]  # not the whole digest again
    assert (dh.log_of(bot, FRESH), dh.log_of(bot, MID), dh.log_of(bot, OLD)) == ("s", "b", "b")
    counts = dh.report(bot)
    assert (counts["sent_broadcast"], counts["sent_cs_free"], counts["deferred"]) == (2, 1, 0)
    assert not bot.redis.exists(keys.digest_unread(OLD))  # nothing kept: the broadcast reaches them
    # after Zalo's review the article reaches the follower who has not written for a month
    bot.advance_clock(1800)
    [article] = received_broadcast(bot, OLD)
    assert article["attachment"]["payload"]["elements"][0]["link"] == link
    assert len(received_broadcast(bot, MID)) == 1  # FRESH only wrote, never followed: not in the audience
    # the digest article links each story (here by `đọc #MÃ`: fixture stories have no article)
    detail = bot.rt.zalo.article_detail(article_id=sent["article_ids"][0])
    assert any("đọc #AB23" in p.get("content", "") for p in detail["body"])
    # firing again (a second scheduler, a retry) changes nothing
    assert digest.fire(SLOT) == "already"
    assert digest.broadcast(SLOT) == digest_broadcast.SENT
    bot.settle()
    assert len(broadcasts(bot)) == 1
    report_text = [t for t in bot.replies(MODERATOR) if t.startswith(f"Báo cáo bản tin tuần {WEEK}")]
    assert len(report_text) == 1 and "Nhận qua bài viết gửi mọi người quan tâm (broadcast): 2" in report_text[0]
    assert f"Hạn mức broadcast còn lại tháng này: {bot.settings.broadcast_oa_monthly - 1}" in report_text[0]
    # the operator's and the monitoring's view of the same reach
    status = subprocess.run([sys.executable, "-m", "bot.cli", "digest", "status", "--slot", SLOT],
                            env={**os.environ, **bot.env}, capture_output=True, text=True, timeout=60, check=True)
    assert "broadcast   sent" in status.stdout and f"article     {link}" in status.stdout
    assert "reached            3  (broadcast 2, cs/promotion 1)" in status.stdout
    metrics = requests.get(f"http://127.0.0.1:{bot.env['PORT']}/metrics", timeout=10).text
    assert f'dxbot_digest_reach{{digest="{SLOT}",path="broadcast"}} 2.0' in metrics
    assert f'dxbot_digest_reach{{digest="{SLOT}",path="cs"}} 1.0' in metrics
    assert f"dxbot_broadcast_quota_left {bot.settings.broadcast_oa_monthly - 1}.0" in metrics


def test_quota_spent_at_zalo_falls_back_to_the_per_user_path_and_says_so(bc_bot: BotHarness) -> None:
    bot = bc_bot
    bot.emulator("POST", "/config", json={"broadcast_oa_monthly": 0})
    followers(bot)
    assert dh.run_digest(bot) == "started"
    assert broadcasts(bot) == []
    assert bot.redis.hget(keys.digest_run(SLOT), "broadcast") == b"quota"
    [full] = dh.digests_received(bot, FRESH)  # today's CS digest, whole
    assert "Chợ 4.0 ở xã vùng cao" in full["text"]
    assert (dh.log_of(bot, FRESH), dh.log_of(bot, MID), dh.log_of(bot, OLD)) == ("s", "w", "w")
    [text] = [t for t in bot.replies(MODERATOR) if t.startswith(f"Báo cáo bản tin tuần {WEEK}")]
    assert render("digest_mod_broadcast_quota", quota_left=0) in text


def test_follower_cap_falls_back_without_calling_zalo(bc_bot: BotHarness) -> None:
    bot = bc_bot
    bot.reconfigure(BROADCAST_FOLLOWER_MONTHLY="0")
    followers(bot)
    assert dh.run_digest(bot) == "started"
    assert broadcasts(bot) == [] and bot.redis.hget(keys.digest_run(SLOT), "broadcast") == b"cap"
    assert dh.report(bot)["deferred_window"] == 2


def test_province_editions_never_reach_one_follower_twice(bc_bot: BotHarness) -> None:
    bot = bc_bot
    bot.reconfigure(DIGEST_EDITIONS="Hà Nội")  # its own edition (old Zalo city code 9)
    followers(bot)
    bot.emulator("PUT", f"/users/{OLD}", json={"city": 9})
    bot.emulator("PUT", f"/users/{MID}", json={"city": 4})
    assert dh.run_digest(bot) == "started"
    sent = broadcasts(bot)
    assert len(sent) == 2
    by_target = {tuple(b["target"].get("cities", [])): b for b in sent}
    assert (9,) in by_target and 9 not in next(k for k in by_target if k != (9,)) and len(by_target) == 2
    bot.advance_clock(1800)
    [hanoi] = received_broadcast(bot, OLD)
    [other] = received_broadcast(bot, MID)
    assert hanoi["message_id"] != other["message_id"]
    assert "Hà Nội" in hanoi["attachment"]["payload"]["elements"][0]["title"]


def test_two_schedulers_and_two_workers_broadcast_the_week_once(bc_bot: BotHarness) -> None:
    bot = bc_bot
    long_ago = int((MONDAY_8 - timedelta(days=30)).timestamp() * 1000)
    users = [f"53{i:017d}" for i in range(4)]
    for user in users:
        bot.emulator("PUT", f"/users/{user}", json={"follower": True, "last_interaction": long_ago})
        subscribers.subscribe(bot.redis, user, interaction_ms=long_ago)
    dh.at(bot, MONDAY_8 - timedelta(minutes=30))
    bot.send(MODERATOR, "menu")
    bot.settle()
    with processes(bot, ["scheduler", "--interval", "0.3"], ["scheduler", "--interval", "0.3"], ["worker"],
                   ["worker"]):
        dh.at(bot, MONDAY_8)
        wait_for(lambda: bot.redis.hget(keys.digest_run(SLOT), "status") == b"done", 60, "the digest to finish")
        # the report is queued with the run's end and delivered by a worker: await it before they stop
        wait_for(lambda: any(t.startswith(f"Báo cáo bản tin tuần {WEEK}") for t in bot.replies(MODERATOR)), 30,
                 "the moderators' report")
    assert len(broadcasts(bot)) == 1
    assert dh.report(bot)["sent_broadcast"] == 4
    bot.advance_clock(1800)
    assert all(len(received_broadcast(bot, u)) == 1 for u in users)
    assert sum(t.startswith(f"Báo cáo bản tin tuần {WEEK}") for t in bot.replies(MODERATOR)) == 1


def test_own_quota_count_falls_back_without_calling_zalo(bc_bot: BotHarness) -> None:
    bot = bc_bot
    bot.reconfigure(DIGEST_EDITIONS="Hà Nội, Hồ Chí Minh", BROADCAST_OA_MONTHLY="0")  # our own count: spent
    followers(bot)
    assert dh.run_digest(bot) == "started"
    assert broadcasts(bot) == [] and bot.redis.hget(keys.digest_run(SLOT), "broadcast") == b"quota"
    [text] = [t for t in bot.replies(MODERATOR) if t.startswith(f"Báo cáo bản tin tuần {WEEK}")]
    assert render("digest_mod_broadcast_quota", quota_left=0) in text
