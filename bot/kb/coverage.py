"""Fact coverage: every fact of the curated fact sheet and of the seed article is stated by a KB entry's answer.

The fact sheet (``dx-facts.md``, kept outside the repository by the editors) groups its facts under ``##``
headings. A knowledge base declares, in ``<kb>/facts/coverage.toml``, which entries answer each heading and,
fact by fact, which entry's *answer* states it::

    [[fact]]
    heading = "Yearly themes"            # the heading text after "## ", exactly as in dx-facts.md
    entries = ["ngay-cds-chu-de-cac-nam"] # optional: entries that answer the section as a whole
    # origin = "seed"                    # a fact group of the channel's founding article instead

    [[fact.item]]                        # one fact of the section
    fact = "2022 plan: Decision 1092/QĐ-BTTTT"
    says = ["1092/QĐ-BTTTT", ["10/10", "mười tháng mười"]]   # tokens (a list: any one of them)
    entries = ["ngay-cds-chu-de-2022"]   # every one of these answers must state every token

    [[fact.skip]]                        # a token of the sheet deliberately not stated as fact
    token = "80,000"
    why = "uncertain: circulates without a source"

Tokens are compared as ``bot.kb.factsheet`` normalises them (17.273 = 17,273 = 17273; 99,3 % = 99.3%). So an
entry that drops a figure it is listed for fails ``dxbot kb check``, naming the fact, the entry and the token.

The declaration lives in one file (not in each entry) so an editor sees at a glance which entry states which
fact. The file carries the facts itself, so the rule runs where ``dx-facts.md`` is absent (CI). Where it is
present, point ``DXBOT_KB_FACTS`` at it (``make test`` does when ``../shared/dx-facts.md`` exists) and
``dxbot kb check`` also fails on a heading of the live file that is not listed, and on any distinctive token of
its bullets (a figure, date, document number, quoted theme, name) that no item says and no skip excuses. The seed
article (``<kb>/seed/``) is read the same way whenever the file declares ``origin = "seed"`` facts.

A KB directory without ``facts/coverage.toml`` (a test fixture) has no coverage rule.
"""

from __future__ import annotations

import os
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.kb.factsheet import sheet_sections, sheet_tokens, states
from bot.kb.loader import Entry
from bot.kb.sourcing import SEED_ARTICLE

COVERAGE_FILE = Path("facts") / "coverage.toml"
FACTS_ENV = "DXBOT_KB_FACTS"
ORIGINS = ("dx-facts", "seed")


@dataclass(frozen=True, slots=True)
class Item:
    """One fact: the tokens that state it (each a tuple of alternatives) and the entries that must say them."""

    fact: str
    says: tuple[tuple[str, ...], ...]
    entries: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Fact:
    """A section of the fact sheet (or a group of the seed article's facts) and how the KB answers it."""

    heading: str
    entries: tuple[str, ...]
    origin: str = "dx-facts"
    items: tuple[Item, ...] = ()
    skips: tuple[str, ...] = ()

    def answered_by(self) -> set[str]:
        return set(self.entries).union(*(item.entries for item in self.items))

    def declared_tokens(self) -> list[str]:
        return [token for item in self.items for group in item.says for token in group] + list(self.skips)


def fold_heading(text: str) -> str:
    """How headings are compared: NFC, one space per whitespace run, straight quotes, case-insensitive."""
    text = unicodedata.normalize("NFC", text)
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return " ".join(text.split()).casefold()


def markdown_headings(text: str) -> list[str]:
    """The ``## `` headings of a Markdown document (not ``#`` or ``###``), in order."""
    return [line[3:].strip() for line in text.splitlines() if line.startswith("## ") and line[3:].strip()]


