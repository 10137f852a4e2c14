"""Zalo's broadcast city codes for today's provinces (content/zalo_cities.toml, or ZALO_CITIES_FILE).

Vietnam has 34 provinces since 2025, but the `cities` codes of Zalo's broadcast target (zalo-oa-api.md §11.2)
are the old 63, and whether Zalo re-coded is uncertain. So an operator names an edition by today's province
and this table maps it to codes: under `old` (the default) the codes of the provinces it was formed from, under
`new` Zalo's own codes once known (BROADCAST_CITY_CODES). Read and checked at start-up: a code listed for two
provinces, or a `new` table that misses a province while editions are configured, stops start-up in one line,
because either would let one follower receive two broadcasts on one day, or none.
"""

from __future__ import annotations

import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.config.parse import ConfigError

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "content" / "zalo_cities.toml"
SCHEMES = ("old", "new")
D_WITH_STROKE = {0x0110: "D", 0x0111: "d"}  # the one Vietnamese letter NFD does not decompose
HIGHEST_CODE = 63
PREFIXES = ("thanh pho ", "tp ", "tinh ")  # "TP Hồ Chí Minh", "tỉnh Gia Lai" name the same province


@dataclass(frozen=True)
class CityTable:
    """Today's provinces (and ABROAD) → Zalo city codes under one scheme."""

    scheme: str
    codes: dict[str, tuple[int, ...]]

    def of(self, province: str) -> tuple[int, ...]:
        return self.codes[province]

    def national(self, editions: tuple[str, ...]) -> tuple[int, ...]:
        """Every code of the table not taken by an edition: the national edition's target."""
        taken = {code for name in editions for code in self.codes[name]}
        return tuple(sorted({code for codes in self.codes.values() for code in codes} - taken))


def fold(text: str) -> str:
    """Compare names without case, diacritics, "đ" or extra spaces ("Ho Chi Minh" = "Hồ Chí Minh")."""
    plain = unicodedata.normalize("NFD", text.translate(D_WITH_STROKE))
    return " ".join("".join(ch for ch in plain if not unicodedata.combining(ch)).lower().split())


@lru_cache(maxsize=8)
def _read(path: Path) -> dict[str, dict[str, tuple[int, ...]]]:
    """The file's tables by scheme, plus "abroad": {its name for followers outside Vietnam: ()}."""
    where = f"ZALO_CITIES_FILE ({path})"
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{where}: cannot be read: {exc}") from None
    tables: dict[str, dict[str, tuple[int, ...]]] = {}
    for scheme in SCHEMES:
        raw = data.get(scheme, {})
        if not isinstance(raw, dict):
            raise ConfigError(f"{where}: [{scheme}] must be a table of province = [codes]")
        table: dict[str, tuple[int, ...]] = {}
        owner: dict[int, str] = {}
        for name, codes in raw.items():
            if not isinstance(codes, list) or not codes or not all(
                    isinstance(c, int) and not isinstance(c, bool) and 0 <= c <= HIGHEST_CODE for c in codes):
                raise ConfigError(f"{where}: [{scheme}] {name!r} needs a list of codes 0-{HIGHEST_CODE}")
            for code in codes:
                if code in owner:  # one follower would be in two editions
                    raise ConfigError(f"{where}: [{scheme}] code {code} is listed for both {owner[code]!r} and "
                                      f"{name!r}")
                owner[code] = name
            table[name] = tuple(codes)
        tables[scheme] = table
    if not tables["old"]:
        raise ConfigError(f"{where}: the [old] table of today's provinces is missing")
    tables["abroad"] = {str(data.get("abroad", "")): ()}
    return tables


def abroad(path: Path = DEFAULT_FILE) -> str:
    """The table's name for followers outside Vietnam: never an edition, always in the national one."""
    return next(iter(_read(path)["abroad"]))


def provinces(path: Path = DEFAULT_FILE) -> tuple[str, ...]:
    """Today's provinces the table knows (ABROAD excepted)."""
    return tuple(name for name in _read(path)["old"] if name != abroad(path))


def table(path: Path, scheme: str) -> CityTable:
    return CityTable(scheme, dict(_read(path)[scheme]))


def editions(raw: str | None, path: Path, scheme: str) -> tuple[str, ...]:
    """DIGEST_EDITIONS: comma-separated names of today's provinces, each to its official name (checked against
    the table of BROADCAST_CITY_CODES, which must then give every province a code)."""
    known = {fold(name): name for name in provinces(path)}
    for name in provinces(path):
        for prefix in PREFIXES:
            known[fold(prefix + name)] = name
    examples = ", ".join(provinces(path)[:4])
    names: list[str] = []
    for part in (raw or "").split(","):
        part = part.strip()
        if not part:
            continue
        if part.isdigit():
            raise ConfigError(f"DIGEST_EDITIONS: {part!r} is a Zalo city code; name today's province instead "
                              f"(for example: {examples})")
        if fold(part) not in known:
            raise ConfigError(f"DIGEST_EDITIONS: {part!r} is not one of today's {len(provinces(path))} provinces "
                              f"(for example: {examples})")
        names.append(known[fold(part)])
    names = list(dict.fromkeys(names))
    if names:
        missing = [p for p in (*provinces(path), abroad(path)) if p and p not in _read(path)[scheme]]
        if missing:
            raise ConfigError(f"BROADCAST_CITY_CODES={scheme}: ZALO_CITIES_FILE has no [{scheme}] codes for "
                              f"{', '.join(missing[:3])}{' …' if len(missing) > 3 else ''}; a province edition "
                              "needs every province coded, or the national edition would miss followers")
    return tuple(names)
