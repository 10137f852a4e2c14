"""``tools/offtopic_swing.py --cache`` keeps the recorded messages (held-out texts among them) only in the system's
temporary folder, under a name keyed by the engine's code and content, so a cache recorded by another engine is
never replayed and nothing cached lands in the repository."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from tools.offtopic_swing import cache_path, engine_key
from tools.train_offtopic import ROOT

pytestmark = pytest.mark.unit


def _tree(root: Path) -> None:
    (root / "bot" / "kb").mkdir(parents=True)
    (root / "content").mkdir()
    (root / "bot" / "kb" / "engine.py").write_text("ANSWER = 1\n", encoding="utf-8")
    (root / "content" / "kb.toml").write_text("id = 'a'\n", encoding="utf-8")


def test_the_cache_lives_in_the_temporary_folder_never_the_repository() -> None:
    path = cache_path(engine_key())
    assert path.parent == Path(tempfile.gettempdir())
    assert ROOT not in path.parents


def test_a_change_to_the_engine_or_content_changes_the_key(tmp_path: Path) -> None:
    _tree(tmp_path)
    first = engine_key(tmp_path)
    assert engine_key(tmp_path) == first
    (tmp_path / "bot" / "kb" / "engine.py").write_text("ANSWER = 2\n", encoding="utf-8")
    second = engine_key(tmp_path)
    (tmp_path / "content" / "kb.toml").write_text("id = 'b'\n", encoding="utf-8")
    assert len({first, second, engine_key(tmp_path)}) == 3
    assert cache_path(first) != cache_path(second)
