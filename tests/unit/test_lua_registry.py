"""Every Lua file is registered in bot/infra/scripts.py, and what Redis runs is the code, not the header."""

from __future__ import annotations

import re
from pathlib import Path

from bot.infra import scripts

LUA_DIR = Path(scripts.__file__).with_name("lua")


def test_every_lua_file_is_named_by_the_registry() -> None:
    registry = Path(scripts.__file__).read_text(encoding="utf-8")
    named = set(re.findall(r'source\("(\w+)"\)', registry))
    files = {path.stem for path in LUA_DIR.glob("*.lua")}
    assert files == named, "a Lua file nobody registers, or a registered name with no file"


def test_the_header_is_not_sent_and_the_code_is() -> None:
    for path in LUA_DIR.glob("*.lua"):
        text = scripts.source(path.stem)
        assert path.read_text(encoding="utf-8").startswith("-- "), f"{path.name} says what it takes in a header"
        assert not text.lstrip().startswith("--"), path.name
        assert text.strip() and text.strip() in path.read_text(encoding="utf-8")
    assert "redis.call('GET', KEYS[1])" in scripts.TAKE_LEASE.text
    assert "@RATE@" not in scripts.DELIVERY_STEP.text and "KEYS[7]" in scripts.DELIVERY_STEP.text
