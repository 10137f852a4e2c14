"""The Zalo client against the emulator over real HTTP: tokens, error table, splitting."""

from __future__ import annotations

import threading

import pytest
import requests

from bot.infra import keys
from bot.zalo.client import ZaloClient, _new_session
from bot.zalo.errors import (
    BadRequest,
    NightCurfew,
    OutcomeUnknown,
    RateLimited,
    TokenInvalid,
    TokenRefreshFailed,
    UserUnreachable,
    ZaloApiError,
    ZaloError,
    ZaloUnavailable,
    error_for,
)
from bot.zalo.text import split_text
from tests.conftest import free_port
from tests.support import BotHarness

USER = "2222222222222222222"


def interacted(bot: BotHarness, user: str = USER) -> None:
    bot.emulator("PUT", f"/users/{user}", json={"follower": True, "last_interaction": bot_now(bot)})


def bot_now(bot: BotHarness) -> int:
    return int(bot.emulator("GET", "/clock").json()["now_ms"])


def test_expired_token_is_refreshed_once_by_exactly_one_of_many_workers(bot: BotHarness) -> None:
    for i in range(8):
        interacted(bot, f"30000000000000000{i:02d}")
    bot.advance_clock(26 * 3600)  # the 25-hour access token has expired at Zalo
    for i in range(8):
        interacted(bot, f"30000000000000000{i:02d}")
    results: list[object] = []
    barrier = threading.Barrier(8)

    def worker(i: int) -> None:
        client = ZaloClient(bot.settings, bot.redis)  # own session, shared Redis: like separate processes
        barrier.wait()
        try:
            results.append(client.send_text(user_id=f"30000000000000000{i:02d}", text=f"tin {i}"))
        except Exception as exc:  # noqa: BLE001
            results.append(exc)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert all(not isinstance(r, Exception) for r in results), results
    tokens = bot.emulator("GET", "/tokens").json()
    assert tokens["refresh_count"] == 1
    assert tokens["reuse_attempts"] == 0
    stored = bot.redis.hgetall(keys.TOKENS)
    assert stored[b"access_token"] != b"sandbox-access-token"
    assert float(stored[b"expires_at"]) > 0
    assert len(bot.messages()) == 8


def test_token_close_to_expiry_is_refreshed_before_use(bot: BotHarness) -> None:
    interacted(bot)
    client = ZaloClient(bot.settings, bot.redis)
    client.tokens.current()
    bot.redis.hset(keys.TOKENS, "expires_at", "1")  # we know it is about to expire
    client.send_text(user_id=USER, text="a")
    assert bot.emulator("GET", "/tokens").json()["refresh_count"] == 1
    assert bot.metric("zalo_errors_total", code="-220") == 0  # no failed call was needed


def test_refused_refresh_token_raises_refresh_failed(bot: BotHarness) -> None:
    interacted(bot)
    bot.redis.hset(keys.TOKENS, mapping={"access_token": "bad", "refresh_token": "used-up", "expires_at": "0"})
    with pytest.raises(TokenRefreshFailed):
        ZaloClient(bot.settings, bot.redis).send_text(user_id=USER, text="a")


@pytest.mark.parametrize(("fault", "error"), [
    ({"kind": "zalo_error", "error": -230}, UserUnreachable),
    ({"kind": "zalo_error", "error": -32}, RateLimited),
    ({"kind": "zalo_error", "error": -201}, BadRequest),
    ({"kind": "zalo_error", "error": -234}, NightCurfew),
    ({"kind": "zalo_error", "error": -999}, ZaloApiError),
    ({"kind": "http", "status": 502}, ZaloUnavailable),
])
def test_zalo_errors_map_to_the_closed_set(bot: BotHarness, fault: dict, error: type) -> None:
    interacted(bot)
    bot.fault(count=1, **fault)
    with pytest.raises(error) as info:
        ZaloClient(bot.settings, bot.redis).send_text(user_id=USER, text="a")
    assert info.value.retryable == error.retryable


def test_read_timeout_on_send_is_unknown_not_unavailable(bot: BotHarness) -> None:
    interacted(bot)
    bot.reconfigure(ZALO_TIMEOUT_SECONDS="0.3")
    bot.fault(kind="delay", seconds=1, count=1)
    with pytest.raises(OutcomeUnknown):
        ZaloClient(bot.settings, bot.redis).send_text(user_id=USER, text="a")


