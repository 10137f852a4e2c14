"""The closed set of ways a Zalo call can fail, each saying whether trying again can help.

Zalo answers errors with HTTP 200 and a negative `error` (shared/zalo-oa-api.md §7). The table below
is the only place a code is interpreted; an unknown code is a plain, non-retryable ZaloApiError so a
new code is seen in the logs instead of being retried forever.
"""

from __future__ import annotations


class ZaloError(Exception):
    """Base: `code` is Zalo's error (or a negative pseudo-code for transport failures)."""

    retryable = False

    def __init__(self, code: int, message: str = "") -> None:
        super().__init__(f"zalo error {code}: {message}")
        self.code = code
        self.message = message


class ZaloApiError(ZaloError):
    """Any other refusal: not retried, logged with its code."""


class TokenInvalid(ZaloError):
    """-216/-220: refresh the access token once, then retry once."""

    retryable = True


class TokenRefreshFailed(ZaloError):
    """The refresh token was refused: an OA admin must grant access again."""


class RateLimited(ZaloError):
    """-32: back off and try later."""

    retryable = True


class UserUnreachable(ZaloError):
    """The user cannot get a customer-service message now (window closed, blocked, not a follower)."""


class QuotaExceeded(ZaloError):
    """-211/-218: no quota left for this message type; try another type or later."""


class NightCurfew(ZaloError):
    """-234: this message type may not be sent 22:00–06:00; reschedule after 06:00."""

    retryable = True


class BadRequest(ZaloError):
    """-201/-210/-233/-100: our payload is wrong; retrying the same payload cannot help."""


class NotPermitted(ZaloError):
    """The OA/app lacks a permission, package or verification: an operator must act."""


class ArticleProcessing(ZaloError):
    """An article's media are still being processed: verify again a little later (§11.1)."""

    retryable = True


class BroadcastQuotaExceeded(ZaloError):
    """The OA's monthly broadcast quota is spent: fall back to per-user messages (§11.2)."""


class ZaloUnavailable(ZaloError):
    """HTTP 5xx or a connection that failed before the request was sent: safe to retry."""

    retryable = True


class OutcomeUnknown(ZaloError):
    """The request may have reached Zalo but no answer came (read timeout): never resend blindly."""


_TABLE: dict[int, type[ZaloError]] = {
    -32: RateLimited,
    -100: BadRequest,
    -201: BadRequest,
    -210: BadRequest,
    -233: BadRequest,
    -211: QuotaExceeded,
    -218: QuotaExceeded,
    -216: TokenInvalid,
    -220: TokenInvalid,
    -213: UserUnreachable,
    -217: UserUnreachable,
    -222: UserUnreachable,
    -227: UserUnreachable,
    -230: UserUnreachable,
    -232: UserUnreachable,
    -244: UserUnreachable,
    -234: NightCurfew,
    **{code: NotPermitted for code in (-202, -204, -205, -209, -212, -219, -221, -223, -224, -235, -240,
                                       -242, -248, -320, -321)},
}


def error_for(code: int, message: str = "", overrides: dict[int, type[ZaloError]] | None = None) -> ZaloError:
    """The exception for a Zalo error code. `overrides` carries the codes §11 marks uncertain (article still
    processing, broadcast quota), which are settings, so they win over the fixed table for those calls."""
    cls = (overrides or {}).get(code) or _TABLE.get(code, ZaloApiError)
    return cls(code, message)
