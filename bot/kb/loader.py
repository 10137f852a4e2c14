"""Reading and validating ``content/kb/*.toml``, and checking ``content/messages/qa.toml`` (read by
``bot/infra/texts.py``) has the keys the engine needs.

Loading is lenient (a broken entry is skipped and reported, the bot keeps answering from the rest) while
``dxbot kb check`` turns every reported problem into a non-zero exit: CI is the gate, not start-up.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.infra import texts
from bot.kb.documents import document_path, read_document, verbatim_in
from bot.kb.review import KINDS, review_problem

log = logging.getLogger(__name__)

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
DEFAULT_KB_DIR = CONTENT_DIR / "kb"
DEFAULT_MESSAGES = texts.MESSAGES_DIR / "qa.toml"

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
REQUIRED = ("id", "topic", "title", "questions", "answer", "verified", "sources")
# Problems with the editorial fields (kind, review_by, a source's publisher/date/quote) fail ``dxbot kb check``
# but do not stop the entry from answering citizens.
KNOWN_FIELDS = frozenset(REQUIRED + ("keywords", "kind", "review_by", "family", "members", "holds"))
# round 29: a source is where a citizen can check the answer: a page (``url``) or a document carried in the
# repository (``document``, ``bot.kb.documents``); one of the two, never neither
SOURCE_REQUIRED = ("title", "publisher", "date", "quote")
SOURCE_WHERE = ("url", "document")
SOURCE_FIELDS = frozenset(SOURCE_REQUIRED + SOURCE_WHERE + ("lang", "why"))
SOURCE_LANGS = ("vi", "en")
MAX_QUOTE_CHARS = 300
MESSAGE_KEYS = (
    "source_line", "source_line_undated", "source_line_document", "date_format", "did_you_mean", "choice_item",
    "unknown", "empty", "outside",
)


class KBError(Exception):
    """The knowledge base cannot be used at all (unreadable directory, broken messages file)."""


@dataclass(frozen=True, slots=True)
class Source:
    """One page (``url``) or carried document (``document``, relative to ``content/``) that supports an entry;
    ``quote`` is the sentence or figure of it that says so. Exactly one of ``url`` and ``document`` is set."""

    title: str
    url: str
    date: dt.date | None = None
    publisher: str = ""
    quote: str = ""
    lang: str = "vi"
    why: str = ""  # why a non-Vietnamese source is cited (required with lang = "en")
    document: str = ""  # e.g. "sources/chuyen-doi-so-nhan-thuc-2022.txt": no link, the text is in the repository

    @property
    def where(self) -> str:
        """The URL, or the carried document's path (what an editor's message names)."""
        return self.url or self.document

    def as_dict(self) -> dict[str, str | None]:
        return {"title": self.title, "publisher": self.publisher, "url": self.url or None,
                "date": self.date.isoformat() if self.date else None, "document": self.document or None}


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Entry:
    """One question-and-answer entry of the KB (weakly referenceable: what it can say, ``bot.kb.asks.provided``,
    is remembered only while the entry lives, so a reloaded KB's old entries take their kinds with them)."""

    id: str
    topic: str
    title: str
    questions: tuple[str, ...]
    keywords: tuple[str, ...]
    answer: str
    verified: dt.date
    sources: tuple[Source, ...]
    file: str = ""
    kind: str = "history"
    review_by: dt.date | None = None
    # round 28: siblings (``bot.kb.siblings``): the family of entries the ranker cannot tell apart by topic, and the
    # ways a question names the member(s) this entry answers ("mức 1|mức độ 1"); both or neither
    family: str = ""
    members: tuple[str, ...] = ()
    # round 29: the kinds of fact the entry holds and the subjects it holds each for (``bot.kb.held``): (kind, the
    # ways a question names each subject, "khai trương|ra đời"), pairs so that the entry stays hashable
    holds: tuple[tuple[str, tuple[str, ...]], ...] = ()


def valid_url(url: str) -> bool:
    """An absolute http(s) URL with a host and no whitespace (what a citizen can tap)."""
    if not isinstance(url, str) or any(c.isspace() for c in url):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and "." in (parts.hostname or "")


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _is_date(value: Any) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return value.strip() if isinstance(value, str) else ""


def _parse_sources(raw: Any, where: str, problems: list[str], content_dir: Path = CONTENT_DIR) -> tuple[Source, ...]:
    """Usable sources (title and a url or document) of an entry; every missing or malformed field is a problem."""
    if not isinstance(raw, list) or not raw:
        problems.append(f"{where}: 'sources' must list at least one [[entry.sources]] with title and url "
                        "(or document)")
        return ()
    sources = []
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict):
            problems.append(f"{where}: source #{i} is not a table")
            continue
        for key in sorted(set(item) - SOURCE_FIELDS):
            problems.append(f"{where}: source #{i} has an unknown field '{key}' (typo?)")
        for key in ("title", "publisher", "quote"):
            if not _text(item, key):
                problems.append(f"{where}: source #{i} has no {key}")
        title, url, date, quote = _text(item, "title"), item.get("url"), item.get("date"), _text(item, "quote")
        if date is None:
            problems.append(f"{where}: source #{i} has no date (publication date, a TOML date like 2022-04-22)")
        elif not _is_date(date):
            problems.append(f"{where}: source #{i} date must be a TOML date like 2022-04-22, got {date!r}")
            date = None
        if len(quote) > MAX_QUOTE_CHARS:
            problems.append(f"{where}: source #{i} quote is {len(quote)} characters (at most {MAX_QUOTE_CHARS}: "
                            "the sentence or figure that supports the entry)")
        lang = item.get("lang", "vi")
        if lang not in SOURCE_LANGS:
            problems.append(f"{where}: source #{i} lang must be one of {', '.join(SOURCE_LANGS)}, got {lang!r}")
            lang = "vi"
        if lang == "en" and not _text(item, "why"):
            problems.append(f"{where}: source #{i} has lang = \"en\" but no 'why' (say why no Vietnamese source "
                            "will do)")
        if not title:
            continue
        document = item.get("document")
        if "url" in item and "document" in item:
            problems.append(f"{where}: source #{i} has both a url and a document (one of them: where it is read)")
            continue
        if "document" in item:
            if not _document_ok(document, quote, content_dir, f"{where}: source #{i}", problems):
                continue
            sources.append(Source(title, "", date, _text(item, "publisher"), quote, lang, _text(item, "why"),
                                  document))
            continue
        if url is None:
            problems.append(f"{where}: source #{i} has neither a url nor a document (a citizen must be able to "
                            "check it)")
            continue
        if not valid_url(url):
            problems.append(f"{where}: source #{i} has a bad url {url!r} (need an absolute http(s) URL)")
            continue
        sources.append(Source(title, url, date, _text(item, "publisher"), quote, lang, _text(item, "why")))
    return tuple(sources)


