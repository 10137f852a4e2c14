"""Province/city of a story: the 34 units of 2025, recognised however people still write them.

Citizens write the old 63 names ("Hà Giang", "Bình Dương"), abbreviations ("TPHCM", "BRVT"), big towns
("Nha Trang"), and whole addresses ("xã Minh Tân, tỉnh Hà Giang"). Everything is compared in
`command_form` (no diacritics, case, Telex leftovers, tone placement), the longest known name found in
the text wins, and the answer is always the unit's name after the merger. The data lives in
content/provinces.toml.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from bot.infra.texts import CONTENT_DIR
from bot.nlp.normalize import command_form

PROVINCES_FILE = CONTENT_DIR / "provinces.toml"
SHORT_ALIAS_CHARS = 3  # "HN", "SG", "BMT": only when the whole answer is the abbreviation
# Words around a place name that carry no information about which province it is.
FILLERS = frozenset({"o", "tai", "toi", "minh", "em", "que", "tinh", "thanh", "pho", "tp", "thu", "do", "nay", "la",
                     "cu", "truoc", "day", "va"})


@dataclass(frozen=True)
class Province:
    name: str  # official name after the 2025 merger, e.g. "Tuyên Quang"
    kind: str  # "tỉnh" | "thành phố"
    formerly: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        """How the bot names it in a sentence: "tỉnh Tuyên Quang", "thành phố Hồ Chí Minh"."""
        return f"{self.kind} {self.name}"


@dataclass(frozen=True)
class ProvinceMatch:
    province: Province
    former: str | None  # the pre-2025 province the user named, when it has since merged into another


@dataclass(frozen=True)
class _Name:
    tokens: tuple[str, ...]
    province: Province
    former: str | None
    short: bool


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    with PROVINCES_FILE.open("rb") as fh:
        data = tomllib.load(fh)
    return tuple(Province(p["name"], p["kind"], tuple(p.get("formerly", ()))) for p in data["province"])


@lru_cache(maxsize=1)
def _names() -> tuple[_Name, ...]:
    with PROVINCES_FILE.open("rb") as fh:
        data = tomllib.load(fh)
    by_name = {p.name: p for p in provinces()}
    names: list[_Name] = []
    for raw in data["province"]:
        province = by_name[raw["name"]]
        entries = [(raw["name"], None)] + [(old, old) for old in raw.get("formerly", ())] + \
            [(alias, None) for alias in raw.get("aliases", ())]
        for text, former in entries:
            tokens = tuple(command_form(text).split())
            if tokens:
                names.append(_Name(tokens, province, former, len("".join(tokens)) <= SHORT_ALIAS_CHARS))
    return tuple(names)


def match(text: str) -> ProvinceMatch | None:
    """The province named in `text` (longest name wins; on a tie the later one, as addresses end with the
    province), or None."""
    tokens = command_form(text).split()
    if not tokens:
        return None
    meaningful = tuple(t for t in tokens if t not in FILLERS)
    best: tuple[int, int, _Name] | None = None
    for name in _names():
        if name.short:
            if meaningful == name.tokens:
                return ProvinceMatch(name.province, name.former)
            continue
        size = len(name.tokens)
        for start in range(len(tokens) - size + 1):
            if tuple(tokens[start:start + size]) == name.tokens:
                rank = (size, start)
                if best is None or rank > best[:2]:
                    best = (size, start, name)
    if best is None:
        return None
    return ProvinceMatch(best[2].province, best[2].former)


def by_name(name: str) -> Province | None:
    """The unit with this official name (as stored on a story)."""
    return next((p for p in provinces() if p.name == name), None)
