"""The bot's notion of "now": real time, plus an offset that only sandbox mode honours.

The weekly digest runs on the operator's calendar (Monday 08:00 in TIMEZONE). In the sandbox and in
tests a person moves the emulator's clock to Monday 08:00 and expects the digest to go out, so the
bot's clock must move with it. The offset lives in Redis (every process sees the same "now") and is
ignored outside sandbox mode, so a stray key can never shift production's schedule.

`move()` moves the emulator clock and the bot clock together; the sandbox web chat and tests call it.
"""

from __future__ import annotations

import time
from datetime import datetime

import redis
import requests

from bot.config import Settings
from bot.infra import keys


def offset_ms(client: redis.Redis, settings: Settings) -> int:
    """How far the bot's clock is ahead of real time (always 0 outside the sandbox)."""
    if not settings.sandbox:
        return 0
    raw = client.get(keys.CLOCK_OFFSET)
    return int(raw) if raw else 0


def now_ms(client: redis.Redis, settings: Settings) -> int:
    return int(time.time() * 1000) + offset_ms(client, settings)


def now(client: redis.Redis, settings: Settings) -> datetime:
    """The bot's current time, aware, in the operator's time zone."""
    return datetime.fromtimestamp(now_ms(client, settings) / 1000, settings.tz)


def set_offset(client: redis.Redis, settings: Settings, offset: int) -> None:
    """Shift the bot's clock (sandbox only: production follows real time, always)."""
    if not settings.sandbox:
        raise RuntimeError("the bot clock can only be moved in sandbox mode")
    client.set(keys.CLOCK_OFFSET, int(offset))


def sync_with_emulator(client: redis.Redis, settings: Settings) -> int:
    """Adopt the emulator's clock as the bot's; returns the new offset in ms."""
    if not settings.sandbox:
        raise RuntimeError("the bot clock can only be moved in sandbox mode")
    answer = requests.get(f"{settings.api_base}/_emulator/clock", timeout=5)
    answer.raise_for_status()
    offset = int(answer.json()["now_ms"]) - int(time.time() * 1000)
    set_offset(client, settings, offset)
    return offset


def move(client: redis.Redis, settings: Settings, *, advance_s: float | None = None,
         to: datetime | int | None = None) -> datetime:
    """Move the emulator clock (by `advance_s`, or `to` an aware datetime / epoch ms) and the bot clock
    with it; returns the new "now". Sandbox only."""
    if not settings.sandbox:
        raise RuntimeError("the bot clock can only be moved in sandbox mode")
    if advance_s is not None:
        body: dict[str, object] = {"advance": advance_s}
    elif isinstance(to, datetime):
        if to.tzinfo is None:
            raise ValueError("give an aware datetime")
        body = {"set": int(to.timestamp() * 1000)}
    elif isinstance(to, int):
        body = {"set": to}
    else:
        raise ValueError("give advance_s or to")
    requests.post(f"{settings.api_base}/_emulator/clock", json=body, timeout=5).raise_for_status()
    sync_with_emulator(client, settings)
    return now(client, settings)
