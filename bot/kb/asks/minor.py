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
entry answers. An adult's age ("mẹ tôi 70 tuổi") is no child's, and neither are:

* a limit a child cannot have: "dưới / chưa đủ N tuổi" is a child's only for N up to 18 ("dưới 30 tuổi" is youth);
* the age of a thing ("Tổ công nghệ số của xã tôi đã 3 tuổi", "kênh này tròn 2 tuổi"): a team, a channel, a
  programme or the like right before the age, with at most its name, who holds it and how old it got between; any
  other words between ("Kênh ơi mình 15 tuổi", "Ứng dụng VNeID cho phép 15 tuổi") leave the age a person's;
* a child who only asks where to learn ("Trẻ em thì học kỹ năng số ở đâu"), where the sentence asks no rule of the
  child's (may, must, join, an account, an identity, a registration): the entry on where to learn speaks to everyone.
  A child taught or kept safe online ("dạy trẻ nhỏ an toàn trên mạng thế nào") is still a child: no entry speaks of
  children's safety, so such a question is offered. "Học sinh" (a pupil) is a child, not one who learns.

Patterns are folded (no Vietnamese letter); each runs behind a substring every match holds.
"""

from __future__ import annotations

import re

from bot.kb.asking_sentences import named_where_asked
from bot.kb.asks.registry import Said, register

ADULT_AGE = 18
# An age in years (folded), its number kept; "dưới / chưa đủ N tuổi" is a limit (a child's when N is at most 18)
_AGE = re.compile(r"\b(duoi |chua du |chua den )?(\d{1,3}) tuoi\b")
# A child named without an age (folded); "trẻ" alone is also "young" ("cán bộ trẻ") and "bé" also "small"
_CHILD = re.compile(r"\btre (?:em|nho|con|so sinh)\b|\bchua thanh nien\b|\bchua du tuoi\b")
_HINTS = ("tuoi", "tre ", "thanh nien")
# Not read: "con / đứa nhỏ" — folded, "nhỏ" is also "nhờ" ("mạ con nhờ con hỏi giùm"), and typed, the kids are as
# often who told the asker something ("Tui nghe mấy đứa nhỏ nói chuyển đổi số có ba trụ cột …")
# What an answer says of children (folded)
_CHILD_SAID = re.compile(r"\btre em\b|\bchua thanh nien\b|\bnguoi giam ho\b|\b(?:duoi|chua du) \d+ tuoi\b")


# A thing's age (folded), read only tightly (review of round 17, H3): the thing ("tổ công nghệ số", "kênh", "đề án",
# "ứng dụng"), then at most its name ("VNeID", "06", "này"), then at most "của" and who holds it ("của xã tôi"), then at
# most two words of how old it got ("đã", "mới", "tròn", "ra mắt"), then the age. Anything else between the thing and
# the age ("ứng dụng VNeID cho phép 15 tuổi", "kênh ơi mình 15 tuổi") leaves the age a person's. Not read as a thing:
# "đội" (folded "doi" is also "đổi", as in "chuyển đổi số") nor "trang" alone (a girl's name too)
_THING = (r"(?:to (?:cong nghe(?: so)?|cns|dan pho)|kenh|cong (?:dich vu(?: cong)?|dvc|thong tin)|ung dung|app"
          r"|de an|chuong trinh|trang (?:web|thong tin)|website|nhom|cau lac bo|clb|cong ty|du an|mo hinh|phong trao"
          r"|hop tac xa|ngay (?:chuyen doi so|cds))")
_NAME = r"(?:nay|do|ay|kia|vneid|zalo|\d+)"
# who holds it is no person ("của con tôi 10 tuổi" is the child's age); a pronoun may follow ("của xã tôi")
_CHILDISH = r"(?:con|chau|be|em|dua|thang|tre|hoc|ban|nguoi)"
_HOLDER = rf"(?:cua (?!(?:{_CHILDISH}|toi|minh|to|tui|no)\b)\w+(?: (?!{_CHILDISH}\b)\w+){{0,2}})"
_GOT = r"(?:da|moi|vua|tron|duoc|len|ra mat|ra doi|thanh lap|hoat dong)"
_THINGS_AGE = re.compile(rf"\b{_THING}(?: {_NAME})?(?: {_HOLDER})?(?: {_GOT}){{0,2}} \d{{1,3}} tuoi\b")
_THINGS_HINTS = ("to ", "kenh", "cong ", "ung dung", "app", "de an", "chuong trinh", "trang ", "website", "nhom",
                 "cau lac bo", "clb", "du an", "mo hinh", "phong trao", "hop tac xa", "ngay ")
# A child only learning (folded): where or from whom to learn ("Trẻ em thì học kỹ năng số ở đâu"), which the entry on
# where to learn answers for everyone; "học sinh" (a pupil) is a child, not learning. Being taught or kept safe online
# ("dạy trẻ … an toàn thế nào", "trẻ em học trực tuyến có an toàn không") is not read so: no entry speaks of children's
# safety, so those stay offered (review of round 17, H2)
_AUDIENCE = re.compile(r"\bhoc\b(?! sinh)(?: \w+){0,4} (?:o dau|cho nao|noi nao|hoi ai)\b")
# … unless the sentence asks a rule of the child's: may, must, joining, an account, an identity, a registration
_RULE = re.compile(r"\b(?:duoc (?:khong|ko|k|hong|hk|phep|chua)|co duoc|dc (?:khong|ko|k|hong|hk)|phai|can|bat buoc"
                   r"|co the|tham gia|thanh vien|du tuoi|bao nhieu tuoi|may tuoi|tai khoan|dinh danh|vneid"
                   r"|dang k[iy]|cap|lam the|chu k[iy] so|khai sinh|giam ho|thu tuc|ho so)\b")


def _a_childs_age(folded: str, m: re.Match[str], things: frozenset[int]) -> bool:
    """Whether the age ``m`` is a child's: a limit of at most 18 ("dưới 14 tuổi", whoever is named before it), or an
    age under 18 that is not a thing's (``things``: where the things' ages end)."""
    if m.group(1):
        return int(m.group(2)) <= ADULT_AGE
    return int(m.group(2)) < ADULT_AGE and m.end() not in things


def _names_child(folded: str, raw: str = "") -> bool:
    things = frozenset(t.end() for t in _THINGS_AGE.finditer(folded)) \
        if any(h in folded for h in _THINGS_HINTS) else frozenset()
    named = _CHILD.search(folded) is not None or any(_a_childs_age(folded, m, things) for m in _AGE.finditer(folded))
    return named and not (_AUDIENCE.search(folded) and not _RULE.search(folded))


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
