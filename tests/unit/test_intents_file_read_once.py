"""content/intents.toml has one reader beside the router's table (round 23, tidy23).

Eight readers kept their own copy of a loader for the file, each expanding ``[vocabulary]`` on its own: a change to
how the router reads the file (a class, a new expansion rule) had to be made in every copy, or the readers and the
router read the same phrase differently. They now ask ``bot.nlp.intents`` for it (``intents_file``,
``request_phrases``, ``command_lists``); these tests fail when a copy comes back or the shared lists drift from the
file.
"""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from bot.nlp.intents import (
    DEFAULT_INTENTS,
    Exclusion,
    command_lists,
    expand,
    intents_file,
    request_phrases,
)

ROOT = Path(__file__).resolve().parents[2]
LOADER = ROOT / "bot" / "nlp" / "intents.py"


def _reads_the_intents_file(path: Path) -> bool:
    """Whether a module parses TOML and names the intents file (by its constant or its file name) in its code."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parses = any(isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "tomllib"
                 for n in ast.walk(tree))
    names = any((isinstance(n, ast.Name) and n.id == "DEFAULT_INTENTS")
                or (isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value == "intents.toml")
                for n in ast.walk(tree))
    return parses and names


def test_only_the_intents_module_parses_the_intents_file() -> None:
    readers = [p.relative_to(ROOT).as_posix() for d in ("bot", "handlers", "workers") for p in (ROOT / d).rglob("*.py")
               if p != LOADER and _reads_the_intents_file(p)]
    assert readers == []


def test_the_check_finds_a_copied_loader(tmp_path: Path) -> None:
    copy = tmp_path / "copy.py"
    copy.write_text("import tomllib\nfrom bot.nlp.intents import DEFAULT_INTENTS\n"
                    "DATA = tomllib.loads(DEFAULT_INTENTS.read_text())\n", encoding="utf-8")
    assert _reads_the_intents_file(copy)
    assert not _reads_the_intents_file(LOADER.parent / "digest_named.py")


def _fresh(key: str) -> tuple[Exclusion, ...]:
    """A ``[request]`` list read from the file again, as the removed copies read it."""
    data = tomllib.loads(DEFAULT_INTENTS.read_text(encoding="utf-8"))
    vocabulary: dict[str, list[str]] = {}
    for name, words in data.get("vocabulary", {}).items():
        vocabulary[name] = [w for p in words for w in expand(p, vocabulary)]
    said = data.get("request", {}).get(key, [])
    return tuple(dict.fromkeys(Exclusion.of(p) for t in said for p in expand(t, vocabulary)))


def test_the_shared_lists_are_the_files() -> None:
    request = intents_file()[0]
    for key in ("stop_bare", "stop_negated", "digest_for_others", "erase_again", "erase_kept", "erased_chat",
                "erased_data"):
        assert request.get(key), key  # the list the reader needs is in the file
        assert request_phrases(key) == _fresh(key), key
    data = tomllib.loads(DEFAULT_INTENTS.read_text(encoding="utf-8"))
    assert command_lists("subscribe")["unmet"] == data["subscribe"]["unmet"]
    assert command_lists("no such command") == {}


def test_the_shared_tables_cannot_be_changed_by_a_reader() -> None:
    """The parse is shared (review of tidy23, L3): a reader writing into it would change every other reader's lists."""
    with pytest.raises(TypeError):
        intents_file()[0]["refused_tail"] = []  # type: ignore[index]
    with pytest.raises(TypeError):
        command_lists("subscribe")["unmet"] = []  # type: ignore[index]
    assert intents_file()[0]["refused_tail"] and command_lists("subscribe")["unmet"]
