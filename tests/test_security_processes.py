"""Security review, with real processes: secrets never reach a log line, and production mode never runs the
sandbox (the emulator, its proxies, the web chat).

The full-stack test runs `dxbot dev` in production mode (DXBOT_PRODUCTION=1, every secret set to a
distinctive value, LOG_LEVEL=DEBUG so that the chattiest logging is what gets checked) against an emulator
that plays the real Zalo with those secrets. It forces a token refresh (Zalo's clock moved 26 h), runs a
story from a citizen and a moderator's decision, then searches everything the processes printed, and any
log file they wrote, for every configured secret and for the rotated token pair read back from Redis.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
import requests

from bot.app import create_app
from bot.config import Settings
from bot.infra import keys
from bot.zalo.emulator.server import EmulatorServer
from bot.zalo.emulator.state import EmulatorConfig
from tests.conftest import RedisServer, free_port
from tests.support import wait_for

ROOT = Path(__file__).resolve().parents[1]
CITIZEN, MODERATOR = "6100000000000000001", "6900000000000000009"
SECRETS = {
    "ZALO_OA_SECRET_KEY": "oasecret-Q7vK2mZ9xLp4",
    "ZALO_APP_SECRET": "appsecret-W3nB8cR1tY6u",
    "ZALO_ACCESS_TOKEN": "access-H5jD0fG2kS9a",
    "ZALO_REFRESH_TOKEN": "refresh-P8eN4qV7zX1c",
}
APP_ID = "4242424242424242424"


def _messages(emulator: EmulatorServer, user: str) -> list[str]:
    answer = requests.get(f"{emulator.url}/_emulator/messages", params={"user_id": user}, timeout=5)
    return [m.get("text") or "" for m in answer.json()["messages"]]


def _say(emulator: EmulatorServer, user: str, text: str, *, replies: int = 1) -> str:
    """Send like Zalo and wait until the bot's answer(s) arrived; returns the last one."""
    before = len(_messages(emulator, user))
    answer = requests.post(f"{emulator.url}/_emulator/users/{user}/events",
                           json={"event_name": "user_send_text", "text": text}, timeout=10)
    assert answer.status_code == 200, answer.text
    wait_for(lambda: len(_messages(emulator, user)) >= before + replies, 30, f"reply to {text!r}")
    return _messages(emulator, user)[-1]


def _listening(port: int) -> bool:
    try:
        requests.get(f"http://127.0.0.1:{port}/", timeout=0.5)
        return True
    except requests.RequestException:
        return False


