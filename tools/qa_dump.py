"""Dump what ``KnowledgeBase.answer()`` returns for a fixed set of messages, to prove a change answers the same.

Why: latency work (caches, precomputation, compact postings) must not change a single answer. Run it before
and after a change and diff the two files::

    python -m tools.qa_dump > /tmp/before.txt   # on the old commit
    python -m tools.qa_dump > /tmp/after.txt    # on the new one
    diff /tmp/before.txt /tmp/after.txt         # must print nothing

Messages: every question of the dev splits tuned on (``DEV_SPLITS``; never a test split or a held-out half), of the old
set (``tests/eval/questions.toml``) and every phrasing of the real KB (titles, questions, keywords,
content/phrasings), as written and folded. ``--synthetic`` adds the benchmark's 1,000-entry synthetic KB
(``benchmarks/bench_qa.py``) asked its own phrasings and the same chat messages: candidate selection only
differs from the real KB's at that size. One line per message: decision, entry, choice entries, candidates,
score and margin (rounded to 9 places), the normalized text and a hash of the reply text. ``--exact`` prints
score and margin in full and, under each message, every signal of its main reading's hits (``KnowledgeBase.search``)
at full precision: since session 7 every float sum runs in a fixed order, so two processes with different
``PYTHONHASHSEED`` print the same bits (``tests/test_qa_latency_outside_pruning.py`` runs ``--exact --sample`` under two
seeds). ``--sample N``: only N of the chat messages, evenly spaced, and no KB phrasings (a quick check).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.kb.engine import KnowledgeBase, load_kb  # noqa: E402
from bot.kb.evaluate import load_cases  # noqa: E402
from bot.kb.index import Hit  # noqa: E402

# Hit fields that hold objects rather than signals (round 8: the measured question and the top entry's record, for
# bot.kb.explained): their reprs are sets in PYTHONHASHSEED order and say nothing a signal does not.
_REFERENCES = frozenset({"entry", "question", "record"})
from bot.nlp.normalize import fold  # noqa: E402

CASE_FILES = ("tests/eval/questions.toml",)
# the splits tuned on, named: never a test split, never a held-out half (dev8b, dev9b, dev10b), whose questions a
# dump would show
DEV_SPLITS = tuple(f"tests/eval/blind/{name}.toml" for name in (
    "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8a", "dev9a", "dev10a", "dev11a", "dev12a", "dev13a",
    "dev14a", "dev15a", "dev16a", "dev17a", "dev18a", "dev19a", "dev20a", "dev21a", "dev22a", "dev23a", "dev24a",
    "dev25a"))


def chat_messages() -> list[str]:
    """The questions of the dev splits tuned on and of the old set (never a test split or a held-out half)."""
    files = [ROOT / name for name in (*CASE_FILES, *DEV_SPLITS)]
    return [c.question for path in files if path.exists() for c in load_cases(path)]


def kb_phrasings(kb: KnowledgeBase) -> list[str]:
    """Every phrasing of every entry (own and content/phrasings), as written and folded."""
    texts = [t for e in kb.entries for t in (e.title, *e.questions, *e.keywords, *kb.phrasings.get(e.id, ()))]
    return list(dict.fromkeys([*texts, *(fold(t) for t in texts)]))


def lines(kb: KnowledgeBase, label: str, messages: Iterable[str], exact: bool = False) -> Iterator[str]:
    """One line per message: everything ``answer()`` decides, scores rounded to 9 places (``exact``: in full,
    and a line per hit of the main reading with every signal)."""
    for message in messages:
        a = kb.answer(message)
        digest = hashlib.sha1(a.text.encode()).hexdigest()[:12]
        score, margin = (repr(a.score), repr(a.margin)) if exact else (f"{a.score:.9f}", f"{a.margin:.9f}")
        yield (f"{label}\t{message!r}\t{a.kind}\t{a.entry}\t{','.join(a.choice_entries)}\t{','.join(a.candidates)}"
               f"\t{[t for t, _ in a.choices]!r}\t{score}\t{margin}\t{a.normalized!r}\t{digest}")
        if exact:
            for hit in kb.search(message):
                signals = (repr(getattr(hit, f)) for f in Hit.__slots__ if f not in _REFERENCES)
                yield "\t" + "\t".join([hit.entry.id, *signals])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.qa_dump", description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", action="store_true", help="also the 1,000-entry synthetic KB")
    parser.add_argument("--exact", action="store_true", help="floats in full and every hit signal")
    parser.add_argument("--sample", type=int, default=0, metavar="N", help="only N chat messages, no phrasings")
    args = parser.parse_args(argv)
    kb = load_kb()
    chat = chat_messages()
    if args.sample:
        chat = chat[:: max(1, len(chat) // args.sample)][: args.sample]
    phrasings = [] if args.sample else kb_phrasings(kb)
    out = [*lines(kb, "chat", chat, args.exact), *lines(kb, "phrasing", phrasings, args.exact)]
    if args.synthetic:
        from benchmarks.bench_qa import queries_for, synthetic_kb

        synth = synthetic_kb(kb.entries)
        queries = [] if args.sample else queries_for(synth.entries)
        out += [*lines(synth, "synth-chat", chat, args.exact), *lines(synth, "synth-phrasing", queries, args.exact)]
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
