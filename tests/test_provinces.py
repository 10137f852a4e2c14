"""Localities: the 34 units of 2025 and the names people still use for them."""

from __future__ import annotations

import tomllib

import pytest

from bot.infra.provinces import PROVINCES_FILE, match, provinces


def test_the_34_units_and_the_63_old_provinces() -> None:
    units = provinces()
    assert len(units) == 34
    assert sorted(p.name for p in units if p.kind == "thành phố") == sorted(
        ["Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"])
    old = [p.name for p in units] + [o for p in units for o in p.formerly]
    assert len(old) == len(set(old)) == 63  # each old province is in exactly one new one


def test_every_name_in_the_file_finds_its_own_unit() -> None:
    with PROVINCES_FILE.open("rb") as fh:
        data = tomllib.load(fh)
    for raw in data["province"]:
        for name in [raw["name"], *raw.get("formerly", ()), *raw.get("aliases", ())]:
            found = match(name)
            assert found is not None and found.province.name == raw["name"], name


@pytest.mark.parametrize(("text", "name", "former"), [
    ("Hà Giang", "Tuyên Quang", "Hà Giang"),
    ("ha giang", "Tuyên Quang", "Hà Giang"),
    ("tỉnh Bình Dương", "Hồ Chí Minh", "Bình Dương"),
    ("TP.HCM", "Hồ Chí Minh", None),
    ("Sài Gòn", "Hồ Chí Minh", None),
    ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh", "Bà Rịa - Vũng Tàu"),
    ("Thừa Thiên Huế", "Huế", None),
    ("Hoà Bình", "Phú Thọ", "Hòa Bình"),
    ("Đăk Lăk", "Đắk Lắk", None),
    ("Quảng Nam", "Đà Nẵng", "Quảng Nam"),
    ("Nam Định", "Ninh Bình", "Nam Định"),
    ("Long An", "Tây Ninh", "Long An"),
    ("Vĩnh Long", "Vĩnh Long", None),
    ("Kiên Giang", "An Giang", "Kiên Giang"),
    ("thanh hoa", "Thanh Hóa", None),
    ("mình ở Nha Trang", "Khánh Hòa", None),
    ("xã Minh Tân, huyện Vị Xuyên, tỉnh Hà Giang", "Tuyên Quang", "Hà Giang"),
    ("xã Vĩnh Hòa, tỉnh Khánh Hòa", "Khánh Hòa", None),
    ("HN", "Hà Nội", None),
])
def test_match(text: str, name: str, former: str | None) -> None:
    found = match(text)
    assert found is not None and (found.province.name, found.former) == (name, former)


@pytest.mark.parametrize("text", ["", "xóm Bãi Dài", "Vinh", "ở quê", "CT TNHH ABC"])
def test_no_match(text: str) -> None:
    assert match(text) is None
