"""Run the emulator on a real port: in a daemon thread (tests, ``dxbot dev``) or in the foreground.

A custom request handler keeps headers whose names contain underscores. Zalo's API uses exactly such
headers (``access_token``, ``secret_key``, shared/zalo-oa-api.md §3.1 and §5) and werkzeug's server
drops them by default to avoid ``-``/``_`` ambiguity, which would make every call look unauthenticated.
"""

from __future__ import annotations

import logging
import threading
from types import TracebackType
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from bot.zalo.emulator.app import create_emulator_app
from bot.zalo.emulator.config import EmulatorConfig
from bot.zalo.emulator.state import EmulatorState

log = logging.getLogger(__name__)


class ZaloHeadersRequestHandler(WSGIRequestHandler):
    """werkzeug's handler, plus the underscore headers it would otherwise discard."""

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
            self._server.server_close()

    def stop(self) -> None:
        """Stop serving, cut short any delayed answers, and free the port."""
        self.state.stop_event.set()
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
