"""Whether a clause names an explanation it asks for ("… cần một định nghĩa chuyển đổi số …", "… xin lời giải thích
về Đề án 06 …"): the words in content/explanations_asked.toml, matched as whole folded words. One regex search, linear
in the clause's length."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from bot.nlp.normalize import fold

_FILE = Path(__file__).resolve().parents[2] / "content" / "explanations_asked.toml"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    words = tomllib.loads(_FILE.read_text(encoding="utf-8")).get("words", [])
    folded = sorted({" ".join(fold(w).split()) for w in words if w.strip()}, key=len, reverse=True)
    return re.compile(r"(?:^|\s)(?:" + "|".join(re.escape(w) for w in folded) + r")(?=\s|$)")


def asks_explanation(clause: str) -> bool:
    """True when the clause names a definition, an explanation, a concept or a meaning."""
    return _pattern().search(" ".join(fold(clause).split())) is not None
