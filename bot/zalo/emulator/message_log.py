"""The emulator's log of sent messages, kept compactly so a digest to 100,000 subscribers fits in a few MB.

Zalo keeps what it delivered; the emulator keeps it too, for `/_emulator/messages?user_id=` and the tests. As
plain dicts, one per message, the log of a 100,000-recipient digest took about 300 MB (each copy held its own
1–2 KB text, its own dict and an ISO time string), which made the emulator the largest process of the bench.
Here a message is one small tuple: the user, the time in ms, the id as an int, and a payload (endpoint, text,
buttons, ...) shared by every message that carries the same one. Listing rebuilds the dicts the API always
returned, in the same key order.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from bot.zalo.emulator.clock import ms_to_iso, new_hex_id

ID_HEX_DIGITS = 20  # new_hex_id's length

Row = tuple[str, int, int, dict[str, Any]]  # user id, at (emulator ms), message id, shared payload


class MessageLog:
    """Append-only list of sent messages (until cleared); identical payloads are stored once."""

    def __init__(self) -> None:
        self._rows: list[Row] = []
        self._payloads: dict[tuple[tuple[str, Any], ...], dict[str, Any]] = {}

    def append(self, entry: dict[str, Any], at_ms: int) -> dict[str, Any]:
        """Log `entry` (with `user_id`) as sent at `at_ms`; returns it stamped with `at` and `message_id`."""
        payload = {k: v for k, v in entry.items() if k != "user_id"}
        shared = self._payloads.setdefault(_key(payload), payload)
        row = (entry["user_id"], at_ms, int(new_hex_id(), 16), shared)
        self._rows.append(row)
        return _as_dict(row)

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (_as_dict(row) for row in self._rows)

    def indexed(self, user_id: str | None) -> Iterator[tuple[int, dict[str, Any]]]:
        """(place in the log, message) of the messages sent to `user_id` (all of them for None), oldest first."""
        return ((index, _as_dict(row)) for index, row in enumerate(self._rows) if user_id is None or row[0] == user_id)

    def clear(self) -> None:
        self._rows.clear()
        self._payloads.clear()


def _key(payload: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """A hashable form of the payload; the text itself is shared with the payload, not copied."""
    return tuple((k, v if isinstance(v, str | int | float | None) else json.dumps(v, sort_keys=True))
                 for k, v in payload.items())


def _as_dict(row: Row) -> dict[str, Any]:
    user_id, at_ms, message_id, payload = row
    return {"user_id": user_id, **_copy(payload), "at": ms_to_iso(at_ms),
            "message_id": f"{message_id:0{ID_HEX_DIGITS}x}"}


def _copy(payload: dict[str, Any]) -> dict[str, Any]:
    """A copy a caller may change without changing the other messages that share the payload."""
    return {k: json.loads(json.dumps(v)) if isinstance(v, list | dict) else v for k, v in payload.items()}
