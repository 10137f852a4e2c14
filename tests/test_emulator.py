"""The local Zalo emulator over real HTTP: event shapes and signatures, Zalo's rules, tokens, faults.

A tiny webhook receiver (werkzeug in a thread) captures what the emulator posts and checks the
signature with ``bot.signature.verify``, as the bot will. The emulator clock is moved, never waited on.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
import requests
from flask import Flask, request
from werkzeug.datastructures import Headers
from werkzeug.serving import make_server

from bot.zalo import signature
from bot.zalo.emulator import EmulatorConfig, EmulatorServer
from bot.zalo.emulator.__main__ import build_parser, config_from_args

VN = ZoneInfo("Asia/Ho_Chi_Minh")
USER = "3000000000000000003"
HEX20 = re.compile(r"^[0-9a-f]{20}$")
CS = "/v3.0/oa/message/cs"
PROMOTION = "/v3.0/oa/message/promotion"


# ---- a webhook receiver that records raw bodies and verifies them like the bot ------------------

@dataclass
class Delivery:
    raw: bytes
    headers: Headers

    @property
    def event(self) -> dict[str, Any]:
        return json.loads(self.raw)

    def signature_ok(self, config: EmulatorConfig) -> bool:
        return signature.verify(self.headers.get(signature.HEADER), config.app_id, self.raw,
                                self.event["timestamp"], config.oa_secret_key)


@dataclass
class Receiver:
    """Answers 401 on a bad signature (as the bot's ``/webhook`` does), else ``status``."""

    config: EmulatorConfig | None = None
    status: int = 200
    deliveries: list[Delivery] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self) -> tuple[str, int]:
        delivery = Delivery(request.get_data(), Headers(request.headers))
        with self.lock:
            self.deliveries.append(delivery)
        if self.config is not None and not delivery.signature_ok(self.config):
            return "bad signature", 401
        return "ok", self.status


@pytest.fixture(scope="module")
def receiver_server() -> Iterator[tuple[Receiver, str]]:
    receiver = Receiver()
    app = Flask("receiver")
    app.add_url_rule("/webhook", "webhook", receiver.handle, methods=["POST"])
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield receiver, f"http://127.0.0.1:{server.server_port}/webhook"
    server.shutdown()
    thread.join(5)
    server.server_close()


# ---- the emulator under test ----------------------------------------------------------------------

class Emu:
    """Test-side client: Zalo calls with the current token, emulator controls, and the receiver."""

    def __init__(self, server: EmulatorServer, receiver: Receiver) -> None:
        self.server = server
        self.config = server.config
        self.receiver = receiver
        self.http = requests.Session()
        self.token = self.config.access_token
        self.refresh_token = self.config.refresh_token

    def url(self, path: str) -> str:
        return self.server.url + path

    def api(self, path: str, body: dict[str, Any] | None = None, *, token: str | None = None,
            **kwargs: Any) -> dict[str, Any]:
        headers = {"access_token": token if token is not None else self.token}
        answer = self.http.post(self.url(path), json=body, headers=headers, **kwargs)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def get_api(self, path: str, data: dict[str, Any]) -> dict[str, Any]:
        answer = self.http.get(self.url(path), params={"data": json.dumps(data)},
                               headers={"access_token": self.token})
        return answer.json()

    def cs_text(self, text: str, user: str = USER) -> dict[str, Any]:
        return self.api(CS, {"recipient": {"user_id": user}, "message": {"text": text}})

    def event(self, event_name: str, /, user: str = USER, **fields: Any) -> requests.Response:
        body = {"event_name": event_name, **fields}
        return self.http.post(self.url(f"/_emulator/users/{user}/events"), json=body)

    def control(self, method: str, path: str, body: Any = None) -> Any:
        answer = self.http.request(method, self.url("/_emulator" + path), json=body)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def advance(self, **delta: float) -> None:
        """Move the clock and rotate the token pair, as the bot would after a 25 h token expired."""
        self.control("POST", "/clock", {"advance": timedelta(**delta).total_seconds()})
        self.renew()

    def set_clock(self, when: datetime) -> None:
        self.control("POST", "/clock", {"set": when.isoformat()})
        self.renew()

    def renew(self) -> None:
        pair = self.refresh(self.refresh_token)
        self.token, self.refresh_token = pair["access_token"], pair["refresh_token"]

    def messages(self, user: str | None = USER) -> list[dict[str, Any]]:
        query = f"?user_id={user}" if user else ""
        return self.control("GET", "/messages" + query)["messages"]

    def refresh(self, refresh_token: str, *, secret: str | None = None) -> dict[str, Any]:
        form = {"refresh_token": refresh_token, "app_id": self.config.app_id, "grant_type": "refresh_token"}
        headers = {"secret_key": secret if secret is not None else self.config.app_secret}
        return self.http.post(self.url("/v4/oa/access_token"), data=form, headers=headers).json()


