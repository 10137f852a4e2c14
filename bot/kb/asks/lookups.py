"""A citizen's own record looked up (registered with ``bot.kb.asks``): the kinds ``lookup:<record>``.

"Mã số thuế cá nhân của tôi tra ở đâu?", "Điểm thi của con tôi có tra trên cổng dịch vụ công được không?", "Hồ sơ cấp
sổ đỏ của tôi đang tới đâu rồi?": the words are the portal's ("tra", "cổng", "nộp", "thuế"), so the ranker finds the
portal's entries (its payments, its first services), and the payments entry's "Có." told a citizen that their tax
code could be looked up there. Where a person's tax code, social-insurance record, land-use certificate, traffic
fines, exam results, pension, bills or licence are looked up is each agency's own service; no portal entry says it.
Read (folded), in a sentence that asks (``bot.kb.asking_sentences``): a word of looking up or of knowing ("tra
(cứu)", "xem", "coi", "kiểm tra", "biết", "tìm", "đến / tới đâu rồi") at most six words before or after a record:

* inherently one's own — a tax code or tax owed ("mã số thuế", "MST", "nợ thuế"), a social-insurance number or
  record ("số / mã / sổ / quá trình đóng bảo hiểm xã hội"), traffic fines ("phạt nguội", "vi phạm giao thông"), exam
  results ("điểm thi", "kết quả thi"), a pension ("lương hưu");
* one's own only when the message says whose ("của tôi / mình / con tôi", "nhà tôi", "xe tôi", "cá nhân"): a
  land-use certificate ("sổ đỏ", "giấy chứng nhận quyền sử dụng đất"), a bill ("tiền điện", "hóa đơn"), a licence
  ("giấy phép lái xe", "bằng lái"), health-insurance details ("thông tin / thẻ / hạn bảo hiểm y tế") — "cấp lại thẻ
  bảo hiểm y tế trực tuyến" and "thanh toán tiền điện trên cổng" are the portal's own services, answered as before.

Paying (a fee, a fine, a tax) is no lookup: no word of looking up, no kind. Given by an answer that says how to look
that record up ("tra cứu" and the record within a few words), or by the channel's redirect that says it cannot look up
anyone's own records ("không tra cứu được hồ sơ của từng người"): that is the channel's reply to every such lookup.
A clause read alone that looks up without naming what ("…, xem trên cổng được không?") carries the records the
message looks up (``carried``, ``bot.kb.texts``). Each expression runs behind a substring every match holds; windows
are bounded, so the cost is linear.
"""

from __future__ import annotations

import re

from bot.kb.asking_sentences import named_where_asked
from bot.kb.asks import patterns
from bot.kb.asks.registry import Said, register

# "tra" folds "trả" too: "trả tiền / nợ" pays and "trả lời / lại" answers; they look nothing up
_LOOK = r"(?:tra(?! tien| no| loi| lai)|tra cuu|xem|coi|kiem tra|biet|tim|check|(?:den|toi) dau roi)"
# whose (review of round 18, M3: "cá nhân" only right after the record — "chữ ký số cá nhân … hóa đơn" is not)
_WHOSE = re.compile(r"\b(?:cua (?:toi|minh|em|tui|tao|con|me|ma|ba|bo|vo|chong|nha|gia dinh)"
                    r"|(?:nha|xe) (?:toi|minh|em|tui))\b")
# record → its words (folded); the first group is one's own whoever is named, the second only with ``_WHOSE``
_OWN = {
    "tax": r"ma so thue|mst|no thue|tien thue(?! (?:nha|dat|phong|xe|mat bang)\b)",  # not rent ("tiền thuê nhà")
    "insurance": r"(?:so|ma|ma so|so so|qua trinh dong|qua trinh tham gia) (?:bao hiem xa hoi|bhxh)",
    "fines": r"phat nguoi|vi pham giao thong|loi vi pham",
    "exam": r"(?<!dia )(?:diem thi|ket qua thi)(?! (?:dua|cong|hanh|cu)\b)",  # not "địa điểm thi", "thi đua"
    "pension": r"luong huu",
}
_WHOSE_ONLY = {
    "land": r"so do|so hong|giay chung nhan quyen su dung dat|quyen su dung dat",
    "bill": r"tien dien|tien nuoc|hoa don",
    "licence": r"giay phep lai xe|gplx|bang lai",
    "health": r"(?:thong tin|the|han) (?:the )?(?:bao hiem y te|bhyt)",
}


# a record paid, not looked up: "thanh toán / nộp / đóng / trả tiền" at most two words before it ("thanh toán tiền
# điện nhà tôi, xem hướng dẫn ở đâu", "trả tiền điện nhà mình qua cổng", "nộp phạt vi phạm giao thông" ask how to pay,
# which the portal's services say; review of round 18, M2). The record is taken out of the text read for lookups.
_PAYING = r"\b(?:thanh toan|nop|dong|tra(?= tien| no))(?: \w+){0,2}? "
_ALL_RECORDS = "|".join((*_OWN.values(), *_WHOSE_ONLY.values()))
_PAID_RX = re.compile(rf"{_PAYING}(?:{_ALL_RECORDS})\b")


def _unpaid(folded: str) -> str:
    """``folded`` with every record paid taken out (its paying words kept)."""
    return _PAID_RX.sub(lambda m: m.group(0).split(" ", 1)[0], folded) if _PAID_RX.search(folded) else folded


