"""Sources carried in the repository: a document under ``content/sources/`` that a citizen can read in full.

The channel's founding article ("Chuyển đổi số trước tiên là chuyển đổi nhận thức", 2022) has no public address we
know; citing it at another site's address gave a link that cannot be checked. A source may therefore name a
``document`` (a path relative to ``content/``, inside ``sources/``) instead of a ``url``; the loader and
``dxbot kb check`` verify the file exists and that the source's quote occurs in it verbatim, so anyone holding
the repository can check the answer against its source. Only whitespace and Unicode form are normalised: "…" in
a quote is text like any other (an elided quote is no verbatim quote).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path, PurePosixPath

DOCUMENTS_DIR = "sources"  # under content/


def normalised(text: str) -> str:
    """NFC with every run of whitespace one space: the only differences a verbatim quote may have."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def verbatim_in(quote: str, text: str) -> bool:
    """Whether ``quote`` occurs in ``text`` word for word (whitespace and Unicode form aside)."""
    needle = normalised(quote)
    return bool(needle) and needle in normalised(text)


def document_path(document: str, content_dir: Path) -> Path | None:
    """The file a ``document`` field names, or ``None`` when the name is not a plain path inside ``sources/``."""
    if not isinstance(document, str) or not document or "\\" in document:
        return None
    parts = PurePosixPath(document).parts
    if PurePosixPath(document).is_absolute() or len(parts) < 2 or parts[0] != DOCUMENTS_DIR or ".." in parts:
        return None
    return content_dir.joinpath(*parts)


def read_document(path: Path) -> str | None:
    """The document's text, or ``None`` when it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
