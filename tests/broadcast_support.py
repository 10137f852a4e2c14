"""Helpers for the digest broadcast tests: a bot with broadcast on and three stories, followers who have not
written for a month (only a broadcast reaches them), and what each received as a broadcast."""

from __future__ import annotations

from datetime import timedelta

from bot.digest import subscribers
from tests import digest_helpers as dh
from tests.digest_helpers import MODERATOR, MONDAY_8
from tests.support import BotHarness

LONG_AGO = int((MONDAY_8 - timedelta(days=30)).timestamp() * 1000)


def broadcast_bot(bot: BotHarness, **env: str) -> BotHarness:
    bot.reconfigure(DIGEST_BROADCAST="1", DIGEST_RATE_PER_SECOND="0", DIGEST_PREVIEW_MINUTES="0", **env)
    dh.add_story(bot, "AB23", title="Chợ 4.0 ở xã vùng cao", locality="Lào Cai")
    dh.add_story(bot, "CD45", title="Thanh toán học phí không dùng tiền mặt", locality="Hồ Chí Minh", days_ago=2)
    dh.add_story(bot, "EF67", title="Bản đồ số cho nông dân trồng cà phê", locality="Lâm Đồng", days_ago=3)
    return bot


def silent_followers(bot: BotHarness, cities_of: dict[str, int]) -> None:
    """Followers silent for a month, each in a Zalo city; the clocks then stand an hour before the slot."""
    for user, city in cities_of.items():
        bot.emulator("PUT", f"/users/{user}", json={"follower": True, "last_interaction": LONG_AGO, "city": city})
        subscribers.subscribe(bot.redis, user, interaction_ms=LONG_AGO)
    dh.at(bot, MONDAY_8 - timedelta(hours=1))
    bot.send(MODERATOR, "menu")
    bot.settle()


def received(bot: BotHarness, user: str) -> list[dict]:
    return [m for m in bot.messages(user) if m.get("endpoint") == "broadcast"]


def broadcasts(bot: BotHarness) -> list[dict]:
    return bot.emulator("GET", "/broadcasts").json()["broadcasts"]
