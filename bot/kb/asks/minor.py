"""A child asked about (registered with ``bot.kb.asks``): the kind ``minor``.

"Con tui 10 tuổi thì có làm định danh điện tử được không", "con tui 10 tuoi lam dinh danh muc 2 dc hk", "trẻ dưới 14
tuổi có tài khoản VNeID không": whether — and how — a child may do something is a
rule of its own (of the Ministry of Public Security, for an identity account), and the KB states none. The entry the
ranker finds says where and how *a citizen* registers a level-2 account; answering a parent with it tells them to
take a ten-year-old to the police as if it were an adult. Given by an answer that speaks of children or minors ("trẻ
em", "chưa thành niên", "người giám hộ", "dưới 14 tuổi"); no entry does today, so the entry is offered, not answered.

A child is an age under 18 in years ("10 tuổi", "dưới 14 tuổi"), or "trẻ em / trẻ nhỏ / chưa thành niên / chưa đủ
tuổi". Read only in a sentence that asks (``bot.kb.asking_sentences``): "Em mới đủ 14 tuổi, vừa làm căn
cước xong. … Em phải đi đâu để làm mức 2 ạ?" tells the asker's age and asks where level 2 is registered, which the
entry answers. An adult's age ("mẹ tôi 70 tuổi") is no child's.

Patterns are folded (no Vietnamese letter); each runs behind a substring every match holds.
"""

from __future__ import annotations

import re

from bot.kb.asking_sentences import named_where_asked
from bot.kb.asks.registry import Said, register

ADULT_AGE = 18
# An age in years (folded), its number kept; "dưới / chưa đủ N tuổi" is a child's limit whatever N is
_AGE = re.compile(r"\b(duoi |chua du |chua den )?(\d{1,3}) tuoi\b")
# A child named without an age (folded); "trẻ" alone is also "young" ("cán bộ trẻ") and "bé" also "small"
_CHILD = re.compile(r"\btre (?:em|nho|con|so sinh)\b|\bchua thanh nien\b|\bchua du tuoi\b")
_HINTS = ("tuoi", "tre ", "thanh nien")
# Not read: "con / đứa nhỏ" — folded, "nhỏ" is also "nhờ" ("mạ con nhờ con hỏi giùm"), and typed, the kids are as
# often who told the asker something ("Tui nghe mấy đứa nhỏ nói chuyển đổi số có ba trụ cột …")
# What an answer says of children (folded)
_CHILD_SAID = re.compile(r"\btre em\b|\bchua thanh nien\b|\bnguoi giam ho\b|\b(?:duoi|chua du) \d+ tuoi\b")


def _names_child(folded: str, raw: str = "") -> bool:
    if _CHILD.search(folded):
        return True
    return any(m.group(1) or int(m.group(2)) < ADULT_AGE for m in _AGE.finditer(folded))


def asked_minor(normalized: str, raw: str = "") -> frozenset[str]:
    """``minor`` when a sentence of ``raw`` (as typed; ``normalized``: the whole question analysed and folded) that asks
    names a child (``bot.kb.asking_sentences``)."""
    if not any(h in normalized for h in _HINTS) or not _names_child(normalized, raw):
        return frozenset()
    return frozenset({"minor"}) if named_where_asked(raw, _names_child) else frozenset()


def provided_minor(folded_answer: str) -> frozenset[str]:
    """``minor`` when the answer (folded) speaks of children or minors."""
    return frozenset({"minor"}) if _CHILD_SAID.search(folded_answer) else frozenset()


def _asked(normalized: str, raw: str, found: object) -> frozenset[str]:
    return asked_minor(normalized, raw)


def _provided(said: Said) -> frozenset[str]:
    return provided_minor(said.folded)


register(_asked, _provided)
