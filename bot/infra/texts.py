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

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
MESSAGES_DIR = CONTENT_DIR / "messages"


class _Missing(dict[str, object]):
    def __missing__(self, key: str) -> str:
        raise KeyError(f"message placeholder {{{key}}} not given")


def read_table(path: Path) -> dict[str, str]:
    """One messages file as ``key -> text`` (NFC, surrounding newlines dropped): the only reader of
    ``content/messages/*.toml``, also used by ``dxbot kb check`` for a messages file given to it."""
    with path.open("rb") as fh:
        table = tomllib.load(fh)
    read: dict[str, str] = {}
    for key, value in table.items():
        if not isinstance(value, str):
            raise ValueError(f"{path.name}: {key} must be a string")
        read[key] = unicodedata.normalize("NFC", value.strip("\n"))
    return read


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, str]]:
    """Each file of ``content/messages/`` by its name (``qa`` for qa.toml), read once per process."""
    return {path.stem: read_table(path) for path in sorted(MESSAGES_DIR.glob("*.toml"))}


def table(name: str) -> dict[str, str]:
    """The messages of one feature's file, e.g. ``table("qa")`` for the knowledge base's own strings."""
    return dict(_tables()[name])


@lru_cache(maxsize=1)
def catalogue() -> dict[str, str]:
    """All messages, NFC-normalised, loaded once per process."""
    merged: dict[str, str] = {}
    for name, messages in _tables().items():
        for key, value in messages.items():
            if key in merged:
                raise ValueError(f"{name}.toml: message key {key!r} is defined twice")
            merged[key] = value
    return merged


def render(key: str, **params: object) -> str:
    """The message `key` with its placeholders filled in."""
    return catalogue()[key].format_map(_Missing(params))


COMMANDS_FILE = CONTENT_DIR / "commands.toml"


@lru_cache(maxsize=1)
def _commands() -> dict[str, object]:
    with COMMANDS_FILE.open("rb") as fh:
        table = tomllib.load(fh)
    return {k: _nfc(v) for k, v in table.items()}


def _nfc(value: object) -> object:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return tuple(_nfc(v) for v in value)
    if isinstance(value, dict):
        return {k: _nfc(v) for k, v in value.items()}
    raise ValueError(f"{COMMANDS_FILE.name}: only strings, lists and tables, got {value!r}")


def phrases(name: str) -> tuple[str, ...]:
    """The words that give command `name` (content/commands.toml); the first is its button's payload."""
    value = _commands()[name]
    if not isinstance(value, tuple) or not value:
        raise ValueError(f"{COMMANDS_FILE.name}: {name} must be a non-empty list of phrases")
    return value


def payload(name: str) -> str:
    """What a button for command `name` sends back when tapped (shown as the user's own message)."""
    return phrases(name)[0]


def answer_offers() -> dict[str, str]:
    """Knowledge-base entry id → the command its confident answer offers as a button (commands.toml)."""
    value = _commands().get("answer_offers", {})
    assert isinstance(value, dict)
    return {str(k): str(v) for k, v in value.items()}


def moderator_command(name: str) -> str:
    """The slash command word of a moderator action (`hangdoi` for /hangdoi)."""
    value = _commands()["moderator"]
    assert isinstance(value, dict)
    return value[name]


def moderator_phrases(name: str) -> tuple[str, ...]:
    value = _commands()["moderator"]
    assert isinstance(value, dict)
    return value[name]
