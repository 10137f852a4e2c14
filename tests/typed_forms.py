"""A message as citizens type it: with its diacritics and without them (punctuation kept, so the clauses stay apart).
Shared by the router tests that assert each message both ways."""

from __future__ import annotations

import unicodedata


def unmarked(text: str) -> str:
    """``text`` typed without diacritics, its punctuation kept."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return bare.replace("đ", "d").replace("Đ", "D")


def both_forms(cases: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Each (message, expected command) as typed and without marks."""
    return [(form, command) for text, command in cases for form in dict.fromkeys((text, unmarked(text)))]
