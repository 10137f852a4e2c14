"""Logging: one readable line per record, and secrets scrubbed from every line.

Tokens rotate at run time, so the scrubber learns each new value as it is read or issued
(`register_secret`). Message text never reaches a log line above DEBUG (callers' rule).
"""

from __future__ import annotations

import logging
import sys

_SECRETS: set[str] = set()


def register_secret(value: str | None) -> None:
    """Remember a value that must never appear in a log line."""
    if value and len(value) >= 6:
        _SECRETS.add(value)


class RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not _SECRETS:
            return True
        message = record.getMessage()
        clean = message
        for secret in _SECRETS:
            if secret in clean:
                clean = clean.replace(secret, "[redacted]")
        if clean != message:
            record.msg, record.args = clean, None
        return True


class _OurHandler(logging.StreamHandler):
    """The handler setup_logging() adds; a second setup (tests, dxbot dev) finds it and adds none."""


def setup_logging(level: str = "INFO", *, secrets: tuple[str | None, ...] = ()) -> None:
    """Configure the root logger for a dxbot process (idempotent)."""
    for value in secrets:
        register_secret(value)
    root = logging.getLogger()
    root.setLevel(level)
    for handler in root.handlers:
        if isinstance(handler, _OurHandler):
            return
    handler = _OurHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    handler.addFilter(RedactSecrets())
    root.addHandler(handler)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    logging.getLogger("urllib3").setLevel(logging.WARNING)
