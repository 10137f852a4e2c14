"""Measure extra phrasings (content/phrasings/) without any evaluation set: ``python tools/phrasings_proxy.py``.

Why: the blind sets must stay unread, so phrasings are judged on a proxy. ``loo`` (leave-one-out): for each
entry, its own ``questions`` are removed from the index (and any extra phrasing that is word for word one of
them), then each is asked through the engine; counts how often the entry comes first and is answered
confidently, and how often another entry is answered confidently. ``--no-phrasings`` gives the figure without
content/phrasings. ``vet TOPIC``: each phrasing of ``content/phrasings/TOPIC.toml`` asked of the KB without that
file's phrasings; lists the ones another entry answers confidently (a phrasing another entry answers better must
go; one the engine merely confuses is what phrasings are for) and the ones word for word another entry's.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tomllib
from collections.abc import Mapping, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.kb.engine import KnowledgeBase  # noqa: E402
from bot.kb.loader import DEFAULT_KB_DIR, DEFAULT_MESSAGES, Entry, load_messages, parse_kb  # noqa: E402
from bot.kb.phrasings import DEFAULT_PHRASINGS_DIR, load_phrasings  # noqa: E402
from bot.nlp.normalize import analyze  # noqa: E402

SKIPPED_TOPICS = ("ngoai-pham-vi",)  # out-of-scope entries: their questions are refusals, not topics


def leave_one_out(entries: Sequence[Entry], phrasings: Mapping[str, Sequence[str]],
                  show: bool = False) -> tuple[int, int, int, int]:
    """(questions, ranked first, confident and right, confident and wrong) over every in-scope entry."""
    messages = load_messages(DEFAULT_MESSAGES)
    total = first = right = wrong = 0
    for i, entry in enumerate(entries):
        if entry.topic in SKIPPED_TOPICS:
            continue
        held = {analyze(q).text for q in entry.questions}
        reduced = list(entries)
        reduced[i] = dataclasses.replace(entry, questions=())
        extra = dict(phrasings)
        extra[entry.id] = tuple(p for p in extra.get(entry.id, ()) if analyze(p).text not in held)
        kb = KnowledgeBase(reduced, messages, phrasings=extra)
        for question in entry.questions:
            hits = kb.search(question)
            result = kb.answer(question)
            is_first = bool(hits) and hits[0].entry.id == entry.id
            total += 1
            first += is_first
            right += result.confident and result.entry == entry.id
            wrong += result.confident and result.entry != entry.id
            if show and not (is_first and result.confident and result.entry == entry.id):
                print(f"  {entry.id:34} {result.kind:9} -> {result.entry!s:34} {question}")
    return total, first, right, wrong


def vet(entries: Sequence[Entry], topic: str) -> int:
    """Print the phrasings of TOPIC that another entry answers or owns; returns how many."""
    path = DEFAULT_PHRASINGS_DIR / f"{topic}.toml"
    mine = tomllib.loads(path.read_text(encoding="utf-8"))
    everything, _ = load_phrasings()
    others = {k: v for k, v in everything.items() if k not in mine}
    kb = KnowledgeBase(entries, load_messages(DEFAULT_MESSAGES), phrasings=others)
    owners: dict[str, set[str]] = {}
    for entry in entries:
        for text in (entry.title, *entry.questions, *everything.get(entry.id, ())):
            owners.setdefault(analyze(text).text, set()).add(entry.id)
    flagged = 0
    for entry_id, values in mine.items():
        for phrasing in values:
            also = owners.get(analyze(phrasing).text, set()) - {entry_id}
            result = kb.answer(phrasing)
            if also or (result.confident and result.entry != entry_id):
                flagged += 1
                why = f"also {sorted(also)}" if also else f"answered with {result.entry}"
                print(f"  {entry_id:34} {phrasing!r}: {why}")
    return flagged


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    loo = sub.add_parser("loo", help="leave-one-out proxy over the entries' own questions")
    loo.add_argument("--no-phrasings", action="store_true", help="without content/phrasings")
    loo.add_argument("--misses", action="store_true", help="list every question not answered right")
    check = sub.add_parser("vet", help="phrasings of one topic file that another entry answers")
    check.add_argument("topic")
    args = parser.parse_args(argv)
    entries, _ = parse_kb(DEFAULT_KB_DIR)
    if args.command == "vet":
        print(f"{args.topic}: {vet(entries, args.topic)} flagged")
        return 0
    phrasings = {} if args.no_phrasings else load_phrasings()[0]
    total, first, right, wrong = leave_one_out(entries, phrasings, show=args.misses)
    print(f"questions {total}: ranked first {first} ({100 * first / total:.1f} %), confident and right {right} "
          f"({100 * right / total:.1f} %), confident and wrong {wrong}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
