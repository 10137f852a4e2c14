"""Settings read once from the environment (or `.env`), validated up front.

The table of settings is here (one field per variable, its default, and ``from_env`` naming each
variable); how a raw value is read and checked is in ``bot/config/parse.py``. Bad configuration must stop
start-up with one line naming the variable, so every value is parsed in this package and nowhere else.
Zalo values the reference marks as uncertain (limits, button support, retry ladder) are settings too, so an
operator can adjust them without a release.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, fields, replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.config import cities, parse
from bot.config.parse import DEFAULT_STORY_DOMAINS, WEEKDAYS, ConfigError

__all__ = ["DEFAULT_STORY_DOMAINS", "WEEKDAYS", "ConfigError", "Settings"]

# Sandbox identity: what `dxbot dev` and the emulator use when no Zalo credentials are configured.
SANDBOX_APP_ID = "1000000000000000001"
SANDBOX_OA_ID = "2000000000000000002"
SANDBOX_OA_SECRET = "sandbox-oa-secret"
SANDBOX_APP_SECRET = "sandbox-app-secret"
SANDBOX_ACCESS_TOKEN = "sandbox-access-token"
SANDBOX_REFRESH_TOKEN = "sandbox-refresh-token"
SANDBOX_MODERATOR_ID = "9000000000000000009"

# Defaults of the settings without a dataclass default (CONTRACT §2); every other default is the field's own.
DEFAULT_PORT = 8000
DEFAULT_SCHEDULE = "MON 08:00"
DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"


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
    redis_tls_ca_file: Path | None = None  # CA for a rediss:// REDIS_URL (else the system's CAs are trusted)
    bind_host: str = "127.0.0.1"  # where `dxbot web` listens: loopback in the sandbox whatever BIND_HOST says
    max_body_bytes: int = 64 * 1024
    max_event_age_s: int = 6 * 24 * 3600  # signed events older than this are acknowledged, not processed; 0 = off
    dedupe_ttl_s: int = 7 * 24 * 3600
    max_text_chars: int = 2000
    cs_buttons: bool = True
    form_recheck_s: int = 6 * 3600  # after Zalo refused a form (buttons, image, long text), try it again this late
    event_max_attempts: int = 3
    send_max_attempts: int = 8
    send_backoff_base_s: float = 2.0
    send_backoff_max_s: float = 300.0
    zalo_timeout_s: float = 10.0
    token_refresh_margin_s: int = 3600
    user_lease_s: int = 30
    # a sending process unseen this long is dead: its message in flight is sent again (the kill window)
    proc_alive_ttl_s: float = 10.0
    send_in_flight_max_s: float = 120.0  # a live process's send in flight longer than this is settled "unknown"
    sender_threads: int = 64  # sends in flight at once per `dxbot sender` (each waits on Zalo, not the CPU)
    sender_poll_s: float = 0.02  # how often an idle sender looks for due outboxes
    # after SIGTERM/SIGINT a sender starts sends for at most this long (what is left waits in the outbox), so it
    # exits within a process manager's grace period: this + one Zalo call (ZALO_TIMEOUT_SECONDS + 3 s to connect)
    sender_stop_s: float = 15.0
    drain_linger_s: float = 0.5  # a drain job waits this long for the next drain job before going back to RQ
    log_level: str = "INFO"
    public_url: str | None = None  # https://domain where Zalo reaches /webhook and /oauth/zalo/callback
    verifier_code: str | None = None  # Zalo's domain verification code (serves zalo_verifier<CODE>.html)
    # weekly digest (issue 5): delivery choices, pace, preview and fan-out shape
    digest_max_stories: int = 5
    digest_cs_paid: bool = False  # also use CS messages 48 h–7 d after the last interaction (billed)
    digest_promotion: bool = False  # promotion messages outside the CS window (followers, daytime, quota)
    digest_rate_per_s: float = 20.0  # global pace of digest sends across all workers; 0 = no limit
    digest_preview_before_s: int = 7200  # moderators get the preview this long before the send
    digest_chunks: int = 4  # fan-out jobs per digest (run in parallel on several workers)
    digest_slice_s: float = 5.0  # a fan-out job yields the worker after this long (chat keeps flowing)
    digest_lease_s: int = 30  # a fan-out job silent this long is presumed dead and resumed elsewhere
    # articles and broadcast (issue 14; the values §11 marks uncertain are settings)
    articles: bool = True  # approved stories become OA articles ("Bài viết")
    article_cover_url: str = ""  # cover of articles without a photo (Zalo needs a public photo URL)
    article_verify_tries: int = 8  # verify polls while Zalo processes the article's media
    article_verify_interval_s: float = 3.0
    # a create whose answer was lost is trusted to surface in getslice within this window before another create
    article_reconcile_s: int = 900  # well above Zalo's processing time (clients poll 10-24 s, §11.1)
    article_create_attempts: int = 3  # unconfirmed creates per story before moderators are told
    article_adopt_pages: int = 20  # getslice pages (10 articles each) searched for a create whose answer was lost
    zalo_article_processing_code: int = -214  # verify's "being processed" code [U]
    zalo_broadcast_quota_code: int = -223  # the broadcast quota-spent code [U]
    digest_broadcast: bool = True  # the weekly digest goes out as an article broadcast to all followers
    digest_editions: tuple[str, ...] = ()  # today's provinces that get their own edition (official names)
    broadcast_city_codes: str = "old"  # which Zalo city codes target an edition: the old 63 or new ones [U]
    zalo_cities_file: Path = cities.DEFAULT_FILE  # the table of those codes (content/zalo_cities.toml)
    broadcast_oa_monthly: int = 40  # broadcasts the OA may send per month
    broadcast_quota_reset_day: int = 1  # the OA's quota resets on its package-registration day [S]
    broadcast_follower_monthly: int = 4  # broadcasts one follower may receive per month (verified OA)
    broadcast_review_s: int = 1800  # Zalo's review before a broadcast goes out
    broadcast_hours: tuple[int, int] = (6, 20)  # Zalo delivers broadcasts inside these hours
    # reader stories (issue 4): draft life, limits a citizen is told about, screening, retention of originals
    story_draft_ttl_s: int = 24 * 3600  # an untouched draft expires; the user is told at their next message
    story_max_chars: int = 4000  # whole story text (all messages together)
    story_min_words: int = 5  # fewer words is "not a story yet" (empty / one-word submissions)
    story_max_photos: int = 5
    story_max_links: int = 5  # link attachments per story (links typed in the text count as text)
    story_max_per_day: int = 3  # submissions per user in any 24 h (anti-flood)
    story_link_allowlist: tuple[str, ...] = ("gov.vn", *DEFAULT_STORY_DOMAINS)  # any other link is flagged
    story_original_retention_s: int = 7 * 24 * 3600  # unmasked original kept this long after the decision
    mod_notice_burst_s: int = 300  # new-story notices to a moderator within this window are one message
    mod_window_s: int = 7 * 24 * 3600  # Zalo's window to message a moderator after they last wrote
    story_screen_lock_s: int = 120  # a screening silent this long is presumed dead and re-queued
    story_screen_retry_s: tuple[int, ...] = (10, 60, 300)  # RQ retry delays of a failing screening
    story_screen_max_attempts: int = 5  # screenings started before a story is parked for moderators as is
    media_hosts: tuple[str, ...] = ("zdn.vn", "zadn.vn", "zalo.me")  # where Zalo serves attachments (+ subdomains)
    audit_max_entries: int = 1_000_000  # older audit entries are archived to a file, then trimmed
    audit_max_age_s: int = 400 * 24 * 3600
    router: str = "handlers:build_router"  # "module:function" building the handler set (tests, drills)
    screen_hook: str | None = None  # "module:function" called during story screening (fault injection)

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def backoff_s(self, attempts: int) -> float:
        """How long to wait before attempt `attempts + 1` of a failed send or handler: doubling, capped."""
        return min(self.send_backoff_max_s, self.send_backoff_base_s * 2 ** (attempts - 1))

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
        get = parse.Reader(env)
        d = SimpleNamespace(**{f.name: f.default for f in fields(cls) if f.default is not MISSING})  # one place
        access = get.optional("ZALO_ACCESS_TOKEN")
        refresh = get.optional("ZALO_REFRESH_TOKEN")
        # Live mode needs Zalo credentials: a token pair, or the app secret alone when the pair was granted
        # with `dxbot auth` (it then lives in Redis). Without any of them the bot runs in the sandbox.
        sandbox = not (access or refresh or get.optional("ZALO_APP_SECRET"))
        production = get.boolean("DXBOT_PRODUCTION", False)
        if production and sandbox:
            raise ConfigError("ZALO_APP_SECRET: required when DXBOT_PRODUCTION=1 (production never runs the sandbox)")
        if bool(access) != bool(refresh):
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
        port = get.integer("PORT", DEFAULT_PORT, low=1, high=65535)
        weekday, at = parse.schedule(get.optional("DIGEST_SCHEDULE") or DEFAULT_SCHEDULE)
        timezone = get.optional("TIMEZONE") or DEFAULT_TIMEZONE
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ConfigError(f"TIMEZONE: unknown time zone {timezone!r}") from exc
        moderators = frozenset(x.strip() for x in (get.optional("MODERATOR_IDS") or "").split(",") if x.strip())
        for mid in moderators:
            if not mid.isdigit():
                raise ConfigError(f"MODERATOR_IDS: {mid!r} is not a numeric Zalo user id")
        emulator_port = get.integer("EMULATOR_PORT", port + 1, low=1, high=65535)
        city_file = Path(get.optional("ZALO_CITIES_FILE") or cities.DEFAULT_FILE)
        city_scheme = (get.optional("BROADCAST_CITY_CODES") or d.broadcast_city_codes).strip().lower()
        if city_scheme not in cities.SCHEMES:
            raise ConfigError(f"BROADCAST_CITY_CODES: {city_scheme!r} is not one of {', '.join(cities.SCHEMES)}")
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
            redis_tls_ca_file=parse.redis_tls_ca_file(get.optional("REDIS_TLS_CA_FILE"), get.optional("REDIS_URL")),
            moderator_ids=moderators,
            digest_weekday=weekday,
            digest_time=at,
            timezone=timezone,
            port=port,
            emulator_port=emulator_port,
            var_dir=Path(get.optional("DXBOT_VAR_DIR") or "var"),
            sandbox=sandbox,
            bind_host="127.0.0.1" if sandbox else (get.optional("BIND_HOST") or "0.0.0.0"),
            production=production,
            max_body_bytes=get.integer("WEBHOOK_MAX_BODY_BYTES", d.max_body_bytes, low=1024, high=10 * 1024 * 1024),
            max_event_age_s=get.integer("DXBOT_MAX_EVENT_AGE_SECONDS", d.max_event_age_s, low=0,
                                        high=365 * 24 * 3600),
            router=get.optional("DXBOT_ROUTER") or d.router,
            screen_hook=get.optional("DXBOT_SCREEN_HOOK"),
            dedupe_ttl_s=get.integer("DEDUPE_TTL_SECONDS", d.dedupe_ttl_s, low=60, high=90 * 24 * 3600),
            max_text_chars=get.integer("ZALO_MAX_TEXT_CHARS", d.max_text_chars, low=100, high=2000),
            cs_buttons=get.boolean("ZALO_CS_BUTTONS", d.cs_buttons),
            form_recheck_s=get.integer("ZALO_FORM_RECHECK_SECONDS", d.form_recheck_s, low=1, high=30 * 86400),
            event_max_attempts=get.integer("EVENT_MAX_ATTEMPTS", d.event_max_attempts, low=1, high=20),
            send_max_attempts=get.integer("SEND_MAX_ATTEMPTS", d.send_max_attempts, low=1, high=50),
            send_backoff_base_s=get.number("SEND_BACKOFF_BASE_SECONDS", d.send_backoff_base_s, low=0.01, high=600),
            send_backoff_max_s=get.number("SEND_BACKOFF_MAX_SECONDS", d.send_backoff_max_s, low=0.01, high=86400),
            zalo_timeout_s=get.number("ZALO_TIMEOUT_SECONDS", d.zalo_timeout_s, low=0.1, high=120),
            token_refresh_margin_s=get.integer("TOKEN_REFRESH_MARGIN_SECONDS", d.token_refresh_margin_s, low=0,
                                               high=86400),
            user_lease_s=get.integer("USER_LEASE_SECONDS", d.user_lease_s, low=2, high=3600),
            proc_alive_ttl_s=get.number("PROC_ALIVE_TTL_SECONDS", d.proc_alive_ttl_s, low=2, high=600),
            send_in_flight_max_s=get.number("SEND_IN_FLIGHT_MAX_SECONDS", d.send_in_flight_max_s, low=5, high=86400),
            sender_threads=get.integer("SENDER_THREADS", d.sender_threads, low=1, high=1024),
            sender_poll_s=get.number("SENDER_POLL_SECONDS", d.sender_poll_s, low=0.001, high=5),
            sender_stop_s=get.number("SENDER_STOP_SECONDS", d.sender_stop_s, low=0, high=3600),
            drain_linger_s=get.number("DRAIN_LINGER_SECONDS", d.drain_linger_s, low=0, high=10),
            log_level=(get.optional("LOG_LEVEL") or d.log_level).upper(),
            public_url=parse.public_url(get.optional("PUBLIC_URL")),
            verifier_code=parse.verifier_code(get.optional("ZALO_VERIFIER_CODE")),
            digest_max_stories=get.integer("DIGEST_MAX_STORIES", d.digest_max_stories, low=1, high=10),
            digest_cs_paid=get.boolean("DIGEST_CS_PAID", d.digest_cs_paid),
            digest_promotion=get.boolean("DIGEST_PROMOTION", d.digest_promotion),
            digest_rate_per_s=get.number("DIGEST_RATE_PER_SECOND", d.digest_rate_per_s, low=0, high=10_000),
            digest_preview_before_s=get.integer("DIGEST_PREVIEW_MINUTES", d.digest_preview_before_s // 60, low=0,
                                                high=6 * 24 * 60) * 60,
            digest_chunks=get.integer("DIGEST_FANOUT_JOBS", d.digest_chunks, low=1, high=64),
            digest_slice_s=get.number("DIGEST_SLICE_SECONDS", d.digest_slice_s, low=0.05, high=600),
            digest_lease_s=get.integer("DIGEST_LEASE_SECONDS", d.digest_lease_s, low=1, high=3600),
            articles=get.boolean("ARTICLES", d.articles),
            article_cover_url=get.optional("ARTICLE_COVER_URL") or d.article_cover_url,
            article_verify_tries=get.integer("ARTICLE_VERIFY_TRIES", d.article_verify_tries, low=1, high=100),
            article_verify_interval_s=get.number("ARTICLE_VERIFY_INTERVAL_SECONDS", d.article_verify_interval_s,
                                                 low=0.01, high=60),
            article_reconcile_s=get.integer("ARTICLE_RECONCILE_SECONDS", d.article_reconcile_s, low=60, high=86400),
            article_create_attempts=get.integer("ARTICLE_CREATE_ATTEMPTS", d.article_create_attempts, low=1, high=20),
            article_adopt_pages=get.integer("ARTICLE_ADOPT_PAGES", d.article_adopt_pages, low=1, high=1000),
            zalo_article_processing_code=get.integer("ZALO_ARTICLE_PROCESSING_CODE", d.zalo_article_processing_code,
                                                     low=-100000, high=-1),
            zalo_broadcast_quota_code=get.integer("ZALO_BROADCAST_QUOTA_CODE", d.zalo_broadcast_quota_code,
                                                  low=-100000, high=-1),
            digest_broadcast=get.boolean("DIGEST_BROADCAST", d.digest_broadcast),
            digest_editions=cities.editions(get.optional("DIGEST_EDITIONS"), city_file, city_scheme),
            broadcast_city_codes=city_scheme,
            zalo_cities_file=city_file,
            broadcast_oa_monthly=get.integer("BROADCAST_OA_MONTHLY", d.broadcast_oa_monthly, low=0, high=10_000),
            broadcast_quota_reset_day=get.integer("BROADCAST_QUOTA_RESET_DAY", d.broadcast_quota_reset_day, low=1,
                                                  high=28),
            broadcast_follower_monthly=get.integer("BROADCAST_FOLLOWER_MONTHLY", d.broadcast_follower_monthly, low=0,
                                                   high=31),
            broadcast_review_s=get.integer("BROADCAST_REVIEW_SECONDS", d.broadcast_review_s, low=0, high=86400),
            broadcast_hours=(get.integer("BROADCAST_HOURS_START", d.broadcast_hours[0], low=0, high=23),
                             get.integer("BROADCAST_HOURS_END", d.broadcast_hours[1], low=1, high=24)),
            story_draft_ttl_s=get.integer("STORY_DRAFT_TTL_SECONDS", d.story_draft_ttl_s, low=60, high=30 * 24 * 3600),
            story_max_chars=get.integer("STORY_MAX_CHARS", d.story_max_chars, low=200, high=50_000),
            story_min_words=get.integer("STORY_MIN_WORDS", d.story_min_words, low=1, high=200),
            story_max_photos=get.integer("STORY_MAX_PHOTOS", d.story_max_photos, low=0, high=30),
            story_max_links=get.integer("STORY_MAX_LINKS", d.story_max_links, low=0, high=30),
            story_max_per_day=get.integer("STORY_MAX_PER_DAY", d.story_max_per_day, low=1, high=1000),
            story_link_allowlist=parse.domains("STORY_LINK_ALLOWLIST", get.optional("STORY_LINK_ALLOWLIST")),
            story_original_retention_s=get.integer("STORY_ORIGINAL_RETENTION_SECONDS", d.story_original_retention_s,
                                                   low=0, high=365 * 24 * 3600),
            mod_notice_burst_s=get.integer("MOD_NOTICE_BURST_SECONDS", d.mod_notice_burst_s, low=0, high=24 * 3600),
            mod_window_s=get.integer("MOD_WINDOW_SECONDS", d.mod_window_s, low=60, high=30 * 24 * 3600),
            story_screen_lock_s=get.integer("STORY_SCREEN_LOCK_SECONDS", d.story_screen_lock_s, low=1, high=3600),
            story_screen_retry_s=parse.seconds_list(
                "STORY_SCREEN_RETRY_SECONDS",
                get.optional("STORY_SCREEN_RETRY_SECONDS") or ",".join(map(str, d.story_screen_retry_s))),
            story_screen_max_attempts=get.integer("STORY_SCREEN_MAX_ATTEMPTS", d.story_screen_max_attempts, low=1,
                                                  high=50),
            media_hosts=parse.domains("MEDIA_HOSTS", get.optional("MEDIA_HOSTS"), default=d.media_hosts),
            audit_max_entries=get.integer("AUDIT_MAX_ENTRIES", d.audit_max_entries, low=1000, high=100_000_000),
            audit_max_age_s=get.integer("AUDIT_MAX_AGE_DAYS", d.audit_max_age_s // (24 * 3600), low=1,
                                        high=3650) * 24 * 3600,
        )