@pytest.fixture(scope="module")
def emu_server(receiver_server: tuple[Receiver, str]) -> Iterator[EmulatorServer]:
    receiver, webhook_url = receiver_server
    with EmulatorServer(EmulatorConfig(webhook_url=webhook_url)) as server:
        receiver.config = server.config
        yield server


@pytest.fixture()
def emu(emu_server: EmulatorServer, receiver_server: tuple[Receiver, str]) -> Iterator[Emu]:
    """One emulator per module, reset before each test (so ``/_emulator/reset`` is exercised too)."""
    receiver = receiver_server[0]
    receiver.status = 200
    receiver.deliveries.clear()
    client = Emu(emu_server, receiver)
    client.control("POST", "/reset")
    yield client
    client.http.close()


def test_server_starts_on_a_free_port_and_stops(receiver_server: tuple[Receiver, str]) -> None:
    server = EmulatorServer(EmulatorConfig(), port=0).start()
    url = server.url
    assert re.match(r"^http://127\.0\.0\.1:\d+$", url) and server.port > 0
    assert requests.get(url + "/_emulator/health", timeout=5).json() == {"ok": True}
    server.stop()
    with pytest.raises(requests.ConnectionError):
        requests.get(url + "/_emulator/health", timeout=5)


def vn(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN)


# ---- events: shape, signature, delivery -----------------------------------------------------------

def test_text_event_is_signed_compact_utf8_and_stamped_with_the_emulator_clock(emu: Emu) -> None:
    emu.set_clock(vn(2026, 3, 2, 9, 30))
    answer = emu.event("user_send_text", text="Xin chào, chuyển đổi số là gì?")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == 200 and body["statuses"] == [200]
    [delivery] = emu.receiver.deliveries
    assert delivery.signature_ok(emu.config)
    assert delivery.headers["Content-Type"] == "application/json"
    assert "Xin chào".encode() in delivery.raw and b"\\u" not in delivery.raw
    assert delivery.raw == json.dumps(delivery.event, ensure_ascii=False, separators=(",", ":")).encode()
    event = delivery.event
    assert event == body["event"]
    assert list(event) == ["app_id", "sender", "user_id_by_app", "recipient", "event_name", "message",
                           "timestamp"]
    assert event["sender"] == {"id": USER} and event["recipient"] == {"id": emu.config.oa_id}
    assert event["app_id"] == emu.config.app_id
    assert event["message"]["text"] == "Xin chào, chuyển đổi số là gì?"
    assert HEX20.match(event["message"]["msg_id"])
    set_ms = int(vn(2026, 3, 2, 9, 30).timestamp() * 1000)
    assert set_ms <= int(event["timestamp"]) < set_ms + 60_000  # the emulator clock, not the wall clock
    assert isinstance(event["user_id_by_app"], str) and event["user_id_by_app"].isdigit()


def _attachment(event: dict[str, Any]) -> dict[str, Any]:
    [attachment] = event["message"]["attachments"]
    return attachment


