"""Every Zalo event type parses into its typed event; anything malformed raises EventParseError only."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.events import (
    AttachmentMessage,
    ChatNow,
    EventParseError,
    Follow,
    OAEcho,
    Receipt,
    SubmitInfo,
    TextMessage,
    Unfollow,
    UnknownEvent,
)
from bot.core.parsing import parse_body, parse_event

USER, OA, APP = "246845883529197922", "388613280878808645", "360846524940903967"


def user_event(name: str, message: dict) -> dict:
    return {"app_id": APP, "sender": {"id": USER}, "user_id_by_app": "552177279717587730",
            "recipient": {"id": OA}, "event_name": name, "message": message, "timestamp": "1699003881354"}


def attach(kind: str, payload: dict) -> dict:
    return {"msg_id": "96d3cdf3af150460909", "attachments": [{"type": kind, "payload": payload}]}


CASES = [
    (user_event("user_send_text", {"text": "xin chào", "msg_id": "96d3cdf3af150460909"}), TextMessage),
    (user_event("user_send_image", attach("image", {"thumbnail": "http://t", "url": "http://f6.photo"})),
     AttachmentMessage),
    (user_event("user_send_gif", attach("gif", {"thumbnail": "http://t", "url": "http://g"})), AttachmentMessage),
    (user_event("user_send_link", attach("link", {"url": "https://c63.mic.gov.vn", "thumbnail": "t",
                                                  "description": "d", "title": "t"})), AttachmentMessage),
    (user_event("user_send_sticker", attach("sticker", {"id": "abc", "url": "http://s"})), AttachmentMessage),
    (user_event("user_send_file", attach("file", {"url": "http://f", "name": "a.pdf", "size": "1024",
                                                  "type": "pdf"})), AttachmentMessage),
    (user_event("user_send_location", {"msg_id": "1", "text": "Nhà", "attachments": [
        {"type": "location", "payload": {"coordinates": {"latitude": "10.7642473", "longitude": "106.6564314"}}}]}),
     AttachmentMessage),
    (user_event("user_send_audio", attach("audio", {"url": "http://a"})), AttachmentMessage),
    (user_event("user_send_video", attach("video", {"url": "http://v", "thumbnail": "t", "description": "d"})),
     AttachmentMessage),
    ({"sender": {"id": USER}, "recipient": {"id": OA}, "event_name": "user_submit_info", "app_id": APP,
      "timestamp": "1540368141908", "info": {"name": "Tên", "phone": "84912345678", "full_address": {
          "user_city": "Thành phố Hồ Chí Minh", "user_ward": "Phường Tân Thuận"}}}, SubmitInfo),
    ({"oa_id": OA, "follower": {"id": USER}, "user_id_by_app": "1", "event_name": "follow", "source": "oa_profile",
      "app_id": APP, "timestamp": "1699003881354"}, Follow),
    ({"oa_id": OA, "follower": {"id": USER}, "event_name": "unfollow", "app_id": APP, "timestamp": "1699003881354"},
     Unfollow),
    ({"oa_id": OA, "user_id": USER, "event_name": "user_click_chatnow", "app_id": APP, "timestamp": "1699003881354"},
     ChatNow),
    ({"sender": {"id": OA}, "recipient": {"id": USER}, "event_name": "user_received_message", "app_id": APP,
      "message": {"msg_id": "abc"}, "timestamp": "1699003881354"}, Receipt),
    ({"sender": {"id": OA}, "recipient": {"id": USER}, "event_name": "user_seen_message", "app_id": APP,
      "message": {"msg_ids": ["abc", "def"]}, "timestamp": "1699003881354"}, Receipt),
    ({"sender": {"id": OA, "admin_id": "77"}, "recipient": {"id": USER}, "event_name": "oa_send_text", "app_id": APP,
      "message": {"text": "hi", "msg_id": "e1"}, "timestamp": "1699003881354"}, OAEcho),
    ({"app_id": APP, "event_name": "shop_has_order", "timestamp": "1699003881354"}, UnknownEvent),
]


@pytest.mark.parametrize(("body", "cls"), CASES, ids=[c[0]["event_name"] for c in CASES])
def test_every_event_type_parses(body: dict, cls: type) -> None:
    event = parse_event(parse_body(json.dumps(body).encode()))
    assert type(event) is cls
    assert event.timestamp_ms == int(body["timestamp"])
    if cls not in (UnknownEvent,):
        assert event.user_id == USER


def test_attachment_details_survive() -> None:
    event = parse_event(CASES[6][0])
    assert isinstance(event, AttachmentMessage)
    assert event.kind == "location"
    assert event.attachments[0].latitude == pytest.approx(10.7642473)
    info = parse_event(CASES[9][0])
    assert isinstance(info, SubmitInfo)
    assert info.info["user_city"] == "Thành phố Hồ Chí Minh"


def test_dedupe_key_uses_msg_id_else_stable_hash() -> None:
    text = parse_event(CASES[0][0])
    assert text.key == "m96d3cdf3af150460909"
    follow1 = parse_event(CASES[10][0])
    follow2 = parse_event(dict(CASES[10][0]))
    assert follow1.key == follow2.key and follow1.key.startswith("h")
    later = parse_event({**CASES[10][0], "timestamp": "1699003881355"})
    assert later.key != follow1.key


@pytest.mark.parametrize("body", [
    {"event_name": "user_send_text", "timestamp": "1", "sender": {"id": USER}},  # no message
    {"event_name": "user_send_text", "timestamp": "1", "sender": {"id": USER}, "message": {"text": 5, "msg_id": "a"}},
    {"event_name": "user_send_text", "timestamp": "x1", "sender": {"id": USER},
     "message": {"text": "a", "msg_id": "a"}},
    {"event_name": "user_send_text", "timestamp": "1", "sender": {"id": [1]}, "message": {"text": "a", "msg_id": "a"}},
    {"event_name": "follow", "timestamp": "1", "follower": "123"},
    {"event_name": 7, "timestamp": "1"},
    {"timestamp": "1"},
])
def test_malformed_events_are_refused(body: dict) -> None:
    with pytest.raises(EventParseError):
        parse_event(body)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(
    st.sampled_from(["event_name", "timestamp", "sender", "recipient", "message", "follower", "user_id", "info",
                     "app_id", "source"]),
    json_values, max_size=8),
    st.sampled_from([c[0]["event_name"] for c in CASES]))
def test_parser_never_raises_anything_but_parse_error(body: dict, name: str) -> None:
    body.setdefault("event_name", name)
    with contextlib.suppress(EventParseError):
        parse_event(body)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_body_decoder_refuses_garbage_cleanly(raw: bytes) -> None:
    try:
        data = parse_body(raw)
    except EventParseError:
        return
    assert isinstance(data, dict)
