"""A worker's warm-up: the tables of the reply path built before it takes its first job.

The route table reads its tables the first time a message needs them: the phrase classes of the plain-word
commands (content/intents.toml, expanded into every phrase: about 0.7 s of CPU since round 15, 0.13 s in
round 10), the small-talk and address words, the places and countries, the knowledge base's own lazy tables. The
first question after a worker started paid all of it, and so did every event queued behind it: `bench_latency`'s
p99 went from 19 to 767 ms (session 16). `dxbot worker` calls `Router.warm_up` before it registers with RQ, so
these are built while no citizen waits (and before `--fork` children inherit them).

The warm-up routes a few messages as a citizen would send them and throws the outcome away: nothing is
committed, so nothing is written to Redis nor sent (handlers only read Redis; their writes and replies wait for
the drain's commit, which never comes). Messages that exercise the whole table, rather than a list of the caches
to fill, keep the warm-up right when a later round adds a table.
"""

from __future__ import annotations

import logging
import time

import redis

from bot.config import Settings
from bot.core.context import Context
from bot.core.events import TextMessage
from bot.core.routing import Router
from bot.kb import get_kb

WARM_USER = "0"  # no Zalo user id: the handlers' reads find nothing of anyone's
SAMPLES = (
    "chuyển đổi số là gì",  # a question: every plain-word command is asked first, then small talk, then the KB
    "ngay cds la ngay nao o Ha Noi",  # typed without marks, a place: the places' and units' tables
    "đăng ký nhận bản tin",  # a keyword command: the provinces of a digest edition
    "chào ad, cảm ơn nhiều nha",  # small talk and the way the citizen addresses the channel
    # a long letter: a stop request said to the channel, then a question about something else
    "Kênh cho tôi dừng nhận bản tin từ tuần này nhé. Mà VNeID mức 2 đăng ký ở đâu vậy?",
    # a question, then a plea for the answer: the tails' and the story sentences' words (content/asking_tails.toml)
    "Tổ công nghệ số làm những việc gì? ai biết chỉ mình với nha",
    # a statement sharing the question's words, then the question in an entry's own phrasing, closed politely: the
    # closing particles of content/introductions.toml (bot.kb.own_phrasing, round 20)
    "Tôi chưa biết gì về chuyển đổi số. Chuyển đổi số là gì ạ?",
)


def route_samples(router: Router, settings: Settings, client: redis.Redis) -> None:
    """Route SAMPLES through `router` as one citizen's messages and discard what the handlers produced."""
    get_kb()
    now_ms = int(time.time() * 1000)
    previous = logging.root.manager.disable
    logging.disable(logging.INFO)  # the handlers' per-message lines would read as real traffic
    try:
        for n, text in enumerate(SAMPLES):
            event = TextMessage(name="user_send_text", app_id=settings.app_id, timestamp_ms=now_ms, user_id=WARM_USER,
                                msg_id=f"warm-up-{n}", text=text)
            router.dispatch(event, Context(event=event, user_id=WARM_USER, settings=settings, client=client, state={},
                                           received_ms=now_ms))
    finally:
        logging.disable(previous)
