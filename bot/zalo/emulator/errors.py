"""Zalo's error answers as exceptions: OA API codes (§7), OAuth codes (§5), bad control requests."""

from __future__ import annotations

from typing import Any

# Zalo's own wording where known (shared/zalo-oa-api.md §7); the emulator answers with these texts.
ERROR_MESSAGES: dict[int, str] = {
    0: "Success",
    -32: "Your application/OA reached limit call api",
    -100: "attachment_id was expired",
    -200: "Send message failed",
    -201: "Parameters are invalid",
    -210: "Parameter exceeds allowed limit",
    -211: "Out of quota",
    -213: "User has not followed the OA",
    -216: "Access token is invalid",
    -218: "Out of quota for receiving",
    -220: "access_token is expired or removed",
    -230: "User has not interacted with the OA in the past 7 days",
    -233: "Message type is invalid or not supported",
    -234: "This message type cannot be sent at night (22:00-06:00)",
}


class ZaloError(Exception):
    """A rule or validation failure, answered as ``{"error": code, "message": ...}`` with HTTP 200."""

    def __init__(self, code: int, message: str | None = None) -> None:
        self.code = code
        self.message = message or ERROR_MESSAGES.get(code, "Unknown error")
        super().__init__(f"{code}: {self.message}")


class OAuthError(Exception):
    """An OAuth failure: Zalo answers these without ``access_token`` and with ``error_name`` (§5)."""

    def __init__(self, code: int, name: str, description: str) -> None:
        self.code = code
        self.name = name
        self.description = description
        super().__init__(f"{code}: {name}")

    def body(self) -> dict[str, Any]:
        """The JSON body Zalo's OAuth server sends on failure."""
        return {"error": self.code, "error_name": self.name, "error_description": self.description}


class BadRequest(Exception):
    """A malformed ``/_emulator`` request (answered 400 with a plain reason)."""
