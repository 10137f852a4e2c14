"""The OA's followers as broadcast sees them: province, age, gender, platform and broadcast caps, in columns.

A broadcast reach benchmark needs 100,000 followers; a Python object per follower would cost ~1 KB each, so
every follower is one row of compact arrays (about 30 bytes a row). Users the emulator meets one by one
(events, ``PUT /_emulator/users``) get a row too, found through ``rows``; bulk followers
(``POST /_emulator/users/bulk``) have ids ``BULK_ID_BASE + row``, so they need no dictionary entry at all.

Codes are Zalo's broadcast target codes (zalo-oa-api.md §11.2): province 0-63 (the pre-2025 list; whether
Zalo re-coded after the 2025 mergers is [U]), gender 1 male / 2 female, platform 1 iOS / 2 Android /
3 Windows Phone. Ages are kept in years and grouped as Zalo's age codes 0-7. The region of each province
(0 North, 1 Central, 2 South) is the emulator's reading of the usual three-region split; Zalo does not
publish its own grouping [U].
"""

from __future__ import annotations

import bisect
import hashlib
import random
from array import array
from typing import Any

BULK_ID_BASE = 7_000_000_000_000_000_000
NEVER = -1  # last_ms of a follower who never interacted
PROVINCES = 64  # codes 0-63; 63 is "outside Vietnam"
NORTH = frozenset({2, 7, 8, 9, 10, 21, 22, 23, 24, 25, 26, 27, 37, 38, 40, 41, 42, 43, 56, 57, 58, 59, 60, 61, 62})
CENTRAL = frozenset({6, 17, 18, 19, 20, 30, 31, 32, 33, 34, 35, 36, 39, 50, 51, 52, 53, 54, 55})
SOUTH = frozenset({0, 1, 3, 4, 5, 11, 12, 13, 14, 15, 16, 28, 29, 44, 45, 46, 47, 48, 49})
AGE_BOUNDS = (13, 18, 25, 35, 45, 55, 65)  # first age of groups 1..7
GENDERS = {"male": 1, "female": 2}
PLATFORMS = {"ios": 1, "android": 2, "windows_phone": 3}
PROFILE_KEYS = ("city", "age", "gender", "platform")


def region_of(city: int) -> int | None:
    """0 North, 1 Central, 2 South, None outside Vietnam."""
    if city in NORTH:
        return 0
    if city in CENTRAL:
        return 1
    return 2 if city in SOUTH else None


def age_group(age: int) -> int:
    """Zalo's age code: 0 for 0-12 … 7 for 65 and over."""
    return bisect.bisect_right(AGE_BOUNDS, age)


