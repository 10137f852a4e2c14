"""The baseline: a Flask endpoint that only answers 200, served with the same gunicorn settings."""

from __future__ import annotations

from flask import Flask


def create_app() -> Flask:
    app = Flask(__name__)

    @app.post("/webhook")
    def webhook() -> tuple[str, int]:
        return '{"status":"accepted"}', 200

    return app
