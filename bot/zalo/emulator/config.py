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

    @property
    def tz(self) -> ZoneInfo:
        """The zone of Zalo's calendar rules (curfew, daily and monthly quotas)."""
        return ZoneInfo(self.timezone)
