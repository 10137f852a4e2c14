"""The emulator's settings (:class:`EmulatorConfig`) and the sandbox credentials it starts with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time as dtime
from zoneinfo import ZoneInfo

SANDBOX_APP_ID = "1000000000000000001"
SANDBOX_OA_ID = "2000000000000000002"
SANDBOX_OA_SECRET_KEY = "sandbox-oa-secret"
SANDBOX_APP_SECRET = "sandbox-app-secret"
SANDBOX_ACCESS_TOKEN = "sandbox-access-token"
SANDBOX_REFRESH_TOKEN = "sandbox-refresh-token"


@dataclass(frozen=True)
class EmulatorConfig:
    """Everything that differs between one emulator and another; defaults are the sandbox values.

    ``app_id`` and ``oa_secret_key`` sign webhook events (§1.2); ``app_secret`` is the ``secret_key``
    header expected on token calls (§5); the token pair is the one valid at start-up.
    """

    app_id: str = SANDBOX_APP_ID
    oa_id: str = SANDBOX_OA_ID
    oa_secret_key: str = SANDBOX_OA_SECRET_KEY
    app_secret: str = SANDBOX_APP_SECRET
    webhook_url: str = ""
    access_token: str = SANDBOX_ACCESS_TOKEN
    refresh_token: str = SANDBOX_REFRESH_TOKEN
    access_token_ttl_s: int = 90_000
    refresh_token_ttl_s: int = 90 * 86_400
    rate_limit_per_s: float | None = None
    cs_free_hours: int = 48
    cs_free_replies: int = 8
    cs_sub_quota_monthly: int = 2000
    interaction_window_days: int = 7
    promotion_daily_per_user: int = 1
    promotion_monthly_per_user: int = 4
    curfew_start: dtime = dtime(22, 0)
    curfew_end: dtime = dtime(6, 0)
    timezone: str = "Asia/Ho_Chi_Minh"
    max_text_chars: int = 2000
    max_buttons: int = 5
    max_image_bytes: int = 1_000_000
    max_file_bytes: int = 5_000_000
    attachment_ttl_days: int = 7
    webhook_timeout_s: float = 5.0
    clock_start_ms: int | None = None
    refuse: tuple[str, ...] = ()  # forms refused for the whole run (emulator/refusals.py)
    send_latency_s: float = 0.0  # every message send is answered this late (a remote Zalo; faults come on top)
    # Articles and broadcast (zalo-oa-api.md §11); [U] uncertain, [S] single-source, [C] confirmed.
    article_processing_s: float = 4.0  # verify fails until then after create/update: [C] that it exists, [U] how long
    article_processing_error: int = -214  # [U] verify's code while processing ("Media is being processed")
    article_title_max_chars: int = 150  # [C] ≤150, yet [S] a title of exactly 150 was rejected
    article_body_max_chars: int = 20_000  # [U] no source gives the body limit
    article_cover_must_show: bool = True  # [S] 2026 probe: cover is mandatory with status "show"
    broadcast_review_s: float = 1800.0  # [C] "about 30 min" of Zalo review before delivery
    broadcast_hours_start: int = 6  # [S] deliveries only 06:00-20:00; later ones wait for the next morning
    broadcast_hours_end: int = 20
    broadcast_follower_daily: int = 1  # [C] per follower per day
    broadcast_follower_monthly: int = 4  # [C] verified OA; [S] by package: Basic 1, Advanced 4, Premium 6
    broadcast_oa_monthly: int = 40  # [C] broadcast contents per OA per month (package-dependent)
    broadcast_quota_reset_day: int = 1  # [S] the OA quota resets on the package-registration day
    broadcast_quota_error: int = -223  # [U] the code when the OA's monthly quota is spent
    broadcast_max_articles: int = 5  # [U] articles per broadcast call (G: 5; R2 sends one)
    broadcast_int_targets: bool = True  # [U] whether integer target codes are accepted besides strings
    broadcast_platform_keys: tuple[str, ...] = ("platform", "platforms")  # [U] which key the server reads

    @property
    def tz(self) -> ZoneInfo:
        """The zone of Zalo's calendar rules (curfew, daily and monthly quotas)."""
        return ZoneInfo(self.timezone)


# Settings ``POST /_emulator/config`` may change at run time, with the type each must have.
TUNABLE: dict[str, type] = {
    "send_latency_s": float,
    "article_processing_s": float, "article_processing_error": int, "article_title_max_chars": int,
    "article_body_max_chars": int, "article_cover_must_show": bool, "broadcast_review_s": float,
    "broadcast_hours_start": int, "broadcast_hours_end": int, "broadcast_follower_daily": int,
    "broadcast_follower_monthly": int, "broadcast_oa_monthly": int, "broadcast_quota_reset_day": int,
    "broadcast_quota_error": int, "broadcast_max_articles": int, "broadcast_int_targets": bool,
    "broadcast_platform_keys": tuple,
}


def tunable_changes(body: dict[str, object]) -> dict[str, object]:
    """The :data:`TUNABLE` settings in ``body``, checked; raises ``ValueError`` naming the bad one."""
    changes: dict[str, object] = {}
    for key, kind in TUNABLE.items():
        if key not in body:
            continue
        value = body[key]
        if kind is bool:
            ok = isinstance(value, bool)
        elif kind is tuple:
            ok = isinstance(value, list) and all(isinstance(v, str) and v for v in value)
            if ok and isinstance(value, list):
                value = tuple(value)
        elif kind is float:
            ok = isinstance(value, int | float) and not isinstance(value, bool) and value >= 0
        else:
            ok = (isinstance(value, int) and not isinstance(value, bool)
                  and (value < 0 if key.endswith("_error") else value >= 0))
        if not ok:
            raise ValueError(f"{key} must be {_KIND_WORDS[kind]}" + (" (negative)" if key.endswith("_error") else ""))
        changes[key] = value
    hours = (changes.get("broadcast_hours_start", -1), changes.get("broadcast_hours_end", -1))
    if any(isinstance(h, int) and h != -1 and not 0 <= h <= 24 for h in hours):  # ints: checked above
        raise ValueError("broadcast_hours_start and broadcast_hours_end are hours 0-24")
    day = changes.get("broadcast_quota_reset_day", 1)
    if isinstance(day, int) and not 1 <= day <= 28:  # an int: checked above
        raise ValueError("broadcast_quota_reset_day must be 1-28")
    return changes


_KIND_WORDS = {bool: "true or false", tuple: "a list of strings", float: "a number ≥ 0", int: "an integer"}
