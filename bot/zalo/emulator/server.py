"""Run the emulator on a real port: in a daemon thread (tests, ``dxbot dev``) or in the foreground.

A custom request handler keeps headers whose names contain underscores. Zalo's API uses exactly such
headers (``access_token``, ``secret_key``, shared/zalo-oa-api.md §3.1 and §5) and werkzeug's server
drops them by default to avoid ``-``/``_`` ambiguity, which would make every call look unauthenticated.
"""

from __future__ import annotations

import contextlib
import io
import logging
import socket
import threading
from types import TracebackType
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from bot.zalo.emulator.app import create_emulator_app
from bot.zalo.emulator.config import EmulatorConfig
from bot.zalo.emulator.state import EmulatorState

log = logging.getLogger(__name__)


KEEP_ALIVE_MAX_BODY = 20 * 1024 * 1024  # the app's MAX_CONTENT_LENGTH: a larger body ends its connection


class ZaloHeadersRequestHandler(WSGIRequestHandler):
    """werkzeug's handler, plus the underscore headers it would otherwise discard, and kept-alive connections.

    werkzeug's server closes every connection after one answer, because http.server cannot tell where an unread
    body ends and the next request starts. Zalo's API keeps connections open, and a fresh TCP connection and
    thread per request made the emulator the costliest process of a throughput benchmark. So a body of known
    length is read whole before the app runs (the app reads it from memory), and the connection stays open as
    HTTP/1.1 allows. A chunked or oversized body keeps werkzeug's close-after-answer behaviour.
    """

    # http.server writes an answer's headers and body in separate sends: on a kept-alive connection Nagle's
    # algorithm holds the body until the client's delayed ACK (40 ms per request, measured)
    disable_nagle_algorithm = True
    keep_alive = False  # this request's body was read whole: the connection may serve another one
    busy = False  # between a request line and the end of its answer (stop() leaves such a connection be)

    def handle(self) -> None:
        """Serve the connection's requests, listed on the server so that stop() can close it while idle."""
        live: set[ZaloHeadersRequestHandler] = getattr(self.server, "live_connections", set())
        live.add(self)
        try:
            super().handle()
        finally:
            live.discard(self)

    def parse_request(self) -> bool:
        self.keep_alive = False
        self.busy = True
        if getattr(self.server, "stopping", False):  # a request that raced stop(): answer nothing
            self.close_connection = True
            return False
        return super().parse_request()

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        finally:
            self.busy = False
            if getattr(self.server, "stopping", False):
                self.close_connection = True

    def run_wsgi(self) -> None:
        body = self._whole_body()
        if body is None:
            super().run_wsgi()
            return
        self.keep_alive = True
        stream, self.rfile = self.rfile, io.BytesIO(body)  # werkzeug drains rfile after the answer: only this
        try:
            super().run_wsgi()
        finally:
            self.rfile = stream

    def _whole_body(self) -> bytes | None:
        """The request's body read from the socket, or None when its end is not known cheaply."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower() or self.headers.get("Expect"):
            return None
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            return None
        if not 0 <= length <= KEEP_ALIVE_MAX_BODY:
            return None
        return self.rfile.read(length) if length else b""

    def send_header(self, keyword: str, value: str) -> None:
        """werkzeug adds `Connection: close` to every answer; not when the connection can go on."""
        if self.keep_alive and keyword.lower() == "connection" and value.lower() == "close":
            return
        super().send_header(keyword, value)

    def make_environ(self) -> dict[str, Any]:  # werkzeug's WSGIEnvironment
        environ = super().make_environ()
        for key, value in self.headers.items():
            if "_" in key:
                environ.setdefault("HTTP_" + key.upper().replace("-", "_"), value)
        return environ

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Request lines at DEBUG: the emulator is chatty and query strings may hold OAuth codes."""
        log.debug("%s %s -> %s", self.command, self.path.split("?", 1)[0], code)


class EmulatorServer:
    """The emulator listening on ``host:port`` (``port=0`` picks a free one; read it from ``.url``)."""

    def __init__(self, config: EmulatorConfig, host: str = "127.0.0.1", port: int = 0) -> None:
        self.config = config
        self.state = EmulatorState(config)
        self.app = create_emulator_app(config, self.state)
        self._server: BaseWSGIServer = make_server(
            host, port, self.app, threaded=True, request_handler=ZaloHeadersRequestHandler,
        )
        self._server.live_connections = set()  # type: ignore[attr-defined]  # ZaloHeadersRequestHandler's
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return self._server.server_port

    @property
    def url(self) -> str:
        """Base URL to use as both ``ZALO_API_BASE`` and ``ZALO_OAUTH_BASE``."""
        host = self._server.server_address[0]
        return f"http://{host}:{self.port}"

    def start(self) -> EmulatorServer:
        """Serve in a daemon thread and return at once (the socket is already listening)."""
        # A short poll interval keeps stop() fast; the cost is a negligible wake-up every 0.1 s.
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name="zalo-emulator", daemon=True)
        self._thread.start()
        log.info("Zalo emulator listening on %s", self.url)
        return self

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted (``python -m bot.zalo.emulator``)."""
        log.info("Zalo emulator listening on %s", self.url)
        try:
            self._server.serve_forever()
        finally:
            self.state.stop_event.set()
            self._stop_connections()
            self._server.server_close()

    def _stop_connections(self) -> None:
        """Kept-alive connections answer no more: idle ones are closed now (their clients connect again, to
        whatever listens then), a busy one after its answer."""
        self._server.stopping = True  # type: ignore[attr-defined]
        for handler in list(self._server.live_connections):  # type: ignore[attr-defined]
            if not handler.busy:
                with contextlib.suppress(OSError):
                    handler.connection.shutdown(socket.SHUT_RDWR)

    def stop(self) -> None:
        """Stop serving, cut short any delayed answers, and free the port."""
        self.state.stop_event.set()
        self._stop_connections()
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(10)
            self._thread = None
        self._server.server_close()

    def __enter__(self) -> EmulatorServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