def test_full_production_run_never_logs_a_secret(tmp_path: Path, redis_server: RedisServer) -> None:
    port, emulator_port = free_port(), free_port()
    redis_url = redis_server.url.rsplit("/", 1)[0] + "/7"  # a database of its own on the session's server
    store = redis.Redis.from_url(redis_url)
    store.flushdb()
    zalo = EmulatorServer(EmulatorConfig(
        app_id=APP_ID, oa_secret_key=SECRETS["ZALO_OA_SECRET_KEY"], app_secret=SECRETS["ZALO_APP_SECRET"],
        access_token=SECRETS["ZALO_ACCESS_TOKEN"], refresh_token=SECRETS["ZALO_REFRESH_TOKEN"],
        webhook_url=f"http://127.0.0.1:{port}/webhook"), port=0).start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZALO_", "REDIS_URL", "DXBOT_"))}
    env.update(SECRETS)
    env.update({"DXBOT_PRODUCTION": "1", "ZALO_APP_ID": APP_ID, "ZALO_API_BASE": zalo.url, "ZALO_OAUTH_BASE": zalo.url,
                "REDIS_URL": redis_url, "MODERATOR_IDS": MODERATOR, "PORT": str(port),
                "EMULATOR_PORT": str(emulator_port), "DXBOT_VAR_DIR": str(tmp_path / "var"), "LOG_LEVEL": "DEBUG",
                "PYTHONPATH": str(ROOT), "WEB_CONCURRENCY": "1"})
    log_path = tmp_path / "dev.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "dev"], env=env, cwd=tmp_path, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(lambda: _ok(f"http://127.0.0.1:{port}/healthz"), 60, "dxbot dev health")
        # the banner comes once dev itself saw the web answer: probe only after it, so the banner check below
        # reads dev's own words, not this test's requests in the access log
        wait_for(lambda: b"Press Ctrl-C" in log_path.read_bytes(), 30, "the dxbot dev banner")
        # production: no emulator started, no sandbox chat or emulator proxy served
        assert not _listening(emulator_port)
        for path in ("/sandbox", "/sandbox/api/config", "/sandbox/api/emulator/messages", "/_emulator/messages"):
            assert requests.get(f"http://127.0.0.1:{port}{path}", timeout=5).status_code == 404, path

        _say(zalo, CITIZEN, "menu")
        requests.post(f"{zalo.url}/_emulator/clock", json={"advance": 26 * 3600}, timeout=5).raise_for_status()
        _say(zalo, CITIZEN, "chuyển đổi số là gì")  # the old access token is dead: a refresh must happen
        _say(zalo, MODERATOR, "/thongke")  # opens the moderator's chat window (for the alert)
        for text in ("gửi câu chuyện", "Chợ quê dùng mã QR", "Hà Nội",
                     "Cả chợ đã dùng mã QR để thanh toán, chị Lan 0912 345 678 hướng dẫn bà con tận tình."):
            _say(zalo, CITIZEN, text)
        _say(zalo, CITIZEN, "xong")
        submitted = _say(zalo, CITIZEN, "đồng ý")
        code = re.search(r"#([2-9A-Z]{4,8})", submitted).group(1)
        wait_for(lambda: any(f"#{code}" in m for m in _messages(zalo, MODERATOR)), 30, "the moderators' alert")
        assert f"Đã duyệt #{code}" in _say(zalo, MODERATOR, f"/duyet {code}")
        rotated = {k.decode(): v.decode() for k, v in store.hgetall(keys.TOKENS).items()}
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(30)
        zalo.stop()
        store.flushdb()
    assert rotated["access_token"] != SECRETS["ZALO_ACCESS_TOKEN"]  # the refresh did happen
    assert rotated["refresh_token"] != SECRETS["ZALO_REFRESH_TOKEN"]
    output = log_path.read_text(encoding="utf-8", errors="replace")
    assert "against the real Zalo API" in output and "emulator" not in output.split("Press Ctrl-C")[0].lower()
    assert "token" in output.lower() or "webhook" in output  # the log is not empty: there was something to search
    logs = [output] + [p.read_text(errors="replace") for p in tmp_path.rglob("*") if p.is_file()
                       and p != log_path and (p.suffix == ".log" or "log" in p.name.lower())]
    watched = {**SECRETS, "rotated access token": rotated["access_token"],
               "rotated refresh token": rotated["refresh_token"]}
    for name, value in watched.items():
        assert all(value not in text for text in logs), f"{name} appears in a log"


def _ok(url: str) -> bool:
    try:
        return requests.get(url, timeout=1).status_code == 200
    except requests.RequestException:
        return False


# --- the sandbox refuses production -------------------------------------------------------------------

PROD_ENV = {"DXBOT_PRODUCTION": "1", "ZALO_APP_ID": APP_ID, **SECRETS}


@pytest.mark.parametrize("command", [["-m", "bot.zalo.emulator"], ["-m", "bot.cli", "emulator"]])
def test_the_emulator_refuses_to_start_in_production(command: list[str], tmp_path: Path) -> None:
    port = free_port()
    env = {**{k: v for k, v in os.environ.items() if not k.startswith(("ZALO_", "DXBOT_"))}, **PROD_ENV,
           "EMULATOR_PORT": str(port), "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    done = subprocess.run([sys.executable, *command], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=30)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "refusing to start the local Zalo emulator: DXBOT_PRODUCTION" in lines[0]
    assert not _listening(port) and time.monotonic() - started < 30


def test_production_web_app_serves_no_sandbox_and_no_emulator_routes(redis_server: RedisServer) -> None:
    settings = Settings.from_env({**PROD_ENV, "REDIS_URL": redis_server.url}, load_dotenv_file=False)
    assert settings.production and not settings.sandbox
    client = create_app(settings).test_client()
    rules = {rule.rule for rule in client.application.url_map.iter_rules()}
    assert not [r for r in rules if r.startswith(("/sandbox", "/_emulator"))], rules
    for method, path in (("GET", "/sandbox"), ("GET", "/sandbox/"), ("GET", "/sandbox/api/config"),
                         ("POST", "/sandbox/api/emulator/users/1/events"), ("POST", "/sandbox/api/emulator/faults"),
                         ("GET", "/_emulator/messages"), ("POST", "/_emulator/clock")):
        assert client.open(path, method=method).status_code == 404, path
    sandbox = Settings.from_env({"REDIS_URL": redis_server.url}, load_dotenv_file=False)
    assert create_app(sandbox).test_client().get("/sandbox").status_code == 200  # the test can fail


def test_production_without_credentials_is_a_configuration_error_not_a_sandbox() -> None:
    from bot.config import ConfigError

    with pytest.raises(ConfigError, match="DXBOT_PRODUCTION"):
        Settings.from_env({"DXBOT_PRODUCTION": "1"}, load_dotenv_file=False)
