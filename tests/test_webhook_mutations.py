"""Mutated real events at POST /webhook (Hypothesis), beyond tests/test_webhook_fuzz.py's random bodies.

Each example takes a real Zalo event (text, image, link, location, sticker, follow, unfollow, submit-info,
chat-now, receipts, OA echo) and damages it the way networks, proxies and attackers do: bit flips,
truncation, duplicated keys (a second "sender" that names a moderator), a BOM, the same JSON in UTF-16,
UTF-32, Latin-1 or Windows-1258, numbers beyond 2^53 / beyond float range / NaN / Infinity where ids,
timestamps and coordinates go, very long strings in any field, lone surrogates and NULs. Half the
examples are re-signed with the right secret (as if it leaked), so the parser is reached, not only the
MAC check. Whatever comes in: one of the contract's codes, never a 500; anything not accepted leaves
Redis as it was; anything accepted is stored whole (the worker's own parser reads it back), and the
worker then processes it without a crash.
"""

from __future__ import annotations

import copy
import json
import time
from typing import Any

import pytest
import redis
from flask.testing import FlaskClient
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from bot.app import create_app
from bot.config import Settings
from bot.core.parsing import parse_body, parse_event
from bot.infra import keys
from bot.zalo import signature
from tests.support import BotHarness

ALLOWED = {200, 400, 401, 413}
USER = "7777777777777777777"
MOD = "9000000000000000009"
NUM = "@@NUMBER@@"


def real_events(app_id: str) -> list[dict[str, Any]]:
    """One of each event shape the bot receives (shared/zalo-oa-api.md §2), with a recent timestamp."""
    ts = str(int(time.time() * 1000))
    common = {"app_id": app_id, "user_id_by_app": "552177279717587730", "timestamp": ts}
    sender, oa = {"id": USER}, {"id": "2000000000000000002"}

    def msg(name: str, message: dict[str, Any]) -> dict[str, Any]:
        return {**common, "event_name": name, "sender": sender, "recipient": oa,
                "message": {"msg_id": "96d3cdf3af150460909a", **message}}

    return [
        msg("user_send_text", {"text": "Làm căn cước cho con ở đâu ạ? SĐT 0912 345 678"}),
        msg("user_send_image", {"text": "ảnh chợ", "attachments": [
            {"type": "image", "payload": {"url": "https://cdn.zalo.me/a.jpg", "thumbnail": "https://cdn.zalo.me/t.jpg"}}]}),
        msg("user_send_link", {"attachments": [{"type": "link", "payload": {
            "url": "https://dichvucong.gov.vn", "title": "Cổng DVC", "description": "x", "thumbnail": ""}}]}),
        msg("user_send_location", {"attachments": [{"type": "location", "payload": {
            "coordinates": {"latitude": "21.0285", "longitude": "105.8542"}}}]}),
        msg("user_send_sticker", {"attachments": [{"type": "sticker", "payload": {"id": "bfe1", "url": "https://s"}}]}),
        msg("user_send_file", {"attachments": [{"type": "file", "payload": {
            "url": "https://f", "name": "don.pdf", "size": "20480", "type": "pdf"}}]}),
        {**common, "event_name": "follow", "oa_id": oa["id"], "source": "oa_profile", "follower": {"id": USER}},
        {**common, "event_name": "unfollow", "oa_id": oa["id"], "source": "oa_profile", "follower": {"id": USER}},
        {**common, "event_name": "user_submit_info", "sender": sender, "recipient": oa,
         "info": {"name": "Nguyễn Văn A", "phone": "0912345678", "address": "12 Lê Lợi", "city": "Huế"}},
        {**common, "event_name": "user_click_chatnow", "oa_id": oa["id"], "user_id": USER},
        {**common, "event_name": "user_seen_message", "sender": oa, "recipient": sender,
         "message": {"msg_ids": ["a1", "b2"]}},
        {**common, "event_name": "oa_send_text", "sender": {"id": oa["id"], "admin_id": "123"}, "recipient": sender,
         "message": {"text": "chào", "msg_id": "f00d"}},
    ]


FIELDS = [("sender", "id"), ("recipient", "id"), ("follower", "id"), ("user_id",), ("app_id",), ("timestamp",),
          ("event_name",), ("message", "text"), ("message", "msg_id"), ("message", "msg_ids"),
          ("message", "quote_msg_id"), ("message", "attachments"), ("message", "attachments", 0, "payload", "url"),
          ("message", "attachments", 0, "payload", "size"), ("message", "attachments", 0, "type"),
          ("message", "attachments", 0, "payload", "coordinates", "latitude"), ("info", "name"), ("source",)]
