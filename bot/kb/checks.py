"""``dxbot kb check``: everything an editor can get wrong in ``content/kb``, found before citizens do.

Besides schema problems the KB tests itself: every title and phrasing must be answered confidently with
its own entry. Titles matter doubly because the "Ý bạn là…?" buttons send the title back as the question.
Every source must say what the entry claims (``bot.kb.sourcing``) and every entry that can go stale carries a
``review_by`` date for its kind (``bot.kb.review``); what is due is listed by ``review_due``, not a failure.
What a phrasing asks must be in the head a phone shows first (``bot.kb.asked_after_cut``). Each family of sibling
entries names its members in their own words (``bot.kb.siblings``, round 28).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.kb import asked_after_cut
from bot.kb.coverage import coverage_problems
from bot.kb.decision import answer_text
from bot.kb.engine import KnowledgeBase
from bot.kb.held import problems as holding_problems
from bot.kb.loader import DEFAULT_KB_DIR, DEFAULT_MESSAGES, Entry, KBError, load_messages, parse_kb
from bot.kb.review import due_for_review
from bot.kb.siblings import problems as sibling_problems
from bot.kb.sourcing import read_seed, source_problems

MAX_ANSWER_CHARS = 1500  # incl. the source lines; Zalo's hard limit for a text message is 2,000


def utc_today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def check_kb(path: Path | None = None, *, max_answer_chars: int = MAX_ANSWER_CHARS, today: dt.date | None = None,
             messages_path: Path | None = None, seed_path: Path | None = None) -> list[str]:
    """Every problem of the KB at ``path`` (default ``content/kb``), as readable one-line messages."""
    today = today or utc_today()
    try:
        entries, problems = parse_kb(path or DEFAULT_KB_DIR)
        messages = load_messages(messages_path or DEFAULT_MESSAGES)
    except KBError as exc:
        return [str(exc)]
    if not entries:
        return [*problems, f"{path or DEFAULT_KB_DIR}: no valid entries"]
    kb = KnowledgeBase(entries, messages)
    seed_text = read_seed(seed_path)
    for entry in entries:
        where = f"{entry.file}: entry {entry.id!r}"
        length = len(answer_text(entry, messages))
        if length > max_answer_chars:
            problems.append(f"{where}: answer with sources is {length} characters (limit {max_answer_chars})")
        problems.extend(asked_after_cut.problems(entry, where))
        if entry.verified > today:
            problems.append(f"{where}: verified date {entry.verified.isoformat()} is in the future")
        for i, source in enumerate(entry.sources, 1):
            problems.extend(f"{where}: source #{i} ({source.where}): {p}" for p in source_problems(source, seed_text))
        for phrasing in (entry.title, *entry.questions):
            result = kb.answer(phrasing)
            if result.confident and result.entry == entry.id:
                continue
            if result.confident:
                problems.append(f"{where}: phrasing {phrasing!r} is answered by entry {result.entry!r}")
            else:
                others = [c for c in result.candidates if c != entry.id]
                hint = f" (competes with {', '.join(repr(c) for c in others)})" if others else ""
                problems.append(f"{where}: phrasing {phrasing!r} is not answered confidently: "
                                f"{result.kind}{hint}")
    problems.extend(coverage_problems(entries, path or DEFAULT_KB_DIR))
    problems.extend(sibling_problems(entries))  # round 28: families of siblings (bot.kb.siblings)
    problems.extend(holding_problems(entries))  # round 29: the subjects each kind of fact is held for (bot.kb.held)
    return problems


def review_due(path: Path | None = None, today: dt.date | None = None) -> list[Entry]:
    """Entries of the KB at ``path`` whose ``review_by`` has come (listed by ``kb check``, never a failure)."""
    entries, _ = parse_kb(path or DEFAULT_KB_DIR)
    return due_for_review(entries, today or utc_today())
