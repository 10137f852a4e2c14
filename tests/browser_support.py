"""A whole sandbox for browser tests: emulator, web app, real `dxbot worker` and `dxbot scheduler`
processes, and Debian's Chromium driven by Playwright (never a downloaded browser).

Everything runs on its own ports and its own Redis database, so the chat polls and the background
processes never see another test's data.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import redis
import requests

from tests.support import stop, wait_for

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from tests.conftest import RedisServer

CHROMIUM = os.environ.get("DXBOT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
# Every run saves its screenshots under var/ (ignored by git); DXBOT_SCREENSHOTS=docs/screenshots refreshes the
# ones the README shows, so running the tests does not dirty the work tree.
SCREENSHOTS = Path(os.environ.get("DXBOT_SCREENSHOTS")
                   or Path(__file__).resolve().parent.parent / "var" / "screenshots").resolve()
PHONE = {"width": 412, "height": 860}


def require_chromium() -> None:
    """Skip (with the way out) only where Chromium cannot be had; `make test` installs it as root."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("the `playwright` package is missing: install the test extras (make install)")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"no Chromium at {CHROMIUM}: run `make test` as root (it runs `apt-get install -y chromium`) "
                    "or point DXBOT_CHROMIUM at a Chromium binary")


@dataclass
class Sandbox:
    url: str  # the web app, e.g. http://127.0.0.1:PORT
    emulator_url: str
    redis: redis.Redis
    env: dict[str, str]

    def messages(self, user_id: str) -> list[dict]:
        answer = requests.get(f"{self.emulator_url}/_emulator/messages", params={"user_id": user_id}, timeout=10)
        answer.raise_for_status()
        return answer.json()["messages"]


@contextmanager
def running_sandbox(redis_port: int, var_dir: Path, web_port: int) -> Iterator[Sandbox]:
    """Emulator + web app in this process, worker + scheduler as real `dxbot` processes."""
    from bot.app import create_app
    from bot.config import Settings
    from bot.zalo.emulator.server import EmulatorServer
    from bot.zalo.emulator.state import EmulatorConfig
    from tests.support import WebServer

    redis_url = f"redis://127.0.0.1:{redis_port}/1"
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    emulator = EmulatorServer(EmulatorConfig(webhook_url=f"http://127.0.0.1:{web_port}/webhook"), port=0).start()
    env = {
        "REDIS_URL": redis_url, "ZALO_API_BASE": emulator.url, "ZALO_OAUTH_BASE": emulator.url,
        "PORT": str(web_port), "DXBOT_VAR_DIR": str(var_dir), "LOG_LEVEL": "WARNING",
        "SEND_BACKOFF_BASE_SECONDS": "0.05", "SEND_BACKOFF_MAX_SECONDS": "0.5", "ZALO_TIMEOUT_SECONDS": "5",
    }
    web = WebServer(create_app(Settings.from_env(env, load_dotenv_file=False)), web_port)
    web.start()
    child_env = {k: v for k, v in os.environ.items() if not k.startswith(("ZALO_", "DXBOT_", "MODERATOR_"))}
    child_env.update(env, PYTHONUNBUFFERED="1")
    logs = var_dir / "processes.log"
    var_dir.mkdir(parents=True, exist_ok=True)
    log_file = logs.open("ab")
    procs = [subprocess.Popen([sys.executable, "-m", "bot.cli", name], env=child_env, stdout=log_file,
                              stderr=subprocess.STDOUT, cwd=Path(__file__).resolve().parent.parent)
             for name in ("worker", "scheduler")]
    try:
        from rq import Worker

        wait_for(lambda: len(Worker.all(connection=client)) > 0, 30, "the worker registering")
        yield Sandbox(f"http://127.0.0.1:{web_port}", emulator.url, client, env)
    finally:
        stop(*procs)
        log_file.close()
        web.stop()
        emulator.stop()
        client.flushdb()
        client.close()


def sandbox_fixture(var_name: str) -> Callable[..., Iterator[Sandbox]]:
    """A module's `sandbox` fixture: one whole sandbox for the module's tests, its files under `var_name`."""

    @pytest.fixture(scope="module")
    def sandbox(redis_server: RedisServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
        from tests.conftest import free_port

        require_chromium()
        with running_sandbox(redis_server.port, tmp_path_factory.mktemp(var_name), free_port()) as running:
            yield running

    return sandbox


@contextmanager
def chromium() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
