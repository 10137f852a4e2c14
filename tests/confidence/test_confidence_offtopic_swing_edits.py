"""``tools/offtopic_swing.py --edits N`` stands for "the KB changed a little" by small edits of the knowledge base
(one phrasing added or removed, one entry retitled, one entry split off): each is drawn by its seed, changes one
entry's phrasings, title or questions and nothing else, and is applied in memory (``content/`` is never written)."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from tools.offtopic_swing import EDIT_KINDS, edit_kb, held_out_sets, tuned_sets

pytestmark = pytest.mark.unit


def _changed(kb: KnowledgeBase, edited: KnowledgeBase) -> set[str]:
    """The entry ids whose title, questions or phrasings differ, and the ids only one of the two has."""
    ids = set(kb.by_id) | set(edited.by_id)
    return {i for i in ids if i not in kb.by_id or i not in edited.by_id
            or kb.by_id[i] != edited.by_id[i] or kb.phrasings.get(i, ()) != edited.phrasings.get(i, ())}


_BUILT: dict[int, tuple[KnowledgeBase, str]] = {}


def _edit(kb: KnowledgeBase, seed: int) -> tuple[KnowledgeBase, str]:
    """Each seed's edited KB built once for the module (an index build is seconds on a loaded host)."""
    if seed not in _BUILT:
        _BUILT[seed] = edit_kb(kb, seed)
    return _BUILT[seed]


@pytest.mark.timeout(900)  # builds an edited KB's index per seed: seconds alone, minutes on a loaded host
@pytest.mark.parametrize("seed", range(1, 1 + len(EDIT_KINDS)))
def test_an_edit_changes_one_entry(real_kb: KnowledgeBase, seed: int) -> None:
    edited, what = _edit(real_kb, seed)
    assert what.startswith(EDIT_KINDS[seed % len(EDIT_KINDS)])
    split = what.startswith("split")
    assert len(_changed(real_kb, edited)) == (2 if split else 1)
    assert len(edited.entries) == len(real_kb.entries) + split
    assert edited.index.outside is not None and real_kb.index.outside is not None
    assert edited.index.outside.model is real_kb.index.outside.model  # the committed model, not a retrain


@pytest.mark.timeout(900)
def test_an_edit_is_fixed_by_its_seed_and_leaves_the_kb_as_it_was(real_kb: KnowledgeBase) -> None:
    before = (real_kb.entries, dict(real_kb.phrasings))
    seed = 3  # the split: the largest edit
    edited, what = _edit(real_kb, seed)
    again, what_again = edit_kb(real_kb, seed)
    assert what == what_again and _changed(real_kb, edited) == _changed(real_kb, again)
    assert (real_kb.entries, real_kb.phrasings) == before


def test_the_sets_measured_are_the_tuned_and_the_held_out_ones() -> None:
    tuned = {p.name for p in tuned_sets()}
    held = {p.name for p in held_out_sets()}
    assert not tuned & held
    assert {"questions.toml", "dev.toml", "dev21a.toml", "facts_local.toml"} <= tuned
    assert {"dev21b.toml", "long13.toml", "test.toml", "test31.toml"} <= held
    assert all(not n.startswith("test") and not n.endswith("b.toml") for n in tuned)
