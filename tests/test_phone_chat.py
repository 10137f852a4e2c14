"""Chat-level, through the webhook and the emulator: the erasure confirmation, small talk, off-topic
questions, answers on a phone, and the digest after erasure (issue 15 items 1, 2, 6, 8)."""

from __future__ import annotations

from datetime import timedelta

from bot.infra import keys
from bot.infra.texts import payload, render
from bot.kb.unanswered import count_unanswered
from tests.digest_helpers import MONDAY_8, add_story, run_digest, subscribe_at
from tests.story_support import say, submit
from tests.support import BotHarness

CITIZEN = "1212121212121212121"


def test_co_erases_after_the_question_and_is_answered_once(bot: BotHarness) -> None:
    code = submit(bot, CITIZEN)
    say(bot, CITIZEN, "xóa dữ liệu của tôi")
    before = len(bot.replies(CITIZEN))
    say(bot, CITIZEN, "có")
    after = bot.replies(CITIZEN)[before:]
    assert len(after) == 1 and after[0].startswith("Đã xóa dữ liệu của bạn"), after
    assert not bot.redis.exists(keys.story(code))
    assert count_unanswered(bot.redis) == 0, "“có” never reached question answering"


def test_a_question_during_the_erasure_prompt_is_asked_again_not_answered(bot: BotHarness) -> None:
    say(bot, CITIZEN, "xóa dữ liệu của tôi")
    say(bot, CITIZEN, "giá vàng hôm nay")
    assert bot.replies(CITIZEN)[-1] == render("erase_reask")
    buttons = [b["payload"] for b in bot.messages(CITIZEN)[-1]["buttons"]]
    assert buttons == [payload("erase_confirm"), payload("erase_cancel")]
    say(bot, CITIZEN, payload("erase_cancel"))  # the "Giữ nguyên" button
    assert bot.replies(CITIZEN)[-1] == render("erase_kept")


def test_small_talk_and_off_topic_do_not_reach_the_editors(bot: BotHarness) -> None:
    for text in ("chào ad", "cảm ơn nhé", "ok", "giá vàng hôm nay bao nhiêu", "tạm biệt"):
        say(bot, CITIZEN, text)
    assert all("ban biên tập" not in r for r in bot.replies(CITIZEN))
    assert count_unanswered(bot.redis) == 0
    say(bot, CITIZEN, "chào ad, cho hỏi ứng dụng VNeID báo lỗi mã 0193 khi quét chip thì làm sao")
    assert count_unanswered(bot.redis) == 1, "a real question behind a greeting still counts"


def test_an_answer_fits_a_phone_and_more_gives_the_rest(bot: BotHarness) -> None:
    say(bot, CITIZEN, "dịch vụ công trực tuyến là gì")
    [message] = bot.messages(CITIZEN)[-1:]
    assert len(message["text"]) <= 560 and "http" not in message["text"]
    assert [b["title"] for b in message["buttons"]] == [render("answer_button_more")]
    say(bot, CITIZEN, message["buttons"][0]["payload"])
    assert "https://" in bot.replies(CITIZEN)[-1]


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


def test_the_place_before_the_province_is_kept(bot: BotHarness) -> None:
    from bot.stories import model as stories
    from tests.story_support import MODERATOR, open_window
    open_window(bot, MODERATOR)
    code = submit(bot, CITIZEN, locality="Ea Kar, Đắk Lắk")
    story = stories.load(bot.redis, code)
    assert story is not None and story.locality == "Đắk Lắk" and story.place == "Ea Kar"
    say(bot, MODERATOR, f"/xem {code}")
    assert "Địa phương: Ea Kar, Đắk Lắk" in bot.replies(MODERATOR)[-1]