EVENT_CASES: list[tuple[str, dict[str, Any], Any]] = [
    ("user_send_image", {"url": "https://cdn.example/a.jpg", "text": "ảnh"},
     lambda e: _attachment(e) == {"type": "image", "payload": {"thumbnail": "https://cdn.example/a.jpg",
                                                               "url": "https://cdn.example/a.jpg"}}
     and e["message"]["text"] == "ảnh"),
    ("user_send_gif", {}, lambda e: _attachment(e)["type"] == "gif" and _attachment(e)["payload"]["url"]),
    ("user_send_link", {"url": "https://dx.example/bai", "title": "Bài", "description": "Mô tả"},
     lambda e: _attachment(e)["type"] == "link"
     and {"url": "https://dx.example/bai", "title": "Bài", "description": "Mô tả"}.items()
     <= _attachment(e)["payload"].items()),
    ("user_send_sticker", {}, lambda e: set(_attachment(e)["payload"]) == {"id", "url"}),
    ("user_send_file", {"url": "https://cdn.example/f.pdf", "name": "don.pdf", "size": 2048},
     lambda e: {"url": "https://cdn.example/f.pdf", "name": "don.pdf", "size": "2048", "type": "pdf"}.items()
     <= _attachment(e)["payload"].items()),
    ("user_send_location", {"latitude": 21.0278, "longitude": 105.8342},
     lambda e: _attachment(e) == {"type": "location", "payload": {"coordinates": {
         "latitude": "21.0278", "longitude": "105.8342"}}}),
    ("user_send_audio", {},
     lambda e: _attachment(e)["type"] == "audio" and "url" in _attachment(e)["payload"]),
    ("user_send_video", {}, lambda e: _attachment(e)["type"] == "video"
     and {"url", "thumbnail", "description"} <= set(_attachment(e)["payload"])),
    ("user_submit_info", {"info": {"name": "Lan", "phone": "84912345678"}},
     lambda e: e["info"] == {"name": "Lan", "phone": "84912345678"} and e["sender"] == {"id": USER}
     and "message" not in e),
    ("follow", {}, lambda e: list(e) == ["oa_id", "follower", "user_id_by_app", "event_name", "source",
                                         "app_id", "timestamp"] and e["follower"] == {"id": USER}),
    ("unfollow", {}, lambda e: e["follower"] == {"id": USER} and "sender" not in e),
    ("user_click_chatnow", {}, lambda e: e["user_id"] == USER and "sender" not in e and "oa_id" in e),
    ("user_seen_message", {"msg_ids": ["a" * 20, "b" * 20]},
     lambda e: e["message"] == {"msg_ids": ["a" * 20, "b" * 20]} and e["recipient"] == {"id": USER}),
    ("user_received_message", {"msg_ids": ["c" * 20]},
     lambda e: e["message"] == {"msg_ids": ["c" * 20]} and e["sender"]["id"] != USER),
    ("oa_send_text", {"text": "Chào bạn", "admin_id": "99"},
     lambda e: e["sender"] == {"id": "2000000000000000002", "admin_id": "99"}
     and e["recipient"] == {"id": USER} and e["message"]["text"] == "Chào bạn"),
]


@pytest.mark.parametrize(("name", "fields", "check"), EVENT_CASES, ids=[c[0] for c in EVENT_CASES])
def test_each_event_type_has_zalos_shape_and_a_valid_signature(emu: Emu, name: str, fields: dict[str, Any],
                                                               check: Any) -> None:
    answer = emu.event(name, **fields)
    assert answer.status_code == 200, answer.text
    [delivery] = emu.receiver.deliveries
    assert delivery.signature_ok(emu.config)
    event = delivery.event
    assert event["event_name"] == name and event["app_id"] == emu.config.app_id
    assert event["timestamp"].isdigit() and len(event["timestamp"]) == 13
    assert check(event), event


def test_media_events_point_at_fetchable_emulator_media(emu: Emu) -> None:
    event = emu.event("user_send_image").json()["event"]
    image = requests.get(_attachment(event)["payload"]["url"], timeout=5)
    assert image.headers["Content-Type"] == "image/png"
    assert image.content.startswith(b"\x89PNG\r\n\x1a\n") and b"IHDR" in image.content[:16]


def test_overrides_and_duplicate_deliveries_post_identical_bytes(emu: Emu) -> None:
    answer = emu.event("user_send_text", text="hai lần", msg_id="0123456789abcdef0123",
                       timestamp="1767225600000", deliveries=3)
    assert answer.json()["statuses"] == [200, 200, 200]
    raws = {d.raw for d in emu.receiver.deliveries}
    assert len(emu.receiver.deliveries) == 3 and len(raws) == 1
    event = emu.receiver.deliveries[0].event
    assert event["message"]["msg_id"] == "0123456789abcdef0123" and event["timestamp"] == "1767225600000"
    assert emu.receiver.deliveries[0].signature_ok(emu.config)


@pytest.mark.parametrize("mode", ["forged", "missing"])
def test_bad_signature_options_reach_the_webhook_and_its_status_is_returned(emu: Emu, mode: str) -> None:
    answer = emu.event("user_send_text", text="x", signature=mode)
    assert answer.status_code == 401 and answer.json()["status"] == 401
    [delivery] = emu.receiver.deliveries
    assert not delivery.signature_ok(emu.config)
    assert (signature.HEADER in delivery.headers) is (mode == "forged")


