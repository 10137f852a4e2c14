"""The benchmarks' CPU readings from /proc (benchmarks/procstats.py).

An idle process's CPU per second was read in clock ticks (10 ms each): over bench_replies' 5 s idle window one
tick is 2 ms per second, so two idle workers read 0.0 or 2.0 by where the ticks fell (session 18's "idle workers
went from 0.0 to 2.0 ms per second" was one tick). `run_ns` reads each thread's time on a CPU in nanoseconds.
"""

from __future__ import annotations

import subprocess
import sys
import time

from benchmarks import procstats

BURN = """
import time, sys
end = time.thread_time() + 0.013
while time.thread_time() < end:
    pass
sys.stdout.write("burnt\\n"); sys.stdout.flush()
time.sleep(30)
"""


def test_run_ns_reads_a_process_groups_cpu_finer_than_a_clock_tick() -> None:
    child = subprocess.Popen([sys.executable, "-c", BURN], stdout=subprocess.PIPE, start_new_session=True)
    try:
        assert child.stdout is not None and child.stdout.readline() == b"burnt\n"
        first = procstats.run_ns(child.pid)
        time.sleep(0.2)
        idle = procstats.run_ns(child.pid) - first  # asleep: (almost) nothing, not a tick or nothing by chance
        assert first >= 13_000_000  # the 13 ms burnt (and the interpreter's start) are all there
        assert first % 10_000_000 != 0  # nanoseconds, not 10 ms ticks
        assert 0 <= idle < 2_000_000
    finally:
        child.kill()
        child.wait()
