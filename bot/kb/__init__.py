"""Knowledge-base question answering: ``get_kb().answer(text)``.

The KB is read from ``content/kb/*.toml`` (schema in ``bot/kb/loader.py``) and indexed once per process.
"""

from __future__ import annotations

import threading
from pathlib import Path

from bot.kb.decision import Answer
from bot.kb.engine import KnowledgeBase, load_kb
from bot.kb.loader import KBError
from bot.kb.unanswered import count_unanswered_in, record_unanswered, top_unanswered

__all__ = [
    "Answer", "KBError", "KnowledgeBase", "answer", "count_unanswered_in", "get_kb", "load_kb",
    "record_unanswered", "reset_kb", "top_unanswered",
]

_lock = threading.Lock()
_kb: KnowledgeBase | None = None


def get_kb() -> KnowledgeBase:
    """The process-wide KB, loaded on first use (workers fork after import, so each builds its own once)."""
    global _kb
    if _kb is None:
        with _lock:
            if _kb is None:
                _kb = load_kb()
    return _kb


def reset_kb(kb: KnowledgeBase | None = None) -> None:
    """Replace (or drop, to reload lazily) the cached KB — for tests and a future hot reload."""
    global _kb
    with _lock:
        _kb = kb


def answer(question: str, path: Path | None = None) -> Answer:
    """Convenience: answer from the cached KB, or from a freshly loaded one at ``path``."""
    return (load_kb(path) if path else get_kb()).answer(question)
