"""The knowledge base as one object: entries + index + messages, answering questions."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from pathlib import Path

from bot.kb.decision import SUGGESTIONS, Answer, decide, unknown
from bot.kb.index import Hit, Index
from bot.kb.loader import DEFAULT_KB_DIR, DEFAULT_MESSAGES, Entry, load_messages, parse_kb
from bot.nlp.normalize import analyze

log = logging.getLogger(__name__)


class KnowledgeBase:
    """Immutable after construction, so one instance is safely shared by every request of a process."""

    def __init__(self, entries: Sequence[Entry], messages: dict[str, str], problems: Sequence[str] = (),
                 path: Path | None = None) -> None:
        started = time.perf_counter()
        self.entries = tuple(entries)
        self.by_id = {e.id: e for e in self.entries}
        self.messages = messages
        self.problems = list(problems)
        self.path = path
        self.index = Index(self.entries)
        self.index_seconds = time.perf_counter() - started
        self.load_seconds = self.index_seconds
        # One representative question per topic, in file order: the fallback suggestions.
        seen: dict[str, Entry] = {}
        for entry in self.entries:
            seen.setdefault(entry.topic, entry)
        self.topic_heads = list(seen.values())

    def search(self, question: str, k: int = 5) -> list[Hit]:
        """Ranked hits without any decision (for evaluation and debugging)."""
        return self.index.search(analyze(question), k)

    def suggestions(self, hits: Sequence[Hit], n: int = SUGGESTIONS) -> list[Entry]:
        """Up to ``n`` entries from distinct topics: near misses first, then each topic's first entry."""
        chosen: list[Entry] = []
        topics: set[str] = set()
        for entry in [*(h.entry for h in hits if h.coverage > 0.2), *self.topic_heads]:
            if entry.topic not in topics:
                chosen.append(entry)
                topics.add(entry.topic)
            if len(chosen) == n:
                break
        return chosen

    def answer(self, question: str) -> Answer:
        """Answer one citizen question (no side effects; the caller records unanswered ones)."""
        analysis = analyze(question)
        if not analysis.tokens:
            return unknown(self.topic_heads[:SUGGESTIONS], self.messages, "", head_key="empty")
        hits = self.index.search(analysis, k=5)
        return decide(hits, self.messages, analysis.text, self.suggestions(hits))


def load_kb(path: Path | None = None, messages_path: Path | None = None) -> KnowledgeBase:
    """Load and index the KB (default ``content/kb/``); bad entries are skipped and logged, not fatal."""
    started = time.perf_counter()
    kb_path = path or DEFAULT_KB_DIR
    entries, problems = parse_kb(kb_path)
    kb = KnowledgeBase(entries, load_messages(messages_path or DEFAULT_MESSAGES), problems, kb_path)
    kb.load_seconds = time.perf_counter() - started
    log.info("kb: %d entries from %s loaded in %.1f ms (index %.1f ms), %d problems", len(entries), kb_path,
             kb.load_seconds * 1000, kb.index_seconds * 1000, len(problems))
    return kb
