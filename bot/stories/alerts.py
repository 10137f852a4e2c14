"""New-story notices to moderators: buttons to act on them, and one message per burst.

Twenty stories screened in a row used to make twenty notices, and a moderator outside Zalo's 7-day window
received them all at once on their next message. Now the first story of a burst is notified (with
Xem / Duyệt / Từ chối buttons) and the rest of the burst is reached through the "next story" offered after
each decision; the burst ends after `mod_notice_burst_s` or when the moderator empties the queue. Notices
are not parked for an unreachable moderator: on their next message they are told how many stories wait
(handlers/moderation_window.py).
"""

from __future__ import annotations

import redis
from redis.client import Pipeline

from bot.config import Settings
from bot.core import notify
from bot.core.context import Button
from bot.infra import keys
from bot.infra.texts import moderator_command, render


def command_payload(action: str, code: str, *rest: str) -> str:
    """What a moderator's button sends: the slash command they could type (`/duyet 7KQ2`)."""
    return " ".join([f"/{moderator_command(action)}", code, *rest])


def story_buttons(code: str) -> list[Button]:
    return [Button(render("mod_button_view"), command_payload("view", code)),
            Button(render("mod_button_approve"), command_payload("approve", code)),
            Button(render("mod_button_reject"), command_payload("reject", code))]


def bursts_open(pipe: Pipeline | redis.Redis, settings: Settings) -> dict[str, bool]:
    """Which moderators already had a notice in this burst (read before MULTI, while watching)."""
    return {m: bool(pipe.exists(keys.mod_notice_burst(m))) for m in sorted(settings.moderator_ids)}


def queue_alert(pipe: Pipeline, settings: Settings, opened: dict[str, bool], code: str, text: str) -> None:
    """Inside the caller's MULTI: notify each moderator whose burst is not open yet."""
    for moderator, already in opened.items():
        if already:
            continue
        notify.queue_text(pipe, moderator, text, buttons=story_buttons(code), max_chars=settings.max_text_chars)
        if settings.mod_notice_burst_s > 0:
            pipe.set(keys.mod_notice_burst(moderator), code, ex=settings.mod_notice_burst_s)


def end_burst(pipe: Pipeline | redis.Redis, moderator: str) -> None:
    """The moderator has seen the queue empty: the next new story is notified at once."""
    pipe.delete(keys.mod_notice_burst(moderator))
