"""How a raw environment value becomes a setting: typed reads with bounds, and the few formats (schedule,
domain lists, URLs) whose errors name the variable, so a bad value stops start-up in one line.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

WEEKDAYS = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")
# Links to these (and to any gov.vn site) are not flagged in reader stories: major state media and portals.
DEFAULT_STORY_DOMAINS = ("chinhphu.vn", "baochinhphu.vn", "dangcongsan.vn", "quochoi.vn", "nhandan.vn", "vtv.vn",
                         "vov.vn", "vietnamplus.vn", "ictvietnam.vn")


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


def redis_tls_ca_file(raw: str | None, redis_url: str | None) -> Path | None:
    """REDIS_TLS_CA_FILE: the CA certificate (PEM) a managed Redis's certificate is checked against, for a
    `rediss://` REDIS_URL whose certificate is not signed by a CA the system already trusts."""
    if raw is None:
        return None
    if not (redis_url or "").startswith("rediss://"):
        raise ConfigError("REDIS_TLS_CA_FILE: set only with a rediss:// REDIS_URL (TLS)")
    path = Path(raw)
    if not path.is_file():
        raise ConfigError(f"REDIS_TLS_CA_FILE: no such file {raw!r}")
    return path


class Reader:
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
        return int(self._bounded(name, default, low, high, int, "a whole number"))

    def number(self, name: str, default: float, *, low: float, high: float) -> float:
        return self._bounded(name, default, low, high, float, "a number")

    def _bounded(self, name: str, default: float, low: float, high: float, parse: type, what: str) -> float:
        raw = self.optional(name)
        if raw is None:
            return default
        try:
            value = parse(raw)
        except ValueError as exc:
            raise ConfigError(f"{name}: expected {what}, got {raw!r}") from exc
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


def public_url(raw: str | None) -> str | None:
    """The bot's public base URL, without a trailing slash (Zalo needs https on a domain name)."""
    if raw is None:
        return None
    if not raw.startswith(("http://", "https://")) or "?" in raw or "#" in raw:
        raise ConfigError(f"PUBLIC_URL: expected like https://bot.example.vn, got {raw!r}")
    return raw.rstrip("/")


def verifier_code(raw: str | None) -> str | None:
    """Zalo's verification codes are letters, digits, '-' and '_'; anything else would not be a file name."""
    if raw is not None and not all(c.isascii() and (c.isalnum() or c in "-_") for c in raw):
        raise ConfigError(f"ZALO_VERIFIER_CODE: only letters, digits, '-' and '_' allowed, got {raw!r}")
    return raw


def schedule(raw: str) -> tuple[int, tuple[int, int]]:
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


def domains(name: str, raw: str | None, *, default: tuple[str, ...] | None = None) -> tuple[str, ...]:
    """A comma-separated list of domain names, each covering its subdomains. Without `default` it is the
    story link allow-list: `gov.vn` always, plus the list (default: major state media and portals)."""
    fallback = DEFAULT_STORY_DOMAINS if default is None else default
    items = fallback if raw is None else tuple(x for x in raw.replace(" ", "").lower().split(",") if x)
    for item in items:
        if not all(part and part.replace("-", "").isalnum() and part.isascii() for part in item.split(".")) \
                or "." not in item:
            raise ConfigError(f"{name}: {item!r} is not a domain name like example.gov.vn")
    return tuple(dict.fromkeys(("gov.vn", *items) if default is None else items))


def seconds_list(name: str, raw: str) -> tuple[int, ...]:
    try:
        values = tuple(int(x) for x in raw.split(",") if x.strip())
    except ValueError as exc:
        raise ConfigError(f"{name}: expected seconds separated by commas, like 10,60,300, got {raw!r}") from exc
    if not values or len(values) > 20 or any(not 0 <= v <= 86400 for v in values):
        raise ConfigError(f"{name}: 1 to 20 delays of 0..86400 seconds, got {raw!r}")
    return values
