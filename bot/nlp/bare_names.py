"""A given name said bare after a word said on someone's behalf: "hủy đăng ký giùm Lan", "ngưng gửi bản tin hộ Tuấn
nhé" (round 18). Round 17 read a name only after a title ("giùm chị Lan"); a bare one stopped the asker's own digest.

A name is one capitalised word that is a Vietnamese syllable (a product or a shorthand is not: "Zalo", "OA"), that is
no title ("giùm Anh" may be the asker, an "anh") and no word the message may capitalise otherwise (``not_named``: a
pronoun, the channel, a command's word). After "cho", a second capitalised word that follows makes it a place or a
full name read as such elsewhere ("cho Hà Nội"), so only a bare word counts there. In a message that capitalises most
of its words every word is capitalised, so there the word only has to be none of the above.
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from bot.nlp.normalize import command_form, fold_token, is_syllable

_PROVINCES = Path(__file__).resolve().parents[2] / "content" / "provinces.toml"
_PLACE_WORDS = 3  # the longest province name read after the word said on someone's behalf ("Bà Rịa Vũng Tàu": 4)

_PLACE_OPENER = "cho"  # "đăng ký nhận tin cho Hà Nội" names a province, not a person


def names_bare(raws: Sequence[str], on_behalf: frozenset[str], titles: frozenset[str], not_named: frozenset[str],
               titled: bool) -> bool:
    """Whether ``raws`` (a clause's words, punctuation stripped) say a word of ``on_behalf`` then a bare given name."""
    nexts = [*raws[2:], ""]
    for at, (a, b, c) in enumerate(zip(raws, raws[1:], nexts, strict=False), start=1):
        if a.lower() not in on_behalf or not (titled or b[:1].isupper()):
            continue
        word = b.lower()
        if word in titles or word in not_named or f"{word} {c.lower()}" in not_named:
            continue
        if not is_syllable(fold_token(word)):
            continue
        if a.lower() == _PLACE_OPENER and not titled and c[:1].isupper():
            continue
        if word.isascii() and fold_token(word) in _folded(not_named):
            continue  # "HUY DANG KY GIUP GAP", typed without marks
        if _names_place(raws, at):
            continue  # "đăng ký nhận bản tin cho Huế", "… giúp Bình Dương": a province's edition (review 18, H6)
        return True
    return False


@lru_cache(maxsize=8)
def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(fold_token(w) for w in words if " " not in w)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Every province's name, former name and alias (content/provinces.toml), folded."""
    data = tomllib.loads(_PROVINCES.read_text(encoding="utf-8"))
    return frozenset(command_form(n) for p in data.get("province", [])
                     for n in (p["name"], *p.get("formerly", ()), *p.get("aliases", ())) if command_form(n))


def _names_place(raws: Sequence[str], at: int) -> bool:
    """Whether the words of ``raws`` from ``at`` open with a province's name."""
    words = [command_form(w) for w in raws[at : at + _PLACE_WORDS + 1]]
    return any(" ".join(words[:n]) in _places() for n in range(1, len(words) + 1))
