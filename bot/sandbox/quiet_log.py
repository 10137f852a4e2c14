"""gunicorn access log for `dxbot dev` without the sandbox page's once-a-second polls (they drown the rest)."""

from __future__ import annotations

from typing import Any

from gunicorn.glogging import Logger


class QuietPollLogger(Logger):
    def access(self, resp: Any, req: Any, environ: dict[str, Any], request_time: Any) -> None:
        if environ.get("REQUEST_METHOD") == "GET" and environ.get("PATH_INFO", "").startswith("/sandbox/api/"):
            return
        super().access(resp, req, environ, request_time)
