"""Shared plumbing for benchmarks: a private redis-server, gunicorn processes, signed event bodies, wrk, and
`interruptible`, which makes whatever stops a run stop everything the run started."""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass, field
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
    that `dxbot dev`'s embedded Redis uses). The socket lives in a short directory right under /tmp: a unix
    socket path is cut at 107 bytes, and the run's TMPDIR (`interruptible`) can be deep."""
    directory = Path(tempfile.mkdtemp(prefix="dxbot-bench-"))
    sockets = Path(tempfile.mkdtemp(prefix="dxbot-sock-", dir="/tmp")) if unix else None
    port = free_port()
    url = f"unix://{sockets / 'redis.sock'}" if sockets else f"redis://127.0.0.1:{port}/0"
    try:
        proc = subprocess.Popen(server_args(directory, port=port, unix_socket=sockets and sockets / "redis.sock"),
                                stdout=subprocess.DEVNULL, start_new_session=True)
        try:
            wait_http_or_redis(url)
            yield url
        finally:
            stop_group(proc, timeout=10)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
        if sockets:
            shutil.rmtree(sockets, ignore_errors=True)


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
        stop_group(proc)


def stop_group(proc: subprocess.Popen, timeout: float = 15) -> None:
    """Stop a process started in its own session and everything in its group: SIGTERM, SIGKILL after `timeout`,
    then SIGKILL to what is left of the group (children of a parent that exited on SIGTERM: gunicorn's workers,
    an RQ work horse). Every wait is bounded: while a run is being stopped (`interruptible`) the SIGTERM grace is
    at most STOP_GRACE_S, and none once the stop is forced; a process still there KILL_WAIT_S after SIGKILL is
    given up on here (never raises TimeoutExpired) and left to the backstop, which kills and reports it."""
    if _ACTIVE is not None and _ACTIVE.signum is not None:
        timeout = min(timeout, STOP_GRACE_S)
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    if not _bounded_wait(proc, timeout):
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        _bounded_wait(proc, KILL_WAIT_S)
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


def _bounded_wait(proc: subprocess.Popen, timeout: float) -> bool:
    """Wait up to `timeout` for `proc` to exit, up to FORCED_WAIT_S once the run's stop is forced; whether it did."""
    deadline = time.monotonic() + timeout
    while True:
        forced_at = _ACTIVE.forced_at if _ACTIVE is not None else None
        end = deadline if forced_at is None else min(deadline, forced_at + FORCED_WAIT_S)
        try:
            proc.wait(max(0.0, min(0.2, end - time.monotonic())))
            return True
        except subprocess.TimeoutExpired:
            if time.monotonic() >= end:
                return False


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
    procs: list[subprocess.Popen] = []
    try:
        for _ in range(count):
            procs.append(subprocess.Popen([sys.executable, "-m", "bot.cli", "worker", "--burst"], env=env, cwd=ROOT,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                          start_new_session=True))
        for proc in procs:
            proc.wait()
    finally:  # interrupted: the workers still running, and their work horses
        for proc in procs:
            if proc.returncode is None:
                stop_group(proc)
    return time.monotonic() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


# ---- stopping a run, whatever stops it ---------------------------------------------------------------------

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
STOP_GRACE_S = 5.0  # once a run is being stopped: SIGTERM, then SIGKILL this long after
KILL_WAIT_S = 5.0  # after SIGKILL: a process still there (D state) is given up on and reported
FORCED_WAIT_S = 1.0  # once forced: the longest any wait for a process lasts
STOP_DEADLINE_S = 30.0  # after the first signal: everything still running is SIGKILLed, as by a third signal
_PR_SET_CHILD_SUBREAPER, _PR_GET_CHILD_SUBREAPER = 36, 37


