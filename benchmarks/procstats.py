"""CPU time and peak memory of a process and everything in its process group, read from /proc (Linux), and
the per-process memory table `make bench` prints.

A bench process runs in its own session (benchmarks/soak.py `Proc`), so its group holds the children it
forked too (RQ's scheduler child of a worker, gunicorn's workers)."""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

TICK_S = 1 / os.sysconf("SC_CLK_TCK")


def group_pids(pgid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":  # state, ppid, pgrp, ...; a zombie (subreaper) is gone
            pids.append(int(entry.name))
    return pids


def cpu_s(pgid: int) -> float:
    """User + system CPU seconds used so far by the live members of the group."""
    total = 0.0
    for pid in group_pids(pgid):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) * TICK_S  # utime, stime
    return total


def run_ns(pgid: int) -> int:
    """Nanoseconds on a CPU so far of the group's live members, each counting every thread it has had, ended ones
    too: the kernel's CPU clock of each process (`clock_gettime` on its `clock_getcpuclockid`), the nanosecond
    counterpart of `cpu_s`'s utime + stime.

    `cpu_s` counts clock ticks (10 ms each here): over a 5 s idle window that is 2 ms per second per tick, so an
    idle reading of two processes came out 0.0 or 2.0 by where the ticks fell. Summing the live threads'
    schedstat instead lost a thread that ended in the window with its whole lifetime (a reading could go
    negative). As with `cpu_s`, a member process that exits in the window takes its time with it."""
    total = 0
    for pid in group_pids(pgid):
        try:
            total += time.clock_gettime_ns(_process_cpu_clock(pid))
        except OSError:  # gone meanwhile
            continue
    return total


def _process_cpu_clock(pid: int) -> int:
    """Linux's `clock_getcpuclockid(pid)`, which Python does not expose: MAKE_PROCESS_CPUCLOCK(pid, CPUCLOCK_SCHED)
    (include/linux/posix-timers.h), the process-wide clock of every thread's run time, ended threads included."""
    return ((~pid) << 3) | 2


def machine_busy_s() -> float:
    """CPU seconds the whole machine spent busy so far, every core and every process (ours and anyone else's),
    from the first line of /proc/stat: user, nice, system, irq and softirq (idle, iowait and steal are not
    work done here; guest time is already inside user)."""
    fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq = (int(f) for f in fields[:7])
    return (user + nice + system + irq + softirq) * TICK_S


def self_cpu_s() -> float:
    """User + system CPU seconds of this process, every thread (the benchmark's own driver)."""
    times = os.times()
    return times.user + times.system


def cpu_snapshot(groups: dict[str, list[int]]) -> dict[str, float]:
    """CPU seconds so far of each named set of process groups, of this process ("driver") and of the whole
    machine ("machine"): two snapshots taken around a run give where its CPU went (`cpu_breakdown`)."""
    named = {name: sum(cpu_s(pgid) for pgid in pgids) for name, pgids in groups.items()}
    return {**named, "driver": self_cpu_s(), "machine": machine_busy_s()}


def cpu_breakdown(before: dict[str, float], after: dict[str, float], events: int) -> dict[str, float]:
    """Milliseconds of CPU per event between two `cpu_snapshot`s, per name; "ours" sums every named process and
    the driver, "other" is what the rest of the machine (other people's processes) used meanwhile."""
    per_event = {name: (after[name] - before[name]) / max(events, 1) * 1000 for name in before}
    per_event["ours"] = sum(v for k, v in per_event.items() if k != "machine")
    per_event["other"] = per_event["machine"] - per_event["ours"]
    return per_event


def format_breakdown(per_event: dict[str, float]) -> str:
    """One line: `name ms` for every entry, in the snapshot's order, then ours, the machine and the rest."""
    return ", ".join(f"{name} {ms:.2f}" for name, ms in per_event.items())


def peak_rss_mb(pgid: int) -> float:
    """The largest peak resident set (VmHWM) of any one process of the group, in MB."""
    peak = 0
    for pid in group_pids(pgid):
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except OSError:
            continue
    return peak / 1024


def own_peak_rss_mb() -> float:
    """This process's own peak resident set (VmHWM), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def print_peaks(title: str, peaks: dict[str, float], target_mb: float) -> bool:
    """One line per process by name: its peak RSS against the target, met or MISSED. Returns all met.

    The peaks are read from /proc while the processes still run (VmHWM), never from a child's rusage after
    exit: Linux carries the parent's high-water mark into a child's ru_maxrss at exec, so a small worker
    started by a large benchmark driver reported the driver's memory as its own."""
    print(f"\n{title}")
    print(f"  {'process':<12}{'peak RSS MB':>12}  target ≤ {target_mb:.0f} MB")
    for name, mb in peaks.items():
        print(f"  {name:<12}{mb:>12.1f}  {'met' if mb <= target_mb else 'MISSED'}")
    met = all(mb <= target_mb for mb in peaks.values())
    print(f"  every process ≤ {target_mb:.0f} MB: {'met' if met else 'MISSED'}")
    return met


def connections_to(pgid: int, port: int) -> int:
    """Established TCP connections from the group's processes to `port` on this machine (IPv4 or IPv6).

    A kept-alive client pool (urllib3's, in the sender) opens a connection only when every one it holds is busy,
    and keeps it: the count is the most sends the group ever had in flight at once, up to the pool's size."""
    inodes: set[str] = set()
    for pid in group_pids(pgid):
        with contextlib.suppress(OSError):
            for fd in Path(f"/proc/{pid}/fd").iterdir():
                with contextlib.suppress(OSError):
                    link = os.readlink(fd)
                    if link.startswith("socket:["):
                        inodes.add(link[8:-1])
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()  # sl, local, remote, state, queues, timer, retransmits, uid, timeout, inode
                if len(fields) > 9 and fields[3] == "01" and int(fields[2].rsplit(":", 1)[1], 16) == port \
                        and fields[9] in inodes:
                    count += 1
    return count
