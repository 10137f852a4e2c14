"""`dxbot dev`: the whole bot on one machine, started and stopped as one.

Starts Redis (REDIS_URL, else the embedded redis-server with its AOF under DXBOT_VAR_DIR), the local
Zalo emulator when no credentials are set (sandbox mode), the web app under gunicorn, a worker and the
scheduler, prints where each listens, and stops all of them on Ctrl-C or when any one dies.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import requests

from bot.config import Settings
from bot.infra.redis_conn import redis_url, start_embedded


def _python(*args: str) -> list[str]:
    return [sys.executable, *args]


def _emulator_cmd(settings: Settings) -> list[str]:
    """The emulator always on loopback: it hands out tokens and accepts any event, so it is never reachable
    from another machine however `dxbot dev` or `dxbot emulator` is started."""
    return _python("-m", "bot.zalo.emulator", "--host", "127.0.0.1", "--port", str(settings.emulator_port),
                   "--webhook-url", f"http://127.0.0.1:{settings.port}/webhook",
                   "--app-id", settings.app_id, "--oa-secret-key", settings.oa_secret_key,
                   "--app-secret", settings.app_secret)


def _wait_http(url: str, proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: process exited with {proc.returncode}")
        try:
            requests.get(url, timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer within {timeout:.0f} s")


def _stop_on_sigterm(signum: int, frame: object) -> None:
    """A supervisor's SIGTERM (systemd, `timeout`, `kill`) stops everything as cleanly as Ctrl-C does."""
    raise KeyboardInterrupt


@contextlib.contextmanager
def _own_terminal() -> Iterator[None]:
    """Make this process the terminal's foreground group while it runs, so Ctrl-C reaches only it.

    Otherwise the terminal sends SIGINT to `make` and every child at once: Redis stopped first, the worker
    and scheduler printed ~190 lines of connection tracebacks, and `make` died of the signal (`Error 1`).
    Now the children run in their own sessions and are stopped in order (Redis last), and `make run`
    sees this process exit 0. Without a terminal (CI, a supervisor) nothing changes."""
    try:
        tty = os.open("/dev/tty", os.O_RDWR)
    except OSError:
        yield
        return
    before = os.tcgetpgrp(tty)
    previous = signal.signal(signal.SIGTTOU, signal.SIG_IGN)  # a background group may not set the foreground
    try:
        os.setpgid(0, 0)
        os.tcsetpgrp(tty, os.getpgrp())
    except OSError:
        before = -1
    try:
        yield
    finally:
        if before >= 0:
            with contextlib.suppress(OSError):
                os.tcsetpgrp(tty, before)
        signal.signal(signal.SIGTTOU, previous)
        os.close(tty)


def run_dev(settings: Settings) -> int:
    with _own_terminal():
        return _run_dev(settings)


def _run_dev(settings: Settings) -> int:
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    # A shell without job control starts background commands with SIGINT ignored, and Python then installs
    # no handler of its own: Ctrl-C on the terminal this process now owns would do nothing at all.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    var_dir = settings.var_dir.resolve()
    env = dict(os.environ, DXBOT_VAR_DIR=str(var_dir), PYTHONUNBUFFERED="1")
    procs: list[tuple[str, subprocess.Popen[bytes]]] = []
    try:
        if settings.redis_url:
            redis_where = settings.redis_url
        else:
            procs.append(("redis", start_embedded(var_dir)))
            redis_where = f"{redis_url(settings.with_overrides(var_dir=var_dir))} (embedded, data in {var_dir})"
        if settings.sandbox and not settings.production:  # config refuses the pair; belt and braces
            emulator = subprocess.Popen(_emulator_cmd(settings), env=env, start_new_session=True)
            procs.append(("emulator", emulator))
            _wait_http(f"http://127.0.0.1:{settings.emulator_port}/_emulator/clock", emulator)
        web_env = env
        if settings.sandbox:  # the sandbox chat polls every second: keep those lines out of the access log
            quiet = "--logger-class=bot.sandbox.quiet_log.QuietPollLogger"
            web_env = dict(env, GUNICORN_CMD_ARGS=f"{env.get('GUNICORN_CMD_ARGS', '')} {quiet}".strip())
        web = subprocess.Popen(_python("-m", "bot.cli", "web"), env=web_env, start_new_session=True)
        procs.append(("web", web))
        for name in ("worker", "sender", "scheduler"):
            procs.append((name, subprocess.Popen(_python("-m", "bot.cli", name), env=env, start_new_session=True)))
        _wait_http(f"http://127.0.0.1:{settings.port}/healthz", web)
        _banner(settings, redis_where)
        while True:
            for name, proc in procs:
                if proc.poll() is not None:
                    print(f"dxbot dev: {name} exited with {proc.returncode}; stopping everything", flush=True)
                    return 1
            time.sleep(0.5)
    except KeyboardInterrupt:
        print("\ndxbot dev: stopping…", flush=True)
        return 0
    finally:
        _stop_all(procs)


def _banner(settings: Settings, redis_where: str) -> None:
    lines = [
        "dxbot dev is running" + (" in SANDBOX mode (local Zalo emulator, no real Zalo)" if settings.sandbox
                                  else " against the real Zalo API"),
        f"  webhook     http://127.0.0.1:{settings.port}/webhook",
        f"  health      http://127.0.0.1:{settings.port}/healthz",
        f"  metrics     http://127.0.0.1:{settings.port}/metrics",
        f"  redis       {redis_where}",
    ]
    if settings.sandbox:
        lines += [
            f"  web chat    http://127.0.0.1:{settings.port}/sandbox  (talk to the bot as a citizen or a moderator)",
            f"  emulator    http://127.0.0.1:{settings.emulator_port}  (Zalo API stand-in)",
            f"  try it:     curl -s -XPOST http://127.0.0.1:{settings.emulator_port}/_emulator/users/123/events "
            "-H 'content-type: application/json' -d '{\"event_name\":\"user_send_text\",\"text\":\"menu\"}'",
            f"              curl -s 'http://127.0.0.1:{settings.emulator_port}/_emulator/messages?user_id=123'",
        ]
    lines.append("Press Ctrl-C to stop everything.")
    print("\n".join(lines), flush=True)


def _stop_all(procs: list[tuple[str, subprocess.Popen[bytes]]]) -> None:
    """Stop the processes newest first, each before the next, so Redis (the first started) stops last and
    nobody is left talking to a Redis that is gone."""
    deadline = time.monotonic() + 10
    for _, proc in reversed(procs):
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def run_emulator_foreground(settings: Settings) -> int:
    return subprocess.call(_emulator_cmd(settings))



