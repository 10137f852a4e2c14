"""A benchmark run stopped by a signal leaves nothing running and no temp dir behind, and says it was interrupted.

Before: the benchmarks cleaned up only on Ctrl-C. A SIGTERM (a CI timeout, `kill`) or a SIGHUP (the terminal
closed) ended `python -m benchmarks` at once, and its stack (redis-server, the emulator, gunicorn and its workers,
the scheduler, sender and worker, each in its own session) ran on, re-parented to init, for 50 minutes.

Every process the run starts inherits a mark in its environment, so a survivor is found wherever it was
re-parented; the run's temp dirs are made under a TMPDIR of the test's own. The signal goes to the run's process
group, as when `make bench`'s group is killed or its terminal hangs up; it is sent once gunicorn's workers (the
stack's grandchildren) are up.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MARK = "BENCH_INTERRUPT_TEST_MARK"


def _marked(mark: str, tmp: Path) -> dict[int, str]:
    """Live processes (zombies are dead) of the run: started with `MARK=mark` in their environment, or working
    in or naming a directory under its TMPDIR (redis-server writes its title over its environment): pid ->
    command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
            ours = (f"{MARK}={mark}".encode() in (entry / "environ").read_bytes().split(b"\0")
                    or os.readlink(entry / "cwd").startswith(str(tmp)) or str(tmp) in cmdline)
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:  # gone meanwhile
            continue
        if ours and state != "Z":
            found[int(entry.name)] = cmdline
    return found


def _parent(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except OSError:
        return 0


def _gunicorn_workers(procs: dict[int, str]) -> list[int]:
    return [pid for pid, cmd in procs.items() if "gunicorn" in cmd and "gunicorn" in procs.get(_parent(pid), "")]


def _wait(predicate, timeout: float) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return bool(predicate())


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
@pytest.mark.parametrize(("bench", "sig"), [("bench_latency", signal.SIGTERM), ("bench_digest", signal.SIGHUP)],
                         ids=["bench_latency-SIGTERM", "bench_digest-SIGHUP"])
def test_a_signal_stops_every_process_the_benchmark_started(tmp_path: Path, bench: str, sig: signal.Signals) -> None:
    """bench_latency starts its stack with benchmarks/common.py's context managers, bench_digest with soak.py's
    `Stack`: both paths, each stopped while running."""
    mark = secrets.token_hex(8)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    out = tmp_path / "out.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update({MARK: mark, "TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"})
    with out.open("wb") as log:
        run = subprocess.Popen([sys.executable, "-m", "benchmarks", "--only", bench], cwd=ROOT, env=env,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    seen: dict[int, str] = {}
    try:
        def stack_up() -> bool:
            seen.update(_marked(mark, tmp))
            return bool(_gunicorn_workers(_marked(mark, tmp))) or run.poll() is not None

        assert _wait(stack_up, 90) and run.poll() is None, out.read_text(errors="replace")[-3000:]
        seen.update(_marked(mark, tmp))
        assert len(seen) >= 5, seen  # the run, redis-server, the emulator, gunicorn and a worker of it at least
        os.killpg(run.pid, sig)
        try:
            status = run.wait(90)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running 90 s after {sig.name}:\n" + out.read_text(errors="replace")[-3000:])
        _wait(lambda: not _marked(mark, tmp), 10)  # one SIGKILLed a moment ago may still be on its way out
        left = _marked(mark, tmp)
        printed = out.read_text(errors="replace")
        assert not left, f"still running after {sig.name}: {left}\n{printed[-3000:]}"
        assert status != 0, printed[-3000:]
        assert "interrupted" in printed, printed[-3000:]
        assert not list(tmp.iterdir()), f"temp dirs left: {list(tmp.iterdir())}"
    finally:  # whatever the outcome, nothing of this run outlives the test
        with contextlib.suppress(OSError):
            os.killpg(run.pid, signal.SIGKILL)
        for pid in _marked(mark, tmp):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        run.wait()
