"""Helpers for reader-story tests: a citizen who submits, moderators who decide, and fault hooks that
worker subprocesses load through DXBOT_SCREEN_HOOK."""

from __future__ import annotations

import re
import time

import redis

from bot.infra import keys
from tests.support import BotHarness

CITIZEN = "1111111111111111111"
MODERATOR = "9000000000000000009"  # in MODERATOR_IDS of the test environment
STORY_TEXT = ("Nhờ tổ công nghệ số cộng đồng, bà con trong xóm đã biết dùng VNeID để làm thủ tục khai sinh "
              "cho con mà không phải lên xã nhiều lần. Chị Lan gọi 0912 345 678 để được hướng dẫn thêm.")


def say(bot: BotHarness, user: str, text: str) -> None:
    """One message, fully processed before the next (their order is then the order of the test)."""
    bot.send(user, text)
    bot.settle()


def submit(bot: BotHarness, user: str = CITIZEN, *, title: str = "Làm giấy khai sinh trên điện thoại",
           locality: str = "Hà Giang", parts: tuple[str, ...] = (STORY_TEXT,)) -> str:
    """Go through the whole submission; returns the code the bot replied with."""
    for text in ("gửi câu chuyện", title, locality, *parts, "xong", "đồng ý"):
        say(bot, user, text)
    return code_in(bot.replies(user)[-1])


def code_in(text: str) -> str:
    found = re.search(r"#([2-9A-Z]{4,8})\b", text)
    assert found, f"no story code in {text!r}"
    return found.group(1)


def open_window(bot: BotHarness, user: str) -> None:
    """A user interaction, so Zalo lets the OA write to this user (moderators need it for alerts)."""
    say(bot, user, "/thongke" if user == MODERATOR else "xin chào")


def status(client: redis.Redis, code: str) -> str | None:
    raw = client.hget(keys.story(code), "status")
    return raw.decode() if raw else None


# --- DXBOT_SCREEN_HOOK targets (loaded in worker subprocesses) ---

def hang(code: str) -> None:
    """Mark that screening started, then hang long enough for the test to kill the worker."""
    client = redis.Redis.from_url(_redis_url())
    client.incr("test:screen-started")
    time.sleep(60)


def fail_twice(code: str) -> None:
    """Fail the first two screening attempts (a transient fault), succeed afterwards."""
    client = redis.Redis.from_url(_redis_url())
    if client.incr(f"test:screen-attempts:{code}") <= 2:
        raise RuntimeError("transient screening fault (test)")


def _redis_url() -> str:
    from bot.core import runtime

    return runtime.get().settings.redis_url or ""


def kb_entry(ident: str, title: str, kind: str, verified: str, review_by: str | None) -> str:
    review = f"review_by = {review_by}\n" if review_by else ""
    return (f'[[entry]]\nid = "{ident}"\ntopic = "t"\ntitle = "{title}"\nquestions = ["{title}"]\n'
            f'answer = "Trả lời."\nkind = "{kind}"\nverified = {verified}\n{review}'
            '[[entry.sources]]\ntitle = "Nguồn"\npublisher = "Cơ quan"\nurl = "https://a.gov.vn/"\n'
            'date = 2020-01-01\nquote = "Câu trích."\n\n')
