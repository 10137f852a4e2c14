"""`đọc #MÃ` of a story that is also an OA article gives its link to share (issue 14: stories locked in the chat
could not be shared); one without an article reads as before."""

from __future__ import annotations

from bot.infra import keys
from bot.infra.texts import render
from tests.story_support import MODERATOR, open_window, say, submit
from tests.support import BotHarness

READER, LATER = "5800000000000000001", "5800000000000000002"


def test_reading_a_story_with_an_article_gives_its_link_to_share(bot: BotHarness) -> None:
    open_window(bot, MODERATOR)
    code = submit(bot)
    say(bot, MODERATOR, f"/duyet {code}")
    link = bot.redis.hget(keys.story(code), "article_link").decode()
    say(bot, READER, f"đọc #{code}")
    assert bot.replies(READER)[-1] == render("digest_read_story_article", link=link)
    assert "Làm giấy khai sinh trên điện thoại" in bot.replies(READER)[-2]
    say(bot, MODERATOR, f"/gobai {code}")  # taken down: no link offered any more
    say(bot, LATER, f"đọc #{code}")
    assert not [t for t in bot.replies(LATER) if link in t]
    assert "Làm giấy khai sinh trên điện thoại" in bot.replies(LATER)[-1]