def test_webhook_status_is_passed_through_and_unreachable_is_502(emu: Emu) -> None:
    emu.receiver.status = 503
    assert emu.event("user_send_text", text="x").status_code == 503
    emu.control("POST", "/config", {"webhook_url": "http://127.0.0.1:9/webhook"})
    answer = emu.event("user_send_text", text="x")
    assert answer.status_code == 502 and answer.json()["statuses"] == [None]


def test_bad_event_requests_are_400(emu: Emu) -> None:
    assert emu.event("user_send_teleport").status_code == 400
    assert emu.event("user_send_text").status_code == 400  # no text
    assert emu.event("user_send_text", text="x", deliveries=0).status_code == 400
    assert emu.event("user_send_text", text="x", timestamp="yesterday").status_code == 400
    assert emu.event("user_submit_info", info="not an object").status_code == 400
    assert emu.receiver.deliveries == []


def test_follow_unfollow_and_interactions_update_the_user(emu: Emu) -> None:
    event = emu.event("follow").json()["event"]
    user = emu.control("GET", f"/users/{USER}")
    assert user["follower"] is True and user["last_interaction"] == int(event["timestamp"])
    emu.advance(days=3)
    emu.event("unfollow")
    after = emu.control("GET", f"/users/{USER}")
    assert after["follower"] is False and after["last_interaction"] == user["last_interaction"]


def test_receipt_defaults_to_the_last_message_sent(emu: Emu) -> None:
    emu.event("user_send_text", text="hi")
    sent = emu.cs_text("chào")["data"]["message_id"]
    event = emu.event("user_seen_message").json()["event"]
    assert event["message"] == {"msg_ids": [sent]}


# ---- customer-service sending and the interaction window ---------------------------------------

def test_cs_quota_type_follows_the_48h_and_7_day_windows(emu: Emu) -> None:
    assert emu.cs_text("sớm quá")["error"] == -230  # never interacted
    emu.event("user_send_text", text="hỏi")
    first = emu.cs_text("trả lời")
    assert first["error"] == 0
    data = first["data"]
    assert HEX20.match(data["message_id"]) and data["user_id"] == USER
    assert data["quota"] == {"quota_type": "reply", "remain": "7", "total": "8"}
    emu.advance(hours=47)
    assert emu.cs_text("vẫn miễn phí")["data"]["quota"]["quota_type"] == "reply"
    emu.advance(hours=2)
    assert emu.cs_text("tính phí")["data"]["quota"]["quota_type"] == "sub_quota"
    emu.advance(hours=7 * 24 - 49 - 1)  # 6 d 23 h after the interaction
    assert emu.cs_text("vẫn trong 7 ngày")["data"]["quota"]["quota_type"] == "sub_quota"
    emu.advance(hours=2)  # 7 d 1 h
    late = emu.cs_text("quá hạn")
    assert late["error"] == -230 and late["message"] and "data" not in late
    assert [m["quota_type"] for m in emu.messages()] == ["reply", "reply", "sub_quota", "sub_quota"]
    emu.event("user_click_chatnow")
    assert emu.cs_text("lại được")["data"]["quota"]["quota_type"] == "reply"


def test_messages_log_records_text_buttons_media_and_quotes(emu: Emu) -> None:
    emu.event("user_send_text", text="hỏi")
    buttons = [{"title": "Gửi câu chuyện", "type": "oa.query.show", "payload": "gửi câu chuyện"},
               {"title": "Trang web", "type": "oa.open.url", "payload": {"url": "https://dx.example"}}]
    with_buttons = {"text": "Chọn:", "attachment": {"type": "template", "payload": {"buttons": buttons}}}
    image = {"attachment": {"type": "template", "payload": {"template_type": "media", "elements": [
        {"media_type": "image", "url": "https://cdn.example/x.png"}]}}}
    for message in (with_buttons, image, {"text": "trích", "quote_message_id": "f" * 20}):
        assert emu.api(CS, {"recipient": {"user_id": USER}, "message": message})["error"] == 0
    logged = emu.messages()
    assert [m["text"] for m in logged] == ["Chọn:", None, "trích"]
    assert logged[0]["buttons"] == buttons and logged[1]["attachment"] == image["attachment"]
    assert logged[2]["quote_message_id"] == "f" * 20
    for entry in logged:
        assert {"user_id", "endpoint", "text", "attachment", "at", "message_id", "quota_type",
                "buttons"} <= set(entry) and entry["endpoint"] == "cs"
        assert datetime.fromisoformat(entry["at"]).tzinfo is not None
    assert emu.messages("42") == [] and len(emu.messages(None)) == 3
    emu.control("DELETE", "/messages")
    assert emu.messages() == []


