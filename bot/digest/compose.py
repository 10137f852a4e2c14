"""Composing a weekly digest: which stories, which "Bạn có biết?" fact, and the text that fits Zalo.

Pure functions over plain data, so the preview, the send, `bản tin` and the tests all build exactly
the same text. Limits: a CS text is at most `max_text_chars` (2,000) and must leave room for the
"you have an unread digest" line; a promotion template has a 100-character header and 1,000-character
text elements (shared/zalo-oa-api.md §3.2–3.3). A phone shows ~5 stories comfortably.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import redis

from bot.config import Settings
from bot.digest.stories import DigestStory, approved_stories
from bot.infra import keys, safe_text
from bot.infra.texts import payload, render

EXCERPT_CHARS = 160
SHORT_EXCERPT_CHARS = 90
FACT_CHARS = 280
HEADROOM_CHARS = 200  # kept free for the "unread digest" intro line
FACT_EXCLUDED_TOPICS = frozenset({"kenh-zalo", "ngoai-pham-vi"})


@dataclass(frozen=True)
class Fact:
    entry_id: str
    text: str
    source: str


def when_label(settings: Settings) -> str:
    """"08:00 thứ Hai" for the configured schedule."""
    hour, minute = settings.digest_time
    weekday = render("weekday_names").split(",")[settings.digest_weekday]
    return render("digest_weekday_time", time=f"{hour:02d}:{minute:02d}", weekday=weekday)


def pick_stories(client: redis.Redis, limit: int) -> list[DigestStory]:
    """Approved stories not in any earlier digest: moderator-pinned first, then newest first.
    ("Since the previous digest" is tracked by story code, so moving a clock cannot skip a story.)"""
    included = {c.decode() for c in client.smembers(keys.DIGEST_INCLUDED_STORIES)}
    pinned = [c.decode() for c in client.lrange(keys.DIGEST_PINNED, 0, -1)]
    fresh = [s for s in approved_stories(client) if s.code not in included]
    rank = {code: i for i, code in enumerate(pinned)}
    fresh.sort(key=lambda s: (rank.get(s.code, len(rank)), -s.approved_ms))
    return fresh[:limit]


def pick_fact(slot: str) -> Fact | None:
    """One fact from the knowledge base, rotating week by week (deterministic for a slot)."""
    from bot.kb import get_kb

    entries = [e for e in get_kb().entries if e.topic not in FACT_EXCLUDED_TOPICS]
    if not entries:
        return None
    entry = entries[zlib.crc32(slot.encode()) % len(entries)]
    paragraph = entry.answer.strip().split("\n\n")[0]
    source = entry.sources[0].title if entry.sources else ""
    return Fact(entry.id, shorten(paragraph, FACT_CHARS), source)


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a sentence, else a word, with an ellipsis when cut."""
    text = re.sub(r"\s+", " ", safe_text.clean(text)).strip()
    if len(text) <= limit:
        return text
    window = text[: limit - 1]
    sentence = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
    if sentence > limit // 2:
        return window[: sentence + 1]
    word = window.rfind(" ")
    return (window[:word] if word > limit // 2 else window).rstrip(",;:-– ") + "…"


def order_for(stories: Sequence[DigestStory], province: str) -> list[DigestStory]:
    """The subscriber's province first (stable, so the rest keep the digest's order)."""
    if not province:
        return list(stories)
    return sorted(stories, key=lambda s: s.province_key != province)


def render_text(stories: Sequence[DigestStory], fact: Fact | None, week: str, *, province: str = "",
                max_chars: int = 2000) -> str:
    """The digest as one CS text that fits `max_chars` minus headroom (fewer words, then fewer stories)."""
    budget = max_chars - HEADROOM_CHARS
    chosen = order_for(stories, province)
    for excerpt_chars in (EXCERPT_CHARS, SHORT_EXCERPT_CHARS):
        for count in range(len(chosen), 0, -1):
            text = _text(chosen[:count], fact, week, excerpt_chars)
            if len(text) <= budget:
                return text
    return _text(chosen[:1], None, week, 60)[:budget]


def _text(stories: Sequence[DigestStory], fact: Fact | None, week: str, excerpt_chars: int) -> str:
    parts = [render("digest_header", week=week)]
    for n, story in enumerate(stories, 1):
        parts.append(render("digest_story", n=n, title=shorten(story.title, 100), locality=shorten(story.locality, 60),
                            excerpt=shorten(story.excerpt, excerpt_chars), code=story.code))
    if fact is not None:
        parts.append(render("digest_fact", fact=fact.text, source=fact.source))
    parts.append(render("digest_footer"))
    return "\n\n".join(parts)


def promotion_payload(stories: Sequence[DigestStory], fact: Fact | None, week: str, *,
                      province: str = "") -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Elements and buttons of a promotion template (§3.3): header ≤ 100, each text ≤ 1,000."""
    elements: list[dict[str, Any]] = [
        {"type": "header", "content": shorten(render("digest_promo_header", week=week), 100), "align": "left"}]
    for story in order_for(stories, province)[:4]:
        line = render("digest_promo_story", title=shorten(story.title, 100), locality=shorten(story.locality, 60),
                      excerpt=shorten(story.excerpt, SHORT_EXCERPT_CHARS), code=story.code)
        elements.append({"type": "text", "content": shorten(line, 1000), "align": "left"})
    if fact is not None:
        elements.append({"type": "text", "content": shorten(render("digest_fact", fact=fact.text,
                                                                    source=fact.source), 1000), "align": "left"})
    buttons = [{"title": render("digest_promo_button"), "type": "oa.query.show", "payload": payload("digest_latest")}]
    return elements, buttons


def stories_to_json(stories: Sequence[DigestStory]) -> list[dict[str, Any]]:
    return [asdict(s) for s in stories]


def stories_from_json(items: Sequence[dict[str, Any]]) -> list[DigestStory]:
    return [DigestStory(**item) for item in items]


def fact_from_json(item: dict[str, Any] | None) -> Fact | None:
    return Fact(**item) if item else None
