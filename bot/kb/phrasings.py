"""Extra phrasings of KB entries, kept apart from the entries: ``content/phrasings/<topic>.toml``.

Why a separate place: editors own the entries (``content/kb``); the phrasings here are what citizens actually
typed — added by hand or accepted with ``dxbot kb learn`` — and the index reads both. Each file maps entry ids
to lists of questions::

    "ngay-cds-la-ngay-nao" = ["hôm nào là ngày chuyển đổi số vậy", "..."]

An id that names no entry is reported by :func:`load_phrasings` and otherwise ignored.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from pathlib import Path

from bot.kb.loader import CONTENT_DIR

DEFAULT_PHRASINGS_DIR = CONTENT_DIR / "phrasings"
HEADER = ("# Phrasings citizens used for these entries (content/phrasings/README.md), keyed by entry id.\n"
          "# Accepted by an editor with `dxbot kb learn --accept`, or added by hand.\n\n")


def load_phrasings(directory: Path | None = None) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """All phrasings by entry id, and the problems found (unreadable files, values that are not strings)."""
    directory = directory or DEFAULT_PHRASINGS_DIR
    found: dict[str, list[str]] = {}
    problems: list[str] = []
    if not directory.is_dir():
        return {}, []
    for path in sorted(directory.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            problems.append(f"{path.name}: {exc}")
            continue
        for entry_id, values in data.items():
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                problems.append(f"{path.name}: {entry_id!r} must be a list of strings")
                continue
            found.setdefault(entry_id, []).extend(v.strip() for v in values if v.strip())
    return {k: tuple(dict.fromkeys(v)) for k, v in found.items()}, problems


def _toml_string(text: str) -> str:
    # JSON string escapes are valid TOML basic-string escapes.
    return json.dumps(text, ensure_ascii=False)


def add_phrasings(topic: str, pairs: Iterable[tuple[str, str]], directory: Path | None = None) -> Path:
    """Add (entry id, question) pairs to ``<topic>.toml``, keeping what is there; returns the file written."""
    directory = directory or DEFAULT_PHRASINGS_DIR
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{topic}.toml"
    data: dict[str, list[str]] = {}
    if path.exists():
        data = {k: list(v) for k, v in tomllib.loads(path.read_text(encoding="utf-8")).items()}
    for entry_id, question in pairs:
        values = data.setdefault(entry_id, [])
        if question not in values:
            values.append(question)
    body = "".join(
        f"{_toml_string(entry_id)} = [\n" + "".join(f"  {_toml_string(q)},\n" for q in values) + "]\n"
        for entry_id, values in sorted(data.items())
    )
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(HEADER + body, encoding="utf-8")
    tmp.replace(path)  # never a half-written file
    return path