def _document_ok(document: Any, quote: str, content_dir: Path, where: str, problems: list[str]) -> bool:
    """Whether a carried document can be cited (a readable file under ``content/sources/``); a quote it does not
    hold verbatim is a problem for ``kb check`` but keeps the source (an editorial slip, not a lost source)."""
    path = document_path(document, content_dir)
    if path is None:
        problems.append(f"{where} has a bad document {document!r} (need a path like "
                        "\"sources/bai-viet.txt\" inside content/sources/)")
        return False
    text = read_document(path)
    if text is None:
        problems.append(f"{where} names a document that does not exist or cannot be read: {document!r}")
        return False
    if quote and not verbatim_in(quote, text):
        problems.append(f"{where} quotes words its document {document!r} does not contain verbatim: {quote[:60]!r}")
    return True


def _parse_review(raw: dict[str, Any], where: str, verified: Any, problems: list[str]) -> tuple[str, dt.date | None]:
    """The entry's ``kind`` and ``review_by``, checked against each other (see ``bot.kb.review``)."""
    kind = raw.get("kind")
    review_by = raw.get("review_by")
    if "review_by" in raw and not _is_date(review_by):
        problems.append(f"{where}: 'review_by' must be a TOML date like 2027-06-01, got {review_by!r}")
        review_by = None
    if kind not in KINDS:
        got = f"got {kind!r}" if "kind" in raw else "missing field 'kind'"
        problems.append(f"{where}: kind must be one of {', '.join(KINDS)} ({got})")
        return "history", review_by
    if _is_date(verified):
        problem = review_problem(kind, verified, review_by)
        if problem:
            problems.append(f"{where}: {problem}")
    return kind, review_by


