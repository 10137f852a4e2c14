"""CPU time and peak memory of a process and everything in its process group, read from /proc (Linux).

A bench process runs in its own session (benchmarks/soak.py `Proc`), so its group holds the children it
forked too (RQ's scheduler child of a worker, gunicorn's workers)."""

from __future__ import annotations

import os
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
        if int(fields[2]) == pgid:  # after the command: state, ppid, pgrp, ...
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
