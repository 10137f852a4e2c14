"""Hostile input to POST /webhook (Hypothesis): never a 500, never a half-stored event.

Bodies are random, mutated from real events, correctly signed with wrong types in every field, huge or
deeply nested; headers are random. Whatever comes in, the answer is one of the contract's codes, and
anything not answered 200 "accepted" leaves Redis exactly as it was.
"""

from __future__ import annotations

import json
import time

import pytest
import redis
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.test import TestResponse

from bot.app import create_app
from bot.config import Settings
from bot.infra import keys
from bot.zalo import signature

ALLOWED = {200, 400, 401, 413}

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=15)


@pytest.fixture(scope="module")
def client(base_env: dict[str, str]) -> tuple[FlaskClient, Settings]:
    from bot.config import Settings

    settings = Settings.from_env(base_env, load_dotenv_file=False)
    return create_app(settings).test_client(), settings


def base_event(settings: Settings) -> dict:
    return {"app_id": settings.app_id, "sender": {"id": "7777777777777777777"},
            "recipient": {"id": "2000000000000000002"}, "event_name": "user_send_text",
            "message": {"text": "xin chào", "msg_id": "abcdef0123456789abcd"},
            "timestamp": str(int(time.time() * 1000))}


def snapshot(redis_client: redis.Redis) -> set[bytes]:
    """Every key but metrics and the liveness keys a lease keeper started by an earlier in-process test renews in
    the background (the same exclusion as test_webhook_mutations)."""
    return {k for k in redis_client.keys("*") if not k.startswith((b"dxbot:metrics", keys.proc_alive("").encode()))}


def post(client: FlaskClient, raw: bytes, headers: dict[str, str]) -> TestResponse:
    return client.post("/webhook", data=raw, headers=headers)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=400),
       header=st.one_of(st.none(), st.text(st.characters(blacklist_characters="\r\n\x00"), max_size=80)))
def test_random_bytes_and_headers(client: tuple[FlaskClient, Settings], redis_client: redis.Redis, raw: bytes,
                                   header: str | None) -> None:
    app, _ = client
    before = snapshot(redis_client)
    headers = {} if header is None else {signature.HEADER: header.encode("utf-8", "replace").decode("latin-1")}
    response = post(app, raw, headers)
    assert response.status_code in ALLOWED
    assert snapshot(redis_client) == before


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.lists(st.sampled_from(["sender", "recipient", "message", "id", "text", "msg_id", "timestamp",
                                      "event_name", "attachments", "follower", "info", "user_id", "payload"]),
                     min_size=1, max_size=3),
       value=values,
       event_name=st.sampled_from(["user_send_text", "user_send_image", "follow", "unfollow", "user_submit_info",
                                   "user_send_location", "user_click_chatnow", "oa_send_text",
                                   "user_seen_message", "xyz"]))
def test_signed_events_with_wrong_types_in_any_field(client: tuple[FlaskClient, Settings], redis_client: redis.Redis,
                                                     path: list[str], value: object, event_name: str) -> None:
    """Correctly signed (as if the secret leaked or Zalo changed a field): still no 500, no partial write."""
    app, settings = client
    event = base_event(settings)
    event["event_name"] = event_name
    node = event
    for key in path[:-1]:
        child = node.get(key)
        if not isinstance(child, dict):
            child = {}
            node[key] = child
        node = child
    node[path[-1]] = value
    raw = json.dumps(event, allow_nan=True).encode()
    ts = event.get("timestamp")
    ts_text = str(ts) if isinstance(ts, str | int) and not isinstance(ts, bool) else ""
    headers = {signature.HEADER: signature.header_value(settings.app_id, raw, ts_text, settings.oa_secret_key)}
    before = snapshot(redis_client)
    response = post(app, raw, headers)
    assert response.status_code in ALLOWED
    if response.status_code != 200 or response.get_json()["status"] != "accepted":
        assert snapshot(redis_client) == before
    else:  # accepted: the event is stored whole, with its job
        assert any(k.startswith(b"dxbot:inbox:") for k in snapshot(redis_client) - before) or \
            redis_client.exists(b"dxbot:inbox:7777777777777777777")


def test_deeply_nested_and_huge_bodies(client: tuple[FlaskClient, Settings], redis_client: redis.Redis) -> None:
    app, settings = client
    deep = ("[" * 100_000 + "]" * 100_000).encode()[: settings.max_body_bytes]
    assert post(app, deep, {signature.HEADER: "mac=" + "0" * 64}).status_code == 400
    big = json.dumps({**base_event(settings), "pad": "x" * (settings.max_body_bytes * 2)}).encode()
    assert post(app, big, {signature.HEADER: "mac=" + "0" * 64}).status_code == 413
    assert snapshot(redis_client) == set()


def test_replaying_a_captured_event_with_a_new_msg_id_is_refused(client: tuple[FlaskClient, Settings],
                                                                redis_client: redis.Redis) -> None:
    app, settings = client
    event = base_event(settings)
    raw = json.dumps(event).encode()
    header = signature.header_value(settings.app_id, raw, event["timestamp"], settings.oa_secret_key)
    assert post(app, raw, {signature.HEADER: header}).get_json()["status"] == "accepted"
    assert post(app, raw, {signature.HEADER: header}).get_json()["status"] == "duplicate"
    forged = json.dumps({**event, "message": {"text": "/duyet 1", "msg_id": "ffffffffffffffffffff"}}).encode()
    assert post(app, forged, {signature.HEADER: header}).status_code == 401
