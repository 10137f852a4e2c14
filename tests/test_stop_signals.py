"""SIGTERM stops `dxbot sender` whenever it comes, also inside its main thread's `stop.wait` (infra/stop_signals.py).

The sender's SIGTERM handler used to call `stop.set()`; a signal handled while the main thread held the event's
lock (inside `stop.wait`) made the handler wait on its own thread: the sender hung until SIGKILL, seen once as the
flaky tests/test_stalled_processes.py case (SIGCONT then SIGTERM at once).
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from bot.infra import keys
from tests.support import ROOT, BotHarness, spawn, stop, wait_for

# The worst moment, made certain: the signal arrives while the main thread holds the event's lock, as it does
# between entering and leaving `stop.wait`. A handler calling `stop.set()` would run inside the loop (at a backward
# jump) and block on that lock forever; taken by another thread, the set waits until the lock is released.
WORST_MOMENT = """
import os, signal, sys, threading
from bot.infra.stop_signals import stop_on_signals

stop = threading.Event()
stop_on_signals(stop)
with stop._cond:  # what Event.wait holds around its wait
    os.kill(os.getpid(), signal.SIG)
    for _ in range(100_000):
        pass
sys.exit(0 if stop.wait(30) else 3)
"""


def _run_worst_moment(sig: signal.Signals) -> subprocess.CompletedProcess[bytes]:
    code = WORST_MOMENT.replace("signal.SIG)", f"signal.{sig.name})")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=60, check=False)


def test_a_stop_signal_that_arrives_inside_stop_wait_still_sets_the_stop() -> None:
    for sig in (signal.SIGTERM, signal.SIGINT):
        try:
            done = _run_worst_moment(sig)
        except subprocess.TimeoutExpired as exc:  # the old handler's hang
            raise AssertionError(f"{sig.name} inside stop.wait hung the process") from exc
        assert done.returncode == 0, (sig.name, done.returncode, done.stderr.decode()[-2000:])


def _blocked_signals(pid: int) -> dict[str, int]:
    """Each thread's blocked-signals mask (Linux /proc), by thread name."""
    masks = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        status = dict(line.split(":\t", 1) for line in (task / "status").read_text().splitlines() if ":\t" in line)
        masks[f"{status['Name'].strip()}-{task.name}"] = int(status["SigBlk"], 16)
    return masks


def test_dxbot_sender_takes_its_stop_signals_in_a_thread_and_stops_on_sigterm(bot: BotHarness) -> None:
    sender = spawn(["sender"], {**bot.env, "SENDER_POLL_SECONDS": "0.001"})  # its main thread: mostly in stop.wait
    try:
        wait_for(lambda: bot.redis.exists(keys.SENDER_ALIVE), 30, "the sender's heartbeat")
        wanted = (1 << (signal.SIGTERM - 1)) | (1 << (signal.SIGINT - 1))
        masks = _blocked_signals(sender.pid)
        # no thread, the main one included, may run a Python handler for them: all block them but the one waiting
        # for them in sigwait (the kernel unblocks them for that wait; with a handler, every thread shows them open)
        taking = [name for name, mask in masks.items() if mask & wanted != wanted]
        assert len(masks) >= 3 and len(taking) == 1, masks
        sender.terminate()
        sender.wait(10)
        assert sender.returncode == 0
    finally:
        stop(sender)
    assert not bot.redis.exists(keys.SENDER_ALIVE)  # it stopped the way it stops: its heartbeat taken back
