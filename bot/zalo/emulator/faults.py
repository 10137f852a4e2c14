"""Injected failures (``/_emulator/faults``): what a fault is, the pending list, and how a call is answered.

A fault without ``path`` hits OA API calls only; OAuth paths are hit only when named. Each fault is consumed
in insertion order by the next ``count`` matching calls.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import Response, jsonify, request

from bot.zalo.emulator.errors import OAuthError, ZaloError

log = logging.getLogger(__name__)


@dataclass
class Fault:
    """One injected failure, consumed by the next ``count`` matching Zalo calls (see app docs)."""

    kind: str
    count: int = 1
    path: str | None = None
    error: int = -200
    message: str | None = None
    status: int = 503
    seconds: float = 1.0
    when: str = "after"

    KINDS = ("zalo_error", "http", "delay", "stall")

    @classmethod
    def from_json(cls, raw: Any) -> Fault:
        """Validate a fault given to ``POST /_emulator/faults``; raises ``ValueError`` on nonsense."""
        if not isinstance(raw, dict) or raw.get("kind") not in cls.KINDS:
            raise ValueError(f"each fault needs a kind among {', '.join(cls.KINDS)}")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(raw) - known
        if unknown:
            raise ValueError(f"unknown fault fields: {', '.join(sorted(unknown))}")
        fault = cls(**raw)
        if not isinstance(fault.count, int) or fault.count < 1:
            raise ValueError("count must be a positive integer")
        if fault.when not in ("before", "after"):
            raise ValueError("when must be 'before' or 'after'")
        if not isinstance(fault.seconds, int | float) or not 0 <= fault.seconds <= 120:
            raise ValueError("seconds must be between 0 and 120")
        if not isinstance(fault.error, int) or not isinstance(fault.status, int) or not 100 <= fault.status <= 599:
            raise ValueError("error must be an integer and status an HTTP status code")
        if fault.path is not None and not isinstance(fault.path, str):
            raise ValueError("path must be a string")
        return fault

    def matches(self, path: str, is_oauth: bool) -> bool:
        """A fault without ``path`` hits OA API calls only; OAuth is hit only when named explicitly."""
        if self.path is None:
            return not is_oauth
        return self.path == path

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


class FaultsMixin:
    """The pending faults of the emulator state."""

    _lock: threading.RLock
    faults: list[Fault]

    def add_faults(self, faults: list[Fault]) -> None:
        with self._lock:
            self.faults.extend(faults)

    def list_faults(self) -> list[dict[str, Any]]:
        with self._lock:
            return [f.to_json() for f in self.faults]

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def next_fault(self, path: str, is_oauth: bool) -> Fault | None:
        """Consume one use of the first pending fault that matches this call, in insertion order."""
        with self._lock:
            for fault in self.faults:
                if fault.matches(path, is_oauth):
                    fault.count -= 1
                    if fault.count <= 0:
                        self.faults.remove(fault)
                    return dataclasses.replace(fault)
            return None


def apply_fault(fault: Fault | None, run: Callable[[], Response], stop: threading.Event, *,
                oauth: bool = False) -> Response:
    """Answer a call as the pending fault says; ``run`` does the real work when the fault allows it.

    Waits end early when ``stop`` is set, so delayed answers never outlive a test."""

    if fault is None:
        return run()
    log.info("emulator fault %s on %s", fault.kind, request.path)
    if fault.kind == "zalo_error":
        text = fault.message or ZaloError(fault.error).message
        if oauth:
            return jsonify(OAuthError(fault.error, text, text).body())
        return jsonify({"error": fault.error, "message": text})
    if fault.kind == "http":
        return Response(fault.message or "Service Unavailable", status=fault.status, mimetype="text/plain")
    if fault.kind == "stall":
        stop.wait(fault.seconds)
        return Response("Gateway Time-out", status=504, mimetype="text/plain")
    if fault.when == "before":
        stop.wait(fault.seconds)
        return run()
    answer = run()
    stop.wait(fault.seconds)
    return answer
