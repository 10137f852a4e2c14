"""What the families' expressions share: alternatives read in linear time, and the substring hints a kind's
expression runs behind (latency: most questions ask none of the kinds)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# "giá" (price) folded is "gia", the Sino-Vietnamese syllable of "quốc gia" (nation, 國家), "tham gia" (take part,
# 參加) and "chuyên gia" (expert, 專家), which no "giá" follows ("quốc giá", "tham giá", "chuyên giá" are no words).
# A price asked ("gia bao nhieu", "gia may") is read only where "gia" is not the second syllable of one of them:
# "cổng dịch vụ công quốc gia, mấy dịch vụ đầu tiên" asks how many services, not a price (round 31, amb31b).
NOT_COMPOUND_GIA = r"(?<!\bquoc )(?<!\btham )(?<!\bchuyen )"


@dataclass(frozen=True, slots=True)
class Either:
    """Alternatives, each a pattern or a pair said in this order on one line (what ``a.*b`` matches). The regex
    ``a.*b`` scans the rest of the text from every "a" and backtracks: ×4 per doubling of a long message of many
    "a" and no "b" (review of round 14, asks.py's "quyết định … số mấy"). The first "a" and one search for "b"
    after its end give the same answer in linear time (the "a" phrases here never overlap, so the first one also
    ends first)."""

    alternatives: tuple[re.Pattern[str] | tuple[re.Pattern[str], re.Pattern[str]], ...]

    def search(self, text: str) -> bool:
        """Whether one alternative is in ``text``."""
        for alternative in self.alternatives:
            if isinstance(alternative, re.Pattern):
                if alternative.search(text):
                    return True
                continue
            first, then = alternative
            for line in text.split("\n"):  # "." of ``a.*b`` stops at a line break
                found = first.search(line)
                if found and then.search(line, found.end()):
                    return True
        return False


def hinted(text: str, hints: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of the substrings without which a kind's expression cannot match (the families
    call it as ``patterns.hinted``: a test replaces it to check that the hints change no kind). One search of the
    hints as alternatives, in C (latency: a generator over every hint, per kind, per text)."""
    return _any_of(hints).search(text) is not None


def any_substring(text: str, hints: tuple[str, ...]) -> bool:
    """``any(h in text for h in hints)`` as one search in C (latency: a generator step per hint, per message). Unlike
    :func:`hinted`, a plain filter of a reader, not a kind's necessary hint: no test replaces it."""
    return _any_of(hints).search(text) is not None


@lru_cache(maxsize=256)
def _any_of(hints: tuple[str, ...]) -> re.Pattern[str]:
    """The hints as one expression: it finds one where any of them is a substring."""
    return re.compile("|".join(map(re.escape, hints)))
