"""Subscribing by chat, storage cost, `bản tin`, `đọc #mã`, and the moderators' `/bantin`."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.digest import subscribers
from bot.infra import keys
from bot.infra.texts import render
from bot.nlp.normalize import command_form
from bot.stories import model as stories
from tests.digest_helpers import MODERATOR, MONDAY_8, add_story, at, digests_received, run_digest, subscribe_at
from tests.support import BotHarness

USER = "5300000000000000001"
WHEN = "08:00 thứ Hai"


@pytest.mark.parametrize("text", ["đăng ký", "dang ky", "ĐĂNG KÝ", "dangw kys", "đăng ký nhận bản tin"])
def test_subscribe_forms(bot: BotHarness, text: str) -> None:
    bot.send(USER, text)
    bot.settle()
    assert bot.replies(USER) == [render("sub_subscribed", when=WHEN)]
    assert subscribers.is_subscribed(bot.redis, USER) and subscribers.count(bot.redis) == 1


@pytest.mark.parametrize("text", ["hủy đăng ký", "huy dang ky", "dừng", "dung", "STOP", "hủy nhận bản tin"])
def test_unsubscribe_forms(bot: BotHarness, text: str) -> None:
    bot.send(USER, "đăng ký")
    bot.send(USER, text)
    bot.settle()
    assert bot.replies(USER)[-1] == render("sub_unsubscribed")
    assert not subscribers.is_subscribed(bot.redis, USER) and subscribers.count(bot.redis) == 0


def test_subscribing_twice_counts_once_and_unsubscribing_twice_is_polite(bot: BotHarness) -> None:
    for text in ("đăng ký", "đăng ký", "hủy đăng ký", "hủy đăng ký"):
        bot.send(USER, text)
    bot.settle()
    assert bot.replies(USER) == [render("sub_subscribed", when=WHEN), render("sub_already", when=WHEN),
                                 render("sub_unsubscribed"), render("sub_not_subscribed")]
    assert subscribers.count(bot.redis) == 0


def test_province_preference_and_questions_are_not_subscriptions(bot: BotHarness) -> None:
    bot.send(USER, "đăng ký Hà Giang")  # an old name: merged into Tuyên Quang in 2025
    bot.send(USER, "đăng ký tài khoản VNeID như thế nào")  # a question, not a subscription
    bot.settle()
    first = bot.replies(USER)[0]
    assert first == render("sub_subscribed_province", when=WHEN, province="tỉnh Tuyên Quang")
    assert subscribers.get(bot.redis, USER).province == command_form("Tuyên Quang")
    assert "Cảm ơn bạn" not in bot.replies(USER)[1]


def test_follow_subscribes_and_unfollow_unsubscribes(bot: BotHarness) -> None:
    assert bot.event(USER, "follow").status_code == 200
    bot.settle()
    assert render("sub_follow_note") in bot.replies(USER)[0]
    assert subscribers.is_subscribed(bot.redis, USER)
    assert bot.event(USER, "unfollow").status_code == 200
    bot.settle()
    assert not subscribers.is_subscribed(bot.redis, USER) and subscribers.count(bot.redis) == 0


def test_storage_stays_under_200_bytes_per_subscriber(bot: BotHarness) -> None:
    n = 20_000
    with bot.redis.pipeline(transaction=False) as pipe:
        for i in range(n):
            subscribers.subscribe(pipe, str(3_000_000_000_000_000_000 + i), interaction_ms=1_795_000_000_000,
                                  province="ha noi" if i % 3 == 0 else None)
        pipe.execute()
    assert subscribers.count(bot.redis) == n
    used = sum(bot.redis.memory_usage(keys.subscriber_bucket(b)) or 0 for b in range(keys.SUBSCRIBER_BUCKETS))
    assert used / n <= 200, used / n
    seen = sum(len(batch) for batch in subscribers.iter_batches(bot.redis, batch=1000))
    assert seen == n


def test_ban_tin_before_any_digest_and_after(bot: BotHarness) -> None:
    bot.reconfigure(DIGEST_RATE_PER_SECOND="0")
    subscribe_at(bot, USER, MONDAY_8 - timedelta(days=3))
    bot.send(USER, "bản tin")
    bot.settle()
    assert bot.replies(USER)[-1] == render("digest_none_yet", when=WHEN)
    add_story(bot, "AB23")
    run_digest(bot)  # the user is outside the free window: the digest is kept, `bản tin` shows it
    bot.send(USER, "ban tin")
    bot.settle()
    assert len(digests_received(bot, USER)) == 1


def test_read_a_story_by_code_through_the_stories_api(bot: BotHarness) -> None:
    """The digest reads approved stories through bot.stories' read API (agreed with issue 4)."""
    submission = stories.Submission(code="7KQ2", user_id="5399999999999999999", title="Nộp hồ sơ đất đai online",
                                    locality="Đồng Tháp", body="Nhờ cổng dịch vụ công, tôi không phải đi lại.",
                                    submitted_ms=1)
    with bot.redis.pipeline() as pipe:
        stories.write_submission(pipe, submission, now_ms=1, who="citizen:test")
        pipe.execute()
    bot.redis.hset(keys.story("7KQ2"), mapping={"status": "screened", "screened_at": 2, "title": submission.title,
                                                "body": submission.body})  # as the screening job leaves it
    assert stories.decide(bot.redis, "7KQ2", stories.APPROVED, moderator=MODERATOR, now_ms=3, event_key="e",
                          retention_s=0).outcome == "ok"
    bot.send(USER, "đọc #7kq2")
    bot.send(USER, "doc #ZZZZ")
    bot.settle()
    assert bot.replies(USER)[0].startswith("📖 Nộp hồ sơ đất đai online (Đồng Tháp)")
    assert bot.replies(USER)[1] == render("digest_read_not_found", code="ZZZZ")


def test_bantin_preview_for_moderators_only_and_pinning(bot: BotHarness) -> None:
    add_story(bot, "AB23", title="Chợ 4.0 ở xã vùng cao", days_ago=1)
    add_story(bot, "CD45", title="Sổ sức khỏe điện tử", days_ago=3)
    bot.send(USER, "/bantin")
    bot.send(MODERATOR, "/bantin ghim #cd45")
    bot.send(MODERATOR, "/bantin")
    bot.settle()
    assert bot.replies(USER) == [render("forbidden")]
    pinned, header, preview = bot.replies(MODERATOR)
    assert pinned == render("digest_mod_pinned", code="CD45")
    assert header.startswith("Xem trước bản tin")
    assert preview.index("Sổ sức khỏe điện tử") < preview.index("Chợ 4.0")


def test_preview_reaches_moderators_before_the_send(bot: BotHarness) -> None:
    from bot.digest import fanout as digest

    add_story(bot, "AB23")
    subscribe_at(bot, MODERATOR, MONDAY_8 - timedelta(hours=3), text="menu")
    at(bot, MONDAY_8 - timedelta(hours=2))
    assert digest.preview(MONDAY_8.strftime("%Y%m%dT%H%M")) == "previewed"
    assert digest.preview(MONDAY_8.strftime("%Y%m%dT%H%M")) == "already"
    bot.settle()
    texts = bot.replies(MODERATOR)
    assert sum("Xem trước bản tin sẽ gửi lúc 08:00" in t for t in texts) == 1
