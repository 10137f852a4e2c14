"""A subscriber's `bản tin` before and after a digest, and the moderators' preview, end to end (subscribing,
`đọc #mã` and `/bantin` as conversations without HTTP or RQ: tests/unit/test_subscription_chat.py)."""

from __future__ import annotations

from datetime import timedelta

from bot.infra.texts import render
from tests.digest_helpers import MODERATOR, MONDAY_8, add_story, at, digests_received, run_digest, subscribe_at
from tests.support import BotHarness

USER = "5300000000000000001"
WHEN = "08:00 thứ Hai"


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
