"""The sandbox web chat's server side: proxy limits, photos, the clock, and never in production."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import redis
import requests

from bot.app import create_app
from bot.config import Settings
from bot.infra import keys
from bot.sandbox.web import next_digest_ms
from tests.conftest import free_port
from tests.support import BotHarness, WebServer

USER = "1111111111111111111"
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def url(base_env: dict[str, str], path: str) -> str:
    return f"http://127.0.0.1:{base_env['PORT']}{path}"


def test_page_and_config_are_served_in_the_sandbox(bot: BotHarness, base_env: dict[str, str]) -> None:
    page = requests.get(url(base_env, "/sandbox"), timeout=5)
    assert page.status_code == 200 and '<html lang="vi">' in page.text
    for asset in ("/sandbox/static/sandbox.js", "/sandbox/static/sandbox.css"):
        assert requests.get(url(base_env, asset), timeout=5).status_code == 200
    config = requests.get(url(base_env, "/sandbox/api/config"), timeout=5).json()
    assert config["moderators"] == ["9000000000000000009"]
    assert config["digest"] == {"weekday": 0, "time": "08:00"}


def test_proxy_passes_user_actions_and_refuses_emulator_controls(bot: BotHarness, base_env: dict[str, str]) -> None:
    sent = requests.post(url(base_env, f"/sandbox/api/emulator/users/{USER}/events"),
                         json={"event_name": "user_send_text", "text": "menu"}, timeout=10)
    assert sent.status_code == 200
    bot.settle()
    listed = requests.get(url(base_env, "/sandbox/api/emulator/messages"), params={"user_id": USER}, timeout=5)
    assert [m["endpoint"] for m in listed.json()["messages"]] == ["cs"]
    for method, path in (("POST", "faults"), ("POST", "reset"), ("POST", "config"), ("POST", "clock"),
                         ("GET", "tokens"), ("DELETE", "messages")):
        answer = requests.request(method, url(base_env, f"/sandbox/api/emulator/{path}"), json={}, timeout=5)
        assert answer.status_code in (403, 405), (method, path, answer.status_code)
    forged = requests.post(url(base_env, f"/sandbox/api/emulator/users/{USER}/events"),
                           json={"event_name": "oa_send_text", "text": "giả mạo OA"}, timeout=5)
    assert forged.status_code == 400
    assert requests.get(f"{bot.emulator_url}/_emulator/faults", timeout=5).json()["faults"] == []


def test_refused_sends_are_listed_on_request_only(bot: BotHarness, base_env: dict[str, str]) -> None:
    """A send Zalo refuses (-230: never interacted) shows in the chat with its code, not as delivered."""
    from bot.core.notify import send_now

    bot.send(USER, "menu")
    bot.settle()
    stranger = "2222222222222222222"
    send_now(bot.redis, stranger, "Xin chào")
    bot.settle()
    default = requests.get(f"{bot.emulator_url}/_emulator/messages", timeout=5).json()["messages"]
    assert [m["user_id"] for m in default] == [USER]
    full = requests.get(url(base_env, "/sandbox/api/emulator/messages"), params={"include_refused": "1"},
                        timeout=5).json()["messages"]
    assert [(m["user_id"], m["status"]) for m in full] == [(USER, "sent"), (stranger, "refused")]
    assert full[1]["error"] == -230 and full[1]["text"] == "Xin chào"


def test_photo_upload_is_checked_stored_and_served(bot: BotHarness, base_env: dict[str, str]) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    answer = requests.post(url(base_env, "/sandbox/api/media"), files={"file": ("a.png", png, "image/png")}, timeout=5)
    assert answer.status_code == 200
    served = requests.get(answer.json()["url"], timeout=5)
    assert served.content == png and served.headers["Content-Type"] == "image/png"
    text = requests.post(url(base_env, "/sandbox/api/media"), files={"file": ("a.png", b"<svg/>", "image/png")},
                         timeout=5)
    assert text.status_code == 415
    assert requests.get(url(base_env, "/sandbox/media/..%2Fredis.sock"), timeout=5).status_code == 404


def test_clock_jump_to_the_digest_slot_moves_zalo_and_the_bot(bot: BotHarness, base_env: dict[str, str]) -> None:
    moved = requests.post(url(base_env, "/sandbox/api/clock"), json={"to": "digest"}, timeout=10)
    assert moved.status_code == 200
    emulator_now = requests.get(f"{bot.emulator_url}/_emulator/clock", timeout=5).json()["now_ms"]
    local = datetime.fromtimestamp(emulator_now / 1000, VN)
    assert (local.weekday(), local.hour, local.minute) == (0, 8, 0)
    from bot.infra import clock

    bot_now = clock.now(bot.redis, bot.settings)
    assert abs(bot_now.timestamp() * 1000 - emulator_now) < 5_000
    assert int(bot.redis.get(keys.CLOCK_OFFSET)) > 0
    assert requests.post(url(base_env, "/sandbox/api/clock"), json={"advance": -5}, timeout=5).status_code == 400


def test_next_digest_slot() -> None:
    settings = Settings.from_env({}, load_dotenv_file=False)

    def at(*args: int) -> int:
        return int(datetime(*args, tzinfo=VN).timestamp() * 1000)

    assert next_digest_ms(settings, at(2026, 11, 27, 15, 0)) == at(2026, 11, 30, 8, 0)  # Friday → Monday
    assert next_digest_ms(settings, at(2026, 11, 30, 7, 59)) == at(2026, 11, 30, 8, 0)
    assert next_digest_ms(settings, at(2026, 11, 30, 8, 0)) == at(2026, 12, 7, 8, 0)  # the slot itself has passed
    wed = Settings.from_env({"DIGEST_SCHEDULE": "WED 18:30"}, load_dotenv_file=False)
    assert next_digest_ms(wed, at(2026, 11, 30, 9, 0)) == at(2026, 12, 2, 18, 30)


def test_no_sandbox_in_production(base_env: dict[str, str], redis_client: redis.Redis) -> None:
    env = {**base_env, "DXBOT_PRODUCTION": "1", "ZALO_APP_ID": "1000000000000000001", "ZALO_OA_SECRET_KEY": "s",
           "ZALO_APP_SECRET": "a", "PUBLIC_URL": "https://dxbot.example.vn"}
    port = free_port()
    server = WebServer(create_app(Settings.from_env(env, load_dotenv_file=False)), port)
    server.start()
    try:
        for path in ("/sandbox", "/sandbox/api/config", "/sandbox/static/sandbox.js"):
            assert requests.get(f"http://127.0.0.1:{port}{path}", timeout=5).status_code == 404
        assert requests.get(f"http://127.0.0.1:{port}/oauth/zalo/callback", timeout=5).status_code == 400
    finally:
        server.stop()
