"""A drain job's Redis round trips with a sender running (bot/core/drain.py): each event's commit also makes the
drain's next step (next event and state, or the release), and the release takes the next queued drain job, so a
user costs one step of its own whatever the number of events, and nothing is lost, doubled or reordered."""

from __future__ import annotations

import json

import pytest
import redis

from bot.core import delivery
from bot.infra import keys, scripts
from tests.routers import slow_echo
from tests.support import BotHarness


def _calls(client: redis.Redis) -> dict[str, int]:
    stats = client.info("commandstats")
    return {name: stats.get(f"cmdstat_{name}", {}).get("calls", 0) for name in ("evalsha", "eval", "exec")}


def test_with_a_sender_each_commit_makes_the_next_step_and_a_release_takes_the_next_user(bot: BotHarness) -> None:
    bot.reconfigure(DRAIN_LINGER_SECONDS="0")
    bot.use_router(slow_echo())
    bot.redis.set(keys.SENDER_ALIVE, "test", px=60_000)  # a sender delivers: the drain only commits
    delivery.forget_sender_state()
    many, one, other = "7800000000000000001", "7800000000000000002", "7800000000000000003"
    texts = ["một", "hai", "ba"]
    for text in texts:
        bot.send(many, text)
    bot.send(one, "bốn")
    bot.send(other, "năm")
    bot.redis.script_load(scripts.DRAIN_NEXT.text)  # as after any first drain: no NOSCRIPT retry is counted
    before = _calls(bot.redis)
    try:
        bot.run_worker()
    finally:
        delivery.forget_sender_state()
    after = _calls(bot.redis)
    events, users = len(texts) + 2, 3
    assert after["exec"] - before["exec"] >= events
    # one step by SHA per user (its first); every other step (the next event, the release with the take of the
    # next user's job) rode in an event's commit. Before: one step per event and per user, plus a take per user.
    assert after["evalsha"] - before["evalsha"] == users
    assert after["eval"] - before["eval"] == events
    replies = {user: [json.loads(m)["text"] for m in bot.redis.lrange(keys.outbox(user), 0, -1)]
               for user in (many, one, other)}  # left for the sender, each once and in order
    assert replies == {many: [f"nhận: {t}" for t in texts], one: ["nhận: bốn"], other: ["nhận: năm"]}
    assert all(bot.redis.zcard(keys.inbox(user)) == 0 and not bot.redis.exists(keys.lease(user))
               for user in (many, one, other))
    assert bot.redis.zcard(keys.PENDING_USERS) == 0 and bot.redis.llen("rq:queue:dxbot") == 0
    assert bot.metric("events_processed_total", outcome="ok") == events


def test_a_job_taken_by_the_release_is_drained_even_past_the_budget(bot: BotHarness,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from rq import Queue

    from bot.core import drain
    from bot.core.ingest import QUEUE_NAME

    monkeypatch.setattr(drain, "MORE_USERS_BUDGET_S", 0.0)  # spent as soon as the first user is drained
    bot.use_router(slow_echo())
    first, second, third = "7800000000000000011", "7800000000000000012", "7800000000000000013"
    for user, text in ((first, "một"), (second, "hai"), (third, "ba")):
        bot.send(user, text)
    queue = Queue(QUEUE_NAME, connection=bot.redis)
    bot.run_worker(max_jobs=1)
    # the first user's release took the second user's job out of the queue: it is drained, not stranded under a
    # lease naming a job nobody runs; past the budget the second's release takes nothing, so RQ runs the third
    assert bot.replies(first) == ["nhận: một"] and bot.replies(second) == ["nhận: hai"]
    assert not bot.redis.exists(keys.lease(second)) and bot.redis.zcard(keys.inbox(second)) == 0
    assert bot.messages(third) == [] and queue.count == 1
    bot.run_worker()
    assert bot.replies(third) == ["nhận: ba"]
