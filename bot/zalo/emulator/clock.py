"""The emulator's clock and time helpers: wall time plus an offset tests can move."""

from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime
from typing import Any

DAY_MS = 86_400_000
HOUR_MS = 3_600_000


def wall_ms() -> int:
    """Real epoch milliseconds."""
    return time.time_ns() // 1_000_000


def ms_to_iso(ms: int) -> str:
    """ISO 8601 in UTC with milliseconds, the emulator's way of writing its clock."""
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="milliseconds")


def parse_instant(value: Any) -> int:
    """Epoch ms from an int/float/numeric string (ms) or a timezone-aware ISO 8601 string."""
    if isinstance(value, bool):
        raise ValueError("expected epoch ms or ISO 8601")
    if isinstance(value, int | float):
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    if isinstance(value, str):
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            raise ValueError("ISO time needs a UTC offset, e.g. 2026-01-05T08:00:00+07:00")
        return int(parsed.timestamp() * 1000)
    raise ValueError("expected epoch ms or ISO 8601")


def new_hex_id() -> str:
    """A 20-hex-char id, the shape of Zalo's ``msg_id`` / ``message_id``."""
    return secrets.token_hex(10)


class Clock:
    """Wall time plus an offset, so the emulator clock both runs and can be moved by tests.

    A running clock keeps token expiry and windows realistic in a long sandbox session; moving it
    (``advance``/``set``) is how tests cross the 48 h / 7 day / curfew boundaries without waiting.
    """

    def __init__(self, start_ms: int | None = None) -> None:
        self._offset_ms = 0 if start_ms is None else start_ms - wall_ms()

    def now_ms(self) -> int:
        return wall_ms() + self._offset_ms

    def advance(self, seconds: float) -> None:
        self._offset_ms += int(seconds * 1000)

    def set(self, epoch_ms: int) -> None:
        self._offset_ms = epoch_ms - wall_ms()