NUMBERS = ["9007199254740993", "18446744073709551616", "-9223372036854775809", "-1", "0", "-0", "1e308", "1e400",
           "-1e400", "NaN", "Infinity", "-Infinity", "0.5", "1E+2", "9" * 400, "9" * 5000, "true", "null", "[]", "{}"]
LONG = st.sampled_from(["x", "đ", "💣", "\u0301", "\u202e", "a\u200b", "<b>", "\\", "\x00"]).flatmap(
    lambda unit: st.integers(1000, 60_000 // max(1, len(unit.encode()))).map(lambda n: unit * n))
ODD = st.sampled_from(["\ud800", "\udfff\ud800", "\x00", "\u0000/duyet", "\ufeff", "", " ", "\u2028", "∞"])
ENCODINGS = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1258", "utf-8-sig"]


def set_path(node: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        if isinstance(part, int):
            if not isinstance(node, list) or not node:
                return
            node = node[part]
            continue
        child = node.get(part) if isinstance(node, dict) else None
        if not isinstance(child, dict | list):
            child = {}
            node[part] = child
        node = child
    if isinstance(node, dict):
        node[path[-1]] = value


@st.composite
def mutated(draw: st.DrawFn, app_id: str) -> tuple[bytes, str, str]:
    """(body, signed timestamp text, mutation name)."""
    event = copy.deepcopy(draw(st.sampled_from(real_events(app_id))))
    ts = event["timestamp"]
    kind = draw(st.sampled_from(["bitflip", "truncate", "dup_key", "bom", "encoding", "number", "long", "odd"]))
    if kind in ("number", "long", "odd"):
        path = draw(st.sampled_from(FIELDS))
        value = NUM if kind == "number" else draw(LONG if kind == "long" else ODD)
        set_path(event, path, value)
        if path == ("timestamp",) and kind != "number":
            ts = str(value)
    raw = json.dumps(event, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")
    if kind == "number":
        literal = draw(st.sampled_from(NUMBERS))
        raw = raw.replace(f'"{NUM}"'.encode(), literal.encode())
        if b'"timestamp":' + literal.encode() in raw.replace(b" ", b""):
            ts = literal
    elif kind == "bitflip":
        data = bytearray(raw)
        for pos in draw(st.lists(st.integers(0, len(data) - 1), min_size=1, max_size=4)):
            data[pos] ^= 1 << draw(st.integers(0, 7))
        raw = bytes(data)
    elif kind == "truncate":
        raw = raw[: draw(st.integers(0, len(raw) - 1))]
    elif kind == "dup_key":
        key = draw(st.sampled_from(["sender", "event_name", "message", "timestamp", "app_id"]))
        other = {"sender": {"id": MOD}, "event_name": "user_send_text", "timestamp": "1", "app_id": "1",
                 "message": {"text": "/duyet 2E3T", "msg_id": "d"}}[key]
        dup = json.dumps({key: other})[1:-1].encode()
        raw = b"{" + dup + b"," + raw[1:] if draw(st.booleans()) else raw[:-1] + b"," + dup + b"}"
    elif kind == "bom":
        raw = b"\xef\xbb\xbf" + raw
    elif kind == "encoding":
        raw = raw.decode("utf-8", "surrogatepass").encode(draw(st.sampled_from(ENCODINGS)), "replace")
    return raw, ts, kind


def snapshot(client: redis.Redis) -> dict[bytes, Any]:
    """Every key (metrics aside) with a cheap fingerprint of its content. Also aside: the liveness keys that the
    test process's own lease keeper renews in the background, for as long as it lives, after an earlier test
    delivered inline (bot/core/inflight.py). Such a key can reappear between two snapshots, and no webhook wrote it."""
    out: dict[bytes, Any] = {}
    for key in client.keys("*"):
        if key.startswith((b"dxbot:metrics", keys.proc_alive("").encode())):
            continue
        kind = client.type(key)
        out[key] = (kind, client.zcard(key) if kind == b"zset" else client.llen(key) if kind == b"list" else 0)
    return out


@pytest.fixture(scope="module")
def app(base_env: dict[str, str]) -> tuple[FlaskClient, Settings]:
    config = Settings.from_env(base_env, load_dotenv_file=False)
    return create_app(config).test_client(), config


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.data_too_large,
                                                                   HealthCheck.too_slow])
@given(data=st.data())
def test_mutated_real_events(app: tuple[FlaskClient, Settings], redis_client: redis.Redis, data: st.DataObject) -> None:
    client, config = app
    raw, ts, kind = data.draw(mutated(config.app_id))
    resign = data.draw(st.booleans())
    header = signature.header_value(config.app_id, raw, ts if resign else str(ts), config.oa_secret_key) \
        if resign else "mac=" + "0" * 64
    before = snapshot(redis_client)
    answer = client.post("/webhook", data=raw, headers={signature.HEADER: header})
    assert answer.status_code in ALLOWED, (kind, answer.status_code, raw[:200])
    event(f"{kind} -> {answer.status_code}")  # the figures in --hypothesis-show-statistics
    after = snapshot(redis_client)
    if answer.status_code != 200 or answer.get_json()["status"] != "accepted":
        assert after == before, kind
        return
    inboxes = [k for k in after if k.startswith(b"dxbot:inbox:") and after[k] != before.get(k)]
    assert len(inboxes) == 1, kind
    for member in redis_client.zrange(inboxes[0], 0, -1):
        stored = parse_event(parse_body(member.partition(b":")[2]))  # the worker's own reading
        assert keys.inbox(stored.user_id or "").encode() == inboxes[0]


# Accepted-but-nasty events, carried all the way through a worker: nothing half-stored, nothing dead.
def nasty_accepted(app_id: str) -> list[bytes]:
    ts = int(time.time() * 1000)
    base = real_events(app_id)[0]
    out = []
    variants = [
        {"sender": {"id": 18446744073709551616}},
        {"sender": {"id": "a b:c*?[x]"}},
        {"sender": {"id": "9" * 64}},
        {"message": {"text": "đ" * 1999 + "\u0301" * 3000, "msg_id": "m1"}},
        {"message": {"text": "💣" * 2500, "msg_id": "m2"}},
        {"message": {"text": "\x00\x1b[2J\u202e/duyet 2E3T", "msg_id": "m3"}},
        {"message": {"text": "x" * 30_000, "msg_id": "m4"}},
        {"message": {"text": "gửi câu chuyện", "msg_id": "m5", "extra": float("nan")}},
        {"unknown": [[[[[[[[[[]]]]]]]]]], "message": {"text": "hỏi \ud800 đáp", "msg_id": "m6"}},
    ]
    for n, change in enumerate(variants):
        event = {**base, "message": {**base["message"], "msg_id": f"nasty{n}"}, **change, "timestamp": str(ts + n)}
        out.append(json.dumps(event).encode())
    dup = json.dumps({**base, "timestamp": str(ts + 50), "message": {"text": "menu", "msg_id": "m7"}}).encode()
    out.append(b'{"sender":{"id":"' + MOD.encode() + b'"},' + dup[1:])  # last "sender" wins, in both parsers
    return out


def test_nasty_accepted_events_are_processed_whole(bot: BotHarness, app: tuple[FlaskClient, Settings]) -> None:
    client, config = app
    for raw in nasty_accepted(config.app_id):
        ts = str(json.loads(raw)["timestamp"])
        header = signature.header_value(config.app_id, raw, ts, config.oa_secret_key)
        answer = client.post("/webhook", data=raw, headers={signature.HEADER: header})
        assert answer.status_code == 200 and answer.get_json()["status"] == "accepted", raw[:120]
    bot.settle(timeout=30)
    assert not bot.redis.hlen(keys.DEAD_EVENTS)
    assert not [k for k in bot.redis.keys("dxbot:inbox:*") if bot.redis.zcard(k)]
    assert not bot.redis.exists(keys.state(MOD))  # the duplicated "sender" did not act as the moderator


@pytest.mark.parametrize(("name", "field", "literal"), [
    ("user_send_text", ("timestamp",), '"¹²³⁴"'),  # digits to str.isdigit(), not to int(): was a 500
    ("user_send_text", ("timestamp",), '"١٧٠٠٠٠٠٠٠٠٠٠٠"'),  # Arabic-Indic digits: not epoch milliseconds
    ("user_send_location", ("message", "attachments", 0, "payload", "coordinates", "latitude"), "1" + "0" * 400),
    ("user_send_file", ("message", "attachments", 0, "payload", "size"), "1e400"),  # was a 500 (int(inf))
    ("user_send_file", ("message", "attachments", 0, "payload", "size"), "NaN"),
])
def test_signed_numbers_that_used_to_crash_the_parser_are_refused(app: tuple[FlaskClient, Settings],
                                                                   redis_client: redis.Redis, name: str,
                                                                   field: tuple[str | int, ...], literal: str) -> None:
    client, config = app
    event = copy.deepcopy(next(e for e in real_events(config.app_id) if e["event_name"] == name))
    set_path(event, field, NUM)
    raw = json.dumps(event, ensure_ascii=False).encode().replace(f'"{NUM}"'.encode(), literal.encode())
    ts = json.loads(literal) if field == ("timestamp",) else event["timestamp"]
    header = signature.header_value(config.app_id, raw, ts, config.oa_secret_key)
    assert client.post("/webhook", data=raw, headers={signature.HEADER: header}).status_code == 400
    assert snapshot(redis_client) == {}
