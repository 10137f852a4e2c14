"""Find the article an earlier create made when that create's answer (the token) was lost.

Zalo's create answers a token, not an id (zalo-oa-api.md §11.1); if a worker dies or the answer times out
between Zalo accepting the create and the token being stored, the article may exist with nothing on our side
pointing to it. The only way back is Zalo's article list (`getslice`, newest first, at most 10 a page).

The search pages back through the list until it is past the first recorded create (minus `CLOCK_SLACK_MS` for
the difference between Zalo's clock and ours), and looks at the description of every article created since
then: a marker ending the description (a story's `#CODE`, a digest edition's own) is what identifies it,
whatever the title (titles change with `/sua` and erasure). The search is bounded by `ARTICLE_ADOPT_PAGES`
pages, so a job never runs unbounded; a search stopped by the bound is *incomplete*, and the caller decides
what is safe then (a story tells its moderators rather than create again).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.zalo.client import ZaloClient

PAGE = 10  # getslice: "maximum limit is 10" [C]
CLOCK_SLACK_MS = 10 * 60 * 1000  # Zalo's create_date vs our clock: an article this much "older" is still checked
SECONDS_BEFORE = 10 ** 11  # a create_date below this is in seconds, not ms (the unit is single-source, §11.1)


@dataclass(frozen=True)
class Search:
    article_id: str | None  # the article carrying the marker, if found
    complete: bool  # the whole list back to the first attempt was searched (False: stopped by the page bound)
    pages: int  # pages read


def carries_marker(description: Any, marker: str) -> bool:
    """Whether an article's description ends with `marker` (as its own word)."""
    return isinstance(description, str) and description.rstrip().endswith(f" {marker}")


def created_ms(item: dict[str, Any]) -> int | None:
    """An item's create_date in ms (Zalo's unit is not documented: seconds are recognised), None if absent."""
    raw = item.get("create_date")
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        return None
    try:
        value = int(float(raw))
    except ValueError:
        return None
    return value * 1000 if 0 < value < SECONDS_BEFORE else value


def find_created(zalo: ZaloClient, marker: str, *, since_ms: int | None, max_pages: int) -> Search:
    """The article whose description ends with `marker`, made by a create at or after `since_ms` (None: time
    unknown, the whole list up to the bound)."""
    oldest_wanted = None if since_ms is None else since_ms - CLOCK_SLACK_MS
    for page in range(max_pages):
        medias = zalo.article_list(offset=page * PAGE, limit=PAGE).get("medias") or []
        recent = [item for item in medias
                  if oldest_wanted is None or (created_ms(item) or oldest_wanted) >= oldest_wanted]
        for item in recent:
            if carries_marker(zalo.article_detail(article_id=str(item["id"])).get("description"), marker):
                return Search(str(item["id"]), True, page + 1)
        if len(medias) < PAGE or not recent:  # the end of the list, or a page wholly before the first attempt
            return Search(None, True, page + 1)
    return Search(None, False, max_pages)
