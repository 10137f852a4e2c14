"""Settings read once from the environment (or `.env`), validated up front.

Bad configuration must stop start-up with one line naming the variable, so every value is parsed here
and nowhere else. Zalo values the reference marks as uncertain (limits, button support, retry ladder)
are settings too, so an operator can adjust them without a release.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Sandbox identity: what `dxbot dev` and the emulator use when no Zalo credentials are configured.
SANDBOX_APP_ID = "1000000000000000001"
SANDBOX_OA_ID = "2000000000000000002"
SANDBOX_OA_SECRET = "sandbox-oa-secret"
SANDBOX_APP_SECRET = "sandbox-app-secret"
SANDBOX_ACCESS_TOKEN = "sandbox-access-token"
SANDBOX_REFRESH_TOKEN = "sandbox-refresh-token"
SANDBOX_MODERATOR_ID = "9000000000000000009"

WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    """Everything the processes need, immutable once built."""

    app_id: str
    oa_secret_key: str
    app_secret: str
    access_token: str | None
    refresh_token: str | None
    api_base: str
    oauth_base: str
    redis_url: str | None
    moderator_ids: frozenset[str]
    digest_weekday: int
    digest_time: tuple[int, int]
    timezone: str
    port: int
    emulator_port: int
    var_dir: Path
    sandbox: bool
    production: bool
    max_body_bytes: int = 64 * 1024
    dedupe_ttl_s: int = 7 * 24 * 3600
    max_text_chars: int = 2000
    cs_buttons: bool = True
    event_max_attempts: int = 3
    send_max_attempts: int = 8
    send_backoff_base_s: float = 2.0
    send_backoff_max_s: float = 300.0
    zalo_timeout_s: float = 10.0
    token_refresh_margin_s: int = 3600
    user_lease_s: int = 30
    log_level: str = "INFO"
    extra: Mapping[str, str] = field(default_factory=dict)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def with_overrides(self, **changes: Any) -> Settings:
        """A copy with some values replaced (tests and `dxbot dev` use it)."""
        return replace(self, **changes)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, *, load_dotenv_file: bool = True) -> Settings:
        """Build settings from the environment; raises ConfigError naming the first bad variable."""
        if env is None:
            if load_dotenv_file:
                from dotenv import load_dotenv

                load_dotenv(override=False)
            env = os.environ
        get = _Reader(env)
        access = get.optional("ZALO_ACCESS_TOKEN")
        refresh = get.optional("ZALO_REFRESH_TOKEN")
        sandbox = not (access or refresh)
        production = get.boolean("DXBOT_PRODUCTION", False)
        if production and sandbox:
            raise ConfigError("ZALO_ACCESS_TOKEN/ZALO_REFRESH_TOKEN: required when DXBOT_PRODUCTION=1")
        if not sandbox and not (access and refresh):
            raise ConfigError("ZALO_REFRESH_TOKEN: set both ZALO_ACCESS_TOKEN and ZALO_REFRESH_TOKEN, or neither")
        app_id = get.optional("ZALO_APP_ID") or (SANDBOX_APP_ID if sandbox else get.required("ZALO_APP_ID"))
        oa_secret = get.optional("ZALO_OA_SECRET_KEY") or (
            SANDBOX_OA_SECRET if sandbox else get.required("ZALO_OA_SECRET_KEY")
        )
        app_secret = get.optional("ZALO_APP_SECRET") or (
            SANDBOX_APP_SECRET if sandbox else get.required("ZALO_APP_SECRET")
        )
        if not app_id.isdigit():
            raise ConfigError(f"ZALO_APP_ID: must be the numeric Zalo app id, got {app_id!r}")
        port = get.integer("PORT", 8000, low=1, high=65535)
        weekday, at = _parse_schedule(get.optional("DIGEST_SCHEDULE") or "MON 08:00")
        timezone = get.optional("TIMEZONE") or "Asia/Ho_Chi_Minh"
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(f"TIMEZONE: unknown time zone {timezone!r}") from exc
        moderators = frozenset(x.strip() for x in (get.optional("MODERATOR_IDS") or "").split(",") if x.strip())
        for mid in moderators:
            if not mid.isdigit():
                raise ConfigError(f"MODERATOR_IDS: {mid!r} is not a numeric Zalo user id")
        port_early = get.integer("PORT", 8000, low=1, high=65535)
        emulator_port = get.integer("EMULATOR_PORT", port_early + 1, low=1, high=65535)
        local_emulator = f"http://127.0.0.1:{emulator_port}"
        if sandbox:
            # The local emulator issues these; the bot must still go through a real token exchange.
            access, refresh = SANDBOX_ACCESS_TOKEN, SANDBOX_REFRESH_TOKEN
            if not moderators:
                moderators = frozenset({SANDBOX_MODERATOR_ID})
        return cls(
            app_id=app_id,
            oa_secret_key=oa_secret,
            app_secret=app_secret,
            access_token=access,
            refresh_token=refresh,
            api_base=(get.optional("ZALO_API_BASE")
                      or (local_emulator if sandbox else "https://openapi.zalo.me")).rstrip("/"),
            oauth_base=(get.optional("ZALO_OAUTH_BASE")
                        or (local_emulator if sandbox else "https://oauth.zaloapp.com")).rstrip("/"),
            redis_url=get.optional("REDIS_URL"),
            moderator_ids=moderators,
            digest_weekday=weekday,
            digest_time=at,
            timezone=timezone,
            port=port,
            emulator_port=emulator_port,
            var_dir=Path(get.optional("DXBOT_VAR_DIR") or "var"),
            sandbox=sandbox,
            production=production,
            max_body_bytes=get.integer("WEBHOOK_MAX_BODY_BYTES", 64 * 1024, low=1024, high=10 * 1024 * 1024),
            dedupe_ttl_s=get.integer("DEDUPE_TTL_SECONDS", 7 * 24 * 3600, low=60, high=90 * 24 * 3600),
            max_text_chars=get.integer("ZALO_MAX_TEXT_CHARS", 2000, low=100, high=2000),
            cs_buttons=get.boolean("ZALO_CS_BUTTONS", True),
            event_max_attempts=get.integer("EVENT_MAX_ATTEMPTS", 3, low=1, high=20),
            send_max_attempts=get.integer("SEND_MAX_ATTEMPTS", 8, low=1, high=50),
            send_backoff_base_s=get.number("SEND_BACKOFF_BASE_SECONDS", 2.0, low=0.01, high=600),
            send_backoff_max_s=get.number("SEND_BACKOFF_MAX_SECONDS", 300.0, low=0.01, high=86400),
            zalo_timeout_s=get.number("ZALO_TIMEOUT_SECONDS", 10.0, low=0.1, high=120),
            token_refresh_margin_s=get.integer("TOKEN_REFRESH_MARGIN_SECONDS", 3600, low=0, high=86400),
            user_lease_s=get.integer("USER_LEASE_SECONDS", 30, low=2, high=3600),
            log_level=(get.optional("LOG_LEVEL") or "INFO").upper(),
            extra={k: v for k, v in env.items() if k.startswith("DXBOT_")},
        )


class _Reader:
    """Typed access to the environment with errors that name the variable."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = env

    def optional(self, name: str) -> str | None:
        value = self.env.get(name, "").strip()
        return value or None

    def required(self, name: str) -> str:
        value = self.optional(name)
        if value is None:
            raise ConfigError(f"{name}: required when Zalo credentials are set")
        return value

    def integer(self, name: str, default: int, *, low: int, high: int) -> int:
        raw = self.optional(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError as exc:
            raise ConfigError(f"{name}: expected a whole number, got {raw!r}") from exc
        if not low <= value <= high:
            raise ConfigError(f"{name}: {value} is outside {low}..{high}")
        return value

    def number(self, name: str, default: float, *, low: float, high: float) -> float:
        raw = self.optional(name)
        if raw is None:
            return default
        try:
            value = float(raw)
        except ValueError as exc:
            raise ConfigError(f"{name}: expected a number, got {raw!r}") from exc
        if not low <= value <= high:
            raise ConfigError(f"{name}: {value} is outside {low}..{high}")
        return value

    def boolean(self, name: str, default: bool) -> bool:
        raw = self.optional(name)
        if raw is None:
            return default
        if raw.lower() in ("1", "true", "yes", "on"):
            return True
        if raw.lower() in ("0", "false", "no", "off"):
            return False
        raise ConfigError(f"{name}: expected 1/0/true/false, got {raw!r}")


def _parse_schedule(raw: str) -> tuple[int, tuple[int, int]]:
    parts = raw.upper().split()
    try:
        day, clock = parts
        weekday = WEEKDAYS.index(day[:3])
        hour_s, minute_s = clock.split(":")
        hour, minute = int(hour_s), int(minute_s)
        if not (0 <= hour < 24 and 0 <= minute < 60):
            raise ValueError
    except ValueError as exc:
        raise ConfigError(f"DIGEST_SCHEDULE: expected like 'MON 08:00', got {raw!r}") from exc
    return weekday, (hour, minute)
