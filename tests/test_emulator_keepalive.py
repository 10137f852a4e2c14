"""The emulator keeps HTTP connections alive (bot/zalo/emulator/server.py), as Zalo's API does, without ever
reading one request's leftovers as the next request: werkzeug's server closed every connection for that reason.

Each test talks raw HTTP over one socket, so what travels on the connection is what is asserted."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator

import pytest

from bot.zalo.emulator import EmulatorConfig, EmulatorServer

USER = "3000000000000000031"


@pytest.fixture
def server() -> Iterator[EmulatorServer]:
    with EmulatorServer(EmulatorConfig(webhook_url="")) as running:
        yield running


class Connection:
    """One TCP connection to the emulator; `ask` sends a request and reads exactly one answer."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.stream = self.sock.makefile("rb")

    def ask(self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
            ) -> tuple[int, dict[str, str], bytes]:
        lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"]
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        if "Transfer-Encoding" not in (headers or {}):
            lines.append(f"Content-Length: {len(body)}")
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        status = int(self.stream.readline().split()[1])
        answer_headers: dict[str, str] = {}
        while (line := self.stream.readline().decode().strip()):
            name, value = line.split(":", 1)
            answer_headers[name.lower()] = value.strip()
        return status, answer_headers, self.stream.read(int(answer_headers.get("content-length", 0)))

    def closed_by_server(self) -> bool:
        return self.stream.read(1) == b""

    def close(self) -> None:
        self.stream.close()
        self.sock.close()


def _event(text: str) -> bytes:
    return json.dumps({"event_name": "user_send_text", "text": text}).encode()


def test_one_connection_serves_many_requests(server: EmulatorServer) -> None:
    conn = Connection(server.port)
    try:
        for text in ("một", "hai", "ba"):
            status, headers, body = conn.ask("POST", f"/_emulator/users/{USER}/events", _event(text),
                                             {"Content-Type": "application/json"})
            assert status == 502  # no webhook configured: the event is built and answered, not delivered
            assert json.loads(body)["event"]["message"]["text"] == text
            assert headers.get("connection", "").lower() != "close"
        status, _, body = conn.ask("GET", "/_emulator/health")
        assert status == 200 and json.loads(body)
    finally:
        conn.close()


def test_a_body_the_app_never_reads_is_not_taken_for_the_next_request(server: EmulatorServer) -> None:
    """A GET-only route answers 405 without reading the body; the body's bytes look like a request line."""
    conn = Connection(server.port)
    try:
        trap = b"GET /_emulator/messages HTTP/1.1\r\nHost: x\r\n\r\n"
        status, _, _ = conn.ask("POST", "/_emulator/health", trap, {"Content-Type": "text/plain"})
        assert status == 405
        status, _, body = conn.ask("POST", f"/_emulator/users/{USER}/events", _event("sau"),
                                   {"Content-Type": "application/json"})
        assert json.loads(body)["event"]["message"]["text"] == "sau"
    finally:
        conn.close()


def test_a_chunked_body_closes_the_connection_after_its_answer(server: EmulatorServer) -> None:
    conn = Connection(server.port)
    try:
        payload = _event("từng khúc")
        chunked = f"{len(payload):x}\r\n".encode() + payload + b"\r\n0\r\n\r\n"
        status, headers, body = conn.ask("POST", f"/_emulator/users/{USER}/events", chunked,
                                         {"Content-Type": "application/json", "Transfer-Encoding": "chunked"})
        assert json.loads(body)["event"]["message"]["text"] == "từng khúc"
        assert headers.get("connection", "").lower() == "close"
        assert conn.closed_by_server()
    finally:
        conn.close()


def test_stop_closes_idle_kept_alive_connections(server: EmulatorServer) -> None:
    """A client's pooled connection must not outlive the emulator: it would reach a stopped server (or a new
    one on the same port) through a dead thread. stop() closes it, so the client connects again."""
    conn = Connection(server.port)
    try:
        assert conn.ask("GET", "/_emulator/health")[0] == 200
        server.stop()
        assert conn.closed_by_server()  # nothing sent after stop(): the server closed it by itself
    finally:
        conn.close()


def test_a_kept_alive_connection_sends_without_nagle(server: EmulatorServer) -> None:
    """http.server writes an answer's headers and body in two sends; with Nagle's algorithm on, the body of every
    answer after the first on a connection waited for the client's delayed ACK (44 ms per request, measured: a
    benchmark's 100,000 sequential sends never ended). The server's end of the connection has TCP_NODELAY."""
    conn = Connection(server.port)
    try:
        assert conn.ask("GET", "/_emulator/health")[0] == 200
        live = list(server._server.live_connections)  # type: ignore[attr-defined]
        assert live, "the kept-alive connection is listed while open"
        for handler in live:
            assert handler.connection.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
    finally:
        conn.close()