def default_profile(user_id: str) -> tuple[int, int, int, int]:
    """A stable spread of (city, age, gender, platform) per id, so that targeting has something to pick."""
    n = int.from_bytes(hashlib.sha256(user_id.encode()).digest()[:8], "big")
    return n % 63, 18 + (n // 63) % 50, 1 + (n // 3150) % 2, 1 + (n // 6300) % 2


def parse_profile(changes: dict[str, Any]) -> dict[str, int]:
    """``city`` 0-63, ``age`` 0-120 years, ``gender`` male/female (or 1/2), ``platform`` ios/android/
    windows_phone (or 1/2/3); raises ``ValueError`` on anything else."""
    parsed: dict[str, int] = {}
    for key, names, low, high in (("city", {}, 0, PROVINCES - 1), ("age", {}, 0, 120),
                                  ("gender", GENDERS, 1, 2), ("platform", PLATFORMS, 1, 3)):
        if key not in changes:
            continue
        value = changes[key]
        value = names.get(value, value) if isinstance(value, str) else value
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            choices = f" or one of {', '.join(names)}" if names else ""
            raise ValueError(f"{key} must be an integer {low}-{high}{choices}")
        parsed[key] = value
    return parsed


class Audience:
    """Columns of follower data; callers hold the state's lock."""

    def __init__(self) -> None:
        self.follower = bytearray()
        self.city = bytearray()
        self.age = bytearray()
        self.gender = bytearray()
        self.platform = bytearray()
        self.last_ms = array("q")
        self.day_key = array("i")  # local date (ordinal) of the follower's last broadcast
        self.day_count = array("H")
        self.month_key = array("i")  # year * 12 + month of the count below
        self.month_count = array("H")
        self.rows: dict[str, int] = {}
        self.ids: dict[int, str] = {}
        self.bulk_ranges: list[tuple[int, int]] = []  # (first row, count)

    def __len__(self) -> int:
        return len(self.follower)

    def _extend(self, count: int, columns: dict[str, Any]) -> int:
        first = len(self)
        for name in ("follower", "city", "age", "gender", "platform", "last_ms"):
            getattr(self, name).extend(columns[name])
        for name in ("day_key", "day_count", "month_key", "month_count"):
            getattr(self, name).extend(array(getattr(self, name).typecode, bytes(count * getattr(self, name).itemsize)))
        return first

    def add(self, user_id: str, follower: bool, last_ms: int | None) -> int:
        """A row for a user met one by one, with :func:`default_profile`."""
        city, age, gender, platform = default_profile(user_id)
        row = self._extend(1, {"follower": [int(follower)], "city": [city], "age": [age], "gender": [gender],
                               "platform": [platform], "last_ms": [NEVER if last_ms is None else last_ms]})
        self.rows[user_id] = row
        self.ids[row] = user_id
        return row

    def add_bulk(self, count: int, follower: bool, last_ms: list[int] | array, profile: dict[str, int],
                 seed: int) -> tuple[str, str]:
        """``count`` followers in one go; unset profile fields are spread at random (seeded). Returns the
        first and last id (the ids in between are consecutive numbers)."""
        rng = random.Random(seed)

        def column(key: str, low: int, high: int) -> bytearray:
            if key in profile:
                return bytearray([profile[key]]) * count
            return bytearray(rng.randint(low, high) for _ in range(count))

        columns = {"follower": bytearray([int(follower)]) * count, "city": column("city", 0, PROVINCES - 2),
                   "age": column("age", 13, 80), "gender": column("gender", 1, 2),
                   "platform": column("platform", 1, 2), "last_ms": last_ms}
        first = self._extend(count, columns)
        self.bulk_ranges.append((first, count))
        return self.id_of(first), self.id_of(first + count - 1)

    def row_of(self, user_id: str) -> int | None:
        row = self.rows.get(user_id)
        if row is not None or not user_id.isdigit():
            return row
        n = int(user_id) - BULK_ID_BASE
        return n if any(first <= n < first + count for first, count in self.bulk_ranges) else None

    def id_of(self, row: int) -> str:
        return self.ids.get(row) or str(BULK_ID_BASE + row)

    def sync(self, row: int, follower: bool, last_ms: int | None) -> None:
        self.follower[row] = int(follower)
        self.last_ms[row] = NEVER if last_ms is None else last_ms

    def set_profile(self, row: int, profile: dict[str, int]) -> None:
        for key, value in profile.items():
            getattr(self, key)[row] = value

    def profile(self, row: int) -> dict[str, Any]:
        return {"city": self.city[row], "age": self.age[row], "gender": self.gender[row],
                "platform": self.platform[row], "region": region_of(self.city[row]),
                "broadcasts_today": self.day_count[row], "broadcasts_this_month": self.month_count[row]}

    def followers(self) -> int:
        return self.follower.count(1)

    def take_broadcast(self, row: int, day: int, month: int, daily: int, monthly: int) -> bool:
        """Count one broadcast for this follower unless a cap is reached (counts reset with day and month)."""
        if self.day_key[row] != day:
            self.day_key[row], self.day_count[row] = day, 0
        if self.month_key[row] != month:
            self.month_key[row], self.month_count[row] = month, 0
        if self.day_count[row] >= daily or self.month_count[row] >= monthly:
            return False
        self.day_count[row] += 1
        self.month_count[row] += 1
        return True
