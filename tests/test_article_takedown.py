"""`/gobai`: the moderator who asked is told when the article is down (not only that it was queued), and a
take-down retried after Zalo already removed the article (a worker killed in between) finishes instead of failing
for ever. Over real HTTP against the emulator."""

from __future__ import annotations

from bot.infra import keys
from bot.infra.texts import render
from bot.stories import articles
from tests.story_support import CITIZEN, MODERATOR, open_window, say, submit
from tests.support import BotHarness


def test_a_take_down_zalo_already_did_is_finished_and_the_moderator_told_once(bot: BotHarness) -> None:
    open_window(bot, MODERATOR)
    code = submit(bot)
    say(bot, MODERATOR, f"/duyet {code}")
    article_id = bot.redis.hget(keys.story(code), "article_id").decode()
    bot.rt.zalo.article_remove(article_id=article_id)  # Zalo removed it; the worker died before recording it
    say(bot, MODERATOR, f"/gobai {code}")
    assert bot.replies(MODERATOR)[-2:] == [render("mod_unpublish_queued", code=code),
                                           render("mod_unpublish_done", code=code)]
    assert bot.redis.hget(keys.story(code), "article_id") is None
    assert bot.redis.zscore(keys.STORY_ARTICLES_PENDING, code) is None
    assert articles.publish_story(code) == "nothing"  # a stray retry: nothing to do, nobody told again
    bot.settle()
    assert bot.replies(MODERATOR).count(render("mod_unpublish_done", code=code)) == 1
    say(bot, CITIZEN, "xóa dữ liệu của tôi")  # erasure takes down silently (no moderator asked)
    say(bot, CITIZEN, "xác nhận xóa")
    assert bot.replies(MODERATOR).count(render("mod_unpublish_done", code=code)) == 1
