"""``python -m benchmarks.emulator_probe STATS_FILE [--tracemalloc] -- <emulator flags>``: the emulator exactly as
``python -m bot.zalo.emulator`` runs it, plus a thread that appends one JSON line of its memory to STATS_FILE every
SAMPLE_S (benchmarks/emulator_memory.py reads them).

Why a wrapper and not an endpoint: what the emulator holds is read from inside its process (tracemalloc, glibc's
arenas), and a measuring aid has no business among the emulator's operator-visible paths (CONTRACT.md §5).

Each line: seconds since start, VmRSS and VmHWM (KB), threads, Python's allocated blocks, tracemalloc's traced and
peak bytes (with ``--tracemalloc``; its own bookkeeping is reported apart), and glibc's heap from ``malloc_info``:
arenas, bytes the heaps hold from the system, bytes of it free (kept by the allocator), bytes in mmapped chunks.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import re
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any

SAMPLE_S = 0.25


def status_kb() -> dict[str, int]:
    """VmRSS, VmHWM (KB) and Threads of this process from /proc/self/status."""
    wanted = {"VmRSS", "VmHWM", "Threads"}
    found: dict[str, int] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in wanted:
            found[name] = int(value.split()[0])
    return found


class MallocInfo:
    """glibc's ``malloc_info`` XML, summed: how many arenas, what they hold from the system and what of it is free."""

    def __init__(self) -> None:
        name = ctypes.util.find_library("c")
        self.libc = ctypes.CDLL(name) if name else None
        if self.libc is not None:
            self.libc.fopen.restype = ctypes.c_void_p
            self.libc.fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
            self.libc.fclose.argtypes = [ctypes.c_void_p]
            self.libc.malloc_info.argtypes = [ctypes.c_int, ctypes.c_void_p]
        self.path = Path(tempfile.mkstemp(prefix="emulator-malloc-info-")[1])

    def read(self) -> dict[str, int]:
        if self.libc is None:
            return {}
        stream = self.libc.fopen(str(self.path).encode(), b"w")
        if not stream:
            return {}
        try:
            self.libc.malloc_info(0, stream)
        finally:
            self.libc.fclose(stream)
        return summarize(self.path.read_text())


def summarize(xml: str) -> dict[str, int]:
    """The totals after the last ``</heap>`` (the whole process) and the number of heaps (arenas)."""
    arenas = len(re.findall(r"<heap nr=", xml))
    tail = xml.rsplit("</heap>", 1)[-1]

    def total(kind: str, field: str = "size") -> int:
        found = re.search(rf'<total type="{kind}" count="\d+" size="(\d+)"/>', tail)
        return int(found.group(1)) if found else 0

    system = re.search(r'<system type="current" size="(\d+)"/>', tail)
    return {"arenas": arenas, "heap_system": int(system.group(1)) if system else 0,
            "heap_free": total("fast") + total("rest"), "mmap": total("mmap")}


ARENA_ALIGN = 64 * 2**20  # a glibc thread arena's heap starts on a HEAP_MAX_SIZE boundary (64 MB on 64-bit)
STACK_KB = (8188, 8192)  # a thread's stack (ulimit -s 8 MB, less its guard page once split off)


def smaps_kb() -> dict[str, int]:
    """Resident KB by kind of mapping: the main heap (brk), thread arenas' heaps, thread stacks, files, the rest of
    the anonymous memory (Python's 1 MB object arenas, large mmapped blocks)."""
    kinds = {"rss_main_heap": 0, "rss_arenas": 0, "rss_stacks": 0, "rss_files": 0, "rss_other_anon": 0}
    kind = "rss_other_anon"
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split()
        if "-" in head[0] and not head[0].endswith(":"):
            start, end = (int(x, 16) for x in head[0].split("-"))
            path = head[5] if len(head) > 5 else ""
            if path == "[heap]":
                kind = "rss_main_heap"
            elif path.startswith("/") or path in ("[vdso]", "[vvar]", "[vsyscall]"):
                kind = "rss_files"
            elif start % ARENA_ALIGN == 0 and head[1].startswith("rw"):
                kind = "rss_arenas"
            elif (end - start) // 1024 in STACK_KB or path == "[stack]":
                kind = "rss_stacks"
            else:
                kind = "rss_other_anon"
        elif head[0] == "Rss:":
            kinds[kind] += int(head[1])
    return kinds


def python_arenas() -> int:
    """Python's object allocator's 1 MB arenas in use (``sys._debugmallocstats``, which only writes to fd 2)."""
    with tempfile.TemporaryFile() as out:
        saved = os.dup(2)
        try:
            os.dup2(out.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        out.seek(0)
        found = re.search(rb"# arenas allocated current\s*=\s*([\d,]+)", out.read())
    return int(found.group(1).replace(b",", b"")) if found else 0


def sample(started: float, info: MallocInfo) -> dict[str, Any]:
    row: dict[str, Any] = {"t": round(time.monotonic() - started, 2), **status_kb(),
                           "blocks": sys.getallocatedblocks(), **info.read(), **smaps_kb(),
                           "py_arenas": python_arenas()}
    if tracemalloc.is_tracing():
        row["traced"], row["traced_peak"] = tracemalloc.get_traced_memory()
        row["tracemalloc_own"] = tracemalloc.get_tracemalloc_memory()
    return row


def sampler(path: Path, stop: threading.Event) -> None:
    started, info = time.monotonic(), MallocInfo()
    with path.open("a") as out:
        while not stop.wait(SAMPLE_S):
            out.write(json.dumps(sample(started, info)) + "\n")
            out.flush()


def main(argv: list[str]) -> int:
    stats, *rest = argv
    if rest and rest[0] == "--tracemalloc":
        tracemalloc.start()
        rest = rest[1:]
    if rest and rest[0] == "--":
        rest = rest[1:]
    try:  # what the emulator's own start does first, done before the probe's thread makes an arena of its own
        from bot.zalo.emulator.heap import settle_allocator
    except ImportError:  # code from before round 33
        pass
    else:
        settle_allocator()
    stop = threading.Event()
    threading.Thread(target=sampler, args=(Path(stats), stop), name="memory-probe", daemon=True).start()
    from bot.zalo.emulator.__main__ import main as emulator_main

    try:
        return emulator_main(rest)
    finally:
        stop.set()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
