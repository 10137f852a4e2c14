"""Helpers shared by the digest tests: a Monday, moving both clocks, stories, running one digest."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.digest import fanout as digest
from bot.digest import schedule as digest_schedule
from bot.digest.stories import DigestStory, add_fixture_story
from bot.infra import clock, keys
from tests.support import BotHarness

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def _a_monday() -> datetime:
    """A Monday 08:00 (the default slot) 7–13 days ahead of real time: events stamped up to 10 days before
    it are still fresh for the webhook, which ignores events older than 6 days."""
    day = datetime.now(VN).date() + timedelta(days=7)
    day += timedelta(days=(7 - day.weekday()) % 7)
    return datetime(day.year, day.month, day.day, 8, 0, tzinfo=VN)


MONDAY_8 = _a_monday()
SLOT = MONDAY_8.strftime("%Y%m%dT%H%M")
WEEK = MONDAY_8.strftime("%d/%m/%Y")
MODERATOR = "9000000000000000009"


def at(bot: BotHarness, when: datetime) -> None:
    """Move the emulator clock and the bot clock together."""
    clock.move(bot.redis, bot.settings, to=when)


def add_story(bot: BotHarness, code: str, *, title: str = "Chợ 4.0 ở xã vùng cao", locality: str = "Lào Cai",
              days_ago: float = 1, text: str = "Bà con bán nông sản qua mạng và thanh toán bằng mã QR.") -> None:
    approved = int((MONDAY_8 - timedelta(days=days_ago)).timestamp() * 1000)
    add_fixture_story(bot.redis, DigestStory(code=code, title=title, locality=locality, excerpt=text,
                                             approved_ms=approved))


def subscribe_at(bot: BotHarness, user: str, when: datetime, *, follow: bool = False, text: str = "đăng ký") -> None:
    """The user subscribes at `when` (an interaction: Zalo's window opens then)."""
    at(bot, when)
    if follow:
        assert bot.event(user, "follow").status_code == 200
    else:
        bot.send(user, text)
    bot.settle()


def run_digest(bot: BotHarness, when: datetime = MONDAY_8, slot: str = SLOT) -> str:
    """Move to the slot, fire it as the scheduled job would, and let workers deliver everything."""
    at(bot, when)
    outcome = digest.fire(slot)
    bot.settle(timeout=30)
    return outcome


def digests_received(bot: BotHarness, user: str) -> list[dict]:
    """Messages to `user` that carry the digest (CS text or promotion template)."""
    return [m for m in bot.messages(user)
            if (m.get("text") or "").find("Bản tin Chuyển đổi số tuần") >= 0]


def log_of(bot: BotHarness, user: str, slot: str = SLOT) -> str | None:
    raw = bot.redis.hget(keys.digest_log(slot), user)
    return raw.decode() if raw else None


def report(bot: BotHarness, slot: str = SLOT) -> dict[str, int]:
    return digest.report(bot.redis, slot)


__all__ = ["MODERATOR", "MONDAY_8", "SLOT", "VN", "WEEK", "add_story", "at", "digest_schedule", "digests_received",
           "log_of", "report", "run_digest", "subscribe_at"]
