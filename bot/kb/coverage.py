"""Fact coverage: every fact section of the curated fact sheet is answered by at least one KB entry.

The fact sheet (``dx-facts.md``, kept outside the repository by the editors) groups its facts under ``##``
headings. A knowledge base declares which entries answer each heading in ``<kb>/facts/coverage.toml``::

    [[fact]]
    heading = "Three pillars"            # the heading text after "## ", exactly as in dx-facts.md
    entries = ["ba-tru-cot-cds"]         # ids of the entries that answer its facts
    # origin = "seed"                    # a fact group of the channel's founding article instead

The declaration lives in one file (not in each entry) so an editor sees at a glance which fact has no answer
and which entries a heading leans on. The file carries the heading list itself, so the rule runs where
``dx-facts.md`` is absent (CI). Where it is present, point ``DXBOT_KB_FACTS`` at it and ``dxbot kb check``
also fails on a heading of the live file that ``coverage.toml`` does not list (the copy is out of date).

A KB directory without ``facts/coverage.toml`` (a test fixture) has no coverage rule.
"""

from __future__ import annotations

import os
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.kb.loader import Entry

COVERAGE_FILE = Path("facts") / "coverage.toml"
FACTS_ENV = "DXBOT_KB_FACTS"
ORIGINS = ("dx-facts", "seed")


@dataclass(frozen=True, slots=True)
class Fact:
    heading: str
    entries: tuple[str, ...]
    origin: str = "dx-facts"


def fold_heading(text: str) -> str:
    """How headings are compared: NFC, one space per whitespace run, straight quotes, case-insensitive."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return " ".join(text.split()).casefold()


def markdown_headings(text: str) -> list[str]:
    """The ``## `` headings of a Markdown document (not ``#`` or ``###``), in order."""
    return [line[3:].strip() for line in text.splitlines() if line.startswith("## ") and line[3:].strip()]


def load_coverage(path: Path, problems: list[str]) -> list[Fact] | None:
    """The declared facts of ``path``; None when the file does not exist (no coverage rule)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        problems.append(f"{path.name}: not readable TOML: {exc}")
        return []
    raw_facts = data.get("fact", [])
    if not isinstance(raw_facts, list):
        problems.append(f"{path.name}: 'fact' must be an array of tables ([[fact]])")
        return []
    facts = []
    for i, raw in enumerate(raw_facts, 1):
        heading = raw.get("heading") if isinstance(raw, dict) else None
        if not isinstance(heading, str) or not heading.strip():
            problems.append(f"{path.name}: fact #{i} has no heading")
            continue
        entries = raw.get("entries", [])
        if not isinstance(entries, list) or not all(isinstance(e, str) for e in entries):
            problems.append(f"{path.name}: fact {heading!r}: 'entries' must be a list of entry ids")
            entries = []
        origin = raw.get("origin", "dx-facts")
        if origin not in ORIGINS:
            problems.append(f"{path.name}: fact {heading!r}: origin must be one of {', '.join(ORIGINS)}")
        facts.append(Fact(heading.strip(), tuple(entries), origin))
    return facts


def coverage_findings(facts: Iterable[Fact], entry_ids: set[str], live_headings: list[str] | None,
                      where: str = COVERAGE_FILE.name) -> list[str]:
    """One line per uncovered fact, unknown entry id, duplicate heading or heading missing from the copy."""
    problems: list[str] = []
    seen: set[str] = set()
    declared: set[str] = set()
    for fact in facts:
        key = fold_heading(fact.heading)
        if key in seen:
            problems.append(f"{where}: fact heading {fact.heading!r} is listed twice")
        seen.add(key)
        if fact.origin == "dx-facts":
            declared.add(key)
        known = [e for e in fact.entries if e in entry_ids]
        for missing in sorted(set(fact.entries) - entry_ids):
            problems.append(f"{where}: fact {fact.heading!r} names entry {missing!r}, which does not exist")
        if not known:
            problems.append(f"{where}: fact {fact.heading!r} is answered by no entry "
                            "(add an entry that answers it and list its id under 'entries')")
    for heading in live_headings or ():
        if fold_heading(heading) not in declared:
            problems.append(f"{where}: dx-facts heading {heading!r} is not listed: add a [[fact]] for it "
                            "with the entries that answer it")
    return problems


def coverage_problems(entries: Iterable[Entry], kb_path: Path, facts_path: Path | None = None) -> list[str]:
    """Every coverage problem of the KB at ``kb_path`` (a directory); empty when it declares no coverage.

    ``facts_path`` (default: ``$DXBOT_KB_FACTS`` when set) is the live ``dx-facts.md`` to compare against.
    """
    if not kb_path.is_dir():
        return []
    problems: list[str] = []
    facts = load_coverage(kb_path / COVERAGE_FILE, problems)
    if facts is None:
        return problems
    if facts_path is None and os.environ.get(FACTS_ENV):
        facts_path = Path(os.environ[FACTS_ENV])
    live = None
    if facts_path is not None:
        try:
            live = markdown_headings(facts_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(f"{FACTS_ENV}={facts_path}: cannot read the fact sheet: {exc}")
    return problems + coverage_findings(facts, {e.id for e in entries}, live)