@dataclass
class Interrupt:
    """What stopped the run: the first stop signal received, if any, and how far the stop has gone."""

    signum: int | None = None
    signals: int = 0  # stop signals received
    stopping: bool = False  # in the backstop: a first signal now is recorded, not raised
    forced_at: float | None = None  # monotonic time everything was SIGKILLed (third signal or deadline)
    before: dict[int, int] = field(default_factory=dict)  # descendants when the run started: pid -> start time

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name if self.signum else "KeyboardInterrupt"

    @property
    def exit_status(self) -> int:
        return 128 + (self.signum or signal.SIGINT)

    def force(self, why: str) -> None:
        """SIGKILL to every process the run started that is still alive, and to its group; from then on no wait
        for a process lasts more than FORCED_WAIT_S."""
        if _ACTIVE is not self:  # a deadline that fired after the run ended
            return
        if self.forced_at is None:
            self.forced_at = time.monotonic()
        left = _alive_since(self.before)
        for pid, (_, group, _, _) in left.items():
            _signal(pid, group, signal.SIGKILL)
        _say(f"{why}: killed the {len(left)} process(es) still running (SIGKILL)")


_ACTIVE: Interrupt | None = None


def _say(line: str) -> None:
    """A line on stderr, safe in a signal handler (no buffered stream to re-enter) and on a hung-up terminal."""
    with suppress(OSError):
        os.write(2, f"\n{line}\n".encode())


@contextmanager
def interruptible() -> Iterator[Interrupt]:
    """SIGINT, SIGTERM and SIGHUP stop a benchmark run the way Ctrl-C does, and nothing the run started outlives it.

    The first of them raises KeyboardInterrupt in the main thread, so every benchmark's `with` and `finally` stop
    its processes (SIGTERM, SIGKILL STOP_GRACE_S later) and remove its temp dirs; it says so at once. A second one
    does not cut that cleanup short: it says the cleanup is in progress and how many processes are left. A third
    one, or STOP_DEADLINE_S after the first, SIGKILLs every process still running at once, and no wait lasts more
    than FORCED_WAIT_S after that: a stuck child cannot hang the run. A signal ignored when the run started
    (`nohup`, a shell's `&`) stays ignored. Then, however the run ended, a backstop: every process started
    meanwhile that is still alive (this process's descendants; it is their subreaper, so orphans come back to it)
    gets SIGTERM, then SIGKILL, with its group, and the run's own TMPDIR, where all its temp dirs are made, is
    removed (kept with DXBOT_SOAK_KEEP). Used by `python -m benchmarks` and `benchmarks/soak.py`; nested, the outer
    one does it all.
    """
    global _ACTIVE
    if _ACTIVE is not None or threading.current_thread() is not threading.main_thread():
        yield _ACTIVE or Interrupt()
        return
    state = _ACTIVE = Interrupt()
    deadline: list[threading.Timer] = []

    def on_signal(signum: int, frame: object) -> None:
        state.signals += 1
        name = signal.Signals(signum).name
        if state.signum is None:
            state.signum = signum
            _say(f"{name}: stopping the {len(_alive_since(state.before))} process(es) this run started "
                 f"(once more: progress; a third time: kill them all at once)")
            timer = threading.Timer(STOP_DEADLINE_S, state.force, (f"still stopping after {STOP_DEADLINE_S:.0f} s",))
            timer.daemon = True
            timer.start()
            deadline.append(timer)
            if not state.stopping:
                raise KeyboardInterrupt
        elif state.signals == 2:
            _say(f"{name}: still stopping {len(_alive_since(state.before))} process(es): each gets SIGKILL "
                 f"{STOP_GRACE_S:.0f} s after its SIGTERM, all of them {STOP_DEADLINE_S:.0f} s after the first "
                 f"signal; once more to kill them all now")
        else:
            state.force(name)

    handlers = {sig: signal.getsignal(sig) for sig in STOP_SIGNALS}
    saved_tmp = (tempfile.tempdir, os.environ.get("TMPDIR"))
    was_subreaper, root = False, None
    try:
        state.before = {pid: info[3] for pid, info in _descendants().items()}
        was_subreaper = _subreaper(True)
        root = Path(tempfile.mkdtemp(prefix="dxbot-bench-run-"))
        tempfile.tempdir = os.environ["TMPDIR"] = str(root)
        for sig, handler in handlers.items():
            if handler is not signal.SIG_IGN:
                signal.signal(sig, on_signal)
        try:
            yield state
        finally:  # a first signal raised here, before the next line, still leaves the outer `finally` to run
            state.stopping = True
    finally:
        state.stopping = True
        try:
            stopped, stuck = _stop_started_since(state)
            if stopped:
                _say(f"stopped {len(stopped)} process(es) still running at the end: {'; '.join(stopped)}")
            if stuck:
                _say(f"could not kill {len(stuck)} process(es) (stuck in the kernel?): {'; '.join(stuck)}")
        finally:
            for timer in deadline:
                timer.cancel()
            tempfile.tempdir = saved_tmp[0]
            if saved_tmp[1] is None:
                os.environ.pop("TMPDIR", None)
            else:
                os.environ["TMPDIR"] = saved_tmp[1]
            if root is not None and not os.environ.get("DXBOT_SOAK_KEEP"):
                shutil.rmtree(root, ignore_errors=True)
            _subreaper(was_subreaper)
            for sig, handler in handlers.items():
                signal.signal(sig, signal.SIG_DFL if handler is None else handler)  # None: set outside Python
            _ACTIVE = None


