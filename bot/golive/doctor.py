"""`dxbot doctor`: is this deployment ready for Zalo, and if not, what exactly to fix.

Each check returns findings (ok / warn / fail / skip) with a plain-words fix. Only FAIL makes the exit
code non-zero: a warning is something to know, not something broken. Nothing here prints a token.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable
from urllib.parse import urlsplit

import redis
import requests

from bot.config import ConfigError, Settings
from bot.core.ingest import QUEUE_NAME
from bot.golive.remote_checks import Finding, RemoteChecks
from bot.infra import keys
from bot.infra.redis_conn import connect, redis_url

MIN_REDIS = (6, 2)
RECOMMENDED_REDIS = (7, 2)
OVERDUE_PENDING_MS = 10 * 60 * 1000  # longer than the longest send backoff: the sweeper is not running
SLOW_QUEUE_S = 60


class Doctor(RemoteChecks):
    """Runs the checks in order; later checks skip themselves when what they need is broken."""

    def __init__(self, settings: Settings, *, refresh: bool = False, session: requests.Session | None = None,
                 probe: bool = False, probe_to: str | None = None) -> None:
        self.settings = settings
        self.refresh = refresh
        self.probe = probe
        self.probe_to = probe_to
        self.session = session or requests.Session()
        self.findings: list[Finding] = []
        self.redis: redis.Redis | None = None

    def add(self, level: str, area: str, text: str, fix: str | None = None) -> None:
        self.findings.append(Finding(level, area, text, fix))

    def run(self) -> list[Finding]:
        checks: list[Callable[[], None]] = [self.configuration, self.redis_server, self.token, self.webhook,
                                            self.queue, self.failures]
        if self.probe:
            checks.append(self.forms)
        for check in checks:
            try:
                check()
            except Exception as exc:  # noqa: BLE001 - a check that crashes is a finding, not a crash
                self.add("fail", check.__name__, f"the check itself failed: {type(exc).__name__}: {exc}",
                         "report this output to the developers")
        return self.findings

    # ---- configuration ---------------------------------------------------------------------------

    def configuration(self) -> None:
        s = self.settings
        if s.sandbox:
            self.add("ok", "configuration", f"sandbox mode: the local Zalo emulator at {s.api_base} stands in for "
                     "Zalo (set ZALO_APP_ID, ZALO_OA_SECRET_KEY and ZALO_APP_SECRET to go live)")
        else:
            self.add("ok", "configuration", f"live mode: Zalo API {s.api_base}, app id {s.app_id}")
            if not s.production:
                self.add("warn", "configuration", "DXBOT_PRODUCTION is not set",
                         "set DXBOT_PRODUCTION=1 on production machines: the sandbox chat and the emulator then "
                         "can never start there")
            if not s.moderator_ids:
                self.add("warn", "configuration", "MODERATOR_IDS is empty: nobody can approve stories",
                         "set MODERATOR_IDS to the Zalo user ids of your moderators, comma-separated")
        if s.public_url is None:
            if not s.sandbox:
                self.add("fail", "configuration", "PUBLIC_URL is not set",
                         "set PUBLIC_URL to the https address Zalo will call, e.g. https://dxbot.example.gov.vn")
            return
        parts = urlsplit(s.public_url)
        if parts.scheme != "https":
            self.add("fail", "configuration", f"PUBLIC_URL {s.public_url} is not https",
                     "Zalo only calls webhooks over HTTPS: put the bot behind a TLS proxy and use its https URL")
        if parts.port is not None or _is_ip(parts.hostname or ""):
            self.add("warn", "configuration", f"PUBLIC_URL {s.public_url} uses an IP address or a port",
                     "Zalo asks for a domain name without a port (https://your-domain/webhook)")

    # ---- Redis -----------------------------------------------------------------------------------

    def redis_server(self) -> None:
        where = _without_password(redis_url(self.settings))
        client = connect(self.settings, socket_timeout=3)
        try:
            client.ping()
        except (redis.RedisError, OSError) as exc:
            self.add("fail", "redis", f"cannot reach Redis at {where} ({type(exc).__name__})",
                     "start Redis, or fix REDIS_URL (for `dxbot dev` without REDIS_URL: use the same DXBOT_VAR_DIR)")
            return
        self.redis = client
        server = client.info("server")
        version = str(server.get("redis_version", "0"))
        numbers = tuple(int(x) for x in version.split(".")[:2] if x.isdigit())
        if numbers < MIN_REDIS:
            self.add("fail", "redis", f"Redis {version} at {where} is too old",
                     "RQ needs Redis 6.2 or newer: upgrade (7.2+, 8.x or Valkey recommended)")
        else:
            self.add("ok", "redis", f"Redis {version} at {where}")
            if numbers < RECOMMENDED_REDIS and not self.settings.sandbox:
                self.add("warn", "redis", f"Redis {version} is past its maintenance",
                         "plan an upgrade to a maintained Redis 7.2+/8.x or Valkey")
        persistence = client.info("persistence")
        if str(persistence.get("aof_enabled", "0")) != "1":
            self.add("fail", "redis", "append-only persistence is off: a Redis restart would lose queued events "
                     "and submissions", "set `appendonly yes` (and `appendfsync everysec`) in redis.conf, or "
                     "turn on AOF persistence in your managed Redis")
        elif persistence.get("aof_last_write_status", "ok") != "ok":
            self.add("fail", "redis", "the last append-only write failed", "check the Redis disk (full? read-only?)")
        else:
            self.add("ok", "redis", "append-only persistence is on")
        policy = client.info("memory").get("maxmemory_policy", "noeviction")
        if policy != "noeviction":
            self.add("fail", "redis", f"maxmemory-policy is {policy}: Redis may silently delete queued jobs",
                     "set `maxmemory-policy noeviction`")

    # ---- queue and failures ----------------------------------------------------------------------

    def queue(self) -> None:
        if self.redis is None:
            self.add("skip", "queue", "skipped: Redis is not reachable")
            return
        from rq import Queue, Worker

        queue = Queue(QUEUE_NAME, connection=self.redis)
        workers = [w for w in Worker.all(connection=self.redis) if QUEUE_NAME in w.queue_names()]
        depth = queue.count
        if not workers:
            self.add("fail", "queue", f"no worker is running ({depth} job(s) waiting)",
                     "start `dxbot worker` (Procfile `worker`); run several on several machines for more capacity")
        else:
            self.add("ok", "queue", f"{len(workers)} worker(s) running, {depth} job(s) waiting")
        oldest = queue.get_job_ids(0, 1)
        if oldest:
            job = queue.fetch_job(oldest[0])
            if job is not None and job.enqueued_at is not None:
                age = time.time() - job.enqueued_at.timestamp()
                if age > SLOW_QUEUE_S:
                    self.add("warn", "queue", f"the oldest job has waited {age:.0f} s",
                             "start more `dxbot worker` processes")
        now_ms = int(time.time() * 1000)
        overdue = self.redis.zcount(keys.PENDING_USERS, "-inf", now_ms - OVERDUE_PENDING_MS)
        if overdue:
            self.add("fail", "queue", f"{overdue} user(s) have had work due for over 10 minutes",
                     "start `dxbot scheduler` (Procfile `scheduler`): it hands due work to the workers")

    def failures(self) -> None:
        if self.redis is None:
            self.add("skip", "failed jobs", "skipped: Redis is not reachable")
            return
        from rq.registry import FailedJobRegistry

        dead_events = self.redis.hlen(keys.DEAD_EVENTS)
        dead_sends = self.redis.hlen(keys.DEAD_SENDS)
        failed_jobs = FailedJobRegistry(QUEUE_NAME, connection=self.redis).count
        if dead_events or dead_sends:
            self.add("fail", "failed jobs", f"{dead_events} event(s) and {dead_sends} send(s) failed for good",
                     "see them with `dxbot events replay --list`, fix the cause (logs), then `dxbot events replay`")
        else:
            self.add("ok", "failed jobs", "no event or send failed for good")
        if failed_jobs:
            self.add("warn", "failed jobs", f"{failed_jobs} background job(s) failed (RQ failed registry)",
                     "inspect them with `rq info` / the worker logs")


    # ---- which message forms Zalo accepts (--probe) --------------------------------------------------

    def forms(self) -> None:
        if self.redis is None:
            self.add("skip", "probe", "skipped: Redis is not reachable")
            return
        from bot.golive.probe import probe
        from bot.zalo.client import ZaloClient

        probe(self.settings, self.redis, ZaloClient(self.settings, self.redis, self.session), self.add,
              to=self.probe_to)


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        netloc = f"{parts.username or ''}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
        return parts._replace(netloc=netloc).geturl()
    return url


LABELS = {"ok": "ok  ", "warn": "WARN", "fail": "FAIL", "skip": "skip"}


def report(findings: list[Finding]) -> str:
    lines = []
    for f in findings:
        lines.append(f"  {LABELS[f.level]}  {f.area:<13} {f.text}")
        if f.fix and f.level in ("warn", "fail"):
            lines.append(f"  {'':4}  {'':<13} -> {f.fix}")
    fails = sum(1 for f in findings if f.level == "fail")
    warns = sum(1 for f in findings if f.level == "warn")
    if fails:
        lines.append(f"{fails} problem(s), {warns} warning(s): fix the FAIL lines above, "
                     "then run `dxbot doctor` again.")
    else:
        lines.append(f"All good ({warns} warning(s)).")
    return "\n".join(lines)


def run(*, refresh: bool, probe: bool = False, probe_to: str | None = None) -> int:
    """The command: settings → checks → report; exit 1 when anything failed."""
    try:
        settings = Settings.from_env()
    except ConfigError as exc:
        print(f"  FAIL  configuration {exc}\n  {'':4}  {'':<13} -> fix that variable (environment or .env)")
        print("1 problem(s): fix the FAIL lines above, then run `dxbot doctor` again.")
        return 1
    print("dxbot doctor: checking configuration, Redis, the Zalo token, the webhook URL and the queue")
    findings = Doctor(settings, refresh=refresh, probe=probe or probe_to is not None, probe_to=probe_to).run()
    print(report(findings))
    return 1 if any(f.level == "fail" for f in findings) else 0