def _ids(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _says(value: Any) -> tuple[tuple[str, ...], ...] | None:
    """``says``: a non-empty list whose elements are a token or a non-empty list of alternative tokens."""
    if not isinstance(value, list) or not value:
        return None
    groups = []
    for token in value:
        group = (token,) if isinstance(token, str) else _ids(token)
        if not group or not all(t.strip() for t in group):
            return None
        groups.append(group)
    return tuple(groups)


def _parse_items(raw: Mapping[str, Any], where: str, problems: list[str]) -> tuple[Item, ...]:
    items = []
    for i, item in enumerate(raw.get("item", []) if isinstance(raw.get("item", []), list) else [None], 1):
        says = _says(item.get("says")) if isinstance(item, dict) else None
        entries = _ids(item.get("entries", [])) if isinstance(item, dict) else None
        if says is None or entries is None:
            problems.append(f"{where}: item #{i} needs 'says' (a list of tokens, or of lists of alternatives) "
                            "and 'entries' (a list of entry ids)")
            continue
        label = item.get("fact") if isinstance(item.get("fact"), str) else " / ".join(g[0] for g in says)
        items.append(Item(label, says, entries))
    return tuple(items)


def _parse_skips(raw: Mapping[str, Any], where: str, problems: list[str]) -> tuple[str, ...]:
    skips = []
    for skip in raw.get("skip", []) if isinstance(raw.get("skip", []), list) else [None]:
        if not isinstance(skip, dict) or not isinstance(skip.get("token"), str) \
                or not isinstance(skip.get("why"), str) or not skip["why"].strip():
            problems.append(f"{where}: each [[fact.skip]] needs a 'token' and a 'why'")
            continue
        skips.append(skip["token"])
    return tuple(skips)


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
        where = f"{path.name}: fact {heading!r}"
        entries = _ids(raw.get("entries", []))
        if entries is None:
            problems.append(f"{where}: 'entries' must be a list of entry ids")
            entries = ()
        origin = raw.get("origin", "dx-facts")
        if origin not in ORIGINS:
            problems.append(f"{where}: origin must be one of {', '.join(ORIGINS)}")
        facts.append(Fact(heading.strip(), entries, origin, _parse_items(raw, where, problems),
                          _parse_skips(raw, where, problems)))
    return facts


def item_findings(fact: Fact, answers: Mapping[str, str], where: str) -> list[str]:
    """One line per fact of ``fact`` that no entry is listed for, or that a listed entry does not state."""
    problems = []
    for item in fact.items:
        if not item.entries:
            problems.append(f"{where}: fact {item.fact!r} ({fact.heading}) is stated by no entry: "
                            "add it to the answer a citizen asking would expect, and list that entry")
        for entry_id in item.entries:
            answer = answers.get(entry_id)
            if answer is None:
                continue  # reported once per heading as an unknown entry
            for group in item.says:
                if not any(states(answer, token) for token in group):
                    wanted = " or ".join(repr(t) for t in group)
                    problems.append(f"{where}: fact {item.fact!r} ({fact.heading}): the answer of {entry_id!r} "
                                    f"does not state {wanted}")
    return problems


def coverage_findings(facts: Iterable[Fact], answers: Mapping[str, str], live_headings: list[str] | None,
                      where: str = COVERAGE_FILE.name) -> list[str]:
    """One line per uncovered fact, unknown entry id, duplicate heading or heading missing from the copy.

    ``answers`` maps each entry id of the KB to its answer text.
    """
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
        named = fact.answered_by()
        for missing in sorted(named - answers.keys()):
            problems.append(f"{where}: fact {fact.heading!r} names entry {missing!r}, which does not exist")
        if not named & answers.keys():
            problems.append(f"{where}: fact {fact.heading!r} is answered by no entry "
                            "(add an entry that answers it and list its id under 'entries')")
        problems.extend(item_findings(fact, answers, where))
    for heading in live_headings or ():
        if fold_heading(heading) not in declared:
            problems.append(f"{where}: dx-facts heading {heading!r} is not listed: add a [[fact]] for it "
                            "with the entries that answer it")
    return problems


def unmapped_tokens(lines: Iterable[str], tokens: list[str]) -> list[tuple[str, str]]:
    """(token, line) for each distinctive token of ``lines`` that none of the declared ``tokens`` states."""
    # "71/193" declares the sheet's "71st of 193" as well: each part of a declared token counts.
    declared = " \u2016 ".join(tokens + [token.replace("/", " ") for token in tokens])
    return [(token, line) for line in lines for token in sheet_tokens(line) if not states(declared, token)]


def sheet_findings(facts: list[Fact], sections: Mapping[str, list[str]], seed_text: str | None,
                   where: str = COVERAGE_FILE.name) -> list[str]:
    """One line per token of the live fact sheet (or of the seed article) that no fact item maps."""
    problems = []
    by_heading = {fold_heading(f.heading): f for f in facts if f.origin == "dx-facts"}
    for heading, lines in sections.items():
        fact = by_heading.get(fold_heading(heading))
        if fact is None:
            continue  # reported as a heading missing from the copy
        for token, line in unmapped_tokens(lines, fact.declared_tokens()):
            problems.append(f"{where}: dx-facts {heading!r}: {token!r} (\"{line[:60]}…\") is not mapped: add a "
                            "[[fact.item]] whose answer says it, or a [[fact.skip]] with why")
    seed_facts = [f for f in facts if f.origin == "seed"]
    if seed_facts and seed_text is not None:
        tokens = [t for f in seed_facts for t in f.declared_tokens()]
        for token, line in unmapped_tokens([p for p in seed_text.splitlines() if p.strip()], tokens):
            problems.append(f"{where}: seed article: {token!r} (\"{line[:60]}…\") is not mapped: add a "
                            "[[fact.item]] (origin = \"seed\") whose answer says it, or a [[fact.skip]] with why")
    return problems


def _read(path: Path, problems: list[str], label: str) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{label}: cannot read the fact sheet: {exc}")
        return None


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
    sections: dict[str, list[str]] = {}
    if facts_path is not None:
        text = _read(facts_path, problems, f"{FACTS_ENV}={facts_path}")
        if text is not None:
            live, sections = markdown_headings(text), sheet_sections(text)
    seed_path = kb_path.parent / "sources" / SEED_ARTICLE.name  # round 29: carried beside the KB
    seed_text = seed_path.read_text(encoding="utf-8") if seed_path.is_file() else None
    answers = {e.id: e.answer for e in entries}
    return problems + coverage_findings(facts, answers, live) + sheet_findings(facts, sections, seed_text)
