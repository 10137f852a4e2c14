"""The emulator's freed heap handed back to the system after a reset or a cleared log (round 30, bench_replies).

Why: the throughput bench resets the emulator before every step (``/_emulator/reset``), and its live Python memory
stayed flat (~18 MB traced by ``tracemalloc`` over the steps) while its resident size climbed with the number of
steps, to 171 MB in round 29's bench — over the 150 MB line the bench prints for every process. What grew was
memory already freed: each kept-alive connection is served by a thread of its own, glibc gives threads separate
heaps ("arenas", up to eight per core), and the texts of a step's messages (1–2 KB each, too large for Python's own
small-object allocator) are freed into whichever heap made them. A freed page in the middle of a heap stays
resident until something asks glibc to release it; nothing did. ``malloc_trim(0)`` walks every arena and returns
the free pages to the kernel (glibc 2.8+, ``man 3 malloc_trim``).

Round 33 (docs/bench-runs/2026-12-07-emu33.md): the resident size still climbed, ~2 MB a step, after every trim.
``malloc_trim`` gives back free pages inside the heaps, but a thread arena's *top* (the free end of its heap) is
given back only by ``free`` itself, once it exceeds the trim threshold, and glibc raises that threshold at run time:
freeing a block that was big enough to be mmapped (the whole log listed at the end of a step is several MB) lifts
the mmap threshold to that block's size and the trim threshold to twice it (``man 3 mallopt``, M_MMAP_THRESHOLD,
"dynamic"). From then on each of the up-to-16 arenas may keep that much free memory resident at its top, and no
trim reaches it. :func:`settle_allocator` fixes both knobs at the standalone emulator's start: one arena (the
emulator's threads allocate under CPython's GIL, so more arenas bought no parallelism, only heaps to strand memory
in) and the mmap threshold at glibc's own 128 KB default, which turns the dynamic raise off.

Only the emulator (the test double) calls this, and :func:`settle_allocator` only in its own process
(``python -m bot.zalo.emulator``), never inside ``dxbot dev`` or a test process that runs it in a thread; the bot's
own processes are untouched. ``dxbot dev`` and ``dxbot emulator`` start the emulator as that process
(``bot.dev._emulator_cmd``), so they get the same settings (round 34 checked it: served by eight threads, the
process they start has no thread arena; tests/test_emulator_heap.py). On a system without glibc (macOS, musl) it
does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
from collections.abc import Callable, Mapping
from functools import lru_cache

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameters (malloc.h)
M_ARENA_MAX = -8
MMAP_THRESHOLD_B = 128 * 1024  # glibc's default, set explicitly: an explicit value turns off the dynamic raise
ARENA_MAX = 1
OPERATOR_SETTINGS = ("MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_")


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    """The C library when it is glibc (it has ``malloc_trim``), else None."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        libc = ctypes.CDLL(name)
        libc.malloc_trim  # noqa: B018  # glibc only
    except (OSError, AttributeError):
        return None
    return libc


@lru_cache(maxsize=1)
def _trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none."""
    libc = _libc()
    if libc is None:
        return None
    trim = libc.malloc_trim
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


@lru_cache(maxsize=1)
def _mallopt() -> Callable[[int, int], int] | None:
    """glibc's ``mallopt``, or None where the C library is not glibc."""
    libc = _libc()
    if libc is None:
        return None
    mallopt = libc.mallopt
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return mallopt


def settle_allocator(environ: Mapping[str, str] = os.environ) -> bool:
    """One arena and a fixed mmap threshold, so that what the emulator frees can leave the resident set (see the
    module's docstring). Call it first thing in the emulator's own process, before any thread starts (an arena
    made before stays). An operator's own malloc settings (``MALLOC_ARENA_MAX``, ``GLIBC_TUNABLES`` …) win: then
    nothing is changed. True when both settings took."""
    mallopt = _mallopt()
    if mallopt is None or any(name in environ for name in OPERATOR_SETTINGS) or \
            "glibc.malloc." in environ.get("GLIBC_TUNABLES", ""):
        return False
    arenas = mallopt(M_ARENA_MAX, ARENA_MAX)  # both asked for, whatever the first answers
    threshold = mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_B)
    return bool(arenas and threshold)


def release_freed() -> bool:
    """Give the pages of freed heap memory back to the system; True when the C library could do it."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
