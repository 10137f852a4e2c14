"""The web process: `create_app()` is what gunicorn serves (Procfile `web`)."""

from __future__ import annotations

import json
from dataclasses import dataclass

import redis
from flask import Flask, Response, current_app

from bot.config import Settings
from bot.core.ingest import JobWriter
from bot.infra import metrics
from bot.infra.logs import setup_logging
from bot.infra.redis_conn import connect
from bot.zalo import cover


@dataclass
class WebRuntime:
    """What request handlers need, kept in `app.extensions["dxbot"]` rather than in globals."""

    settings: Settings
    redis: redis.Redis
    jobs: JobWriter | _LazyJobWriter
    max_event_age_ms: int


def create_app(settings: Settings | None = None, client: redis.Redis | None = None) -> Flask:
    """App factory: settings from the environment unless injected (tests inject them)."""
    settings = settings or Settings.from_env()
    setup_logging(settings.log_level, secrets=(settings.oa_secret_key, settings.app_secret,
                                               settings.access_token, settings.refresh_token))
    client = client or connect(settings, socket_timeout=1.5)
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = None  # the webhook enforces its own limit with a 413 of ours
    try:
        jobs: JobWriter | _LazyJobWriter = JobWriter(client, dedupe_ttl_s=settings.dedupe_ttl_s)
    except redis.RedisError:
        jobs = _LazyJobWriter(client, settings.dedupe_ttl_s)
    app.extensions["dxbot"] = WebRuntime(settings, client, jobs, settings.max_event_age_s * 1000)

    from bot.core.webhook import WebhookMiddleware

    app.wsgi_app = WebhookMiddleware(app.wsgi_app, app.extensions["dxbot"])  # Flask's documented middleware hook
    app.add_url_rule("/healthz", "healthz", healthz)
    app.add_url_rule("/metrics", "metrics", metrics_endpoint)
    app.add_url_rule(cover.PATH, "article_cover", article_cover)
    _register_golive(app, settings)
    return app


def _register_golive(app: Flask, settings: Settings) -> None:
    """OAuth callback and domain verification always; the sandbox web chat never in production."""
    from bot.golive.web import bp as golive_bp
    from bot.golive.web import register_verifier

    app.register_blueprint(golive_bp)
    if settings.verifier_code:
        register_verifier(app, settings.verifier_code)
    if settings.sandbox and not settings.production:
        from bot.sandbox.web import bp as sandbox_bp

        app.register_blueprint(sandbox_bp)


class _LazyJobWriter:
    """Lets the web process start while Redis is down (answering 503) and connect once it is back."""

    def __init__(self, client: redis.Redis, dedupe_ttl_s: int) -> None:
        self.client = client
        self.dedupe_ttl_s = dedupe_ttl_s
        self.inner: JobWriter | None = None

    def ingest(self, *, event_key: str, user_id: str, timestamp_ms: int, member: str) -> int:
        if self.inner is None:
            self.inner = JobWriter(self.client, dedupe_ttl_s=self.dedupe_ttl_s)
        return self.inner.ingest(event_key=event_key, user_id=user_id, timestamp_ms=timestamp_ms, member=member)


def healthz() -> Response:
    runtime = current_app.extensions["dxbot"]
    try:
        runtime.redis.ping()
        depth = runtime.redis.llen("rq:queue:dxbot")
    except redis.RedisError as exc:
        body = {"status": "unavailable", "redis": type(exc).__name__}
        return Response(json.dumps(body), status=503, mimetype="application/json")
    body = {"status": "ok", "redis": "ok", "queue_depth": depth, "sandbox": runtime.settings.sandbox}
    return Response(json.dumps(body), status=200, mimetype="application/json")


def article_cover() -> Response:
    """The default cover of story articles (bot/stories/cover.py): a public photo URL Zalo can fetch."""
    return Response(cover.png(), mimetype="image/png", headers={"Cache-Control": "public, max-age=86400"})


def metrics_endpoint() -> Response:
    runtime = current_app.extensions["dxbot"]
    try:
        depth = {"dxbot": int(runtime.redis.llen("rq:queue:dxbot"))}
        text = metrics.render(runtime.redis, depth)
    except redis.RedisError:
        return Response("# redis unavailable\n", status=503, mimetype="text/plain")
    return Response(text, mimetype="text/plain; version=0.0.4")
