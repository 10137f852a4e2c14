"""Reader stories, the moderators' side, end to end: a decision told when Zalo's window reopens, and data
deletion (the moderators' commands as conversations without HTTP or RQ: tests/unit/test_moderation_chat.py)."""

from __future__ import annotations

import io

from bot.export import export_all
from bot.infra import audit, keys
from bot.infra.texts import render
from bot.stories import model as stories
from tests.story_support import CITIZEN, MODERATOR, STORY_TEXT, open_window, say, submit
from tests.support import BotHarness

MODERATOR_2 = "9000000000000000077"
STRANGER = "5555555555555555555"


def test_notice_waits_for_the_next_message_when_the_window_has_closed(bot: BotHarness) -> None:
    code = submit(bot)
    bot.advance_clock(8 * 24 * 3600)  # the citizen's 7-day window is over
    open_window(bot, MODERATOR)
    say(bot, MODERATOR, f"/duyet {code}")
    notice = render("story_notice_approved", title="Làm giấy khai sinh trên điện thoại", code=code)
    assert notice not in bot.replies(CITIZEN)
    assert bot.redis.llen(keys.deferred(CITIZEN)) == 2  # the decision, then the article's link
    link = bot.redis.hget(keys.story(code), "article_link").decode()
    say(bot, CITIZEN, "menu")
    assert bot.replies(CITIZEN)[-3:] == [notice, render("story_notice_article", title="Làm giấy khai sinh trên "
                                                        "điện thoại", code=code, link=link), render("help")]
    assert not bot.redis.exists(keys.deferred(CITIZEN))


def test_data_deletion_after_confirmation(bot: BotHarness) -> None:
    bot.reconfigure(STORY_MAX_PER_DAY="10")
    published = submit(bot)
    say(bot, MODERATOR, f"/duyet {published}")
    rejected = submit(bot, parts=(STORY_TEXT + " Bản thứ hai.",))
    say(bot, MODERATOR, f"/tuchoi {rejected} Trùng")
    waiting = submit(bot, parts=(STORY_TEXT + " Bản thứ ba.",))
    say(bot, CITIZEN, "gửi câu chuyện")
    say(bot, CITIZEN, "Một bản nháp")

    say(bot, CITIZEN, "Xoá dữ liệu của tôi")
    assert bot.replies(CITIZEN)[-1] == render("erase_ask")
    say(bot, CITIZEN, "hủy")  # changes nothing and returns to the draft
    assert bot.replies(CITIZEN)[-1] == render("erase_kept")
    assert bot.redis.hget(keys.state(CITIZEN), "step") == b"story:locality"

    say(bot, CITIZEN, "xóa dữ liệu của tôi")
    say(bot, CITIZEN, "xác nhận xóa")
    assert bot.replies(CITIZEN)[-1] == render("erase_done", deleted=2, anonymized=1)
    assert not bot.redis.exists(keys.state(CITIZEN))
    assert not bot.redis.exists(keys.story(waiting)) and not bot.redis.exists(keys.story(rejected))
    assert not bot.redis.exists(keys.story_original(waiting))
    assert not bot.redis.exists(keys.user_stories(CITIZEN))
    kept = stories.load(bot.redis, published)
    assert kept is not None and kept.status == "approved" and kept.user_id == ""
    assert bot.redis.zcard(keys.STORY_QUEUE) == 0
    dump = io.StringIO()
    export_all(bot.redis, dump)
    assert CITIZEN not in dump.getvalue()  # nothing left that names the citizen
    [fact] = [e for e in audit.entries(bot.redis) if e["action"] == "data_deleted"]
    submitted = {e["who"] for e in audit.entries(bot.redis) if e["action"] == "submitted"}
    assert submitted == {fact["who"]} and fact["stories_deleted"] == "2"  # one person, followed
    assert not bot.redis.hexists(audit.SALTS, CITIZEN)  # the mapping is gone with the erasure
    assert audit.citizen(bot.redis, CITIZEN) != fact["who"]  # so the old pseudonym cannot be rebuilt
