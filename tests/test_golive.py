"""Going live: `dxbot auth` + the OAuth callback (PKCE, state, atomic storage), the pasted pair, Zalo's
verification file, and `dxbot doctor` against a healthy and a broken setup.

Everything over real HTTP: the CLI runs as a subprocess, the emulator plays Zalo's OAuth server and
consent page, the web app serves the callback, Redis is a real redis-server watched with MONITOR.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import redis
import requests

from bot.config import ConfigError, Settings
from bot.golive.oauth import challenge_of
from bot.infra import keys
from bot.infra.redis_conn import wait_until_up
from tests.conftest import REDIS_SERVER, RedisServer, free_port
from tests.support import BotHarness, WebServer, wait_for

USER = "1111111111111111111"
LIVE = {"ZALO_APP_ID": "1000000000000000001", "ZALO_OA_SECRET_KEY": "sandbox-oa-secret",
        "ZALO_APP_SECRET": "sandbox-app-secret"}


def dxbot(env: dict[str, str], *args: str, stdin: str = "", cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real `dxbot` command with exactly this environment (no .env from the repository)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("ZALO_", "DXBOT_", "MODERATOR_", "PUBLIC_"))}
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], env={**clean, **env}, input=stdin,
                          capture_output=True, text=True, timeout=60, cwd=cwd or Path(__file__).parent)


@contextmanager
def redis_monitor(url: str) -> Iterator[list[str]]:
    """Every command Redis executes while the block runs (MONITOR), as text."""
    commands: list[str] = []
    ready = threading.Event()
    marker = "dxbot-test-monitor-stop"

    def watch() -> None:
        with redis.Redis.from_url(url).monitor() as monitor:
            ready.set()
            for entry in monitor.listen():
                if marker in entry["command"]:
                    return
                commands.append(entry["command"])

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    assert ready.wait(5)
    yield commands
    redis.Redis.from_url(url).echo(marker)
    thread.join(5)


def token_writes(commands: list[str]) -> list[str]:
    return [c for c in commands if keys.TOKENS + " " in c + " " and c.split()[0].upper() in ("HSET", "HMSET", "DEL")]


def start_auth(bot: BotHarness, base_env: dict[str, str]) -> tuple[str, dict[str, str]]:
    result = dxbot(base_env, "auth", "--no-wait")
    assert result.returncode == 0, result.stderr
    url = re.search(r"https?://\S+/v4/oa/permission\?\S+", result.stdout).group(0)
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    return url, query


def consent(url: str) -> str:
    """The OA admin presses "Cho phép": Zalo redirects the browser to our callback."""
    answer = requests.get(url, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    return answer.headers["Location"]


# ---- dxbot auth + callback -------------------------------------------------------------------------

def test_auth_grant_stores_the_pair_atomically_and_never_shows_it(bot: BotHarness, base_env: dict[str, str],
                                                                  web_port: int, redis_server: RedisServer) -> None:
    url, query = start_auth(bot, base_env)
    assert query["redirect_uri"] == f"http://127.0.0.1:{web_port}/oauth/zalo/callback"
    assert query["app_id"] == bot.settings.app_id
    pending = json.loads(bot.redis.get(keys.oauth_state(query["state"])))
    assert 43 <= len(pending["verifier"]) <= 128
    assert challenge_of(pending["verifier"]) == query["code_challenge"]  # S256, kept server-side only
    assert pending["verifier"] not in url

    callback = consent(url)
    with redis_monitor(redis_server.url) as commands:
        page = requests.get(callback, timeout=10)
    assert page.status_code == 200 and "Đã kết nối Official Account" in page.text
    stored = {k.decode(): v.decode() for k, v in bot.redis.hgetall(keys.TOKENS).items()}
    assert stored["access_token"].startswith("emu-at-") and stored["refresh_token"].startswith("emu-rt-")
    assert float(stored["expires_at"]) > time.time() + 24 * 3600
    writes = token_writes(commands)
    assert len(writes) == 1, writes  # one HSET carries both tokens: no reader sees half a pair
    assert stored["access_token"] in writes[0] and stored["refresh_token"] in writes[0]
    assert stored["access_token"] not in page.text and stored["refresh_token"] not in page.text
    assert bot.redis.get(keys.oauth_state(query["state"])) is None  # the verifier is gone once used
    assert bot.redis.hget(keys.OAUTH_GRANT, "oa_id") == b"2000000000000000002"

    bot.send(USER, "menu")  # the bot now talks to "Zalo" with the granted token
    bot.settle()
    assert len(bot.replies(USER)) == 1
    assert {k.decode(): v.decode() for k, v in bot.redis.hgetall(keys.TOKENS).items()} == stored

    again = requests.get(callback, timeout=10)  # a state works once
    assert again.status_code == 400 and "đã dùng" in again.text


def test_callback_refuses_an_unknown_state_before_spending_the_code(bot: BotHarness,
                                                                    base_env: dict[str, str]) -> None:
    url, query = start_auth(bot, base_env)
    callback = consent(url)
    parts = urlsplit(callback)
    args = {k: v[0] for k, v in parse_qs(parts.query).items()}
    forged = parts._replace(query=urlencode({**args, "state": "forged-state"})).geturl()
    answer = requests.get(forged, timeout=10)
    assert answer.status_code == 400 and "Phiên cấp quyền không hợp lệ" in answer.text
    assert bot.redis.exists(keys.TOKENS) == 0
    missing = parts._replace(query=urlencode({"code": args["code"]})).geturl()
    assert requests.get(missing, timeout=10).status_code == 400
    assert requests.get(callback, timeout=10).status_code == 200  # the code was not exchanged by the forgery
    assert bot.redis.hget(keys.TOKENS, "access_token").startswith(b"emu-at-")


def test_callback_exchange_needs_the_matching_pkce_verifier(bot: BotHarness, base_env: dict[str, str]) -> None:
    url, query = start_auth(bot, base_env)
    key = keys.oauth_state(query["state"])
    pending = json.loads(bot.redis.get(key))
    bot.redis.set(key, json.dumps({**pending, "verifier": pending["verifier"][::-1]}), ex=600)
    answer = requests.get(consent(url), timeout=10)
    assert answer.status_code == 400 and "Invalid code verifier" in answer.text  # Zalo's refusal, shown
    assert bot.redis.exists(keys.TOKENS) == 0


def test_pasted_pair_is_stored_and_used_without_being_printed(bot: BotHarness, base_env: dict[str, str]) -> None:
    # A pair as Zalo's API explorer shows it (here: one the emulator really issued).
    verifier = "v" * 64
    code = parse_qs(urlsplit(consent(f"{bot.settings.oauth_base}/v4/oa/permission?" + urlencode({
        "app_id": bot.settings.app_id, "redirect_uri": "https://example.vn/cb",
        "code_challenge": challenge_of(verifier)}))).query)["code"][0]
    pair = requests.post(f"{bot.settings.oauth_base}/v4/oa/access_token", headers={"secret_key": "sandbox-app-secret"},
                         data={"code": code, "app_id": bot.settings.app_id, "grant_type": "authorization_code",
                               "code_verifier": verifier}, timeout=10).json()
    result = dxbot(base_env, "auth", "--paste", "--expires-in", "7200",
                   stdin=f"  {pair['access_token']}\n\n{pair['refresh_token']}\n")
    assert result.returncode == 0, result.stderr
    assert "stored" in result.stdout
    for secret in (pair["access_token"], pair["refresh_token"]):
        assert secret not in result.stdout + result.stderr
    stored = bot.redis.hgetall(keys.TOKENS)
    assert stored[b"access_token"].decode() == pair["access_token"]
    assert stored[b"refresh_token"].decode() == pair["refresh_token"]
    assert 7000 < float(stored[b"expires_at"]) - time.time() <= 7200  # > the refresh margin
    bot.send(USER, "menu")
    bot.settle()
    assert len(bot.replies(USER)) == 1

    bad = dxbot(base_env, "auth", "--paste", stdin="only-one-token\n")
    assert bad.returncode == 2 and "nothing was stored" in bad.stderr
    assert bot.redis.hget(keys.TOKENS, "access_token").decode() == pair["access_token"]


# ---- domain verification -------------------------------------------------------------------------

def test_verification_file_is_served_only_for_the_configured_code(base_env: dict[str, str],
                                                                  redis_client: redis.Redis) -> None:
    from bot.app import create_app

    port = free_port()
    server = WebServer(create_app(Settings.from_env({**base_env, "ZALO_VERIFIER_CODE": "Ab1_x-Z9"},
                                                    load_dotenv_file=False)), port)
    server.start()
    try:
        answer = requests.get(f"http://127.0.0.1:{port}/zalo_verifierAb1_x-Z9.html", timeout=5)
        assert answer.status_code == 200 and answer.headers["Content-Type"].startswith("text/html")
        assert '<meta name="zalo-platform-site-verification" content="Ab1_x-Z9" />' in answer.text
        assert requests.get(f"http://127.0.0.1:{port}/zalo_verifierOTHER.html", timeout=5).status_code == 404
    finally:
        server.stop()
    plain = requests.get(f"http://127.0.0.1:{base_env['PORT']}/zalo_verifierAb1_x-Z9.html", timeout=5)
    assert plain.status_code == 404  # not configured: nothing served
    with pytest.raises(ConfigError, match="ZALO_VERIFIER_CODE"):
        Settings.from_env({**base_env, "ZALO_VERIFIER_CODE": "../etc"}, load_dotenv_file=False)


# ---- dxbot doctor --------------------------------------------------------------------------------

@pytest.fixture()
def https_web(base_env: dict[str, str], tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """The web app over HTTPS with a certificate made for `localhost` (trusted via REQUESTS_CA_BUNDLE)."""
    from werkzeug.serving import make_server

    from bot.app import create_app

    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    port = free_port()
    app = create_app(Settings.from_env({**base_env, "ZALO_VERIFIER_CODE": "doctorcheck"}, load_dotenv_file=False))
    server = make_server("127.0.0.1", port, app, threaded=True, ssl_context=(str(cert), str(key)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://localhost:{port}", cert
    server.shutdown()


@contextmanager
def running_worker(env: dict[str, str], client: redis.Redis) -> Iterator[None]:
    from rq import Worker

    clean = {k: v for k, v in os.environ.items() if not k.startswith(("ZALO_", "DXBOT_", "MODERATOR_"))}
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "worker"], env={**clean, **env},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: Worker.all(connection=client) or proc.poll() is not None, 30, "the worker to start")
        assert proc.poll() is None, "the worker did not start"
        yield
    finally:
        proc.terminate()
        proc.wait(15)


def test_doctor_passes_a_healthy_setup(bot: BotHarness, base_env: dict[str, str], https_web: tuple[str, Path],
                                       tmp_path: Path) -> None:
    public_url, cert = https_web
    env = {**base_env, "PUBLIC_URL": public_url, "REQUESTS_CA_BUNDLE": str(cert), "ZALO_VERIFIER_CODE": "doctorcheck"}
    with running_worker(base_env, bot.redis):
        result = dxbot(env, "doctor", "--refresh", cwd=tmp_path)
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    assert "FAIL" not in out
    for line in ("append-only persistence is on", "access token accepted by Zalo", "refresh works",
                 "reachable over HTTPS and checks Zalo's signature", "zalo_verifierdoctorcheck.html is served",
                 "1 worker(s) running", "no event or send failed for good", "All good"):
        assert line in out, out
    stored = bot.redis.hgetall(keys.TOKENS)  # rotated by --refresh; still never printed
    assert stored[b"access_token"].startswith(b"emu-at-")
    for secret in (*stored.values(), b"sandbox-access-token", b"sandbox-refresh-token"):
        assert secret.decode() not in out + result.stderr


@pytest.fixture()
def careless_redis(tmp_path: Path) -> Iterator[str]:
    """A Redis set up the way that loses data: no append-only file, evicting keys under memory pressure."""
    port = free_port()
    proc = subprocess.Popen([REDIS_SERVER, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(tmp_path),
                             "--appendonly", "no", "--save", "", "--maxmemory-policy", "allkeys-lru"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    wait_until_up(client, proc, timeout_s=10)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(10)


def test_doctor_names_every_problem_of_a_broken_setup(base_env: dict[str, str], careless_redis: str,
                                                      tmp_path: Path) -> None:
    client = redis.Redis.from_url(careless_redis)
    client.hset(keys.DEAD_EVENTS, "evt-1", json.dumps({"user_id": USER, "attempts": 3, "error": "boom"}))
    env = {**base_env, **LIVE, "REDIS_URL": careless_redis, "PUBLIC_URL": f"http://127.0.0.1:{base_env['PORT']}"}
    result = dxbot(env, "doctor", cwd=tmp_path)
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    for problem, fix in (
        ("is not https", "Zalo only calls webhooks over HTTPS"),
        ("append-only persistence is off", "appendonly yes"),
        ("maxmemory-policy is allkeys-lru", "noeviction"),
        ("no Zalo token is stored", "run `dxbot auth`"),
        ("no worker is running", "start `dxbot worker`"),
        ("1 event(s) and 0 send(s) failed for good", "dxbot events replay --list"),
    ):
        assert problem in out and fix in out, out
    assert "DXBOT_PRODUCTION is not set" in out and "ZALO_VERIFIER_CODE is not set" in out  # warnings
    assert re.search(r"\d+ problem\(s\)", out)


def test_doctor_reports_a_revoked_grant(bot: BotHarness, base_env: dict[str, str], tmp_path: Path) -> None:
    bot.redis.hset(keys.TOKENS, mapping={"access_token": "revoked-access", "refresh_token": "revoked-refresh",
                                         "expires_at": "0"})
    result = dxbot(base_env, "doctor", cwd=tmp_path)
    assert result.returncode == 1
    assert "Zalo rejected the access token (-216)" in result.stdout
    assert "Zalo refused the refresh token" in result.stdout and "run `dxbot auth`" in result.stdout
    assert "revoked-access" not in result.stdout + result.stderr


def test_doctor_explains_bad_configuration(base_env: dict[str, str], tmp_path: Path) -> None:
    result = dxbot({**base_env, "PUBLIC_URL": "dxbot.example.vn"}, "doctor", cwd=tmp_path)
    assert result.returncode == 1
    assert "PUBLIC_URL" in result.stdout and "fix that variable" in result.stdout


def test_app_credentials_without_tokens_mean_live_mode_with_tokens_from_dxbot_auth() -> None:
    live = Settings.from_env(LIVE, load_dotenv_file=False)
    assert not live.sandbox and live.access_token is None and live.api_base == "https://openapi.zalo.me"
    assert Settings.from_env({}, load_dotenv_file=False).sandbox  # nothing Zalo-specific: the sandbox
    with pytest.raises(ConfigError, match="ZALO_REFRESH_TOKEN"):
        Settings.from_env({**LIVE, "ZALO_ACCESS_TOKEN": "only-half"}, load_dotenv_file=False)
    with pytest.raises(ConfigError, match="ZALO_APP_SECRET"):
        Settings.from_env({"DXBOT_PRODUCTION": "1"}, load_dotenv_file=False)
    with pytest.raises(ConfigError, match="PUBLIC_URL"):
        Settings.from_env({**LIVE, "PUBLIC_URL": "dxbot.example.vn"}, load_dotenv_file=False)
    with pytest.raises(ConfigError, match="PUBLIC_URL"):
        from bot.golive.oauth import redirect_uri

        redirect_uri(live)  # live `dxbot auth` needs to know where Zalo sends the admin back
