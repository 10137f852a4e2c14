"""This install's memory of the message forms Zalo refused, so later messages go out plain at once.

One refusal switches the whole install (every worker reads the same Redis hash) to the plain form of
that feature; after ZALO_FORM_RECHECK_SECONDS the rich form is tried again, because Zalo changes: an
acceptance then forgets the refusal, another refusal restarts the wait. The first switch is logged,
counted in /metrics (`dxbot_zalo_form_plain`) and told to moderators once; a recheck is not re-told.
"""

from __future__ import annotations

import json
import logging
import time

import redis

from bot.config import Settings
from bot.core import notify
from bot.infra import clock, keys, metrics
from bot.infra.texts import render

log = logging.getLogger(__name__)
CACHE_S = 1.0  # a sender re-reads the install's refusals at most this often (its own refusals at once)
_cache: tuple[float, dict[str, float]] | None = None  # (monotonic time read, form -> refused at)


def load(client: redis.Redis) -> dict[str, float]:
    """form -> when Zalo last refused it (epoch seconds)."""
    refused: dict[str, float] = {}
    for form, raw in client.hgetall(keys.ZALO_REFUSED_FORMS).items():
        try:
            refused[form.decode()] = float(json.loads(raw)["at"])
        except (ValueError, KeyError, TypeError):
            refused[form.decode()] = 0.0  # unreadable: treat as due for a recheck
    return refused


def load_cached(client: redis.Redis) -> dict[str, float]:
    """`load`, read from Redis at most every CACHE_S seconds: a flush per user per reply read the hash each time. A
    refusal another process met reaches this one within CACHE_S (a message sent rich meanwhile is refused and sent
    again plainer, nothing lost); one met or forgotten here is seen at once (`remember`, `forget`). A copy."""
    global _cache
    cached = _cache
    if cached is None or time.monotonic() - cached[0] > CACHE_S:
        cached = (time.monotonic(), load(client))
        _cache = cached
    return dict(cached[1])


def forget_cache() -> None:
    """Read the refusals from Redis at the next `load_cached` (after a write here; a runtime configured afresh)."""
    global _cache
    _cache = None


def now_s(client: redis.Redis, settings: Settings) -> float:
    """The bot's clock (the sandbox's follows the emulator, so tests and demos can jump to a recheck)."""
    return clock.now_ms(client, settings) / 1000


def avoided(client: redis.Redis, refused: dict[str, float], settings: Settings) -> set[str]:
    """The forms to send plain now: refused less than the recheck time ago (plus buttons when the
    operator turned them off with ZALO_CS_BUTTONS=0)."""
    now = now_s(client, settings) if refused else 0.0  # the sandbox's clock is a Redis read: only when needed
    forms = {form for form, at in refused.items() if now - at < settings.form_recheck_s}
    if not settings.cs_buttons:
        forms.add("buttons")
    return forms


def remember(client: redis.Redis, settings: Settings, form: str, code: int) -> bool:
    """Record that Zalo refused `form`; returns True when this switched the install (first refusal)."""
    record = json.dumps({"at": now_s(client, settings), "code": code})
    first = client.hsetnx(keys.ZALO_REFUSED_FORMS, form, record)
    if not first:
        client.hset(keys.ZALO_REFUSED_FORMS, form, record)  # refused again at a recheck: wait again
    forget_cache()  # after the write: a read in between would cache the old state
    if not first:
        log.warning("zalo still refuses form=%s code=%s; plain form for %ss more", form, code,
                    settings.form_recheck_s)
        return False
    log.warning("zalo refused form=%s code=%s: this install sends it plain from now on (recheck in %ss)",
                form, code, settings.form_recheck_s)
    with client.pipeline() as pipe:
        metrics.incr(pipe, "zalo_form_switches_total", form=form, to="plain")
        text = render("form_refused_notice", form=render(f"form_name_{form}"),
                      fallback=render(f"form_fallback_{form}"), recheck=_duration(settings.form_recheck_s))
        for moderator in sorted(settings.moderator_ids):
            notify.queue_text(pipe, moderator, text, keep_if_unreachable=True, max_chars=settings.max_text_chars)
        pipe.execute()
    return True


def forget(client: redis.Redis, form: str) -> None:
    """Zalo accepted `form` again at a recheck: send it rich from now on."""
    forgotten = client.hdel(keys.ZALO_REFUSED_FORMS, form)
    forget_cache()
    if forgotten:
        log.warning("zalo accepts form=%s again: this install sends it rich again", form)
        metrics.incr(client, "zalo_form_switches_total", form=form, to="rich")


def _duration(seconds: int) -> str:
    if seconds >= 3600:
        return render("duration_hours", n=round(seconds / 3600))
    return render("duration_minutes", n=max(1, round(seconds / 60)))
