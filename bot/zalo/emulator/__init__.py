"""Local Zalo emulator: Zalo's OA API and OAuth on a local port, for the sandbox and the tests.

Pointing ``ZALO_API_BASE`` and ``ZALO_OAUTH_BASE`` at :attr:`EmulatorServer.url` is the only
difference from production (CONTRACT.md §5).
"""

from bot.zalo.emulator.app import create_emulator_app
from bot.zalo.emulator.config import (
    SANDBOX_ACCESS_TOKEN,
    SANDBOX_APP_ID,
    SANDBOX_APP_SECRET,
    SANDBOX_OA_ID,
    SANDBOX_OA_SECRET_KEY,
    SANDBOX_REFRESH_TOKEN,
    EmulatorConfig,
)
from bot.zalo.emulator.server import EmulatorServer
from bot.zalo.emulator.state import EmulatorState

__all__ = [
    "SANDBOX_ACCESS_TOKEN",
    "SANDBOX_APP_ID",
    "SANDBOX_APP_SECRET",
    "SANDBOX_OA_ID",
    "SANDBOX_OA_SECRET_KEY",
    "SANDBOX_REFRESH_TOKEN",
    "EmulatorConfig",
    "EmulatorServer",
    "EmulatorState",
    "create_emulator_app",
]


PRODUCTION_REFUSAL = ("refusing to start the local Zalo emulator: DXBOT_PRODUCTION is set "
                      "(the emulator stands in for Zalo in the sandbox and in tests only)")


def production_requested(env: dict[str, str] | None = None) -> bool:
    """DXBOT_PRODUCTION as bot.config reads it, checked before any other setting so that the refusal is
    the first and only thing an operator sees."""
    import os

    return (env if env is not None else os.environ).get("DXBOT_PRODUCTION", "").strip().lower() in (
        "1", "true", "yes", "on")
