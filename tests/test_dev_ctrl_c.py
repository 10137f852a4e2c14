"""`make run` stops quietly on Ctrl-C with exit status 0 (issue 15 item 8).

Before: the terminal's SIGINT reached make, Redis and every process at once; Redis went first, the
worker and scheduler printed ~190 lines of connection tracebacks, and make ended with `Error 1`. The test
presses Ctrl-C on a real pseudo-terminal, the way a person does.
"""

from __future__ import annotations

import contextlib
import os
import pty
import select
import shutil
import signal
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import free_port

ROOT = Path(__file__).resolve().parents[1]


def _read_until(fd: int, buf: bytearray, done: bytes | None, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not (done and done in buf):
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child closed the terminal
            return
        if not chunk:
            return
        buf += chunk


def _wait_reading(pid: int, fd: int, buf: bytearray, timeout: float) -> int:
    """Wait for the child while draining its terminal (a full terminal would block its writers); on timeout
    stop its process group and fail with what it printed, rather than hang the suite."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        _read_until(fd, buf, None, 0.2)
    with contextlib.suppress(OSError):  # `dxbot dev` owns the terminal: its SIGTERM stops the stack it started
        os.killpg(os.tcgetpgrp(fd), signal.SIGTERM)
    ends = time.monotonic() + 15
    while time.monotonic() < ends and not os.waitpid(pid, os.WNOHANG)[0]:
        _read_until(fd, buf, None, 0.2)
    with contextlib.suppress(OSError):
        os.killpg(os.getpgid(pid), signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
    pytest.fail(f"`make run` still running {timeout:.0f} s after Ctrl-C:\n" + buf.decode(errors="replace")[-2000:])


@pytest.mark.skipif(shutil.which("make") is None or sys.platform != "linux", reason="needs make on Linux")
@pytest.mark.parametrize("sigint_ignored", [False, True], ids=["interactive", "started-with-SIGINT-ignored"])
def test_ctrl_c_on_make_run_stops_quietly_with_status_0(tmp_path: Path, sigint_ignored: bool) -> None:
    """`sigint_ignored`: how a shell without job control starts a background command (a CI script's `&`);
    Python then installs no SIGINT handler, and Ctrl-C used to do nothing at all."""
    port = free_port()
    pid, fd = pty.fork()
    if pid == 0:  # the child: `make run` in the sandbox, on the pseudo-terminal
        if sigint_ignored:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        os.chdir(ROOT)
        os.environ.update(PORT=str(port), EMULATOR_PORT=str(free_port()), DXBOT_VAR_DIR=str(tmp_path),
                          DXBOT_SANDBOX="1", LOG_LEVEL="WARNING")
        for name in ("REDIS_URL", "ZALO_API_BASE", "ZALO_OAUTH_BASE"):
            os.environ.pop(name, None)
        os.execvp("make", ["make", "--no-print-directory", "run"])
    buf = bytearray()
    _read_until(fd, buf, b"Press Ctrl-C", 90)
    assert b"Press Ctrl-C" in buf, buf.decode(errors="replace")[-2000:]
    mark = len(buf)
    os.write(fd, b"\x03")  # Ctrl-C, through the terminal's line discipline
    status = _wait_reading(pid, fd, buf, 30)
    after = buf[mark:].decode(errors="replace")
    lines = [line for line in after.splitlines() if line.strip()]
    assert os.waitstatus_to_exitcode(status) == 0, after[-2000:]
    assert "Traceback" not in after and "Error" not in after, after[-2000:]
    assert len(lines) <= 20, f"{len(lines)} lines after Ctrl-C"
