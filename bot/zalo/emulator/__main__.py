"""``python -m bot.zalo.emulator``: the emulator in the foreground, every setting a flag.

Defaults are the sandbox values; ``ZALO_APP_ID`` and ``ZALO_OA_SECRET_KEY`` are honoured when set so the
events it signs verify in a bot started with the same environment (CONTRACT.md §4), and the port and
webhook default from ``EMULATOR_PORT`` / ``PORT`` like ``dxbot dev``.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Sequence
from types import FrameType

from bot.zalo.emulator import PRODUCTION_REFUSAL, production_requested, refusals
from bot.zalo.emulator.config import (
    SANDBOX_ACCESS_TOKEN,
    SANDBOX_APP_ID,
    SANDBOX_APP_SECRET,
    SANDBOX_OA_ID,
    SANDBOX_OA_SECRET_KEY,
    SANDBOX_REFRESH_TOKEN,
    EmulatorConfig,
)
from bot.zalo.emulator.heap import settle_allocator
from bot.zalo.emulator.server import EmulatorServer


def build_parser() -> argparse.ArgumentParser:
    web_port = int(os.environ.get("PORT", "8000"))
    env = os.environ.get
    parser = argparse.ArgumentParser(prog="python -m bot.zalo.emulator", description=__doc__)
    add = parser.add_argument
    add("--host", default="127.0.0.1")
    add("--port", type=int, default=int(env("EMULATOR_PORT", str(web_port + 1))))
    add("--webhook-url", default=f"http://127.0.0.1:{web_port}/webhook")
    add("--app-id", default=env("ZALO_APP_ID") or SANDBOX_APP_ID)
    add("--oa-id", default=SANDBOX_OA_ID)
    add("--oa-secret-key", default=env("ZALO_OA_SECRET_KEY") or SANDBOX_OA_SECRET_KEY)
    add("--app-secret", default=SANDBOX_APP_SECRET)
    add("--access-token", default=SANDBOX_ACCESS_TOKEN)
    add("--refresh-token", default=SANDBOX_REFRESH_TOKEN)
    add("--access-token-ttl", type=int, default=90_000, help="seconds (Zalo: 25 h)")
    add("--rate-limit", type=float, default=None, help="API calls per second (default: unlimited)")
    add("--cs-free-hours", type=int, default=48)
    add("--interaction-window-days", type=int, default=7)
    add("--promotion-daily", type=int, default=1)
    add("--promotion-monthly", type=int, default=4)
    add("--max-text-chars", type=int, default=2000)
    add("--timezone", default="Asia/Ho_Chi_Minh")
    add("--refuse", action="append", default=[], metavar="FORM",
        help="refuse this form for the whole run (cs_buttons, cs_media, templates, button:<type>, text_over:<n>); "
             "repeatable")
    add("--log-level", default="INFO")
    return parser


def config_from_args(args: argparse.Namespace) -> EmulatorConfig:
    return EmulatorConfig(
        app_id=args.app_id, oa_id=args.oa_id, oa_secret_key=args.oa_secret_key, app_secret=args.app_secret,
        webhook_url=args.webhook_url, access_token=args.access_token, refresh_token=args.refresh_token,
        access_token_ttl_s=args.access_token_ttl, rate_limit_per_s=args.rate_limit,
        cs_free_hours=args.cs_free_hours, interaction_window_days=args.interaction_window_days,
        promotion_daily_per_user=args.promotion_daily, promotion_monthly_per_user=args.promotion_monthly,
        max_text_chars=args.max_text_chars, timezone=args.timezone, refuse=tuple(refusals.validate(args.refuse)),
    )


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    """A supervisor's SIGTERM ends the process as cleanly as Ctrl-C does."""
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    settle_allocator()  # this process is only the emulator: its heap settings are ours to choose (heap.py)
    args = build_parser().parse_args(argv)
    if production_requested():
        print(f"python -m bot.zalo.emulator: {PRODUCTION_REFUSAL}", file=sys.stderr)
        return 2
    logging.basicConfig(level=args.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    server = EmulatorServer(config_from_args(args), host=args.host, port=args.port)
    logging.getLogger(__name__).info("posting events to %s", args.webhook_url)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
