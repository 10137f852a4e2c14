"""Flask app of the local Zalo emulator: Zalo's OA API and OAuth paths plus ``/_emulator/...`` controls.

One blueprint per API family (``api_messages``, ``api_users``, ``api_uploads``, ``api_oauth``, ``api_articles``)
and for the controls (``control``, ``events``, the media files, ``pages``); the gate they share is in
``web.py``, the state and its rules in ``state.py`` and its mixins. Serve it with
:class:`bot.zalo.emulator.server.EmulatorServer`: Zalo's ``access_token`` and ``secret_key`` headers contain
underscores, which werkzeug's and gunicorn's defaults drop.
"""

from __future__ import annotations

from flask import Flask, Response, jsonify
from flask.json.provider import DefaultJSONProvider
from werkzeug.exceptions import HTTPException

from bot.zalo.emulator.api_articles import articles_api
from bot.zalo.emulator.api_messages import messages_api
from bot.zalo.emulator.api_oauth import oauth_api
from bot.zalo.emulator.api_uploads import media_files, uploads_api
from bot.zalo.emulator.api_users import users_api
from bot.zalo.emulator.config import EmulatorConfig
from bot.zalo.emulator.control import control
from bot.zalo.emulator.errors import BadRequest
from bot.zalo.emulator.events import events
from bot.zalo.emulator.pages import pages
from bot.zalo.emulator.state import EmulatorState
from bot.zalo.emulator.web import EXTENSION_KEY

BLUEPRINTS = (messages_api, users_api, uploads_api, oauth_api, articles_api, control, events, media_files, pages)


def json_error(exc: HTTPException) -> Response:
    """Unknown paths and wrong methods answer JSON too, so clients never parse an HTML page."""
    answer = jsonify({"error": exc.code, "message": exc.name})
    answer.status_code = exc.code or 500
    return answer


def bad_request(exc: BadRequest) -> Response:
    answer = jsonify({"error": 400, "message": str(exc)})
    answer.status_code = 400
    return answer


def create_emulator_app(config: EmulatorConfig, state: EmulatorState | None = None) -> Flask:
    """The emulator as a Flask app; pass ``state`` to share it with the caller (e.g. the server)."""
    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = 20 * 1024 * 1024
    if isinstance(app.json, DefaultJSONProvider):  # Flask's own provider, always here: answers keep their accents
        app.json.ensure_ascii = False
    app.extensions[EXTENSION_KEY] = state or EmulatorState(config)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    app.register_error_handler(HTTPException, json_error)
    app.register_error_handler(BadRequest, bad_request)
    return app