def parse_entry(raw: Any, file: str, problems: list[str], content_dir: Path = CONTENT_DIR) -> Entry | None:
    """Validate one ``[[entry]]`` table; append problems; return None when the entry is unusable.

    ``content_dir`` is where a source's ``document`` is read (the KB directory's parent: ``content/``)."""
    if not isinstance(raw, dict):
        problems.append(f"{file}: an [[entry]] is not a table")
        return None
    ident = raw.get("id")
    where = f"{file}: entry {ident!r}" if isinstance(ident, str) else f"{file}: entry without id"
    before = len(problems)
    for field in REQUIRED:
        if field not in raw:
            problems.append(f"{where}: missing field '{field}'")
    for field in sorted(set(raw) - KNOWN_FIELDS):
        problems.append(f"{where}: unknown field '{field}' (typo?)")
    if "id" in raw and (not isinstance(ident, str) or not ID_PATTERN.fullmatch(ident)):
        problems.append(f"{where}: id must match [a-z0-9-] (lowercase words joined by '-')")
    for field in ("topic", "title", "answer"):
        if field in raw and (not isinstance(raw[field], str) or not raw[field].strip()):
            problems.append(f"{where}: '{field}' must be a non-empty string")
    if "topic" in raw and isinstance(raw["topic"], str) and not ID_PATTERN.fullmatch(raw["topic"]):
        problems.append(f"{where}: topic must match [a-z0-9-]")
    if "questions" in raw and (not _str_list(raw["questions"]) or not raw["questions"]):
        problems.append(f"{where}: 'questions' must be a non-empty list of strings")
    if "keywords" in raw and not _str_list(raw["keywords"]):
        problems.append(f"{where}: 'keywords' must be a list of strings")
    verified = raw.get("verified")
    if "verified" in raw and (not isinstance(verified, dt.date) or isinstance(verified, dt.datetime)):
        problems.append(f"{where}: 'verified' must be a TOML date like 2026-11-20, got {verified!r}")
    fatal = any("unknown field" not in p for p in problems[before:])
    # siblings (round 28) after ``fatal``: a family problem fails ``kb check`` but the entry still answers
    family, members = raw.get("family", ""), raw.get("members", [])
    if not isinstance(family, str) or (family and not ID_PATTERN.fullmatch(family)):
        problems.append(f"{where}: family must match [a-z0-9-]")
        family = ""
    if "members" in raw and (not _str_list(members) or not members):
        problems.append(f"{where}: 'members' must be a non-empty list of strings")
        members = []
    if bool(family) != bool(members):
        problems.append(f"{where}: 'family' and 'members' go together (siblings: bot/kb/siblings.py)")
        family, members = "", []
    holds = _parse_holds(raw.get("holds"), where, problems) if "holds" in raw else ()
    sources = _parse_sources(raw.get("sources"), where, problems, content_dir) if "sources" in raw else ()
    kind, review_by = _parse_review(raw, where, verified, problems)
    if fatal or not sources:
        return None
    return Entry(
        id=ident, topic=raw["topic"], title=raw["title"].strip(), questions=tuple(raw["questions"]),
        keywords=tuple(raw.get("keywords", ())), answer=raw["answer"].strip(), verified=verified,
        sources=sources, file=file, kind=kind, review_by=review_by, family=family, members=tuple(members),
        holds=holds,
    )


def _parse_holds(raw: object, where: str, problems: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """An entry's ``holds`` table (kind → the subjects it holds that kind of fact for), as pairs; a malformed one is
    a problem of ``kb check`` and holds nothing (the entry still answers). Which kinds exist is ``bot.kb.held``'s."""
    if not isinstance(raw, dict) or not raw or not all(isinstance(k, str) and _str_list(v) and v
                                                       for k, v in raw.items()):
        problems.append(f"{where}: 'holds' must be a table of kinds, each a non-empty list of strings (bot/kb/held.py)")
        return ()
    return tuple((kind, tuple(subjects)) for kind, subjects in raw.items())


def parse_kb(path: Path) -> tuple[list[Entry], list[str]]:
    """All valid entries of a directory (or a single file) of TOML files, and every problem found."""
    if path.is_dir():
        files = sorted(path.glob("*.toml"))
    elif path.is_file():
        files = [path]
    else:
        raise KBError(f"knowledge base not found: {path}")
    content_dir = (path if path.is_dir() else path.parent).parent  # documents: content/sources/…
    entries: list[Entry] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for file in files:
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            problems.append(f"{file.name}: not valid TOML: {exc}")
            continue
        raw_entries = data.get("entry", [])
        if not isinstance(raw_entries, list):
            problems.append(f"{file.name}: 'entry' must be an array of tables ([[entry]])")
            continue
        for raw in raw_entries:
            entry = parse_entry(raw, file.name, problems, content_dir)
            if entry is None:
                continue
            if entry.id in seen:
                problems.append(f"{file.name}: duplicate id {entry.id!r} (first in {seen[entry.id]})")
                continue
            seen[entry.id] = file.name
            entries.append(entry)
    for problem in problems:
        log.warning("kb: %s", problem)
    return entries, problems


def load_messages(path: Path = DEFAULT_MESSAGES) -> dict[str, str]:
    """The engine's own Vietnamese strings; a missing key is a deployment error, so fail loudly.

    The default file is taken from the texts table (``bot/infra/texts.py``), which reads it once for the
    whole process; another path (``dxbot kb check --messages``, test fixtures) is read the same way."""
    try:
        data = texts.table("qa") if path == DEFAULT_MESSAGES else texts.read_table(path)
    except (OSError, tomllib.TOMLDecodeError, ValueError) as exc:
        raise KBError(f"cannot read messages {path}: {exc}") from exc
    missing = [k for k in MESSAGE_KEYS if not isinstance(data.get(k), str)]
    if missing:
        raise KBError(f"{path}: missing message keys: {', '.join(missing)}")
    return data
