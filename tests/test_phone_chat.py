"""The digest after an erasure, through the webhook and the emulator (issue 15 item 1; the erasure
confirmation, small talk, off-topic questions and answers on a phone: tests/unit/test_phone_chat_unit.py)."""

from __future__ import annotations

from datetime import timedelta

from bot.infra.texts import render
from tests.digest_helpers import MONDAY_8, add_story, run_digest, subscribe_at
from tests.story_support import say
from tests.support import BotHarness

CITIZEN = "1212121212121212121"


def test_the_digest_after_erasure_no_longer_says_you_subscribed(bot: BotHarness) -> None:
    bot.reconfigure(DIGEST_RATE_PER_SECOND="0")
    subscribe_at(bot, CITIZEN, MONDAY_8 - timedelta(days=3))
    add_story(bot, "AB23")
    run_digest(bot)
    say(bot, CITIZEN, "bản tin")
    assert bot.replies(CITIZEN)[-1].endswith(render("digest_footer"))
    say(bot, CITIZEN, "xóa dữ liệu của tôi")
    say(bot, CITIZEN, "xác nhận xóa")
    say(bot, CITIZEN, "bản tin")
    shown = bot.replies(CITIZEN)[-1]
    assert render("digest_footer") not in shown and shown.endswith(render("digest_footer_not_subscribed"))
