"""SIGTERM/SIGINT turned into a `threading.Event`, safely: taken by a thread of their own, never by a handler.

`dxbot sender` used to stop with `signal.signal(SIGTERM, lambda *_: stop.set())`. A Python signal handler runs in
the main thread between two bytecodes, wherever that thread is, and `Event.set()` takes the event's lock, a plain
(non-reentrant) `Lock`. The sender's main thread spends its idle time in `stop.wait(SENDER_POLL_SECONDS)`, which
holds that same lock around its wait; a signal handled inside that window made the handler wait for a lock its own
thread held: the process hung until SIGKILL (the flaky `test_stalled_processes.py` case: SIGCONT then SIGTERM at
once, so the signal lands while the resumed main thread leaves its wait). CPython reports the same trap for
`multiprocessing.Event` (python/cpython#126434) and `ThreadPoolExecutor.shutdown` (#121649).

Here the signals are blocked in the calling thread, and so in every thread it starts afterwards, and one daemon
thread takes them with `sigwait`: `stop.set()` then runs in an ordinary thread and at worst waits for the main
thread to leave its `stop.wait`. Call it before the process starts any thread.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterable

log = logging.getLogger(__name__)
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def stop_on_signals(stop: threading.Event, signals: Iterable[signal.Signals] = STOP_SIGNALS) -> threading.Thread:
    """Set `stop` when one of `signals` arrives (later ones are logged and ignored: the stop is under way)."""
    wanted = set(signals)
    signal.pthread_sigmask(signal.SIG_BLOCK, wanted)

    def take() -> None:
        while True:
            received = signal.sigwait(wanted)
            if stop.is_set():
                log.info("%s received while already stopping", signal.Signals(received).name)
            else:
                log.info("%s received: stopping", signal.Signals(received).name)
                stop.set()

    thread = threading.Thread(target=take, name="stop-on-signals", daemon=True)
    thread.start()
    return thread
