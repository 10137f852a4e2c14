"""Reader stories, the citizen's side, chat-level: emulator → webhook → worker → emulator (each step's answers,
without HTTP or RQ: tests/unit/test_story_draft_chat.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.infra import audit, keys
from bot.infra.texts import render
from bot.stories import model as stories
from tests.story_support import CITIZEN, MODERATOR, STORY_TEXT, code_in, open_window, say, status
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