def test_connection_refused_is_retryable(bot: BotHarness) -> None:
    from tests.conftest import free_port

    settings = bot.settings.with_overrides(api_base=f"http://127.0.0.1:{free_port()}")
    with pytest.raises(ZaloUnavailable):
        ZaloClient(settings, bot.redis).send_text(user_id=USER, text="a")


def test_buttons_reach_zalo_as_query_buttons(bot: BotHarness) -> None:
    interacted(bot)
    ZaloClient(bot.settings, bot.redis).send_text(user_id=USER, text="Chọn", buttons=[("Trợ giúp", "trợ giúp")])
    [message] = bot.messages(USER)
    button = message["attachment"]["payload"]["buttons"][0]
    assert button == {"title": "Trợ giúp", "type": "oa.query.show", "payload": "trợ giúp"}


def test_error_table_is_closed() -> None:
    assert isinstance(error_for(-216), TokenInvalid) and error_for(-216).retryable
    assert isinstance(error_for(-12345), ZaloApiError) and not error_for(-12345).retryable
    assert not error_for(-230).retryable


def test_tokens_never_reach_the_logs(bot: BotHarness, caplog: pytest.LogCaptureFixture) -> None:
    import logging

    interacted(bot)
    bot.advance_clock(26 * 3600)
    interacted(bot)
    with caplog.at_level(logging.DEBUG):
        ZaloClient(bot.settings, bot.redis).send_text(user_id=USER, text="a")
        logging.getLogger("test").warning("leak attempt %s", bot.redis.hget(keys.TOKENS, "access_token").decode())
    stored = bot.redis.hgetall(keys.TOKENS)
    from bot.infra.logs import RedactSecrets

    text = ""
    for record in caplog.records:
        RedactSecrets().filter(record)
        text += record.getMessage()
    for secret in (stored[b"access_token"], stored[b"refresh_token"], b"sandbox-access-token"):
        assert secret.decode() not in text


@pytest.mark.parametrize("length", [1, 1999, 2000, 2001, 4500, 12000])
def test_split_text_respects_limit_and_loses_nothing(length: int) -> None:
    text = ("Chuyển đổi số bắt đầu từ nhận thức. " * 400)[:length]
    parts = split_text(text, 2000)
    assert all(0 < len(p) <= 2000 for p in parts)
    assert "".join(parts).replace(" ", "") == text.strip().replace(" ", "")
    if length > 2000:
        assert all(p.endswith((".", "thức")) or len(p) == 2000 for p in parts[:-1])


def test_emulator_is_reached_over_real_http(bot: BotHarness) -> None:
    assert requests.get(bot.emulator_url + "/_emulator/clock", timeout=5).status_code == 200


