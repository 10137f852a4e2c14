"""Moderation in a few taps, chat-level through the webhook and the emulator (issue 15 items 3–5).

A moderator clears 20 stories with buttons only after one typed `/hangdoi`; notices come as one message per
burst; `/xem` sends photos as images; a moderator back after Zalo's window is told what waits. (`/sua` and
"another reason" as conversations without HTTP or RQ: tests/unit/test_moderation_chat.py.)
"""

from __future__ import annotations

from typing import Any

from bot.infra import keys
from bot.infra.texts import moderator_phrases, render
from bot.stories import model as stories
from tests.story_support import MODERATOR, STORY_TEXT, code_in, open_window, say, status, submit
from tests.support import BotHarness

PLACES = ("Hà Giang", "Huế", "Cần Thơ", "Đà Nẵng", "Hà Nội")


def _last_with_buttons(bot: BotHarness, user: str) -> dict[str, Any]:
    return [m for m in bot.messages(user) if m.get("buttons")][-1]


def tap(bot: BotHarness, user: str, title: str) -> str:
    """Tap the button `title` of the newest message that has buttons; returns the payload it sent."""
    message = _last_with_buttons(bot, user)
    [sent] = [b["payload"] for b in message["buttons"] if b["title"] == title]
    say(bot, user, sent)
    return str(sent)


def test_a_moderator_clears_20_stories_with_buttons_only(bot: BotHarness) -> None:
    open_window(bot, MODERATOR)
    notices_before = len(bot.replies(MODERATOR))
    codes = [submit(bot, str(2000000000000000000 + i), locality=PLACES[i % len(PLACES)],
                    parts=(f"{STORY_TEXT} Câu chuyện số {i} của xã.",)) for i in range(20)]
    notices = bot.messages(MODERATOR)[notices_before:]
    assert len(notices) == 1, "one notice for the burst, not twenty"
    assert [b["title"] for b in notices[0]["buttons"]] == [render("mod_button_view"), render("mod_button_approve"),
                                                          render("mod_button_reject")]

    typed = ["/hangdoi"]
    say(bot, MODERATOR, "/hangdoi")
    reasons = moderator_phrases("reject_reasons")
    tapped: list[str] = []
    for n in range(20):
        if n % 4 == 3:
            tapped.append(tap(bot, MODERATOR, render("mod_button_reject")))
            tapped.append(tap(bot, MODERATOR, reasons[n % len(reasons)]))
        else:
            tapped.append(tap(bot, MODERATOR, render("mod_button_approve")))
    assert typed == ["/hangdoi"], "no typed command after the first /hangdoi"
    assert bot.replies(MODERATOR)[-1].endswith(render("mod_queue_done"))
    assert sorted(status(bot.redis, c) for c in codes) == ["approved"] * 15 + ["rejected"] * 5
    assert not bot.redis.zcard(keys.STORY_QUEUE)
    assert len([t for t in tapped if t.startswith("/duyet")]) == 15
    rejected = [c for c in codes if status(bot.redis, c) == "rejected"]
    loaded = [stories.load(bot.redis, c) for c in rejected]
    assert {story.reason for story in loaded if story is not None} <= set(reasons) and None not in loaded
    # one message per decision: the confirmation carries the next card
    moderator_messages = len(bot.messages(MODERATOR)) - notices_before
    print(f"moderator: typed 1 command, tapped {len(tapped)} buttons, received {moderator_messages} messages")
    assert moderator_messages <= 1 + 1 + len(tapped)


def _submit_with_photo(bot: BotHarness, citizen: str, image: str) -> tuple[str, str]:
    """A citizen submits the story with one photo from the emulator's media; (story code, photo url)."""
    for text in ("gửi câu chuyện", "Chợ quê bán hàng qua mạng", "Hà Giang", STORY_TEXT):
        say(bot, citizen, text)
    photo = f"{bot.emulator_url}/_emulator/media/{image}"
    assert bot.event(citizen, "user_send_image", url=photo).status_code == 200
    bot.settle()
    say(bot, citizen, "xong")
    say(bot, citizen, "đồng ý")
    return code_in(bot.replies(citizen)[-1]), photo


def test_view_sends_the_photos_as_images(bot: BotHarness) -> None:
    open_window(bot, MODERATOR)
    code, photo = _submit_with_photo(bot, "2100000000000000001", "cho-que-1.png")
    tap(bot, MODERATOR, render("mod_button_view"))
    images = [m for m in bot.messages(MODERATOR) if m.get("attachment")
              and m["attachment"].get("payload", {}).get("template_type") == "media"]
    assert images, "the photo reached the moderator as an image message"
    assert images[-1]["attachment"]["payload"]["elements"][0]["url"] == photo
    assert render("mod_photo_caption", n=1, total=1, code=code) in [m.get("text") for m in images]


def test_a_moderator_back_after_the_window_is_told_how_many_wait(bot: BotHarness) -> None:
    open_window(bot, MODERATOR)
    last = int(bot.redis.get(keys.mod_seen(MODERATOR)) or 0)
    bot.redis.set(keys.mod_seen(MODERATOR), last - 8 * 24 * 3600 * 1000)  # their last message, 8 days ago
    codes = [submit(bot, str(2200000000000000000 + i)) for i in range(3)]
    before = len(bot.replies(MODERATOR))
    say(bot, MODERATOR, "/thongke")
    told = bot.replies(MODERATOR)[before:]
    assert told[0] == render("mod_missed", count=len(codes))
    assert len(told) == 2, "the note, then the reply to what the moderator typed"
    before = len(bot.replies(MODERATOR))
    say(bot, MODERATOR, "/thongke")
    assert render("mod_missed", count=len(codes)) not in bot.replies(MODERATOR)[before:], "told once"


def test_a_moderator_who_never_wrote_is_told_on_their_first_message(bot: BotHarness) -> None:
    codes = [submit(bot, str(2400000000000000000 + i)) for i in range(2)]
    assert not any("#" in r for r in bot.replies(MODERATOR)), "notices could not reach them (Zalo -230)"
    say(bot, MODERATOR, "/hangdoi")
    first, queue = bot.replies(MODERATOR)
    assert first == render("mod_missed", count=len(codes))
    assert queue.startswith(render("mod_queue_head", count=len(codes)))


def test_reading_an_approved_story_shows_its_photos(bot: BotHarness) -> None:
    open_window(bot, MODERATOR)
    code, photo = _submit_with_photo(bot, "2300000000000000001", "cho-que-2.png")
    say(bot, MODERATOR, f"/duyet {code}")
    reader = "2300000000000000002"
    say(bot, reader, f"đọc #{code}")
    images = [m for m in bot.messages(reader) if m.get("attachment")]
    assert [m["attachment"]["payload"]["elements"][0]["url"] for m in images] == [photo]
