"""Whether a clause says a need (``says_need``: "Tôi cần …", "Cho tôi xin …") and names an explanation it asks for
(``asks_explanation``: "… một định nghĩa chuyển đổi số …", "… lời giải thích về Đề án 06 …"): the words in
content/explanations_asked.toml, matched as whole folded words. Linear in the clause's length."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from bot.nlp.normalize import fold

_FILE = Path(__file__).resolve().parents[2] / "content" / "explanations_asked.toml"


def _alternatives(words: list[str]) -> str:
    folded = sorted({" ".join(fold(w).split()) for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in folded)


@lru_cache(maxsize=1)
def _data() -> dict[str, list[str]]:
    """The content file, read once for both patterns."""
    return tomllib.loads(_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(r"(?:^|\s)(?:" + _alternatives(_data().get("words", [])) + r")(?=\s|$)")


@lru_cache(maxsize=1)
def _need() -> tuple[re.Pattern[str], frozenset[str]]:
    data = _data()
    need = re.compile(r"(?:^|\s)(?:" + _alternatives(data.get("needs", [])) + r")(?=\s|$)(?!\s(?:"
                      + _alternatives(data.get("not_before", [])) + r")(?:\s|$))")
    return need, frozenset(fold(w) for w in data.get("not_after", []))


def says_need(clause: str) -> bool:
    """True when the clause says a need or a request ("Tôi cần …", "Cho tôi xin …", "Tui can …"), not negated
    ("không cần"); the word before each need is found by one bounded backward search, so this stays linear."""
    folded = " ".join(fold(clause).split())
    need, negations = _need()
    for m in need.finditer(folded):
        at = m.start()
        before = folded[folded.rfind(" ", 0, at) + 1 : at] if at > 0 else ""
        if before not in negations:
            return True
    return False


def asks_explanation(clause: str) -> bool:
    """True when the clause names a definition, an explanation, a concept or a meaning."""
    return _pattern().search(" ".join(fold(clause).split())) is not None
