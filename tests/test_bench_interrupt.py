"""A benchmark run stopped by a signal leaves nothing running and no temp dir behind, says it was interrupted, and
exits with 128 + the signal's number; a second signal says the cleanup is under way, a third kills at once.

Before: the benchmarks cleaned up only on Ctrl-C. A SIGTERM (a CI timeout, `kill`) or a SIGHUP (the terminal
closed) ended `python -m benchmarks` at once, and its stack (redis-server, the emulator, gunicorn and its workers,
the scheduler, sender and worker, each in its own session) ran on, re-parented to init, for 50 minutes.

Every process a run starts inherits a mark in its environment, so a survivor is found wherever it was re-parented;
the run's temp dirs are made under a TMPDIR of the test's own. Cases:

- bench_latency, signalled once its stack has answered its first events (mid-run: sender, scheduler, workers busy);
- a stub benchmark that leaves what no `with` stops: an orphan whose parent exited (`setsid`, found only because
  the run is its subreaper) and a child that ignores SIGTERM; only interruptible's backstop stops them, so this case
  fails with `_stop_started_since` made a no-op;
- a stub whose child ignores SIGTERM, signalled three times: the cleanup says it is stopping, then that it still is,
  then kills everything at once;
- soak's `Stack`, a worker SIGKILLed and restarted (as in the fault phase), then signalled;
- a benchmark that failed and was tearing down when signalled: its error is still printed.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MARK = "BENCH_INTERRUPT_TEST_MARK"

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")


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


def _wait(predicate, timeout: float) -> bool:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return bool(predicate())


class Run:
    """`python -m benchmarks` (or a driver script) started as `make bench` would be, in its own group, marked."""

    def __init__(self, tmp_path: Path, args: list[str]) -> None:
        self.mark, self.tmp, self.out = secrets.token_hex(8), tmp_path / "tmp", tmp_path / "out.log"
        self.tmp.mkdir()
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DXBOT_"))}
        env.update({MARK: self.mark, "TMPDIR": str(self.tmp), "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)})
        with self.out.open("wb") as log:
            self.popen = subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=log,
                                          stderr=subprocess.STDOUT, start_new_session=True)

    def printed(self) -> str:
        return self.out.read_text(errors="replace")

    def marked(self) -> dict[int, str]:
        return _marked(self.mark, self.tmp)

    def until(self, predicate, timeout: float, what: str) -> None:  # noqa: ANN001
        ok = _wait(lambda: predicate() or self.popen.poll() is not None, timeout)
        assert ok and self.popen.poll() is None, f"{what}: not reached\n{self.printed()[-3000:]}"

    def stopped_by(self, sig: signal.Signals) -> None:
        """The run ended on its own after `sig`: 128 + its number, saying so, nothing of it left."""
        try:
            status = self.popen.wait(90)
        except subprocess.TimeoutExpired:
            pytest.fail(f"still running 90 s after {sig.name}:\n{self.printed()[-3000:]}")
        _wait(lambda: not self.marked(), 10)  # one SIGKILLed a moment ago may still be on its way out
        left, printed = self.marked(), self.printed()
        assert not left, f"still running after {sig.name}: {left}\n{printed[-3000:]}"
        assert status == 128 + sig, f"exit status {status}\n{printed[-3000:]}"
        assert f"interrupted by {sig.name}" in printed, printed[-3000:]
        assert not list(self.tmp.iterdir()), f"temp dirs left: {list(self.tmp.iterdir())}"

    def clean_up(self) -> None:
        """Whatever the outcome, nothing of this run outlives the test: the run's own cleanup first (SIGTERM),
        then SIGKILL to every marked process and its group until none is left."""
        if self.popen.poll() is None:
            with contextlib.suppress(OSError):
                os.kill(self.popen.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(15)
        for _ in range(50):
            left = self.marked()
            if not left and self.popen.poll() is not None:
                break
            with contextlib.suppress(OSError):
                os.killpg(self.popen.pid, signal.SIGKILL)
            for pid in left:
                with contextlib.suppress(OSError):
                    os.killpg(os.getpgid(pid), signal.SIGKILL)
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            time.sleep(0.2)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(5)


def _stub(tmp_path: Path, body: str) -> list[str]:
    """Arguments running `python -m benchmarks --only _stub`, where benchmarks._stub's `run()` is `body`, which
    calls `ready()` once it has started what it starts: that touches tmp_path/ready, then sleeps until stopped."""
    source = (f"import subprocess, time\nfrom pathlib import Path\n\n\ndef ready():\n"
              f"    Path({str(tmp_path / 'ready')!r}).touch()\n    time.sleep(600)\n\n\ndef run():\n"
              + textwrap.indent(textwrap.dedent(body), "    "))
    driver = tmp_path / "driver.py"
    driver.write_text(textwrap.dedent(f"""\
        import sys, types
        module = types.ModuleType("benchmarks._stub")
        exec(compile({source!r}, "benchmarks/_stub.py", "exec"), module.__dict__)
        sys.modules["benchmarks._stub"] = module
        sys.argv = ["benchmarks", "--only", "_stub"]
        from benchmarks.__main__ import main
        raise SystemExit(main())
        """))
    return [str(driver)]


def _emulator_answered(run: Run) -> bool:
    """The stack has served its first requests: the emulator (Zalo) has received replies."""
    for cmd in run.marked().values():
        if port := re.search(r"bot\.zalo\.emulator --port (\d+)", cmd):
            with contextlib.suppress(OSError, ValueError):
                url = f"http://127.0.0.1:{port.group(1)}/_emulator/messages"
                with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 (loopback)
                    return bool(json.load(answer)["messages"])
    return False


def test_a_signal_mid_run_stops_the_whole_stack(tmp_path: Path) -> None:
    run = Run(tmp_path, ["-m", "benchmarks", "--only", "bench_latency"])
    try:
        run.until(lambda: _emulator_answered(run), 120, "replies reached the emulator")
        assert len(run.marked()) >= 7, run.marked()  # run, redis, emulator, gunicorn + worker, scheduler, sender…
        os.killpg(run.popen.pid, signal.SIGTERM)  # as make's group, or a CI job, is killed
        run.stopped_by(signal.SIGTERM)
    finally:
        run.clean_up()


def test_the_backstop_stops_an_orphan_and_a_child_that_ignores_sigterm(tmp_path: Path) -> None:
    """Nothing here is in a `with`: only interruptible's backstop can stop them. The `setsid` sleep's parent
    exits at once, so it is re-parented, to the run as its subreaper (to init without that)."""
    run = Run(tmp_path, _stub(tmp_path, """\
        subprocess.run(["sh", "-c", "setsid sleep 311 & exit 0"], check=True)
        subprocess.Popen(["sh", "-c", "trap '' TERM HUP; exec sleep 312"])
        ready()
        """))
    try:
        run.until(lambda: (tmp_path / "ready").exists() and len(run.marked()) >= 3, 60, "stub ready")
        orphan = next(pid for pid, cmd in run.marked().items() if cmd == "sleep 311")
        assert Path(f"/proc/{orphan}/stat").read_text().rsplit(")", 1)[1].split()[1] == str(run.popen.pid)
        os.killpg(run.popen.pid, signal.SIGHUP)  # the terminal closed
        run.stopped_by(signal.SIGHUP)
        assert "stopped 2 process(es) still running at the end" in run.printed(), run.printed()[-3000:]
    finally:
        run.clean_up()


def test_signals_during_the_cleanup_say_so_then_kill_at_once(tmp_path: Path) -> None:
    """The child ignores SIGTERM, so its `with` waits for the grace period before SIGKILL; meanwhile a second
    Ctrl-C is answered, and a third kills everything without waiting."""
    run = Run(tmp_path, _stub(tmp_path, """\
        from benchmarks.common import bench_env, process
        with process(["sh", "-c", "trap '' TERM; exec sleep 313"], bench_env()):
            ready()
        """))
    try:
        run.until(lambda: (tmp_path / "ready").exists(), 60, "stub ready")
        for nth, said in enumerate(["stopping the", "still stopping"]):
            os.kill(run.popen.pid, signal.SIGINT)
            run.until(lambda said=said: f"SIGINT: {said}" in run.printed(), 30, f"signal {nth + 1} answered")
        os.kill(run.popen.pid, signal.SIGINT)
        run.stopped_by(signal.SIGINT)
        assert "SIGINT: killed the 1 process(es) still running" in run.printed(), run.printed()[-3000:]
    finally:
        run.clean_up()


def test_soak_stack_with_a_restarted_worker_is_stopped(tmp_path: Path) -> None:
    """soak.py's `Stack` (redis-server, the emulator, a `dxbot worker` and its RQ scheduler child), the worker's
    group SIGKILLed and the worker started again, as the fault phase does; then SIGTERM."""
    run = Run(tmp_path, _stub(tmp_path, """\
        from benchmarks.soak import Stack
        from benchmarks.bench_latency import _await_workers
        with Stack(workers=1, bare=True) as stack:
            stack.workers[0].start()
            _await_workers(stack.redis_url, 1, timeout=60)
            stack.kill_worker(0)
            ready()
        """))
    try:
        run.until(lambda: (tmp_path / "ready").exists(), 90, "stub ready")
        assert any("bot.cli worker" in cmd for cmd in run.marked().values()), run.marked()
        os.killpg(run.popen.pid, signal.SIGTERM)
        run.stopped_by(signal.SIGTERM)
    finally:
        run.clean_up()


def test_a_failure_cut_short_by_a_signal_is_still_printed(tmp_path: Path) -> None:
    """The benchmark had failed and was tearing down when the signal came: its error is shown, not only
    "interrupted"."""
    run = Run(tmp_path, _stub(tmp_path, """\
        try:
            raise ConnectionError("the emulator went away")
        finally:
            ready()
        """))
    try:
        run.until(lambda: (tmp_path / "ready").exists(), 60, "stub ready")
        os.kill(run.popen.pid, signal.SIGTERM)
        run.stopped_by(signal.SIGTERM)
        assert "ConnectionError: the emulator went away" in run.printed(), run.printed()[-3000:]
    finally:
        run.clean_up()