def test_text_limit_is_2000_characters_after_nfc(emu: Emu) -> None:
    emu.event("user_send_text", text="hỏi")
    assert emu.cs_text("a" * 2001)["error"] == -210
    assert emu.cs_text("a" * 2000)["error"] == 0
    assert emu.cs_text("e\u0301" * 1500)["error"] == 0  # 3000 code points, 1500 after NFC


MALFORMED: list[Any] = [
    {"message": {"text": "no recipient"}},
    {"recipient": {"user_id": USER}},
    {"recipient": {"user_id": USER}, "message": {}},
    {"recipient": {"user_id": USER}, "message": {"text": 5}},
    {"recipient": {"user_id": USER}, "message": {"attachment": {"type": "template", "payload": {
        "buttons": [{"title": "x", "type": "oa.bogus", "payload": "x"}]}}}},
    {"recipient": {"user_id": USER}, "message": {"attachment": {"type": "template", "payload": {
        "template_type": "media", "elements": [{"media_type": "image"}]}}}},
]


@pytest.mark.parametrize("body", MALFORMED)
def test_malformed_cs_bodies_are_201(emu: Emu, body: Any) -> None:
    emu.event("user_send_text", text="hỏi")
    assert emu.api(CS, body)["error"] == -201
    assert emu.messages() == []


def test_non_json_body_and_list_template_and_too_many_buttons(emu: Emu) -> None:
    emu.event("user_send_text", text="hỏi")
    raw = emu.http.post(emu.url(CS), data=b"not json", headers={"access_token": emu.token}).json()
    assert raw["error"] == -201
    listing = {"type": "template", "payload": {"template_type": "list", "elements": [{"title": "a"}]}}
    assert emu.api(CS, {"recipient": {"user_id": USER}, "message": {"attachment": listing}})["error"] == -233
    six = [{"title": f"b{i}", "type": "oa.query.hide", "payload": "p"} for i in range(6)]
    many = {"text": "x", "attachment": {"type": "template", "payload": {"buttons": six}}}
    assert emu.api(CS, {"recipient": {"user_id": USER}, "message": many})["error"] == -210


# ---- other OA API paths --------------------------------------------------------------------------

def test_quota_and_user_detail(emu: Emu) -> None:
    emu.set_clock(vn(2026, 5, 20, 14))
    emu.event("follow")
    emu.cs_text("một")
    quota = emu.api("/v3.0/oa/quota/message", {"user_id": USER})
    assert quota["error"] == 0
    assert quota["data"]["last_interaction"].isdigit()
    assert quota["data"]["cs_reply"] == {"quota_type": "reply", "remain": 7, "total": 8}
    assert quota["data"]["promotion"] == {"daily_remain": 1, "daily_total": 1, "monthly_remain": 4,
                                          "monthly_total": 4}
    detail = emu.get_api("/v3.0/oa/user/detail", {"user_id": USER})
    assert detail["error"] == 0
    data = detail["data"]
    assert data["user_id"] == USER and data["user_is_follower"] is True
    assert data["user_last_interaction_date"] == "20/05/2026"
    assert data["display_name"] and set(data["avatars"]) == {"120", "240"}
    assert emu.get_api("/v3.0/oa/user/detail", {"user_id": "404"})["error"] == -201


def test_image_upload_limits_and_attachment_id_use(emu: Emu) -> None:
    png = emu.http.get(emu.url("/_emulator/media/x.png")).content

    def upload(content: bytes) -> dict[str, Any]:
        return emu.api("/v2.0/oa/upload/image", files={"file": ("a.png", content, "image/png")})

    attachment_id = upload(png)["data"]["attachment_id"]
    assert upload(png + b"\0" * 1_000_001)["error"] == -210
    assert upload(b"%PDF-1.4 not an image")["error"] == -201
    emu.event("user_send_text", text="hỏi")
    media = {"attachment": {"type": "template", "payload": {"template_type": "media", "elements": [
        {"media_type": "image", "attachment_id": attachment_id}]}}}
    assert emu.api(CS, {"recipient": {"user_id": USER}, "message": media})["error"] == 0
    emu.advance(days=8)
    emu.event("user_send_text", text="lại")
    assert emu.api(CS, {"recipient": {"user_id": USER}, "message": media})["error"] == -100


