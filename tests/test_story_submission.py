"""Reader stories, the citizen's side, chat-level: emulator → webhook → worker → emulator."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from bot.infra import audit, keys
from bot.infra.texts import render
from bot.stories import model as stories
from tests.story_support import CITIZEN, MODERATOR, STORY_TEXT, code_in, open_window, say, status, submit
from tests.support import BotHarness


def print_transcript(bot: BotHarness, sent: list[tuple[str, str, float]]) -> None:
    """What the emulator recorded (bot → user), interleaved with what the users sent, in time order."""
    lines = [(at, f"{who:>9} → bot : {text}") for who, text, at in sent]
    for message in bot.messages():
        who = "moderator" if message["user_id"] == MODERATOR else "citizen"
        at = datetime.fromisoformat(message["at"]).timestamp()
        lines.append((at, f"bot → {who:>9} : {message['text']}"))
    print("\n--- transcript (emulator record) ---")
    for _, line in sorted(lines, key=lambda x: x[0]):
        print(line.replace("\n", "\n" + " " * 18))


def test_full_story_from_submission_to_approval(bot: BotHarness) -> None:
    sent: list[tuple[str, str, float]] = []

    def chat(user: str, text: str) -> None:
        sent.append(("moderator" if user == MODERATOR else "citizen", text, _emulator_now(bot)))
        say(bot, user, text)

    chat(MODERATOR, "/hangdoi")
    assert bot.replies(MODERATOR)[-1] == render("mod_queue_empty")
    for text in ("Gửi câu chuyện", "Làm giấy khai sinh trên điện thoại", "Hà Giang", STORY_TEXT, "xong", "đồng ý"):
        chat(CITIZEN, text)
    replies = bot.replies(CITIZEN)
    code = code_in(replies[-1])
    assert replies[2] == render("story_locality_merged", old="Hà Giang", province="tỉnh Tuyên Quang")
    assert status(bot.redis, code) == "screened"
    alert = bot.replies(MODERATOR)[-1]
    assert alert.startswith(f"📝 Câu chuyện mới #{code}") and len(alert.splitlines()) == 2
    assert "Tuyên Quang" in alert and "Dịch vụ công" in alert

    chat(MODERATOR, "/hangdoi")
    assert f"#{code}" in bot.replies(MODERATOR)[-1]
    chat(MODERATOR, f"/xem #{code}")
    shown = bot.replies(MODERATOR)[-1]
    assert "[SĐT đã ẩn]" in shown and "0912 345 678" not in shown
    chat(MODERATOR, f"/duyet {code.lower()}")
    assert bot.replies(MODERATOR)[-1].startswith(render("mod_approved", code=code) + "\n")
    assert bot.replies(CITIZEN)[-2] == render("story_notice_approved", title="Làm giấy khai sinh trên điện thoại",
                                              code=code)
    link = bot.redis.hget(keys.story(code), "article_link").decode()  # then the link of its article
    assert bot.replies(CITIZEN)[-1] == render("story_notice_article", title="Làm giấy khai sinh trên điện thoại",
                                              code=code, link=link)
    assert status(bot.redis, code) == "approved"
    assert 0 < bot.redis.ttl(keys.story_original(code)) <= bot.settings.story_original_retention_s
    assert [(e["action"], e["code"]) for e in audit.entries(bot.redis)] == [
        ("submitted", code), ("screened", code), ("viewed", code), ("approved", code)]
    [published] = stories.approved_stories(bot.redis)
    assert published["code"] == code and "[SĐT đã ẩn]" in published["body"]
    print_transcript(bot, sent)


def _emulator_now(bot: BotHarness) -> float:
    return bot.emulator("GET", "/clock").json()["now_ms"] / 1000


def _draft_to(bot: BotHarness, step: str) -> None:
    steps = ["gửi câu chuyện", "Chợ quê dùng mã QR", "Cần Thơ", STORY_TEXT, "xong"]
    upto = {"title": 1, "locality": 2, "body": 3, "body-with-text": 4, "consent": 5}[step]
    for text in steps[:upto]:
        say(bot, CITIZEN, text)


@pytest.mark.parametrize(("step", "word"), [("title", "hủy"), ("locality", "Huỷ"), ("body", "huy"),
                                            ("body-with-text", "HỦY"), ("consent", "hủy")])
def test_cancel_at_each_step(bot: BotHarness, step: str, word: str) -> None:
    _draft_to(bot, step)
    say(bot, CITIZEN, word)
    assert bot.replies(CITIZEN)[-1] == render("story_cancelled")
    assert not bot.redis.exists(keys.state(CITIZEN))
    assert bot.redis.zcard(keys.STORY_QUEUE) == 0
    say(bot, CITIZEN, "xong")  # no draft any more: not a story command
    assert bot.replies(CITIZEN)[-1] != render("story_empty")


def test_draft_expires_and_the_user_is_told_at_the_next_message(bot: BotHarness) -> None:
    bot.reconfigure(STORY_DRAFT_TTL_SECONDS="3600")
    _draft_to(bot, "locality")
    bot.advance_clock(1800)
    say(bot, CITIZEN, "Cần Thơ")  # within the hour: the draft goes on
    assert bot.redis.hget(keys.state(CITIZEN), "step") == b"story:body"
    bot.advance_clock(3700)
    say(bot, CITIZEN, "Ngày Chuyển đổi số quốc gia là ngày nào?")
    expired, answer = bot.replies(CITIZEN)[-2:]
    assert expired == render("story_expired", title="Chợ quê dùng mã QR", hours=1)
    assert "10/10" in answer  # the message itself is then answered as a question
    assert not bot.redis.hexists(keys.state(CITIZEN), "step")


def test_photos_and_links_are_kept_and_photos_downloaded(bot: BotHarness, tmp_path: Path) -> None:
    bot.reconfigure(DXBOT_VAR_DIR=str(tmp_path), STORY_MAX_PHOTOS="2")
    open_window(bot, MODERATOR)
    _draft_to(bot, "body-with-text")
    media = f"{bot.emulator_url}/_emulator/media"
    for name in ("cho-que-1", "cho-que-2", "cho-que-3"):
        assert bot.event(CITIZEN, "user_send_image", url=f"{media}/{name}.png").status_code == 200
        bot.settle()
    assert bot.event(CITIZEN, "user_send_link", url="http://dichvucong-gov.vn.xyz/dang-nhap",
                     title="Đăng nhập").status_code == 200
    bot.settle()
    say(bot, CITIZEN, "Xem thêm tại https://dichvucong.gov.vn/p/home/dvc-trang-chu.html nhé.")
    replies = bot.replies(CITIZEN)
    assert render("story_photo_saved", count=2, limit=2) in replies
    assert render("story_too_many_photos", limit=2) in replies
    assert render("story_link_saved") in replies
    say(bot, CITIZEN, "xong")
    assert "Ảnh: 2 · Đường link: 1" in bot.replies(CITIZEN)[-1]
    say(bot, CITIZEN, "đồng ý")
    code = code_in(bot.replies(CITIZEN)[-1])
    story = stories.load(bot.redis, code)
    assert story is not None and len(story.photos) == 2
    assert story.photo_files == [f"{code}-1.png", f"{code}-2.png"]
    assert (tmp_path / "media" / f"{code}-1.png").read_bytes().startswith(b"\x89PNG")
    assert {"kind": "link", "detail": "dichvucong-gov.vn.xyz"} in story.flags
    assert not any(f["detail"] == "dichvucong.gov.vn" for f in story.flags)  # official: not flagged
    assert "dichvucong-gov.vn.xyz" in bot.replies(MODERATOR)[-1]


def test_question_in_the_middle_of_a_draft_is_answered_with_a_reminder(bot: BotHarness) -> None:
    _draft_to(bot, "title")
    say(bot, CITIZEN, "Ngày Chuyển đổi số quốc gia là ngày nào?")
    answer, reminder = bot.replies(CITIZEN)[-2:]
    assert "10/10" in answer
    assert reminder == render("story_reminder_title")
    say(bot, CITIZEN, "Vì sao làng tôi bỏ tiền mặt?")  # reads like a question, but the KB has no answer: a title
    assert bot.redis.hget(keys.state(CITIZEN), "story_title") == "Vì sao làng tôi bỏ tiền mặt?".encode()
    say(bot, CITIZEN, "Vĩnh Long")
    say(bot, CITIZEN, STORY_TEXT)
    say(bot, CITIZEN, "? VNeID là gì")
    answer, reminder = bot.replies(CITIZEN)[-2:]
    assert "VNeID" in answer
    assert reminder == render("story_reminder_body", title="Vì sao làng tôi bỏ tiền mặt?", chars=len(STORY_TEXT),
                              photos=0)
    say(bot, CITIZEN, "Ngày Chuyển đổi số quốc gia là ngày nào?")  # at the story step: story text
    assert bot.replies(CITIZEN)[-1].startswith("Đã nhận (")
    parts = json.loads(bot.redis.hget(keys.state(CITIZEN), "story_parts"))
    assert [p["text"] for p in parts] == [STORY_TEXT, "Ngày Chuyển đổi số quốc gia là ngày nào?"]


def test_unknown_locality_is_asked_again(bot: BotHarness) -> None:
    _draft_to(bot, "locality")
    say(bot, CITIZEN, "xóm Bãi Dài")
    assert bot.replies(CITIZEN)[-1] == render("story_locality_unknown", text="xóm Bãi Dài")
    say(bot, CITIZEN, "tp.hcm")
    assert "thành phố Hồ Chí Minh" in bot.replies(CITIZEN)[-1]


def test_empty_one_word_and_over_long_stories_get_clear_answers(bot: BotHarness) -> None:
    bot.reconfigure(STORY_MAX_CHARS="250")
    _draft_to(bot, "body")
    say(bot, CITIZEN, "xong")
    assert bot.replies(CITIZEN)[-1] == render("story_empty")
    say(bot, CITIZEN, "Tốt")
    say(bot, CITIZEN, "xong")
    assert bot.replies(CITIZEN)[-1] == render("story_too_short", words=1, min_words=5)
    say(bot, CITIZEN, "x " * 200)
    assert bot.replies(CITIZEN)[-1] == render("story_too_long", limit=250, chars=3)
    assert bot.redis.hget(keys.state(CITIZEN), "step") == b"story:body"  # still drafting, nothing lost


def test_daily_submission_limit(bot: BotHarness) -> None:
    bot.reconfigure(STORY_MAX_PER_DAY="1")
    submit(bot)
    say(bot, CITIZEN, "gửi câu chuyện")
    assert bot.replies(CITIZEN)[-1] == render("story_daily_limit", count=1, limit=1)
    assert not bot.redis.hexists(keys.state(CITIZEN), "step")
    bot.advance_clock(24 * 3600 + 60)
    say(bot, CITIZEN, "gửi câu chuyện")
    assert bot.replies(CITIZEN)[-1] == render("story_ask_title")


def test_help_offers_the_story_button(bot: BotHarness) -> None:
    say(bot, CITIZEN, "menu")
    [message] = bot.messages(CITIZEN)
    assert "gửi câu chuyện" in json.dumps(message["attachment"] or message.get("buttons"), ensure_ascii=False)
