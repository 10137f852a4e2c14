"""A reason asked: "vì sao", "tại sao", "lý do", "sao lại / sao bị" (``reason``): the answer gives a cause or a
purpose ("vì", "do", "bởi", "nhằm", "để"). An entry that tells what happened without why is offered, not answered
with (``bot.kb.asks``; added in round 2, docs/question-answering.md).

A purpose asked is a reason asked too: "… để làm gì" (what for; "để mần chi" once regional words are standardized).
"Lập ra cái ngày 10/10 chuyển đổi số để làm gì thế nhỉ, hay chỉ là ngày kỷ niệm thôi?" was answered with *which day*
(its "ngày kỷ niệm" and "10/10" match that entry's phrasings), an answer that says no purpose. "làm gì" alone (what
the teams do, a task) is not a purpose: only after "để"."""

from __future__ import annotations

import re
from collections.abc import Set

from bot.kb.asks.registry import Said, register

# "sao … lại / bị …" (why … again / get …), but not "làm sao" (how).
_REASON = re.compile(r"\b(?:vi sao|tai sao|l[iy] do|nguyen nhan|vi dau|do dau|de lam gi)\b"
                     r"|(?<!lam )\bsao\b(?: \w+){0,8} (?:lai|bi)\b")
# A cause or a purpose in the answer ("vì", "do", "bởi", "nhằm", "để"), except "thay vì" (instead of).
_CAUSE = re.compile(r"(?<!thay )\bvi\b|\bdo\b|\bboi\b|\bnham\b|\bde\b|\bnguyen nhan\b|\bl[iy] do\b")


def _asked(normalized: str, _raw: str, _found: Set[str]) -> set[str]:
    return {"reason"} if _REASON.search(normalized) else set()


def _provided(said: Said) -> set[str]:
    return {"reason"} if _CAUSE.search(said.folded) else set()


register(_asked, _provided)