def promotion_body(user: str = USER) -> dict[str, Any]:
    payload = {"template_type": "promotion", "language": "VI", "elements": [
        {"type": "header", "content": "Bản tin tuần"}, {"type": "text", "content": "Nội dung"}]}
    attachment = {"type": "template", "payload": payload}
    return {"recipient": {"user_id": user}, "message": {"attachment": attachment}}


def test_promotion_needs_a_follower_respects_curfew_and_quota(emu: Emu) -> None:
    emu.set_clock(vn(2026, 6, 1, 22, 0))
    emu.event("user_send_text", text="hỏi")
    assert emu.api(PROMOTION, promotion_body())["error"] == -213
    emu.event("follow")
    assert emu.api(PROMOTION, promotion_body())["error"] == -234
    emu.set_clock(vn(2026, 6, 2, 5, 59))
    assert emu.api(PROMOTION, promotion_body())["error"] == -234
    emu.set_clock(vn(2026, 6, 2, 6, 0))
    assert emu.api(PROMOTION, promotion_body())["error"] == 0
    assert emu.api(PROMOTION, promotion_body())["error"] == -218  # one a day
    for day in (3, 4, 5):
        emu.set_clock(vn(2026, 6, day, 10))
        assert emu.api(PROMOTION, promotion_body())["error"] == 0
    emu.set_clock(vn(2026, 6, 6, 10))
    assert emu.api(PROMOTION, promotion_body())["error"] == -218  # four a month
    zbs = {"user_id": USER, "template_id": "123", "template_data": {"name": "Lan"}}
    assert emu.api("/v3.0/oa/message/template", zbs)["error"] == -218
    emu.set_clock(vn(2026, 7, 1, 10))
    assert emu.api("/v3.0/oa/message/template", zbs)["error"] == 0
    logged = emu.messages()
    assert logged[0]["endpoint"] == "promotion" and logged[0]["text"] == "Bản tin tuần\nNội dung"
    assert logged[-1]["endpoint"] == "template" and logged[-1]["attachment"]["template_id"] == "123"


def test_transaction_is_sent_at_night(emu: Emu) -> None:
    emu.set_clock(vn(2026, 6, 1, 23, 30))
    emu.event("user_send_text", text="hỏi")
    body = promotion_body()
    body["message"]["attachment"]["payload"]["template_type"] = "transaction_event"
    assert emu.api("/v3.0/oa/message/transaction", body)["error"] == 0
    assert emu.api("/v3.0/oa/message/transaction", promotion_body())["error"] == -201


# ---- tokens ---------------------------------------------------------------------------------------

def test_access_token_checks(emu: Emu) -> None:
    emu.event("user_send_text", text="hỏi")
    body = {"recipient": {"user_id": USER}, "message": {"text": "x"}}
    assert emu.api(CS, body, token="nope")["error"] == -216
    assert emu.http.post(emu.url(CS), json={}).json()["error"] == -216
    emu.control("POST", "/clock", {"advance": emu.config.access_token_ttl_s + 1})
    expired = emu.cs_text("x")
    assert expired == {"error": -220, "message": "access_token is expired or removed"}
    assert emu.control("GET", "/tokens")["valid_access_tokens"] == 0


def test_refresh_tokens_are_single_use_and_rotate_the_access_token(emu: Emu) -> None:
    emu.event("user_send_text", text="hỏi")
    fresh = emu.refresh(emu.config.refresh_token)
    assert set(fresh) == {"access_token", "refresh_token", "expires_in"} and fresh["expires_in"] == "90000"
    assert emu.cs_text("old token")["error"] == -216
    emu.token = fresh["access_token"]
    assert emu.cs_text("new token")["error"] == 0
    reused = emu.refresh(emu.config.refresh_token)
    assert "access_token" not in reused and reused["error"] == -14014 and reused["error_name"]
    assert "access_token" not in emu.refresh("never-issued")
    assert "access_token" not in emu.refresh(fresh["refresh_token"], secret="wrong")
    stats = emu.control("GET", "/tokens")
    assert stats["refresh_count"] == 1 and stats["reuse_attempts"] == 1 and stats["valid_access_tokens"] == 1
    assert emu.config.access_token not in json.dumps(stats)
    again = emu.refresh(fresh["refresh_token"])  # still valid after the failed attempts
    assert again["access_token"] not in (fresh["access_token"], emu.config.access_token)


