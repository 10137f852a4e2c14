"""docs/scaling.md: web, worker, sender and scheduler processes are separate programs that share only Redis, here
one that demands a password (as a managed Redis does), reached through `REDIS_URL` alone."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest
import redis

from benchmarks.common import free_port
from bot.infra import keys
from bot.infra.redis_conn import server_args
from tests.support import BotHarness, spawn, stop, wait_for

PASSWORD = "s3cret-for-the-test"


def test_every_process_kind_works_against_a_redis_with_a_password(bot: BotHarness, tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen([*server_args(tmp_path, port=port), "--requirepass", PASSWORD],
                              stdout=subprocess.DEVNULL)
    url = f"redis://:{PASSWORD}@127.0.0.1:{port}/0"
    try:
        every_process_kind_answers(bot, {"REDIS_URL": url}, redis.Redis.from_url(url))
        with pytest.raises(redis.AuthenticationError):  # the server really demands the password
            redis.Redis(port=port).ping()
    finally:
        server.terminate()
        server.wait(10)


def every_process_kind_answers(bot: BotHarness, env_changes: dict[str, str], client: redis.Redis) -> None:
    """web, worker, sender and scheduler processes started with `env_changes` (their Redis) answer citizens:
    events through the webhook, replies through the sender, every outbox done."""
    web_port = free_port()
    env = {**bot.env, **env_changes, "PORT": str(web_port)}
    procs = []
    try:
        wait_for(lambda: _answers(client), 20, "the Redis under test")
        procs = [spawn(["web", "--workers", "1"], env), spawn(["worker"], env), spawn(["sender"], env),
                 spawn(["scheduler", "--interval", "0.3"], env)]
        wait_for(lambda: client.exists(keys.SENDER_ALIVE), 30, "the sender's heartbeat")
        bot.emulator("POST", "/config", json={"webhook_url": f"http://127.0.0.1:{web_port}/webhook"})
        users = [f"78{i:017d}" for i in range(3)]
        for user in users:
            for text in ("menu", "trợ giúp"):
                wait_for(lambda u=user, t=text: _sent(bot, u, t), 30, "the webhook behind the new Redis")
        wait_for(lambda: all(len(bot.messages(u)) >= 2 for u in users), 60, "replies through the sender")
        wait_for(lambda: client.zcard(keys.SEND_DUE) == 0, 20, "every outbox off the senders' list")
        assert int(client.hget(keys.METRICS, "events_processed_total|outcome=ok") or 0) == 2 * len(users)
    finally:
        bot.emulator("POST", "/config", json={"webhook_url": f"http://127.0.0.1:{bot.env['PORT']}/webhook"})
        stop(*procs)


def _answers(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except redis.RedisError:
        return False


def _sent(bot: BotHarness, user: str, text: str) -> bool:
    """Offered again until the webhook says 200, with the same msg_id each time, as Zalo redelivers: a webhook
    that took the message but answered too late for the emulator (a busy machine) de-duplicates the retry,
    so the count of processed events stays exact (a new msg_id per retry had counted 7 of 6)."""
    msg_id = hashlib.sha1(f"{user}|{text}".encode()).hexdigest()
    return bot.event(user, "user_send_text", text=text, msg_id=msg_id).status_code == 200
