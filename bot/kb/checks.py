"""``dxbot kb check``: everything an editor can get wrong in ``content/kb``, found before citizens do.

Besides schema problems the KB tests itself: every title and phrasing must be answered confidently with
its own entry. Titles matter doubly because the "Ý bạn là…?" buttons send the title back as the question.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.kb.decision import answer_text
from bot.kb.engine import KnowledgeBase
from bot.kb.loader import DEFAULT_KB_DIR, DEFAULT_MESSAGES, KBError, load_messages, parse_kb

MAX_ANSWER_CHARS = 1500  # incl. the source lines; Zalo's hard limit for a text message is 2,000
MAX_AGE_DAYS = 365


def check_kb(path: Path | None = None, *, max_answer_chars: int = MAX_ANSWER_CHARS,
             max_age_days: int = MAX_AGE_DAYS, today: dt.date | None = None,
             messages_path: Path | None = None) -> list[str]:
    """Every problem of the KB at ``path`` (default ``content/kb``), as readable one-line messages."""
    today = today or dt.datetime.now(dt.UTC).date()
    try:
        entries, problems = parse_kb(path or DEFAULT_KB_DIR)
        messages = load_messages(messages_path or DEFAULT_MESSAGES)
    except KBError as exc:
        return [str(exc)]
    if not entries:
        return [*problems, f"{path or DEFAULT_KB_DIR}: no valid entries"]
    kb = KnowledgeBase(entries, messages)
    for entry in entries:
        where = f"{entry.file}: entry {entry.id!r}"
        length = len(answer_text(entry, messages))
        if length > max_answer_chars:
            problems.append(f"{where}: answer with sources is {length} characters (limit {max_answer_chars})")
        age = (today - entry.verified).days
        if age > max_age_days:
            problems.append(f"{where}: verified {entry.verified.isoformat()}, {age} days ago "
                            f"(re-check facts older than {max_age_days} days)")
        elif age < 0:
            problems.append(f"{where}: verified date {entry.verified.isoformat()} is in the future")
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
    return problems