def test_pkce_authorization_code_exchange(emu: Emu) -> None:
    verifier = "v" * 43 + "-pkce"
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    params = {"app_id": emu.config.app_id, "redirect_uri": "https://bot.example/cb?x=1",
              "code_challenge": challenge, "state": "s-1"}
    answer = emu.http.get(emu.url("/v4/oa/permission"), params=params, allow_redirects=False)
    assert answer.status_code == 302
    location = urlsplit(answer.headers["Location"])
    query = parse_qs(location.query)
    assert location.netloc == "bot.example" and query["state"] == ["s-1"] and query["x"] == ["1"]
    assert query["oa_id"] == [emu.config.oa_id]

    def exchange(code: str, code_verifier: str) -> dict[str, Any]:
        form = {"code": code, "app_id": emu.config.app_id, "grant_type": "authorization_code",
                "code_verifier": code_verifier}
        return emu.http.post(emu.url("/v4/oa/access_token"), data=form,
                             headers={"secret_key": emu.config.app_secret}).json()

    assert "access_token" not in exchange(query["code"][0], "wrong-verifier")  # the code is now spent
    answer = emu.http.get(emu.url("/v4/oa/permission"), params=params, allow_redirects=False)
    code = parse_qs(urlsplit(answer.headers["Location"]).query)["code"][0]
    tokens = exchange(code, verifier)
    assert tokens["access_token"] and tokens["expires_in"] == "90000"
    assert "access_token" not in exchange(code, verifier)
    emu.event("user_send_text", text="hỏi")
    emu.token = tokens["access_token"]
    assert emu.cs_text("x")["error"] == 0


# ---- rate limit, faults, clock, reset ------------------------------------------------------------

def test_rate_limit_answers_32(emu: Emu) -> None:
    emu.event("user_send_text", text="hỏi")
    emu.control("POST", "/config", {"rate_limit_per_s": 0.001})
    assert emu.cs_text("one")["error"] == 0
    assert emu.cs_text("two")["error"] == -32
    emu.control("POST", "/config", {"rate_limit_per_s": None})
    assert emu.cs_text("three")["error"] == 0


def test_zalo_error_faults_are_consumed_in_order_and_filtered_by_path(emu: Emu) -> None:
    emu.event("user_send_text", text="hỏi")
    faults = [{"kind": "zalo_error", "error": -216, "count": 2, "path": CS},
              {"kind": "zalo_error", "error": -32, "path": "/v3.0/oa/quota/message"}]
    assert len(emu.control("POST", "/faults", faults)["faults"]) == 2
    assert emu.cs_text("a")["error"] == -216
    assert emu.cs_text("b") == {"error": -216, "message": "Access token is invalid"}
    assert emu.cs_text("c")["error"] == 0
    assert [f["path"] for f in emu.control("GET", "/faults")["faults"]] == ["/v3.0/oa/quota/message"]
    assert emu.api("/v3.0/oa/quota/message", {"user_id": USER})["error"] == -32
    assert [m["text"] for m in emu.messages()] == ["c"]


def test_http_and_stall_faults_do_not_send(emu: Emu) -> None:
    emu.event("user_send_text", text="hỏi")
    emu.control("POST", "/faults", [{"kind": "http", "status": 503}, {"kind": "stall", "seconds": 0}])
    headers = {"access_token": emu.token}
    body = {"recipient": {"user_id": USER}, "message": {"text": "x"}}
    assert emu.http.post(emu.url(CS), json=body, headers=headers).status_code == 503
    assert emu.http.post(emu.url(CS), json=body, headers=headers).status_code == 504
    assert emu.messages() == []
    emu.control("POST", "/faults", {"kind": "http", "status": 500})
    assert emu.control("DELETE", "/faults")["faults"] == []
    assert emu.cs_text("x")["error"] == 0