def _descendants() -> dict[int, tuple[int, int, str, int]]:
    """This process's descendants from /proc: pid -> (parent, process group, state, start time in ticks)."""
    table: dict[int, tuple[int, int, str, int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            table[int(entry.name)] = (int(fields[1]), int(fields[2]), fields[0], int(fields[19]))
    children: dict[int, list[int]] = {}
    for pid, (parent, *_) in table.items():
        children.setdefault(parent, []).append(pid)
    found: dict[int, tuple[int, int, str, int]] = {}
    todo = [os.getpid()]
    while todo:
        for child in children.get(todo.pop(), []):
            found[child] = table[child]
            todo.append(child)
    return found


def _alive_since(before: dict[int, int]) -> dict[int, tuple[int, int, str, int]]:
    """Live (not zombie) descendants that were not there in `before` (pid -> start time)."""
    return {pid: info for pid, info in _descendants().items() if info[2] != "Z" and before.get(pid) != info[3]}


def _signal(pid: int, group: int, sig: int) -> None:
    """`sig` to `pid`, and to its group if it leads one."""
    with suppress(OSError):
        if group == pid:
            os.killpg(pid, sig)
        os.kill(pid, sig)


def _stop_started_since(state: Interrupt) -> tuple[list[str], list[str]]:
    """SIGTERM, then after STOP_GRACE_S SIGKILL (at once if the stop was forced), to every live descendant not
    in `state.before` and to its group if it leads one; one that appears meanwhile (a respawned worker, an orphan)
    gets the same. Zombies left to this process are reaped. Returns the command lines of those stopped, and of
    those still alive KILL_WAIT_S after SIGKILL."""
    names: dict[int, str] = {}
    left: dict[int, tuple[int, int, str, int]] = {}
    for sig, wait_s in ((signal.SIGTERM, STOP_GRACE_S), (signal.SIGKILL, KILL_WAIT_S)):
        if state.forced_at is not None:
            if sig == signal.SIGTERM:
                continue
            wait_s = FORCED_WAIT_S
        sent: set[int] = set()
        deadline = time.monotonic() + wait_s
        while (left := _alive_since(state.before)):
            for pid, (_, group, _, _) in left.items():
                if pid not in names:
                    with suppress(OSError):
                        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
                        names[pid] = f"{pid} {cmdline.decode(errors='replace').strip()}"
                if pid not in sent:
                    sent.add(pid)
                    _signal(pid, group, sig)
            forced_now = sig == signal.SIGTERM and state.forced_at is not None
            if time.monotonic() >= deadline or forced_now:
                break
            time.sleep(0.1)
        if not left:
            break
    for pid, (parent, _, proc_state, _) in _descendants().items():
        if parent == os.getpid() and proc_state == "Z" and pid not in state.before:
            with suppress(ChildProcessError):
                os.waitpid(pid, os.WNOHANG)
    return list(names.values()), [names.get(pid, str(pid)) for pid in left]


def _subreaper(on: bool) -> bool:
    """Make this process the subreaper of its descendants (Linux), so that an orphan is re-parented to it, not to
    init, and the backstop still finds it. Returns whether it was one before."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return False
    was = ctypes.c_int(0)
    prctl(_PR_GET_CHILD_SUBREAPER, ctypes.byref(was), 0, 0, 0)
    prctl(_PR_SET_CHILD_SUBREAPER, int(on), 0, 0, 0)
    return bool(was.value)
