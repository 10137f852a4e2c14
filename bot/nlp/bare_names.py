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
    plain = typed_plain(raws, titled)
    for at, (a, b, c) in enumerate(zip(raws, raws[1:], nexts, strict=False), start=1):
        if not (titled or b[:1].isupper()) or not said_as(a, on_behalf, plain and a.islower()):
            continue
        word = b.lower()
        if said_as(word, titles, plain) or word in not_named or f"{word} {c.lower()}" in not_named:
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


_PLAIN_AMONG = 4  # unmarked words that make a clause typed without marks despite one marked word ("… gium Lan nhé")


def typed_plain(raws: Sequence[str], titled: bool) -> bool:
    """Whether a clause is typed without marks and does not capitalise most of its words: there, a capitalised word is
    a name as surely as where marks are typed, and the short words around it are read folded (:func:`said_as`).
    Words with no letter (an emoji, a sign) say nothing of how the clause is typed, and one marked word among four or
    more unmarked ones (a closing "nhé" the keyboard marked) leaves it typed without marks: "huy dang ky gium Lan 😊",
    "huy dang ky gium Lan nhé" name Lan as "huy dang ky gium Lan" does."""
    if titled:
        return False
    words = [w for w in raws if any(c.isalpha() for c in w)]
    marked = sum(not w.isascii() for w in words)
    return marked == 0 or (marked == 1 and len(words) - marked >= _PLAIN_AMONG)


def said_as(word: str, words: frozenset[str], plain: bool = False) -> bool:
    """Whether ``word`` is one of ``words`` or, in a clause typed without marks (``plain``), one of them so folded
    (round 19: "gium", "ho" in "huy dang ky gium Lan" are "giùm", "hộ"; "chi" before a name is "chị"). A clause typed
    with marks compares the words as typed: there "Chi" is a name, not "chị"."""
    word = word.lower()
    return word in words or (plain and fold_token(word) in _folded(words))


@lru_cache(maxsize=8)
def _folded(words: frozenset[str]) -> frozenset[str]:
    return frozenset(fold_token(w) for w in words if " " not in w)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """Every province's name, former name and alias (content/provinces.toml), folded."""
    data = tomllib.loads(_PROVINCES.read_text(encoding="utf-8"))
    return frozenset(command_form(n) for p in data.get("province", [])
                     for n in (p["name"], *p.get("formerly", ()), *p.get("aliases", ())) if command_form(n))


def opens_place(folded: Sequence[str], at: int, typed: str = "") -> bool:
    """Whether the folded words ``folded`` from ``at`` open with a province's name (round 19: typed without marks,
    "hộ chị mình" is also "Hồ Chí Minh": "huy nhan tin Ho Chi Minh" names no one). Given ``typed``
    (the clause as typed), only where a word after its first is capitalised: all in lower case, "huy dang ky ho chi
    minh" is as likely "hộ chị mình", for a sister (review 19, M1)."""
    if typed and not any(w[:1].isupper() for w in typed.split()[1:]):
        return False
    words = folded[at : at + _PLACE_WORDS + 1]
    return any(" ".join(words[:n]) in _places() for n in range(1, len(words) + 1))


def _names_place(raws: Sequence[str], at: int) -> bool:
    """Whether the words of ``raws`` from ``at`` open with a province's name."""
    words = [command_form(w) for w in raws[at : at + _PLACE_WORDS + 1]]
    return any(" ".join(words[:n]) in _places() for n in range(1, len(words) + 1))
