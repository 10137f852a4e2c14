"""From ranked hits to what the citizen sees: a confident answer, "Ý bạn là…?", or an apology.

Four signals decide: *coverage* — the share of the query's content words (and word pairs) found in the top
entry, which separated in-domain from off-topic questions best in vietnamese-text.md — *match* — how much
of one phrasing of the entry the query says (tone-aware), which stops one-word coincidences ("bạn tên là
gì" → "tên đăng nhập") — the *margin* between the top two combined scores, and the *discriminators*
(numbers, "hủy/ngừng") on which neighbouring entries disagree. Ranking scores alone cannot refuse: they are
normalized per query, so the best of bad candidates always scores high.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.kb.index import Hit
from bot.kb.loader import Entry, Source

CONFIDENT_COVERAGE = 0.62  # at or above: answer (if no close second) ...
CONFIDENT_MATCH = 0.34  # ... and the query says enough of one phrasing of the entry ...
CONFIDENT_EVIDENCE = 1.25  # ... and coverage + match together are strong,
CLEAR_LEAD_EVIDENCE = 1.15  # or a little less when the top entry is far ahead of the next one
CLEAR_LEAD = 0.5  # relative margin that counts as "far ahead"
MIN_COVERAGE = 0.45  # below: apologise and suggest topics
MIN_EVIDENCE = 0.9  # coverage + match needed to offer "Ý bạn là…?" rather than apologise
MARGIN = 0.08  # relative gap between the top two scores below which both are offered
DECISIVE = 1.0  # discriminator lead (see Index.discriminator) that decides between close neighbours
SUGGESTIONS = 3


@dataclass(frozen=True)
class Answer:
    """The engine's reply. ``text`` is ready to send; ``choices`` are (title, payload) quick replies."""

    kind: str  # "confident" | "ambiguous" | "unknown"
    text: str
    entry: str | None
    score: float
    confident: bool
    sources: list[dict[str, Any]] = field(default_factory=list)
    choices: list[tuple[str, str]] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    margin: float = 0.0
    normalized: str = ""

    def to_json(self) -> dict[str, Any]:
        """The ``dxbot ask --json`` object (contract §4 plus ``kind``, ``choices`` and debug fields)."""
        return {
            "answer": self.text, "entry": self.entry, "score": round(self.score, 4),
            "confident": self.confident, "sources": self.sources, "kind": self.kind,
            "choices": [{"title": t, "payload": p} for t, p in self.choices],
            "candidates": self.candidates, "margin": round(self.margin, 4), "normalized": self.normalized,
        }


def format_date(date: dt.date, messages: dict[str, str]) -> str:
    return messages["date_format"].format(day=date.day, month=date.month, year=date.year)


def source_line(source: Source, messages: dict[str, str]) -> str:
    if source.date:
        return messages["source_line"].format(
            title=source.title, date=format_date(source.date, messages), url=source.url
        )
    return messages["source_line_undated"].format(title=source.title, url=source.url)


def answer_text(entry: Entry, messages: dict[str, str]) -> str:
    """The entry's answer followed by one "Nguồn: …" line per source (what ``kb check`` measures)."""
    lines = "\n".join(source_line(s, messages) for s in entry.sources)
    return f"{entry.answer}\n\n{lines}"


def _choice_text(head: str, titles: Sequence[str], messages: dict[str, str]) -> str:
    items = "\n".join(messages["choice_item"].format(title=t) for t in titles)
    return f"{head}\n{items}" if items else head


def confident(hit: Hit, messages: dict[str, str], normalized: str, margin: float) -> Answer:
    entry = hit.entry
    return Answer(
        "confident", answer_text(entry, messages), entry.id, hit.coverage, True,
        [s.as_dict() for s in entry.sources], [], [entry.id], margin, normalized,
    )


def ambiguous(hits: Sequence[Hit], messages: dict[str, str], normalized: str, margin: float) -> Answer:
    titles = [h.entry.title for h in hits[:2]]
    return Answer(
        "ambiguous", _choice_text(messages["did_you_mean"], titles, messages), None, hits[0].coverage, False,
        [], [(t, t) for t in titles], [h.entry.id for h in hits[:2]], margin, normalized,
    )


def unknown(suggested: Sequence[Entry], messages: dict[str, str], normalized: str, score: float = 0.0,
            head_key: str = "unknown", candidates: Sequence[str] = ()) -> Answer:
    titles = [e.title for e in suggested]
    return Answer(
        "unknown", _choice_text(messages[head_key], titles, messages), None, score, False, [],
        [(t, t) for t in titles], list(candidates), 0.0, normalized,
    )


def decide(hits: Sequence[Hit], messages: dict[str, str], normalized: str,
           suggest: Sequence[Entry]) -> Answer:
    """Pick the reply kind from the coverage gate and the top-2 margin."""
    if not hits:
        return unknown(suggest, messages, normalized)
    top = hits[0]
    second = hits[1] if len(hits) > 1 else None
    margin = (top.score - second.score) / top.score if second and top.score > 0 else 1.0
    # A number or a stopping verb that the top entry has and the runner-up contradicts settles a close call
    # ("mức 2" vs "mức 1"); the top entry contradicting the question is never answered with confidence.
    decided = second is not None and second.conflict and top.discriminator - second.discriminator >= DECISIVE
    close = second is not None and margin < MARGIN and second.coverage >= MIN_COVERAGE and not decided
    evidence = top.coverage + top.match
    needed = CLEAR_LEAD_EVIDENCE if margin >= CLEAR_LEAD else CONFIDENT_EVIDENCE
    if (top.coverage >= CONFIDENT_COVERAGE and top.match >= CONFIDENT_MATCH and evidence >= needed and not close
            and not top.conflict):
        return confident(top, messages, normalized, margin)
    if top.coverage >= MIN_COVERAGE and evidence >= MIN_EVIDENCE and second is not None:
        return ambiguous(hits, messages, normalized, margin)
    return unknown(suggest, messages, normalized, top.coverage, candidates=[h.entry.id for h in hits[:3]])
