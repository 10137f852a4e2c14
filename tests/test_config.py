"""Configuration: defaults, sandbox mode, and one clear line naming the variable when something is wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import SANDBOX_MODERATOR_ID, ConfigError, Settings

ROOT = Path(__file__).resolve().parents[1]


def test_sandbox_defaults_point_at_the_local_emulator() -> None:
    s = Settings.from_env({"PORT": "9000"}, load_dotenv_file=False)
    assert s.sandbox and s.api_base == "http://127.0.0.1:9001" and s.oauth_base == s.api_base
    assert s.moderator_ids == {SANDBOX_MODERATOR_ID}
    assert (s.digest_weekday, s.digest_time, s.timezone) == (0, (8, 0), "Asia/Ho_Chi_Minh")


def test_production_values() -> None:
    s = Settings.from_env({"ZALO_ACCESS_TOKEN": "a" * 10, "ZALO_REFRESH_TOKEN": "r" * 10, "ZALO_APP_ID": "123",
                           "ZALO_OA_SECRET_KEY": "k", "ZALO_APP_SECRET": "s", "MODERATOR_IDS": "1, 2",
                           "DIGEST_SCHEDULE": "fri 17:30"}, load_dotenv_file=False)
    assert not s.sandbox and s.api_base == "https://openapi.zalo.me"
    assert s.moderator_ids == {"1", "2"} and s.digest_weekday == 4 and s.digest_time == (17, 30)


@pytest.mark.parametrize(("env", "variable"), [
    ({"PORT": "eighty"}, "PORT"),
    ({"PORT": "70000"}, "PORT"),
    ({"DIGEST_SCHEDULE": "someday"}, "DIGEST_SCHEDULE"),
    ({"DIGEST_SCHEDULE": "MON 25:00"}, "DIGEST_SCHEDULE"),
    ({"TIMEZONE": "Mars/Olympus"}, "TIMEZONE"),
    ({"MODERATOR_IDS": "12,abc"}, "MODERATOR_IDS"),
    ({"ZALO_APP_ID": "my-app"}, "ZALO_APP_ID"),
    ({"ZALO_ACCESS_TOKEN": "x" * 10}, "ZALO_REFRESH_TOKEN"),
    ({"ZALO_ACCESS_TOKEN": "x" * 10, "ZALO_REFRESH_TOKEN": "y" * 10}, "ZALO_APP_ID"),
    ({"DXBOT_PRODUCTION": "1"}, "ZALO_APP_SECRET"),
    ({"ZALO_CS_BUTTONS": "maybe"}, "ZALO_CS_BUTTONS"),
])
def test_bad_values_name_the_variable(env: dict[str, str], variable: str) -> None:
    with pytest.raises(ConfigError) as info:
        Settings.from_env(env, load_dotenv_file=False)
    assert str(info.value).startswith(variable)


def test_cli_stops_with_one_clear_line() -> None:
    env = {**os.environ, "PORT": "eighty", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-m", "bot.cli", "worker"], env=env, capture_output=True, text=True,
                         cwd=ROOT, timeout=30)
    assert out.returncode == 2
    assert out.stderr.strip() == "dxbot: configuration error: PORT: expected a whole number, got 'eighty'"


def test_env_example_copied_to_dotenv_is_a_working_sandbox_config() -> None:
    """An operator's first step is `cp .env.example .env`: every key there must parse, empties included."""
    from dotenv import dotenv_values

    values = {k: v or "" for k, v in dotenv_values(ROOT / ".env.example").items()}
    s = Settings.from_env(values, load_dotenv_file=False)
    assert s.sandbox and not s.production
    assert s.router == "handlers:build_router"  # empty values fall back to defaults
    from bot.core.runtime import _router

    assert _router(s).routes


def test_an_empty_environment_gives_every_setting_its_one_default() -> None:
    """Each default is written once, on the Settings field; reading the environment falls back to it."""
    import dataclasses

    settings = Settings.from_env({}, load_dotenv_file=False)
    defaults = {f.name: f.default for f in dataclasses.fields(Settings) if f.default is not dataclasses.MISSING}
    assert len(defaults) > 30
    assert {name: getattr(settings, name) for name in defaults} == defaults
