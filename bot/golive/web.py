"""The web app's part of going live: the OAuth callback and Zalo's domain verification file."""

from __future__ import annotations

import html

import requests
from flask import Blueprint, Flask, Response, current_app, request

from bot.golive.oauth import CALLBACK_PATH, OAuthFailed, finish
from bot.infra.texts import render

bp = Blueprint("golive", __name__)

PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#081c36}}
h1{{color:{colour};font-size:1.4rem}}</style></head>
<body><h1>{title}</h1><p>{text}</p></body></html>
"""


def _page(title: str, text: str, status: int, *, ok: bool) -> Response:
    body = PAGE.format(title=html.escape(title), text=html.escape(text), colour="#0068ff" if ok else "#d93843")
    answer = Response(body, status=status, mimetype="text/html")
    answer.headers["Cache-Control"] = "no-store"
    answer.headers["Referrer-Policy"] = "no-referrer"  # the URL held a one-time code
    return answer


@bp.get(CALLBACK_PATH)
def oauth_callback() -> Response:
    """Zalo redirects the OA admin here with `code`, `state` and `oa_id` after they grant access."""
    runtime = current_app.extensions["dxbot"]
    args = request.args
    try:
        with requests.Session() as session:
            grant = finish(runtime.redis, runtime.settings, code=args.get("code"), state=args.get("state"),
                           oa_id=args.get("oa_id"), session=session)
    except OAuthFailed as exc:
        return _page(render("golive_failed_title"), exc.reason, exc.status, ok=False)
    who = render("golive_oa_named", oa_id=grant.oa_id) if grant.oa_id else render("golive_oa")
    return _page(render("golive_done_title"), render("golive_done_body", who=who), 200, ok=True)


def register_verifier(app: Flask, code: str) -> None:
    """Serve `/zalo_verifier<CODE>.html`, the file Zalo fetches to verify the domain (§1.1)."""
    body = ('<!doctype html>\n<html><head><meta charset="utf-8">\n'
            f'<meta name="zalo-platform-site-verification" content="{code}" />\n'
            '</head><body>Zalo platform site verification</body></html>\n')

    def verifier_file() -> Response:
        return Response(body, mimetype="text/html")

    app.add_url_rule(f"/zalo_verifier{code}.html", "zalo_verifier", verifier_file)