def _near(record: str) -> re.Pattern[str]:
    """A word of looking up at most six words before or after ``record``."""
    return re.compile(rf"\b{_LOOK}\b(?: \w+){{0,6}} (?:{record})\b|\b(?:{record})\b(?: \w+){{0,6}} {_LOOK}\b")


_OWN_RX = {name: _near(words) for name, words in _OWN.items()}
_WHOSE_RX = {name: _near(words) for name, words in _WHOSE_ONLY.items()}
_PERSONAL_RX = {name: re.compile(rf"\b(?:{words}) ca nhan\b") for name, words in _WHOSE_ONLY.items()}
# every match holds one (a record's word)
_HINTS = ("thue", "mst", "bao hiem", "bhxh", "bhyt", "phat nguoi", "vi pham", "diem thi", "ket qua thi", "luong huu",
          "so do", "so hong", "quyen su dung dat", "tien dien", "tien nuoc", "hoa don", "lai xe", "gplx", "bang lai")
_SEVERAL = re.compile(r"[.;!?\n]\s*\S")
# what an answer says: how to look a record up, or that the channel cannot look up anyone's own records
_REFUSED = re.compile(r"\bkhong tra cuu duoc ho so cua (?:tung nguoi|ban|nguoi dan)\b")
_SAID_RX = {name: re.compile(rf"\btra cuu\b(?: \w+){{0,4}} (?:{words})\b")
            for name, words in (*_OWN.items(), *_WHOSE_ONLY.items())}


def _records(folded: str) -> set[str]:
    folded = _unpaid(folded)
    found = {name for name, rx in _OWN_RX.items() if rx.search(folded)}
    whose = _WHOSE.search(folded) is not None
    found.update(name for name, rx in _WHOSE_RX.items()
                 if (whose or _PERSONAL_RX[name].search(folded)) and rx.search(folded))
    return found


# a message asking whether a link or a call is a scam ("… bảo vào link kiểm tra vi phạm giao thông của tôi, có phải lừa
# đảo không?") asks about the scam, which the scam entries answer, not for the record (review of round 18, L3)
_SCAM = "lua dao"
# "thì" typed with its mark is no exam ("điểm thì xem chỗ nào"): the exam's "thi" is typed unmarked
_EXAM_TYPED = re.compile(r"\bthi\b", re.IGNORECASE)


def asked_lookups(normalized: str, raw: str = "") -> frozenset[str]:
    """``lookup:<record>`` for each of one's own records a sentence of ``raw`` that asks looks up (``normalized``: the
    whole question analysed and folded)."""
    if not patterns.hinted(normalized, _HINTS) or _SCAM in normalized:
        return frozenset()
    records = _records(normalized)
    if "exam" in records and raw and not raw.isascii() and not _EXAM_TYPED.search(raw):
        records.discard("exam")
    if not records:
        return frozenset()
    # a message of one sentence is its question, a wish included ("Tôi muốn xem tiền điện nhà tôi …"); of several,
    # the record must be looked up in one that asks (the others tell the asker's story)
    if _SEVERAL.search(raw.strip()) and not named_where_asked(raw, lambda folded, _typed: bool(_records(folded))):
        return frozenset()
    return frozenset(f"lookup:{name}" for name in records)


_LOOK_RX = re.compile(rf"\b{_LOOK}\b")


def carried(clause: str, message_kinds: frozenset[str]) -> frozenset[str]:
    """The records the message (its kinds: ``message_kinds``) looks up, for a clause read alone (``clause``: analysed
    and folded) that looks something up without naming it ("Sổ đỏ nhà tôi làm xong chưa, xem trên cổng được
    không?": the second clause looks up the certificate the first names)."""
    looked = frozenset(k for k in message_kinds if k.startswith("lookup:"))
    if not looked or _records(clause) or not _LOOK_RX.search(clause):
        return frozenset()
    # review of round 18 (M1): only to a clause that names nothing besides looking, asking and where
    named = sum(1 for w in _LOOK_RX.sub(" ", clause).split(maxsplit=64) if w not in _NAMING_NOTHING)
    return looked if named < _NAMES_SUBJECT else frozenset()


# words of a clause that looks up without naming what (folded): asking, the portal and where, who
_NAMING_NOTHING_WORDS = (
    "o dau the nao sao lam gi duoc dc khong ko k hong chua vay a ha co the tren qua vao cong dich vu dvc dvcqg "
    "trang web app ung dung online truc tuyen mang nhu nao bang cach cho toi minh em tui hoi voi nhe giup duoc "
    "con va roi thi ma de nay do day")
_NAMING_NOTHING = frozenset(_NAMING_NOTHING_WORDS.split())
_NAMES_SUBJECT = 2  # words beyond those


def provided_lookups(folded_answer: str) -> frozenset[str]:
    """The lookups an answer (folded) says how to do, or all of them when it says the channel cannot do any."""
    if _REFUSED.search(folded_answer):
        return frozenset(f"lookup:{name}" for name in _SAID_RX)
    if "tra cuu" not in folded_answer:
        return frozenset()
    return frozenset(f"lookup:{name}" for name, rx in _SAID_RX.items() if rx.search(folded_answer))


def _asked(normalized: str, raw: str, _found: object) -> frozenset[str]:
    return asked_lookups(normalized, raw)


def _provided(said: Said) -> frozenset[str]:
    return provided_lookups(said.folded)


register(_asked, _provided)
