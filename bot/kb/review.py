"""When an entry's facts must be checked again: the review period of each ``kind`` of entry.

A dated fact ("history": a decision number, a past theme) never changes, so it is never due. Everything that
can change is re-checked within its kind's period after the day an editor last verified it: rankings and
office holders are re-measured or replaced often (6 months), procedures and the channel's own commands less
often (12 months). ``dxbot kb check`` lists what is due and moderators see the count in ``/thongke``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import Protocol

# kind -> review period in months; None = never reviewed (a dated, historical fact).
REVIEW_MONTHS: dict[str, int | None] = {
    "history": None,
    "procedure": 12,
    "ranking": 6,
    "office": 6,
    "channel": 12,
}
KINDS = tuple(REVIEW_MONTHS)


class Reviewable(Protocol):
    id: str
    kind: str
    review_by: dt.date | None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months, clamped to the month's end (31 August + 6 months = 28/29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def latest_review_by(kind: str, verified: dt.date) -> dt.date | None:
    """The last acceptable ``review_by`` for an entry of ``kind`` verified on ``verified`` (None: never)."""
    months = REVIEW_MONTHS[kind]
    return None if months is None else add_months(verified, months)


def review_problem(kind: str, verified: dt.date, review_by: dt.date | None) -> str | None:
    """Why ``review_by`` does not fit the kind, or None when it does.

    ``review_by`` may be earlier than the kind's period (an editor expecting news sooner), never later, and
    never on or before ``verified``.
    """
    latest = latest_review_by(kind, verified)
    if latest is None:
        if review_by is not None:
            return f"kind 'history' is never reviewed: remove 'review_by' ({review_by.isoformat()})"
        return None
    months = REVIEW_MONTHS[kind]
    if review_by is None:
        return (f"kind {kind!r} needs 'review_by' = verified + {months} months "
                f"(review_by = {latest.isoformat()})")
    if review_by > latest:
        return (f"review_by {review_by.isoformat()} is later than verified + {months} months for kind "
                f"{kind!r} (at most {latest.isoformat()})")
    if review_by <= verified:
        return f"review_by {review_by.isoformat()} must come after verified {verified.isoformat()}"
    return None


def due_for_review(entries: Iterable[Reviewable], today: dt.date) -> list[Reviewable]:
    """Entries whose ``review_by`` is today or past, the most overdue first."""
    due = [e for e in entries if e.review_by is not None and e.review_by <= today]
    return sorted(due, key=lambda e: (e.review_by, e.id))
