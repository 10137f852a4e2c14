"""Every Lua script of the bot, in one module: each is one atomic step that plain commands cannot make safe.

Each script says above it what KEYS and ARGV it takes and what it returns. Call one as
`scripts.RENEW_LEASE(client, keys=[...], args=[...])`: on a client it runs by SHA (EVALSHA), loading the text
again after a Redis restart (NOSCRIPT); inside a pipeline or transaction it sends the text (EVAL), because a
MULTI cannot recover from NOSCRIPT half-way. The webhook's ingest script and the sweeper's claim are
templates: `bot/core/ingest.py` fills in RQ's job format (`bot/core/rqjob.py`) and a few constants once per
process.

The Lua source is in `bot/infra/lua/<name>.lua`, one file a script, each opening with a `--` header that
says what it takes and returns; the header is not sent to Redis. This module stays the one registry: a
script that is not named below does not exist.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import redis
from redis.client import Pipeline
from redis.exceptions import NoScriptError

Arg = str | int | float | bytes

_LUA_DIR = Path(__file__).with_name("lua")


def source(name: str) -> str:
    """The text Redis runs from `lua/<name>.lua`: the file without its leading `--` header lines and the
    blank line after them (read once, at import)."""
    lines = (_LUA_DIR / f"{name}.lua").read_text(encoding="utf-8").split("\n")
    start = 0
    while start < len(lines) and lines[start].startswith("--"):
        start += 1
    if start < len(lines) and not lines[start].strip():
        start += 1
    return "\n" + "\n".join(lines[start:])


class Lua:
    """A Lua script, run atomically by Redis."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sha = hashlib.sha1(text.encode()).hexdigest()

    def __call__(self, client: redis.Redis | Pipeline, *, keys: Sequence[str] = (),
                 args: Sequence[Arg] = ()) -> Any:  # what the script returns: an int, bytes or a list
        if isinstance(client, Pipeline):
            return client.eval(self.text, len(keys), *keys, *args)
        try:
            return client.evalsha(self.sha, len(keys), *keys, *args)
        except NoScriptError:
            client.script_load(self.text)
            return client.evalsha(self.sha, len(keys), *keys, *args)


# --- leases: one owner at a time (a user's drain, a digest fan-out chunk) ---------------------------------
TAKE_LEASE = Lua(source("take_lease"))
RENEW_LEASE = Lua(source("renew_lease"))
_NEXT_DRAIN_JOB = source("next_drain_job")  # a function both scripts below open with
DRAIN_NEXT = Lua(_NEXT_DRAIN_JOB + source("drain_next"))
RELEASE_UNTIL = Lua(source("release_until"))

# --- the sender's delivery, and a running drain job taking the next ready user ----------------------------
# outbox_take.lua defines `take`, the step before each send; each of these ends with it
OUTBOX_TAKE = Lua(source("outbox_take") + "\nreturn take(KEYS, ARGV)\n")
OUTBOX_SENT_TAKE = Lua(source("outbox_take") + source("outbox_sent"))  # the pop of a sent head, then the next take
CLAIM_SENDS = Lua(source("outbox_take") + source("claim_sends"))  # due users' send leases and their first takes
FINISH_SEND = Lua(source("finish_send"))
TAKE_NEXT_DRAIN = Lua(_NEXT_DRAIN_JOB + source("take_next_drain"))

# --- the webhook's ingest and the sweeper's claim (templates filled in by bot/core/ingest.py) ---------------
INGEST_TEMPLATE = source("ingest")
CLAIM_TEMPLATE = source("claim")

# --- Zalo tokens ------------------------------------------------------------------------------------------
SEED_TOKENS = Lua(source("seed_tokens"))

# --- digest subscribers -----------------------------------------------------------------------------------
SUBSCRIBE = Lua(source("subscribe"))
UNSUBSCRIBE = Lua(source("unsubscribe"))
TOUCH_SUBSCRIBER = Lua(source("touch_subscriber"))

# --- digest fan-out and the shared send rate ----------------------------------------------------------------
CHECKPOINT_CHUNK = Lua(source("checkpoint_chunk"))


def _rate_slot(*, rate: str, pause: str, interval: str) -> str:
    """`lua/rate_slot.lua` for the given keys and interval: one text for both scripts that reserve a slot."""
    return source("rate_slot").replace("@RATE@", rate).replace("@PAUSE@", pause).replace("@INTERVAL@", interval)


DELIVERY_STEP = Lua(source("delivery_step") + _rate_slot(rate="KEYS[7]", pause="KEYS[8]", interval="ARGV[7]"))
RESERVE_SEND_SLOT = Lua(_rate_slot(rate="KEYS[1]", pause="KEYS[2]", interval="ARGV[1]"))
PAUSE_SENDS = Lua(source("pause_sends"))

# --- reader stories -------------------------------------------------------------------------------------
STORY_DECIDE = Lua(source("story_decide"))
STORY_ERASE = Lua(source("story_erase"))
COUNT_SCREENING_ATTEMPT = Lua(source("count_screening_attempt"))
