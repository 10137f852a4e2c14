"""A reader story's draft: the parts a citizen has sent so far, kept in their conversation state.

The draft lives in `ctx.state` (strings, saved with each event's commit), so it survives restarts and
is never half-written. These are its data rules, the same for every path into a draft: what a part is,
how long the story is, and the limits every stored draft holds (docs/security.md, T6). The chat around
it (steps, replies, buttons) is `handlers/story.py`.
"""

from __future__ import annotations

import json
from collections.abc import MutableMapping

from bot.config import Settings

DRAFT_KEYS = ("story_title", "story_locality", "story_place", "story_former", "story_parts", "story_touched")
URL_MAX_CHARS = 2000  # a photo or link address longer than this is not a Zalo attachment
LINK_TITLE_CHARS = 200
Part = dict[str, str]


def load_parts(state: MutableMapping[str, str]) -> list[Part]:
    return json.loads(state.get("story_parts") or "[]")


def max_state_chars(settings: Settings) -> int:
    """The most a draft's parts may take in the conversation state: every limit at its maximum, with room
    for the JSON around each part (one-character messages cost three characters of story each)."""
    attachments = settings.story_max_photos + settings.story_max_links
    return 16 * settings.story_max_chars + attachments * (URL_MAX_CHARS + LINK_TITLE_CHARS + 64) + 1024


def within_limits(parts: list[Part], settings: Settings) -> bool:
    """Every limit of a story at once: what `đồng ý` may store."""
    return (chars(parts) <= settings.story_max_chars
            and sum(p["type"] == "photo" for p in parts) <= settings.story_max_photos
            and sum(p["type"] == "link" for p in parts) <= settings.story_max_links
            and all(len(p.get("url", "")) <= URL_MAX_CHARS for p in parts))


def chars(parts: list[Part]) -> int:
    return len(body_text(parts))


def body_text(parts: list[Part]) -> str:
    return "\n\n".join(p["text"] for p in parts if p["type"] == "text")


def clear(state: MutableMapping[str, str]) -> None:
    """Forget the draft (and its step), leaving the rest of the user's state."""
    for key in DRAFT_KEYS:
        state.pop(key, None)
    if state.get("step", "").startswith("story:"):
        state.pop("step")
