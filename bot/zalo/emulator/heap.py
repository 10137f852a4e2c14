"""The emulator's freed heap handed back to the system after a reset or a cleared log (round 30, bench_replies).

Why: the throughput bench resets the emulator before every step (``/_emulator/reset``), and its live Python memory
stayed flat (~18 MB traced by ``tracemalloc`` over the steps) while its resident size climbed with the number of
steps, to 171 MB in round 29's bench — over the 150 MB line the bench prints for every process. What grew was
memory already freed: each kept-alive connection is served by a thread of its own, glibc gives threads separate
heaps ("arenas", up to eight per core), and the texts of a step's messages (1–2 KB each, too large for Python's own
small-object allocator) are freed into whichever heap made them. A freed page in the middle of a heap stays
resident until something asks glibc to release it; nothing did. ``malloc_trim(0)`` walks every arena and returns
the free pages to the kernel (glibc 2.8+, ``man 3 malloc_trim``).

Only the emulator (the test double) calls this; the bot's own processes are untouched. On a system without glibc
(macOS, musl) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=1)
def _trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None where the C library has none."""
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        libc = ctypes.CDLL(name)
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_freed() -> bool:
    """Give the pages of freed heap memory back to the system; True when the C library could do it."""
    trim = _trim()
    if trim is None:
        return False
    trim(0)
    return True
