"""POST /webhook: each way in, each status code, and nothing stored unless the event is accepted."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Callable

import pytest
import redis
import requests

from bot.app import create_app
from bot.config import Settings
from bot.infra import keys
from bot.zalo import signature
from tests.support import BotHarness, WebServer

USER = "1234567890123456789"


def body_for(text: str = "xin chào", msg_id: str = "a1b2c3d4e5f6a7b8c9d0", *, ts: int | None = None,
             settings: Settings) -> bytes:
    event = {"app_id": settings.app_id, "sender": {"id": USER}, "recipient": {"id": "2000000000000000002"},
             "event_name": "user_send_text", "message": {"text": text, "msg_id": msg_id},
             "timestamp": str(ts or int(time.time() * 1000))}
    return json.dumps(event, ensure_ascii=False).encode()


def post(url: str, raw: bytes, header: str | None) -> requests.Response:
    headers = {"Content-Type": "application/json"}
    if header is not None:
        headers[signature.HEADER] = header
    return requests.post(url + "/webhook", data=raw, headers=headers, timeout=5)


def signed(raw: bytes, settings: Settings) -> str:
    ts = json.loads(raw)["timestamp"]
    return signature.header_value(settings.app_id, raw, str(ts), settings.oa_secret_key)


def nothing_stored(client: redis.Redis) -> bool:
    return not client.exists(keys.inbox(USER)) and client.llen("rq:queue:dxbot") == 0


@pytest.fixture()
def url(bot: BotHarness, web_server: WebServer) -> str:
    return f"http://127.0.0.1:{web_server.server.server_port}"


def test_valid_event_is_accepted_and_queued_once(bot: BotHarness, url: str) -> None:
    raw = body_for(settings=bot.settings)
    first = post(url, raw, signed(raw, bot.settings))
    assert first.status_code == 200 and first.json() == {"status": "accepted"}
    assert bot.redis.zcard(keys.inbox(USER)) == 1
    assert bot.redis.llen("rq:queue:dxbot") == 1
    for _ in range(2):
        again = post(url, raw, signed(raw, bot.settings))
        assert again.status_code == 200 and again.json() == {"status": "duplicate"}
    assert bot.redis.zcard(keys.inbox(USER)) == 1
    assert bot.redis.llen("rq:queue:dxbot") == 1
    assert bot.metric("events_duplicate_total") == 2


def test_second_event_of_busy_user_joins_inbox_without_new_job(bot: BotHarness, url: str) -> None:
    for i in range(3):
        raw = body_for(f"câu {i}", msg_id=f"{i:020x}", settings=bot.settings)
        assert post(url, raw, signed(raw, bot.settings)).status_code == 200
    assert bot.redis.zcard(keys.inbox(USER)) == 3
    assert bot.redis.llen("rq:queue:dxbot") == 1  # one drain job holds the user


def _forged(raw: bytes, s: Settings) -> str:
    return signature.header_value(s.app_id, raw, json.loads(raw)["timestamp"], "wrong-secret")


def _hmac_format(raw: bytes, s: Settings) -> str:
    return "mac=" + hmac.new(s.oa_secret_key.encode(), raw, hashlib.sha256).hexdigest()


def _sha1_format(raw: bytes, s: Settings) -> str:
    ts = json.loads(raw)["timestamp"]
    return "mac=" + hashlib.sha1((s.app_id + raw.decode() + ts + s.oa_secret_key).encode()).hexdigest()


def _app_secret_variant(raw: bytes, s: Settings) -> str:
    return signature.header_value(s.app_id, raw, json.loads(raw)["timestamp"], s.app_secret)


@pytest.mark.parametrize("make_header", [
    lambda raw, s: None,
    lambda raw, s: "",
    lambda raw, s: "mac=",
    _forged,
    _hmac_format,
    _sha1_format,
    _app_secret_variant,
], ids=["missing", "empty", "prefix-only", "forged", "hmac-format", "sha1-format", "app-secret"])
def test_bad_signatures_get_401_and_nothing_is_stored(bot: BotHarness, url: str,
                                                      make_header: Callable[[bytes, Settings], str | None]) -> None:
    raw = body_for(settings=bot.settings)
    response = post(url, raw, make_header(raw, bot.settings))
    assert response.status_code == 401
    assert nothing_stored(bot.redis)


def test_tampered_body_with_old_signature_is_refused(bot: BotHarness, url: str) -> None:
    raw = body_for("xin chào", settings=bot.settings)
    header = signed(raw, bot.settings)
    tampered = raw.replace("xin chào".encode(), b"/duyet 1")
    assert post(url, tampered, header).status_code == 401
    assert nothing_stored(bot.redis)


@pytest.mark.parametrize("raw", [b"not json", b"[1,2]", b"{}", b'{"event_name":"user_send_text"}',
                                 b"{\"timestamp\": \"x\"}", b"\xff\xfe", b"{" * 5000])
def test_bodies_that_are_not_events_get_400(bot: BotHarness, url: str, raw: bytes) -> None:
    response = post(url, raw, "mac=" + "0" * 64)
    assert response.status_code == 400
    assert nothing_stored(bot.redis)


def test_signed_but_malformed_event_gets_400(bot: BotHarness, url: str) -> None:
    event = {"app_id": bot.settings.app_id, "sender": {"id": {"nested": 1}}, "event_name": "user_send_text",
             "message": {"text": "a", "msg_id": "b"}, "timestamp": str(int(time.time() * 1000))}
    raw = json.dumps(event).encode()
    assert post(url, raw, signed(raw, bot.settings)).status_code == 400
    assert bot.redis.llen("rq:queue:dxbot") == 0


def test_oversize_body_gets_413(bot: BotHarness, url: str) -> None:
    raw = body_for("x" * (bot.settings.max_body_bytes + 10), settings=bot.settings)
    assert post(url, raw, signed(raw, bot.settings)).status_code == 413
    assert nothing_stored(bot.redis)


@pytest.mark.parametrize(("name", "extra"), [
    ("oa_send_text", {"sender": {"id": "2000000000000000002"}, "recipient": {"id": USER},
                      "message": {"text": "echo", "msg_id": "e1"}}),
    ("user_seen_message", {"sender": {"id": "2000000000000000002"}, "recipient": {"id": USER},
                           "message": {"msg_ids": ["e1"]}}),
    ("some_future_event", {}),
])
def test_echoes_receipts_and_unknown_events_are_acknowledged_not_queued(bot: BotHarness, url: str, name: str,
                                                                        extra: dict) -> None:
    event = {"app_id": bot.settings.app_id, "event_name": name, "timestamp": str(int(time.time() * 1000)), **extra}
    raw = json.dumps(event).encode()
    response = post(url, raw, signed(raw, bot.settings))
    assert response.status_code == 200 and response.json()["status"] == "ignored"
    assert bot.redis.llen("rq:queue:dxbot") == 0


def test_replayed_old_event_is_not_processed(bot: BotHarness, url: str) -> None:
    old = int((time.time() - 30 * 24 * 3600) * 1000)
    raw = body_for(ts=old, settings=bot.settings)
    response = post(url, raw, signed(raw, bot.settings))
    assert response.status_code == 200 and response.json()["status"] == "stale"
    assert nothing_stored(bot.redis)


def test_redis_down_gives_503_so_zalo_retries(base_env: dict[str, str]) -> None:
    from tests.conftest import free_port

    settings = Settings.from_env({**base_env, "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0"},
                                 load_dotenv_file=False)
    client = create_app(settings).test_client()
    raw = body_for(settings=settings)
    response = client.post("/webhook", data=raw, headers={signature.HEADER: signed(raw, settings)})
    assert response.status_code == 503
    assert client.get("/healthz").status_code == 503


def test_healthz_and_metrics(bot: BotHarness, url: str) -> None:
    health = requests.get(url + "/healthz", timeout=5)
    assert health.status_code == 200 and health.json()["status"] == "ok"
    raw = body_for(settings=bot.settings)
    post(url, raw, signed(raw, bot.settings))
    post(url, raw, signed(raw, bot.settings))
    post(url, raw, "mac=" + "0" * 64)
    text = requests.get(url + "/metrics", timeout=5).text
    assert "dxbot_events_received_total 1.0" in text
    assert "dxbot_events_duplicate_total 1.0" in text
    assert 'dxbot_webhook_rejected_total{reason="bad_signature"} 1.0' in text
    assert 'dxbot_queue_depth{queue="dxbot"} 1.0' in text
    assert "dxbot_reply_latency_seconds_bucket" in text


def test_webhook_survives_a_flushed_redis(bot: BotHarness, url: str) -> None:
    """The job template lives in Redis; losing it (flush, restore from an old backup) must not break ingest."""
    bot.redis.flushall()
    assert bot.send(USER, "menu").json()["status"] == 200
    bot.settle()
    assert len(bot.messages(USER)) == 1


def test_webhook_answers_405_to_other_methods_and_leaves_other_routes_to_flask(bot: BotHarness, url: str) -> None:
    assert requests.get(url + "/webhook", timeout=5).status_code == 405
    assert requests.get(url + "/healthz", timeout=5).status_code == 200
    assert requests.get(url + "/no-such-page", timeout=5).status_code == 404
