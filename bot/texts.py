"""Every user-facing Vietnamese string lives in content/messages/*.toml; code refers to keys.

Each feature owns one file (core.toml, qa.toml, story.toml, ...) holding a flat table `key = "text"`
with `{name}` placeholders. Keys must be unique across files: a clash is a start-up error, not a
silent override.
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parents[1] / "content"
MESSAGES_DIR = CONTENT_DIR / "messages"


class _Missing(dict[str, object]):
    def __missing__(self, key: str) -> str:
        raise KeyError(f"message placeholder {{{key}}} not given")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, str]:
    """All messages, NFC-normalised, loaded once per process."""
    merged: dict[str, str] = {}
    for path in sorted(MESSAGES_DIR.glob("*.toml")):
        with path.open("rb") as fh:
            table = tomllib.load(fh)
        for key, value in table.items():
            if not isinstance(value, str):
                raise ValueError(f"{path.name}: {key} must be a string")
            if key in merged:
                raise ValueError(f"{path.name}: message key {key!r} is defined twice")
            merged[key] = unicodedata.normalize("NFC", value.strip("\n"))
    return merged


def render(key: str, **params: object) -> str:
    """The message `key` with its placeholders filled in."""
    return catalogue()[key].format_map(_Missing(params))