def _proxy_env(monkeypatch: pytest.MonkeyPatch, proxy: str, no_proxy: str) -> None:
    for name in ("http_proxy", "https_proxy", "no_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setenv("http_proxy", proxy)
    monkeypatch.setenv("no_proxy", no_proxy)


def test_the_environments_proxy_is_honoured_though_read_once(bot: BotHarness,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The session reads the environment when it is made, not at each call (bot/zalo/client.py `_new_session`):
    a proxy it names still carries every call (here one that refuses connections, so nothing reaches Zalo)."""
    interacted(bot)
    closed = free_port()
    _proxy_env(monkeypatch, f"http://127.0.0.1:{closed}", "")
    proxied = ZaloClient(bot.settings, bot.redis)
    assert not proxied.session.trust_env and proxied.session.proxies["http"].endswith(f":{closed}")
    with pytest.raises(ZaloError):
        proxied.send_text(user_id=USER, text="qua proxy")
    _proxy_env(monkeypatch, f"http://127.0.0.1:{closed}", "127.0.0.1")
    ZaloClient(bot.settings, bot.redis).send_text(user_id=USER, text="thẳng")
    assert [m["text"] for m in bot.messages(USER)] == ["thẳng"]


def test_a_no_proxy_that_parts_zalos_hosts_keeps_the_environment_read_per_call(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _proxy_env(monkeypatch, "http://proxy.example:3128", "oauth.zaloapp.com")
    split = _new_session(4, bases=("https://openapi.zalo.me", "https://oauth.zaloapp.com"))
    assert split.trust_env  # requests' own per-call reading decides for each host
    _proxy_env(monkeypatch, "http://proxy.example:3128", "")
    same = _new_session(4, bases=("http://openapi.zalo.me", "http://oauth.zaloapp.com"))
    assert not same.trust_env and same.proxies["http"] == "http://proxy.example:3128"


def test_a_send_goes_straight_to_the_sessions_pool_without_requests_per_call_layers(
        bot: BotHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    """A client whose session read the environment once (no proxy, cookie or auth) sends through the adapter's
    urllib3 pool itself: no PreparedRequest, Session.send or Response per reply (a third of a sender's CPU per
    reply), the same JSON on the wire, one kept-alive connection for every send."""
    interacted(bot)
    client = ZaloClient(bot.settings, bot.redis)
    client.tokens.current()  # the token is read (or refreshed) through requests: not what is counted here

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a send went through requests' per-call layers")

    monkeypatch.setattr(client.session, "send", refuse)
    monkeypatch.setattr(client.session, "request", refuse)
    for n in range(3):
        client.send_text(user_id=USER, text=f"Chào bạn {n}", buttons=[("Trợ giúp", "trợ giúp")])
    assert [m["text"] for m in bot.messages(USER)] == ["Chào bạn 0", "Chào bạn 1", "Chào bạn 2"]
    assert bot.messages(USER)[0]["attachment"]["payload"]["buttons"][0]["title"] == "Trợ giúp"
    [pool] = [p for p in client.session.get_adapter(bot.settings.api_base).poolmanager.pools._container.values()
              if p.port == int(bot.settings.api_base.rsplit(":", 1)[1])]
    assert pool.num_connections == 1  # kept alive across the three sends


def test_a_connection_dropped_after_the_request_left_is_an_unknown_outcome_not_a_retry(bot: BotHarness) -> None:
    """Zalo may have sent a message whose answer never came back: the direct path tells that apart from a
    connection never made exactly as requests did (OutcomeUnknown: never re-sent; refused: ZaloUnavailable)."""
    import socket

    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]

    def drop_after_reading() -> None:
        conn, _ = server.accept()
        with conn:
            conn.recv(65536)  # the whole request arrived; no answer

    dropper = threading.Thread(target=drop_after_reading, daemon=True)
    dropper.start()
    client = ZaloClient(bot.settings.with_overrides(api_base=f"http://127.0.0.1:{port}"), bot.redis)
    try:
        with pytest.raises(OutcomeUnknown):
            client.send_text(user_id=USER, text="a")
    finally:
        dropper.join(5)
        server.close()
    refused = ZaloClient(bot.settings.with_overrides(api_base=f"http://127.0.0.1:{free_port()}"), bot.redis)
    with pytest.raises(ZaloUnavailable):
        refused.send_text(user_id=USER, text="a")


class _Answers:
    """A tiny HTTP/1.1 keep-alive server answering what a path names, and remembering every request it got:
    `/rNNN` a redirect NNN to /elsewhere (an empty body; `/rNNNjson` with a body saying "sent"), `/elsewhere` and
    `/ok` Zalo's "sent", `/stray-byte` a "sent" with one byte that is not UTF-8, `/latin1` a "sent" in the
    charset its Content-Type declares."""

    SENT = b'{"error":0,"data":{"message_id":"m1"}}'

    def __init__(self) -> None:
        import http.server

        seen = self.seen = []

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                self.answer()

            def do_POST(self) -> None:
                self.answer()

            def answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                seen.append((self.command, self.path, self.rfile.read(length)))
                status, headers, body = 200, {"Content-Type": "application/json"}, _Answers.SENT
                if self.path.startswith("/r3"):
                    status, headers = int(self.path[2:5]), {"Location": "/elsewhere"}
                    body = b'{"error":0,"data":{"message_id":"redirect"}}' if self.path.endswith("json") else b""
                elif self.path == "/stray-byte":
                    headers, body = {}, b'{"error":0,"data":{"message_id":"\xff"}}'
                elif self.path == "/stray-byte-json":
                    body = b'{"error":0,"data":{"message_id":"\xff"}}'
                elif self.path == "/latin1":
                    headers = {"Content-Type": "application/json; charset=iso-8859-1"}
                    body = '{"error":0,"data":{"message_id":"é"}}'.encode("latin-1")
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def answers(bot: BotHarness) -> object:
    server = _Answers()
    yield server
    server.close()


def _direct_client(bot: BotHarness, base: str) -> ZaloClient:
    client = ZaloClient(bot.settings.with_overrides(api_base=base), bot.redis)
    assert not client.session.trust_env and not client.session.cookies  # so a send takes the direct path
    return client


@pytest.mark.parametrize("status", [307, 308])
def test_a_307_or_308_to_a_send_is_followed_with_the_same_post_as_requests_does(
        bot: BotHarness, answers: _Answers, status: int) -> None:
    """Before the direct path, `Session.send` followed every redirect: a 307/308 is re-POSTed once to Location,
    never counted as sent from the redirect itself nor retried against the old URL as "unavailable"."""
    client = _direct_client(bot, answers.url)
    data = client._request("POST", f"/r{status}", "T", {"text": "Chào"}, None, False)
    assert data == {"message_id": "m1"}
    [(first, first_path, body), (second, second_path, body_again)] = answers.seen
    assert (first, first_path, second, second_path) == ("POST", f"/r{status}", "POST", "/elsewhere")
    assert body_again == body and b"Ch\\u00e0o" in body


@pytest.mark.parametrize("path", ["/r301", "/r302", "/r303", "/r302json"])
def test_a_301_302_or_303_to_a_send_is_followed_as_a_get_and_its_own_body_is_not_zalos_answer(
        bot: BotHarness, answers: _Answers, path: str) -> None:
    client = _direct_client(bot, answers.url)
    assert client._request("POST", path, "T", {"text": "a"}, None, False) == {"message_id": "m1"}
    assert [(method, where) for method, where, _ in answers.seen] == [("POST", path), ("GET", "/elsewhere")]


@pytest.mark.parametrize("path", ["/stray-byte", "/stray-byte-json", "/latin1"])
def test_a_200_that_zalo_sent_is_read_as_sent_whatever_its_encoding(
        bot: BotHarness, answers: _Answers, path: str) -> None:
    """`Response.json`'s decoding (the declared charset, else a guess; bad bytes replaced): a 200 "sent" is
    never taken for "Zalo unavailable", which the outbox would send again."""
    client = _direct_client(bot, answers.url)
    data = client._request("POST", path, "T", {"text": "a"}, None, False)
    assert set(data) == {"message_id"} and len(data["message_id"]) == 1  # the one character, however guessed
    assert len(answers.seen) == 1
    if path == "/latin1":
        assert data["message_id"] == "é"


@pytest.mark.parametrize(("body", "token"), [({"x": float("nan")}, "T"), ({"x": 1}, "T\r\nX-Injected: 1")])
def test_a_request_refused_before_sending_is_a_zalo_error_not_a_bare_value_error(
        bot: BotHarness, answers: _Answers, body: dict, token: str) -> None:
    """As `PreparedRequest.prepare` refused them (InvalidJSONError, InvalidHeader): classified like any
    requests failure, so the outbox and the digest see a ZaloError, and nothing reaches the server."""
    client = _direct_client(bot, answers.url)
    with pytest.raises(OutcomeUnknown):
        client._request("POST", "/ok", token, body, None, False)
    with pytest.raises(ZaloUnavailable):
        client._request("POST", "/ok", token, body, None, True)
    assert answers.seen == []


def test_a_connect_timeout_is_never_sent_and_retried_but_a_read_timeout_is_an_unknown_outcome(
        bot: BotHarness) -> None:
    """A server whose accept queue is full drops the connection attempt: the connect timeout means the send
    never left (ZaloUnavailable -1, retried). A server that accepted and read the request but never answers
    is a read timeout: Zalo may have sent it (OutcomeUnknown, never re-sent)."""
    import socket

    full = socket.create_server(("127.0.0.1", 0), backlog=0)
    waiting = []
    try:
        for _ in range(4):  # fill the accept queue: later SYNs are dropped, so connecting times out
            s = socket.socket()
            s.setblocking(False)
            s.connect_ex(full.getsockname())
            waiting.append(s)
        client = _direct_client(bot, f"http://127.0.0.1:{full.getsockname()[1]}")
        with pytest.raises(ZaloUnavailable) as info:
            client._request("POST", "/ok", "T", {"text": "a"}, None, False)
        assert info.value.code == -1 and isinstance(info.value.__cause__, requests.ConnectTimeout)
    finally:
        for s in waiting:
            s.close()
        full.close()

    silent = socket.create_server(("127.0.0.1", 0))
    held = []

    def read_and_stay_silent() -> None:
        conn, _ = silent.accept()
        held.append(conn)
        conn.recv(65536)

    reader = threading.Thread(target=read_and_stay_silent, daemon=True)
    reader.start()
    try:
        client = ZaloClient(bot.settings.with_overrides(api_base=f"http://127.0.0.1:{silent.getsockname()[1]}",
                                                        zalo_timeout_s=0.3), bot.redis)
        with pytest.raises(OutcomeUnknown) as unknown:
            client._request("POST", "/ok", "T", {"text": "a"}, None, False)
        assert isinstance(unknown.value.__cause__, requests.ReadTimeout)
    finally:
        reader.join(5)
        for conn in held:
            conn.close()
        silent.close()
