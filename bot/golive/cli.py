"""`dxbot auth` and `dxbot doctor` (registered into bot/cli.py's parser)."""

from __future__ import annotations

import argparse
import getpass
import sys
import time

import redis

from bot.config import Settings
from bot.infra import keys


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    auth = sub.add_parser("auth", help="grant the bot access to the Official Account (OAuth v4 with PKCE)")
    auth.add_argument("--paste", action="store_true",
                      help="store an access/refresh token pair copied from Zalo's API explorer (read from stdin)")
    auth.add_argument("--expires-in", type=float, default=None,
                      help="with --paste: seconds the pasted access token is still valid (default: unknown)")
    auth.add_argument("--no-wait", action="store_true", help="print the permission URL and exit")
    auth.add_argument("--timeout", type=float, default=900, help="seconds to wait for the admin's grant")
    auth.set_defaults(func=cmd_auth)
    doctor = sub.add_parser("doctor", help="check configuration, Redis, the token, the webhook URL and the queue")
    doctor.add_argument("--refresh", action="store_true", help="also rotate the token pair now (proves refresh works)")
    doctor.add_argument("--probe", action="store_true",
                        help="send a harmless message with buttons to a moderator and report which forms Zalo accepts")
    doctor.add_argument("--probe-to", metavar="USER_ID", help="send the probe to this Zalo user id (implies --probe)")
    doctor.set_defaults(func=cmd_doctor)


def cmd_doctor(args: argparse.Namespace) -> int:
    from bot.golive.doctor import run

    return run(refresh=args.refresh, probe=args.probe, probe_to=args.probe_to)


def cmd_auth(args: argparse.Namespace) -> int:
    from bot.golive import oauth
    from bot.infra.redis_conn import connect

    settings = Settings.from_env()
    client = connect(settings)
    if args.paste:
        return _paste(client, settings, args.expires_in)
    url = oauth.start(client, settings)
    where = "the local Zalo emulator (sandbox)" if settings.sandbox else "Zalo"
    print(f"1. Open this address in a browser where an admin of the Official Account is logged in to {where}:\n")
    print(f"   {url}\n")
    print(f"2. Choose the OA and press \"Cho phép\" (Allow). Zalo then sends the browser to\n"
          f"   {oauth.redirect_uri(settings)}, served by `dxbot web`, which stores the tokens.\n"
          f"   That address must be the app's callback URL in the Zalo developer console.\n"
          f"3. The link works once and for {oauth.STATE_TTL_S // 60} minutes.")
    if args.no_wait:
        return 0
    return _wait_for_grant(client, args.timeout)


def _wait_for_grant(client: redis.Redis, timeout: float) -> int:
    started = int(time.time())
    deadline = time.monotonic() + timeout
    print("\nWaiting for the grant… (Ctrl-C to stop waiting; the callback still works afterwards)", flush=True)
    while time.monotonic() < deadline:
        grant = client.hgetall(keys.OAUTH_GRANT)
        if grant and int(grant.get(b"granted_at", b"0")) >= started:
            oa_id = grant.get(b"oa_id", b"").decode() or "?"
            print(f"Access granted for OA {oa_id}; the token pair is stored. Next: `dxbot doctor`.")
            return 0
        time.sleep(1)
    print("No grant arrived in time. Check that PUBLIC_URL reaches `dxbot web`, then run `dxbot auth` again.")
    return 1


def _paste(client: redis.Redis, settings: Settings, expires_in: float | None) -> int:
    from bot.golive.oauth import OAuthFailed, store_pasted

    if sys.stdin.isatty():
        access = getpass.getpass("Access token (not shown): ")
        refresh = getpass.getpass("Refresh token (not shown): ")
    else:
        lines = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
        access, refresh = (lines + ["", ""])[:2]
    try:
        pair = store_pasted(client, settings, access, refresh, expires_in)
    except OAuthFailed as exc:
        print(f"dxbot auth: {exc.reason}; nothing was stored", file=sys.stderr)
        return 2
    expiry = f"valid for {(pair.expires_at - time.time()) / 3600:.1f} h" if pair.expires_at else "expiry unknown"
    print(f"Token pair stored ({expiry}). Next: `dxbot doctor` checks it with Zalo.")
    return 0
