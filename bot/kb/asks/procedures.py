"""Procedures asked that are not the channel's: another agency's procedure, how long one takes, how to sign in, a
school's admission.

The KB explains the portals (VNeID, the national public-service portal) and names a few services on them (a driving
licence, the electricity bill, health insurance in Đề án 06); how long a passport takes or what a land transfer
costs is the agency's, not the channel's (``bot.kb.asks``). Kinds (read on the folded question unless said
otherwise):

* ``procedure:<name>`` — another agency's procedure the question names (a passport, a land title, the judicial
  record, a birth or marriage registration, residence, social or health insurance, taxes, traffic fines, school
  records, patents …), in the sentences that ask (a procedure told in a context sentence is not what is asked): the
  entry names it;
* ``duration`` — how long a procedure takes ("bao lâu thì có", "mấy ngày mới có", "mất mấy ngày", "mấy ngày làm
  việc"), of papers or a procedure named: the answer names a length of time ("trong 6 tháng", "7 ngày làm việc");
* ``login`` — how to sign in to a site ("đăng nhập bằng gì", "mật khẩu mặc định là gì"): the entry speaks of signing
  in ("Trang t63.mic.gov.vn đăng nhập bằng tài khoản gì …" was answered with what the site publishes);
* ``admission`` — a school's admission, its cut-off score or enrolment ("Điểm chuẩn ngành công nghệ thông tin năm nay
  bao nhiêu?"): the entry speaks of it.

(login and admission from round 10, procedure and duration from round 12; docs/question-answering.md)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set

from bot.kb.asks.registry import Said, register
from bot.nlp.normalize import fold

# Procedures of other agencies (folded aliases → key). Each alias is unambiguous folded; "sổ đỏ" is read as typed
# (folded it is "số đó", "sơ đồ") and taxes only as a tax act ("thuế" folded is "thuê", to rent).
_PROCEDURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ho chieu", ("ho chieu", "passport")),
    ("dat dai", ("so hong", "quyen su dung dat", "truoc ba", "muc dich su dung dat", "sang ten dat", "sang ten nha")),
    ("ly lich tu phap", ("ly lich tu phap",)),
    ("khai sinh", ("khai sinh", "giay khai sinh")),
    ("ket hon", ("ket hon",)),
    ("khai tu", ("khai tu",)),
    ("cu tru", ("tam tru", "thuong tru", "tam vang")),
    ("bao hiem xa hoi", ("bao hiem xa hoi", "bhxh", "vssid", "luong huu", "tro cap that nghiep")),
    ("bao hiem y te", ("bao hiem y te", "bhyt")),
    ("thue", ("quyet toan thue", "thue thu nhap", "ma so thue", "khai thue", "nop thue", "dong thue", "thue tncn",
              "etax", "hoa don dien tu")),
    ("giao thong", ("phat nguoi", "vi pham giao thong", "dang kiem", "bien so")),
    ("lai xe", ("giay phep lai xe", "bang lai", "gplx")),
    ("dang ky xe", ("dang ky xe",)),
    ("hoc ba", ("hoc ba", "so lien lac dien tu")),
    ("sang che", ("sang che", "nhan hieu", "so huu tri tue")),
    ("kinh doanh", ("giay phep kinh doanh", "dang ky kinh doanh", "ho kinh doanh")),
    ("xay dung", ("giay phep xay dung",)),
)
# The analyser writes a syllable's final "y" as "i" ("đăng ký" → "dang ki", "lý lịch" → "li lich"); folding alone
# keeps it: aliases and texts are both read in the analyser's spelling.
_FINAL_Y = re.compile(r"\b([bdhklmstv])y\b")


def _iy(text: str) -> str:
    return _FINAL_Y.sub(r"\1i", text)


_PROCEDURE_ALIASES = re.compile(
    r"\b(" + "|".join(sorted({_iy(a) for _, al in _PROCEDURES for a in al}, key=len, reverse=True)) + r")\b")
_PROCEDURE_KEY = {_iy(a): key for key, al in _PROCEDURES for a in al}
_LAND_TYPED = re.compile(r"\bsổ đỏ\b")
# The first two words of every alias (in both spellings of a final "y") and the one-word aliases: a question holding
# none of them names no procedure ("so do" stands for "sổ đỏ", read as typed).
_ALIAS_WORDS = [a.split() for _, al in _PROCEDURES for a in al] + [["so", "do"]]
_PROCEDURE_PAIRS = frozenset(p for w in _ALIAS_WORDS if len(w) > 1
                             for p in ((w[0], w[1]), (_iy(w[0]), _iy(w[1]))))
_PROCEDURE_WORDS = frozenset(w[0] for w in _ALIAS_WORDS if len(w) == 1)
_DURATION_HINTS = ("bao lau", "may ngay", "nhieu ngay", "thoi gian")

# How long a procedure takes (folded); a duration said: a number of days, weeks, months or years, or a word one.
_DURATION = re.compile(r"\bbao lau (?:thi |moi |la |se |nua )?(?:co|nhan|xong|lay|duoc cap|ra|duoc)\b"
                       r"|\bmay ngay (?:thi |moi |la |se )?(?:co|nhan|xong|lay|duoc cap|ra)\b"
                       r"|\b(?:mat|het|ton) (?:may|bao nhieu) ngay\b|\bmay ngay lam viec\b"
                       r"|\bthoi gian (?:giai quyet|xu ly|tra ket qua|cap)\b")
# The papers of a procedure: a duration is asked of one (not "câu chuyện gửi đi bao lâu thì được đăng").
_PAPERS = re.compile(r"\b(?:can cuoc|cccd|the|giay to|giay|ho so|thu tuc|bang|ket qua|cap lai|cap doi|lam lai)\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_DURATION_SAID = re.compile(r"\b(?:\d+|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi|vai) (?:ngay|tuan|thang|nam|gio)\b"
                            r"|\bngay lam viec\b|\bthoi han\b")
# A school's admission (its cut-off score, its enrolment): in the tuning sets five writers asked it, every
# time off-topic ("Điểm chuẩn ngành công nghệ thông tin năm nay bao nhiêu?"); the entry must speak of it.
_ADMISSION = re.compile(r"\bdiem (?:chuan|san|xet tuyen|trung tuyen)\b|\btuyen sinh\b|\bxet tuyen\b")
_ADMISSION_SAID = re.compile(r"\bđiểm chuẩn\b|\btuyển sinh\b|\bxét tuyển\b")
# How to sign in to a site (the account or password asked: "đăng nhập bằng gì", "mật khẩu mặc định là
# gì"); the entry must speak of signing in ("Trang t63.mic.gov.vn đăng nhập bằng tài khoản gì …" was answered
# with what the site publishes).
_LOGIN = re.compile(r"\bdang nhap bang\b|\bmat khau (?:mac dinh|la gi|la bao nhieu)\b")
_LOGIN_SAID = re.compile(r"\bđăng nhập\b|\bmật khẩu\b")


def _procedures(normalized: str, raw: str) -> set[str]:
    """The procedures a question names (``procedure:<name>``), in the sentences that ask: a procedure told in a
    context sentence ("… đang làm giấy khai sinh online. … Địa chỉ trang đó là gì?") is not what is asked."""
    sentences = [t for t in _SENTENCE.split(raw.strip()) if t]
    if len(sentences) > 1:
        asking = [t for t in sentences if "?" in t] or sentences[-1:]
        text = unicodedata.normalize("NFC", " ".join(asking))
        normalized = fold(text)
    else:
        text = unicodedata.normalize("NFC", raw)
    found = {f"procedure:{_PROCEDURE_KEY[m.group(1)]}" for m in _PROCEDURE_ALIASES.finditer(_iy(normalized))}
    if _LAND_TYPED.search(text.lower()):
        found.add("procedure:dat dai")
    return found



def _asked(normalized: str, raw: str, _found: Set[str]) -> set[str]:
    kinds: set[str] = set()
    if ("diem" in normalized or "tuyen" in normalized) and _ADMISSION.search(normalized):
        kinds.add("admission")
    if ("dang nhap" in normalized or "mat khau" in normalized) and _LOGIN.search(normalized):
        kinds.add("login")
    words = normalized.split()
    if not _PROCEDURE_PAIRS.isdisjoint(zip(words, words[1:], strict=False)) \
            or not _PROCEDURE_WORDS.isdisjoint(words):
        kinds.update(_procedures(normalized, raw))
    if any(h in normalized for h in _DURATION_HINTS) and _DURATION.search(normalized) \
            and (_PAPERS.search(normalized) or any(k.startswith("procedure:") for k in kinds)):
        kinds.add("duration")
    return kinds


def _provided(said: Said) -> set[str]:
    kinds = {kind for kind, rx in (("admission", _ADMISSION_SAID), ("login", _LOGIN_SAID))
             if rx.search(said.written_all)}
    everything = " ".join((said.folded, *said.asked_as))
    kinds.update(f"procedure:{_PROCEDURE_KEY[m.group(1)]}" for m in _PROCEDURE_ALIASES.finditer(_iy(everything)))
    if "sổ đỏ" in said.written:
        kinds.add("procedure:dat dai")
    if _DURATION_SAID.search(said.folded):
        kinds.add("duration")
    return kinds


register(_asked, _provided)
