"""Shared plumbing for benchmarks: a private redis-server, gunicorn processes, signed event bodies, wrk."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import requests

from bot.config import SANDBOX_APP_ID, SANDBOX_OA_SECRET
from bot.infra.redis_conn import server_args
from bot.zalo import signature

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def redis_server(*, unix: bool = False) -> Iterator[str]:
    """A throwaway redis-server with AOF on (as in production); yields its URL (TCP, or the unix socket
    that `dxbot dev`'s embedded Redis uses)."""
    directory = Path(tempfile.mkdtemp(prefix="dxbot-bench-"))
    port = free_port()
    proc = subprocess.Popen(server_args(directory, port=port, unix_socket=directory / "redis.sock"),
                            stdout=subprocess.DEVNULL)
    url = f"unix://{directory / 'redis.sock'}" if unix else f"redis://127.0.0.1:{port}/0"
    try:
        wait_http_or_redis(url)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(directory, ignore_errors=True)


def wait_http_or_redis(url: str, timeout: float = 20) -> None:
    import redis

    deadline = time.monotonic() + timeout
    while True:
        try:
            if url.startswith(("redis", "unix")):
                redis.Redis.from_url(url).ping()
            else:
                requests.get(url, timeout=1)
            return
        except Exception:  # noqa: BLE001
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def bench_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ZALO_", "REDIS_URL", "DXBOT_"))}
    env.update({"PYTHONPATH": str(ROOT), "LOG_LEVEL": "WARNING", **extra})
    return env


@contextmanager
def process(args: list[str], env: dict[str, str], ready_url: str | None = None) -> Iterator[subprocess.Popen]:
    proc = subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        if ready_url:
            wait_http_or_redis(ready_url)
        yield proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def gunicorn(app: str, port: int, env: dict[str, str], workers: int = 2) -> AbstractContextManager[subprocess.Popen]:
    args = [sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", str(workers),
            "--log-level", "warning", app]
    return process(args, env, ready_url=f"http://127.0.0.1:{port}/healthz-none")


def signed_bodies(path: Path, count: int, users: int, app_id: str = SANDBOX_APP_ID,
                  secret: str = SANDBOX_OA_SECRET) -> Path:
    """`count` distinct signed user_send_text events (one per line: signature, space, body) for wrk."""
    now = int(time.time() * 1000)
    with path.open("w") as out:
        for i in range(count):
            user = str(3_000_000_000_000_000_000 + i % users)
            body = json.dumps({"app_id": app_id, "sender": {"id": user}, "user_id_by_app": user,
                               "recipient": {"id": "2000000000000000002"}, "event_name": "user_send_text",
                               "message": {"text": "chuyển đổi số là gì", "msg_id": f"{i:020x}"},
                               "timestamp": str(now + i)}, ensure_ascii=False, separators=(",", ":"))
            mac = signature.header_value(app_id, body.encode(), str(now + i), secret)
            out.write(f"{mac} {body}\n")
    return path


WRK_SCRIPT = r"""
local counter = 1
local threads = {}
function setup(thread)
  thread:set("id", counter)
  thread:set("nthreads", 0)
  table.insert(threads, thread)
  counter = counter + 1
end
function init(args)
  sigs, bodies = {}, {}
  local n = 0
  for line in io.lines(args[1]) do
    n = n + 1
    if n % tonumber(args[2]) == (id - 1) then
      local sig, body = line:match("^(%S+) (.*)$")
      table.insert(sigs, sig)
      table.insert(bodies, body)
    end
  end
  i = 0
end
function request()
  i = i % #bodies + 1
  return wrk.format("POST", "/webhook", {["Content-Type"] = "application/json",
                                         ["X-ZEvent-Signature"] = sigs[i]}, bodies[i])
end
"""


def wrk(url: str, bodies: Path, *, seconds: int, connections: int = 16, threads: int = 1) -> dict[str, float]:
    """Run wrk against `url`; returns requests/s, p50/p99 latency (ms) and non-2xx count."""
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (make bench installs it with apt-get)")
    script = bodies.with_suffix(".lua")
    script.write_text(WRK_SCRIPT + "\ndone = nil\n")
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--latency",
                          "-s", str(script), url, "--", str(bodies), str(threads)],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {"rps": rps, "p50_ms": _ms(out, "50%"), "p99_ms": _ms(out, "99%"),
            "non2xx": float(non2xx.group(1)) if non2xx else 0.0}


def _ms(out: str, label: str) -> float:
    match = re.search(rf"{re.escape(label)}\s+([\d.]+)(us|ms|s)", out)
    if not match:
        return float("nan")
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def burst_workers(env: dict[str, str], count: int) -> float:
    """Run `count` burst workers (`dxbot worker --burst`) to completion; returns the wall seconds."""
    started = time.monotonic()
    procs = [subprocess.Popen([sys.executable, "-m", "bot.cli", "worker", "--burst"], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(count)]
    for proc in procs:
        proc.wait()
    return time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]
