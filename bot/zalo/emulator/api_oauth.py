"""OAuth v4 (§5): the consent page (granted at once) and the token endpoint (refresh or PKCE code)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from urllib.parse import urlencode

from flask import Blueprint, Response, jsonify, redirect, request

from bot.zalo.emulator.config import EmulatorConfig
from bot.zalo.emulator.errors import OAuthError
from bot.zalo.emulator.faults import apply_fault
from bot.zalo.emulator.tokens import TokenPair
from bot.zalo.emulator.web import get_state

log = logging.getLogger(__name__)

oauth_api = Blueprint("zalo_oauth", __name__)


def oauth_call(run: Callable[[], Response]) -> Response:
    def guarded() -> Response:
        try:
            return run()
        except OAuthError as exc:
            log.info("emulator oauth refused: %s", exc.name)
            return jsonify(exc.body())

    state = get_state()
    return apply_fault(state.next_fault(request.path, True), guarded, state.stop_event, oauth=True)


@oauth_api.get("/v4/oa/permission")
def permission() -> Response:
    """The admin's consent page, granted at once: 302 to ``redirect_uri`` with ``code`` and ``oa_id``."""

    def run() -> Response:
        state = get_state()
        args = request.args
        if args.get("app_id") != state.config.app_id:
            raise OAuthError(-14002, "Invalid app_id", "app_id is missing or unknown")
        redirect_uri = args.get("redirect_uri", "")
        if not redirect_uri.startswith(("http://", "https://")):
            raise OAuthError(-14003, "Invalid redirect_uri", "redirect_uri is missing or not http(s)")
        challenge = args.get("code_challenge", "")
        if not challenge:
            raise OAuthError(-14004, "Invalid code_challenge", "code_challenge is required (S256)")
        query = {"code": state.grant_code(challenge, redirect_uri), "oa_id": state.config.oa_id}
        if "state" in args:
            query["state"] = args["state"]
        separator = "&" if "?" in redirect_uri else "?"
        return redirect(redirect_uri + separator + urlencode(query), code=302)

    return oauth_call(run)


@oauth_api.post("/v4/oa/access_token")
def access_token() -> Response:
    """Refresh (single-use, rotating) or authorization-code exchange (PKCE S256)."""

    def run() -> Response:
        state = get_state()
        form = request.form
        state.check_app(form.get("app_id"), request.headers.get("secret_key"))
        grant = form.get("grant_type")
        if grant == "refresh_token":
            pair = state.refresh(form.get("refresh_token"))
        elif grant == "authorization_code":
            pair = state.exchange_code(form.get("code"), form.get("code_verifier"))
        else:
            raise OAuthError(-14000, "Invalid grant_type",
                             "grant_type must be refresh_token or authorization_code")
        return token_answer(pair, state.config)

    return oauth_call(run)


def token_answer(pair: TokenPair, config: EmulatorConfig) -> Response:
    return jsonify({"access_token": pair.access_token, "refresh_token": pair.refresh_token,
                    "expires_in": str(config.access_token_ttl_s)})
