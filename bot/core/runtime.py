"""Process-wide objects of a worker process (settings, Redis, Zalo client, router), built once.

RQ imports job functions by path and calls them with plain arguments, so a job finds its
dependencies here. Tests call `configure()` with their own settings before running a worker.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import redis

from bot.config import Settings
from bot.core import refused_forms
from bot.core.ingest import JobWriter
from bot.core.routing import Router
from bot.infra.logs import setup_logging
from bot.infra.redis_conn import connect
from bot.zalo.client import ZaloClient


@dataclass
class Runtime:
    settings: Settings
    redis: redis.Redis
    zalo: ZaloClient
    router: Router
    jobs: JobWriter


_current: Runtime | None = None


def configure(settings: Settings, client: redis.Redis | None = None) -> Runtime:
    """(Re)build the runtime for this process."""
    global _current
    setup_logging(settings.log_level, secrets=(settings.oa_secret_key, settings.app_secret,
                                               settings.access_token, settings.refresh_token))
    client = client or connect(settings)
    refused_forms.forget_cache()  # another Redis, maybe (a test's fresh one): its refusals are read afresh
    jobs = JobWriter(client, user_lease_ms=settings.user_lease_s * 1000)
    _current = Runtime(settings, client, ZaloClient(settings, client), _router(settings), jobs)
    return _current


def _router(settings: Settings) -> Router:
    """`handlers.build_router()`, or the factory named by DXBOT_ROUTER ("module:function"), which lets an
    operator or a test run the same worker with another handler set."""
    module_name, _, func = settings.router.partition(":")
    return getattr(importlib.import_module(module_name), func)()


def get() -> Runtime:
    if _current is None:
        return configure(Settings.from_env())
    return _current
