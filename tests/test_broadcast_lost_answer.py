"""The digest broadcast is sent once even when Zalo's answer is lost (issue 14, "digest broadcast once per
week"), over real HTTP against the emulator: a timed-out answer, and a worker SIGKILLed while Zalo holds the
call. A broadcast call that may have reached Zalo is never repeated; the per-user fan-out still runs."""

from __future__ import annotations

import signal

from bot.digest import fanout as digest
from bot.infra import keys
from tests import digest_helpers as dh
from tests.broadcast_support import broadcast_bot, broadcasts, received, silent_followers
from tests.digest_helpers import MONDAY_8, SLOT
from tests.support import BotHarness, spawn, wait_for

PEOPLE = {"5700000000000000001": 9, "5700000000000000002": 45}
BROADCAST = "/v2.0/oa/message"


def run_field(bot: BotHarness, name: str) -> str | None:
    raw = bot.redis.hget(keys.digest_run(SLOT), name)
    return raw.decode() if raw else None


def everyone_got_one(bot: BotHarness) -> None:
    bot.advance_clock(1800)  # Zalo's review
    assert all(len(received(bot, user)) == 1 for user in PEOPLE)


def test_a_broadcast_whose_answer_timed_out_is_not_sent_again(bot: BotHarness) -> None:
    bot = broadcast_bot(bot, ZALO_TIMEOUT_SECONDS="0.5")
    silent_followers(bot, PEOPLE)
    bot.fault(kind="delay", seconds=2, when="after", count=1, path=BROADCAST)  # Zalo takes it; the answer is late
    assert dh.run_digest(bot) == "started"
    assert len(broadcasts(bot)) == 1
    assert (run_field(bot, "broadcast"), run_field(bot, "bc:all:message")) == ("sent", "unknown")
    assert digest.broadcast(SLOT) == "sent" and digest.fire(SLOT) == "already"  # a retry, a second firing
    bot.settle()
    assert len(broadcasts(bot)) == 1
    assert dh.report(bot)["sent_broadcast"] == len(PEOPLE)
    everyone_got_one(bot)


def test_a_worker_killed_while_zalo_holds_the_broadcast_call_does_not_double_it(bot: BotHarness) -> None:
    bot = broadcast_bot(bot)
    silent_followers(bot, PEOPLE)
    bot.fault(kind="delay", seconds=60, when="after", count=1, path=BROADCAST)
    dh.at(bot, MONDAY_8)
    doomed = spawn(["worker"], bot.env)
    try:
        assert digest.fire(SLOT) == "started"  # queues the broadcast job; the subprocess takes it
        wait_for(lambda: broadcasts(bot) and not bot.emulator("GET", "/faults").json()["faults"], 60,
                 "Zalo to accept the broadcast")
        doomed.send_signal(signal.SIGKILL)  # its answer (the message id) is lost with the worker
        doomed.wait(5)
    finally:
        if doomed.poll() is None:
            doomed.kill()
    assert run_field(bot, "broadcast") == "pending" and run_field(bot, "bc:all:sending") == "1"
    bot.redis.delete(keys.digest_broadcast_lock(SLOT))  # as its TTL would
    digest.tick(bot.redis, bot.settings)  # the scheduler's sweep queues the broadcast job again
    bot.settle(timeout=30)
    assert len(broadcasts(bot)) == 1 and run_field(bot, "bc:all:message") == "unknown"
    assert run_field(bot, "broadcast") == "sent" and run_field(bot, "status") == "done"
    everyone_got_one(bot)


def test_a_digest_article_whose_create_answer_was_lost_is_adopted_not_made_twice(bot: BotHarness) -> None:
    bot = broadcast_bot(bot, ZALO_TIMEOUT_SECONDS="0.5")
    silent_followers(bot, PEOPLE)
    bot.fault(kind="delay", seconds=2, when="after", count=1, path="/v2.0/article/create")  # made; answer lost
    assert dh.run_digest(bot) == "started"
    assert run_field(bot, "broadcast") == "pending" and run_field(bot, "bc:all:token") is None
    wait_for(lambda: bot.rt.zalo.article_list(offset=0, limit=10)["medias"], 10, "Zalo to process the article")
    [made] = bot.rt.zalo.article_list(offset=0, limit=10)["medias"]
    bot.redis.delete(keys.digest_broadcast_lock(SLOT))  # as its TTL would
    digest.tick(bot.redis, bot.settings)  # the sweeper queues the broadcast job again
    bot.settle(timeout=30)
    assert bot.rt.zalo.article_list(offset=0, limit=10)["medias"] == [made]  # adopted, not created again
    [sent] = broadcasts(bot)
    assert sent["article_ids"] == [made["id"]] and run_field(bot, "broadcast") == "sent"
    everyone_got_one(bot)