def test_delay_fault_records_the_message_before_the_client_times_out(emu: Emu) -> None:
    emu.event("user_send_text", text="hỏi")
    emu.control("POST", "/faults", {"kind": "delay", "seconds": 1.5})
    with pytest.raises(requests.ReadTimeout):
        emu.http.post(emu.url(CS), json={"recipient": {"user_id": USER}, "message": {"text": "chậm"}},
                      headers={"access_token": emu.token}, timeout=0.3)
    assert [m["text"] for m in emu.messages()] == ["chậm"]


def test_oauth_faults_only_when_named(emu: Emu) -> None:
    emu.control("POST", "/faults", [{"kind": "zalo_error", "error": -14014, "path": "/v4/oa/access_token"}])
    failed = emu.refresh(emu.config.refresh_token)
    assert "access_token" not in failed and failed["error"] == -14014
    assert "access_token" in emu.refresh(emu.config.refresh_token)


def test_bad_faults_are_400(emu: Emu) -> None:
    for fault in ({"kind": "meteor"}, {"kind": "http", "count": 0}, {"kind": "delay", "sconds": 1}):
        answer = emu.http.post(emu.url("/_emulator/faults"), json=fault)
        assert answer.status_code == 400, fault
    assert emu.control("GET", "/faults")["faults"] == []


def test_clock_set_and_advance(emu: Emu) -> None:
    emu.control("POST", "/clock", {"set": 1767225600000})
    now = emu.control("GET", "/clock")
    assert 1767225600000 <= now["now_ms"] < 1767225600000 + 60_000
    assert datetime.fromisoformat(now["iso"]).tzinfo is not None
    moved = emu.control("POST", "/clock", {"advance": 3600})
    assert moved["now_ms"] >= now["now_ms"] + 3_600_000
    emu.set_clock(datetime(2026, 1, 1, tzinfo=UTC))
    assert emu.control("GET", "/clock")["iso"].startswith("2026-01-01T00:0")
    naive = emu.http.post(emu.url("/_emulator/clock"), json={"set": "2026-01-01T00:00:00"})
    assert naive.status_code == 400


def test_put_user_controls_the_window(emu: Emu) -> None:
    emu.control("PUT", f"/users/{USER}", {"follower": True, "last_interaction": emu.control(
        "GET", "/clock")["now_ms"] - 8 * 86_400_000})
    assert emu.cs_text("x")["error"] == -230
    emu.control("PUT", f"/users/{USER}", {"last_interaction": emu.control("GET", "/clock")["now_ms"]})
    assert emu.cs_text("x")["error"] == 0
    assert emu.control("GET", f"/users/{USER}")["follower"] is True
    assert emu.http.get(emu.url("/_emulator/users/none")).status_code == 404


def test_reset_restores_the_initial_state(emu: Emu) -> None:
    emu.event("follow")
    emu.cs_text("x")
    emu.renew()
    rotated = emu.token
    emu.control("POST", "/faults", {"kind": "http"})
    emu.control("POST", "/config", {"rate_limit_per_s": 5})
    emu.advance(days=30)
    emu.control("POST", "/reset")
    assert emu.messages(None) == [] and emu.control("GET", "/faults")["faults"] == []
    assert emu.control("GET", "/tokens") == {"refresh_count": 0, "reuse_attempts": 0,
                                             "invalid_refresh_attempts": 0, "valid_access_tokens": 1}
    assert emu.http.get(emu.url(f"/_emulator/users/{USER}")).status_code == 404
    emu.token = emu.config.access_token
    assert emu.cs_text("x")["error"] == -230  # initial token valid again; the user is unknown again
    assert emu.api(CS, {}, token=rotated)["error"] == -216
    assert emu.control("GET", "/config")["rate_limit_per_s"] is None


def test_unknown_paths_are_json_404(emu: Emu) -> None:
    answer = emu.http.get(emu.url("/v9/nothing"))
    assert answer.status_code == 404 and answer.json()["error"] == 404
    assert emu.http.get(emu.url(CS)).status_code == 405


def test_command_line_flags_build_the_config() -> None:
    args = build_parser().parse_args(["--port", "0", "--webhook-url", "http://h/webhook", "--rate-limit", "2",
                                      "--app-id", "42"])
    config = config_from_args(args)
    assert config.webhook_url == "http://h/webhook" and config.rate_limit_per_s == 2.0
    assert config.app_id == "42" and config.access_token == "sandbox-access-token"
