"""Opening hours asked by the day (registered with ``bot.kb.asks``): an extra reading of the kind ``hours``.

Round 11's ``hours`` reads "mấy giờ", "giờ làm việc", "mở cửa … lúc nào" and "làm việc … thứ bảy"; an office's days
asked with the day first and by its number were missed: "bo phan mot cua phuong thu 7 co lam viec ko ad" was
answered with the entry on the single national portal, which says nothing of any office's days. Read here (folded):

* a weekday, the weekend, a holiday or the lunch break, then an office's work and a yes-or-no ("thứ 7 có làm việc
  không", "chủ nhật UBND có tiếp dân ko", "ngày lễ bộ phận một cửa có mở cửa không", "T7 xã có làm việc k");
* the work, then the day, then a yes-or-no ("làm căn cước vào thứ bảy không", "nhận hồ sơ chủ nhật không");
* an office's schedule ("lịch làm việc", "lịch tiếp dân", "giờ giấc làm việc"; not "giờ giấc" of anything else).

The work is also "hoạt động", "nộp hồ sơ" or "nghỉ (bù)" ("cổng dịch vụ công có hoạt động vào ngày lễ không", "giờ
trưa có nộp hồ sơ được không", "10/10 rơi vào thứ 7 thì có nghỉ bù không"); a bare "làm" only right before the
yes-or-no, and "trực" not of "trực tuyến".

A weekday's number is also an ordinal ("bé thứ 2", "lần thứ 4", "trụ cột thứ 3"): not after such a noun. Given, as
round 11's kind, by an answer with a clock time or the days of work (``bot.kb.asks``); none states an office's. Also
given by an answer that says there is no such hotline ("Kênh này không có tổng đài điện thoại riêng", the channel's
redirect): "Tổng đài hỗ trợ có trực cuối tuần không" is answered by saying there is none to call and where to go.
"""

from __future__ import annotations

import re

from bot.kb.asks.patterns import any_substring
from bot.kb.asks.registry import Said, register

# Nouns an ordinal follows (folded): "bé thứ 2", "lần thứ 4", "năm thứ 3", "hạng thứ 5"
_ORDINAL_OF = ("be ", "con ", "lan ", "nam ", "lop ", "hang ", "ky ", "mon ", "dot ", "buoc ", "dua ", "nguoi ", "cau ",
               "phan ", "muc ", "diem ", "cot ", "ve ", "tang ", "giai ", "ngay ", "dem ", "bai ", "y ", "so ", "dong ",
               "trang ", "chuong ", "dieu ", "khoan ", "nguyen tac ")
_WEEKDAY = r"(?:thu (?:[2-7]|hai|ba|tu|nam|sau|bay)|t[2-7])"
_DAY = rf"(?:{_WEEKDAY}|chu nhat|cuoi tuan|ngay (?:le|tet)|dip (?:le|tet)|buoi trua|gio trua|ngoai gio hanh chinh)"
# An office's work (folded): "trực" not of "trực tuyến" (online); "hoạt động", "nộp hồ sơ" and "nghỉ (bù)" (a day
# off) ask the same of the day
_WORK = (r"(?:lam viec|mo cua|tiep dan|truc(?! tuyen)|hoat dong|nghi|(?:nhan|tra|nop) ho so"
         r"|lam (?:can cuoc|ho so|thu tuc|giay to|dinh danh|vneid))")
# "hả" only at the end or before "ạ / ad" (folded, "ha" is also "Hà" of "Hà Nội", "Hà Tĩnh")
_YES_NO = r"(?:khong|chua|hong|hem|ha(?=$| a\b| ad\b))"
# A bare "làm" is the work only right before the yes-or-no ("chủ nhật xã có làm không")
_BY_DAY = re.compile(rf"\b(?P<day>{_DAY})\b(?: \w+){{0,5}} (?:co |van |con )?(?:{_WORK}|lam(?= {_YES_NO}\b))\b"
                     rf"(?: \w+){{0,4}} {_YES_NO}\b"
                     rf"|\b{_WORK}\b(?: \w+){{0,6}} (?P<after>{_DAY})\b(?: \w+){{0,3}} {_YES_NO}\b"
                     r"|\blich (?:lam viec|tiep dan|truc)\b|\bgio giac (?:lam viec|tiep dan)\b")
_HINTS = ("thu ", "t2", "t3", "t4", "t5", "t6", "t7", "chu nhat", "cuoi tuan", "ngay le", "ngay tet", "dip ", "trua",
          "ngoai gio", "lich ", "gio giac")


def _ordinal(folded: str, m: re.Match[str]) -> bool:
    """Whether the weekday matched is an ordinal after a noun ("bé thứ 2")."""
    start = m.start("day") if m.group("day") else m.start("after") if m.group("after") else -1
    if start < 0 or not folded.startswith(("thu ", "t"), start):
        return False
    return folded[max(0, start - 12):start].endswith(_ORDINAL_OF)


def asked_hours(normalized: str) -> frozenset[str]:
    """``hours`` when the question (analysed, folded) asks an office's days or schedule (see the module)."""
    if not any_substring(normalized, _HINTS):
        return frozenset()
    if any(not _ordinal(normalized, m) for m in _BY_DAY.finditer(normalized)):
        return frozenset({"hours"})
    return frozenset()


# An answer that says there is no hotline to call (folded): a hotline's hours are then answered
_NO_HOTLINE_SAID = re.compile(r"\bkhong co (?:tong dai|hotline|duong day nong)\b")


def _asked(normalized: str, raw: str, found: object) -> frozenset[str]:
    return asked_hours(normalized)


def provided_hours(folded_answer: str) -> frozenset[str]:
    """``hours`` when the answer (folded) says there is no hotline, whose hours are then moot."""
    return frozenset({"hours"}) if _NO_HOTLINE_SAID.search(folded_answer) else frozenset()


def _provided(said: Said) -> frozenset[str]:
    return provided_hours(said.folded)


register(_asked, _provided)
