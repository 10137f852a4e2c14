"""Subscribing by chat, `đọc #mã` and the moderators' `/bantin`, as conversations through the real route
table and the drain's commit, without HTTP or RQ (a digest's delivery, end to end, is
tests/test_digest_subscriptions.py and tests/test_digest_delivery.py)."""

from __future__ import annotations

import json

import pytest
import redis

from bot.digest import subscribers
from bot.digest.compose import when_label
from bot.infra import keys
from bot.infra.texts import render
from bot.nlp.normalize import command_form
from bot.stories import model as stories
from tests.digest_helpers import add_story
from tests.unit.handler_support import CITIZEN as USER
from tests.unit.handler_support import MODERATOR, Chat


def when(chat: Chat) -> str:
    return when_label(chat.settings)


@pytest.mark.parametrize("text", ["đăng ký", "dang ky", "ĐĂNG KÝ", "dangw kys", "đăng ký nhận bản tin"])
def test_subscribe_forms(chat: Chat, text: str) -> None:
    assert chat.say(text) == [render("sub_subscribed", when=when(chat))]
    assert subscribers.is_subscribed(chat.redis, USER) and subscribers.count(chat.redis) == 1


@pytest.mark.parametrize("text", ["hủy đăng ký", "huy dang ky", "dừng", "dung", "STOP", "hủy nhận bản tin"])
def test_unsubscribe_forms(chat: Chat, text: str) -> None:
    chat.say("đăng ký")
    assert chat.say(text) == [render("sub_unsubscribed")]
    assert not subscribers.is_subscribed(chat.redis, USER) and subscribers.count(chat.redis) == 0


def test_subscribing_twice_counts_once_and_unsubscribing_twice_is_polite(chat: Chat) -> None:
    for text in ("đăng ký", "đăng ký", "hủy đăng ký", "hủy đăng ký"):
        chat.say(text)
    assert chat.replies() == [render("sub_subscribed", when=when(chat)), render("sub_already", when=when(chat)),
                              render("sub_unsubscribed"), render("sub_not_subscribed")]
    assert subscribers.count(chat.redis) == 0


def test_province_preference_and_questions_are_not_subscriptions(chat: Chat) -> None:
    first = chat.say("đăng ký Hà Giang")  # an old name: merged into Tuyên Quang in 2025
    second = chat.say("đăng ký tài khoản VNeID như thế nào")  # a question, not a subscription
    assert first == [render("sub_subscribed_province", when=when(chat), province="tỉnh Tuyên Quang")]
    assert subscribers.get(chat.redis, USER).province == command_form("Tuyên Quang")
    assert "Cảm ơn bạn" not in second[0]


def test_follow_welcomes_with_the_help_button_and_subscribes_and_unfollow_unsubscribes(chat: Chat) -> None:
    chat.follow()
    [message] = chat.messages()
    assert message.text == render("welcome") + "\n\n" + render("sub_follow_note")
    assert "trợ giúp" in json.dumps(message.buttons, ensure_ascii=False)
    assert subscribers.is_subscribed(chat.redis, USER)
    chat.follow(unfollow=True)
    assert not subscribers.is_subscribed(chat.redis, USER) and subscribers.count(chat.redis) == 0


def test_storage_stays_under_200_bytes_per_subscriber(redis_client: redis.Redis) -> None:
    n = 20_000
    with redis_client.pipeline(transaction=False) as pipe:
        for i in range(n):
            subscribers.subscribe(pipe, str(3_000_000_000_000_000_000 + i), interaction_ms=1_795_000_000_000,
                                  province="ha noi" if i % 3 == 0 else None)
        pipe.execute()
    assert subscribers.count(redis_client) == n
    used = sum(redis_client.memory_usage(keys.subscriber_bucket(b)) or 0 for b in range(keys.SUBSCRIBER_BUCKETS))
    assert used / n <= 200, used / n
    seen = sum(len(batch) for batch in subscribers.iter_batches(redis_client, batch=1000))
    assert seen == n


def test_read_a_story_by_code_through_the_stories_api(chat: Chat) -> None:
    """The digest reads approved stories through bot.stories' read API (agreed with issue 4)."""
    submission = stories.Submission(code="7KQ2", user_id="5399999999999999999", title="Nộp hồ sơ đất đai online",
                                    locality="Đồng Tháp", body="Nhờ cổng dịch vụ công, tôi không phải đi lại.",
                                    submitted_ms=1)
    with chat.redis.pipeline() as pipe:
        stories.write_submission(pipe, submission, now_ms=1, who="citizen:test")
        pipe.execute()
    chat.redis.hset(keys.story("7KQ2"), mapping={"status": "screened", "screened_at": 2, "title": submission.title,
                                                 "body": submission.body})  # as the screening job leaves it
    assert stories.decide(chat.redis, "7KQ2", stories.APPROVED, moderator=MODERATOR, now_ms=3, event_key="e",
                          retention_s=0).outcome == "ok"
    assert chat.say("đọc #7kq2")[0].startswith("📖 Nộp hồ sơ đất đai online (Đồng Tháp)")
    assert chat.say("doc #ZZZZ") == [render("digest_read_not_found", code="ZZZZ")]


def test_bantin_preview_for_moderators_only_and_pinning(chat: Chat) -> None:
    add_story(chat, "AB23", title="Chợ 4.0 ở xã vùng cao", days_ago=1)  # only its Redis is used
    add_story(chat, "CD45", title="Sổ sức khỏe điện tử", days_ago=3)
    assert chat.say("/bantin") == [render("forbidden")]
    chat.say("/bantin ghim #cd45", MODERATOR)
    chat.say("/bantin", MODERATOR)
    pinned, header, preview = chat.replies(MODERATOR)
    assert pinned == render("digest_mod_pinned", code="CD45")
    assert header.startswith("Xem trước bản tin")
    assert preview.index("Sổ sức khỏe điện tử") < preview.index("Chợ 4.0")
