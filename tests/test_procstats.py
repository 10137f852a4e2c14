"""The benchmarks' CPU readings from /proc (benchmarks/procstats.py).

An idle process's CPU per second was read in clock ticks (10 ms each): over bench_replies' 5 s idle window one
tick is 2 ms per second, so two idle workers read 0.0 or 2.0 by where the ticks fell (session 18's "idle workers
went from 0.0 to 2.0 ms per second" was one tick). `run_ns` reads each thread's time on a CPU in nanoseconds.
"""

from __future__ import annotations

import os
import signal
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


THREADS_AND_CHILD = """
import os, subprocess, sys, threading, time
def burn(seconds):
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass
sys.stdout.write("ready\\n"); sys.stdout.flush()
sys.stdin.readline()
child = subprocess.Popen([sys.executable, "-c", "import time; end = time.thread_time() + 0.1\\n"
                          "while time.thread_time() < end: pass\\ntime.sleep(30)"])  # same group
worker = threading.Thread(target=burn, args=(0.15,))
worker.start()
worker.join()  # the thread's 150 ms must stay counted once it has ended
time.sleep(0.5)
sys.stdout.write("done\\n"); sys.stdout.flush()
time.sleep(30)
"""


def test_run_ns_keeps_the_cpu_of_a_thread_that_ended_and_counts_a_child_in_the_group() -> None:
    """A thread that burns 150 ms and ends, and a child in the same process group that burns 100 ms and lives
    on: both are in the reading across the window (summing live threads' schedstat lost the ended thread's
    whole lifetime, and could read below zero)."""
    parent = subprocess.Popen([sys.executable, "-c", THREADS_AND_CHILD], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, start_new_session=True)
    try:
        assert parent.stdout is not None and parent.stdin is not None
        assert parent.stdout.readline() == b"ready\n"
        before = procstats.run_ns(parent.pid)
        parent.stdin.write(b"go\n")
        parent.stdin.flush()
        assert parent.stdout.readline() == b"done\n"
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # the child's 100 ms (it may still be starting under load)
            delta = procstats.run_ns(parent.pid) - before
            if delta >= 250_000_000:
                break
            time.sleep(0.1)
        assert delta >= 250_000_000, delta
        assert len(procstats.group_pids(parent.pid)) == 2
    finally:
        os.killpg(parent.pid, signal.SIGKILL)
        parent.wait()


CONNECT = """
import socket, sys, time
held = [socket.create_connection(("127.0.0.1", int(sys.argv[1]))) for _ in range(int(sys.argv[2]))]
sys.stdout.write("connected\\n"); sys.stdout.flush()
time.sleep(30)
"""


def test_connections_to_counts_a_groups_established_connections_to_one_port() -> None:
    """bench_replies reads the sender's connections to the emulator: the most sends it ever had in flight."""
    import socket

    server = socket.create_server(("127.0.0.1", 0))
    other = socket.create_server(("127.0.0.1", 0))
    port, other_port = server.getsockname()[1], other.getsockname()[1]
    child = subprocess.Popen([sys.executable, "-c", CONNECT, str(port), "3"], stdout=subprocess.PIPE,
                             start_new_session=True)
    bystander = subprocess.Popen([sys.executable, "-c", CONNECT, str(port), "2"], stdout=subprocess.PIPE,
                                 start_new_session=True)
    try:
        assert child.stdout is not None and child.stdout.readline() == b"connected\n"
        assert bystander.stdout is not None and bystander.stdout.readline() == b"connected\n"
        assert procstats.connections_to(child.pid, port) == 3  # its own, not the other group's two
        assert procstats.connections_to(bystander.pid, port) == 2
        assert procstats.connections_to(child.pid, other_port) == 0
    finally:
        for proc in (child, bystander):
            proc.kill()
            proc.wait()
        server.close()
        other.close()
