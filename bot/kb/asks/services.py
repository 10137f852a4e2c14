"""The practical side of a service: what it costs, a bank's own products, opening hours, every item of a list, how
many staff, blocking calls, changing an account's details, a certificate.

Each is a thing the citizen asks that no entry — or only some — says; the entry the ranker finds shares the
question's other words, and the floor offers it instead of answering with it (``bot.kb.asks``). Kinds:

* ``amount`` — how much a fee or a price is ("lệ phí bao nhiêu", "tốn bao nhiêu tiền", "giá bao nhiêu", "rẻ
  nhất"; "rẻ nhất" asks a fee too): the answer names a sum or says it is free; an entry that only says a fee exists
  ("Có thể nộp phí, lệ phí trên Cổng…") gives ``fee``, not the amount ("Làm hộ chiếu online trên dịch vụ công lệ
  phí bao nhiêu?"). Pay has its own kind (``bot.kb.asks.amounts``), never an amount here;
* ``bank`` — a bank's own service: a loan, a credit card, an interest rate, a bank's fee for a transfer or a
  withdrawal, opening a bank account, a bank's own account or app ("… bằng thẻ ATM có mất phí chuyển khoản không",
  "quên mật khẩu tài khoản ngân hàng", which the redirect for a forgotten VNeID password — go to the police —
  answered): the answer speaks of banks, loans or credit;
* ``hours`` — a time of day or opening hours ("mở cửa mấy giờ", "giờ làm việc", "làm việc thứ bảy không"): the
  answer gives a clock time or the days of work;
* ``list:<n>`` — every one of the n items of a set the question names ("liệt kê đầy đủ 21 câu chuyện", "kể hết 55
  bài toán", n ≥ 5): the answer enumerates at least n items (no entry lists more than six; the KB says where the
  lists are published);
* ``count:<noun>`` — how many staff, units or offices ("bao nhiêu nhân viên / cán bộ / chi nhánh"): the entry names
  them ("Sau sáp nhập Bộ … có bao nhiêu nhân viên?" was answered with what the ministry became);
* ``block`` — how to block calls, numbers or messages on a phone ("Cách chặn cuộc gọi lừa đảo …"): the answer speaks
  of blocking (none does: the KB tells scams apart, a phone's settings are the maker's);
* ``change`` — how to change an account's phone number, e-mail, password or name ("đổi số điện thoại đã đăng ký
  VNeID"): the answer speaks of changing or updating it (none does);
* ``certificate`` — a certificate or diploma and its exam ("Chứng chỉ kỹ năng số cơ bản thi ở đâu"): the answer
  speaks of certificates (none does: the KB says where to learn the skills, not where to sit an exam).

Where no fee is asked, a question that holds none of these kinds' word pairs is passed over with one set test
(latency), so these kinds are read together, after ``fee`` and ``pay`` (the registry's order, ``bot.kb.asks``).
(Added in round 11, the bank's account or app in round 12; docs/question-answering.md)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set

from bot.kb.asks import amounts, patterns  # noqa: F401  (amounts registers first: fee and pay are read here)
from bot.kb.asks.registry import Said, register

# How much a fee or a price is (folded; read only where ``fee`` is asked): the entry must name a sum or
# say the thing is free — saying that a fee exists does not tell how much it is.
_AMOUNT = re.compile(r"\b(?:le phi|phi|chi phi)\b(?: \w+){0,3} (?:bao nhieu|may)\b|\bbao nhieu tien\b"
                     r"|\b(?:mat|het|ton|dong|tra|nop) (?:bao nhieu|may)\b"
                     rf"|{patterns.NOT_COMPOUND_GIA}\bgia (?:bao nhieu|may)\b"
                     r"|\b(?:re nhat|gia re)\b")
_CHEAPEST = re.compile(r"\b(?:re nhat|gia re|dat nhat)\b")  # not "rẻ hơn … không": whether, not how much
_AMOUNT_SAID = re.compile(r"\d\s*(?:nghìn |ngàn |triệu |tỷ |tỉ )?(?:đồng|usd|đô la)\b"
                          r"|\b(?:nghìn|ngàn|triệu|tỷ|tỉ) đồng\b"
                          r"|\bmiễn phí\b|\bkhông (?:mất|thu|tốn|phải trả|phải nộp) (?:phí|tiền|lệ phí)\b")
# A bank's own service (folded): a loan, a credit card, an interest rate, a bank's fee, opening a bank account, a
# bank's own digital signature or digital transformation ("chữ ký số ngân hàng đăng ký ở đâu", "chuyển đổi số ngân
# hàng là gì": the channel's entries on signatures and on digital transformation say nothing of a bank's).
# "vay" alone is not read: unmarked, it is "vậy".
_BANK = re.compile(r"\bvay (?:von|tien|tin chap|the chap)\b|\bcho vay\b|\bthe tin dung\b|\blai suat\b"
                   r"|\bphi (?:chuyen khoan|chuyen tien|giao dich|ngan hang|rut tien|duy tri|thuong nien)\b"
                   r"|\bmo (?:the|tai khoan) (?:ngan hang|atm|tin dung)\b|\bngan hang (?:co )?(?:thu|tru|tinh) phi\b"
                   r"|\bgui tiet kiem\b|\b(?:tai khoan|tk|app|ung dung) ngan hang\b"
                   r"|\b(?:chu k[iy] so|chuyen doi so) (?:cua )?ngan hang\b")
_BANK_HINTS = ("vay von", "vay tien", "vay tin", "vay the", "cho vay", "tin dung", "lai suat", "phi chuyen", "phi giao",
               "phi ngan", "phi rut", "phi duy", "phi thuong", "ngan hang", "tiet kiem")
_BANK_SAID = re.compile(r"\b(?:ngân hàng|cho vay|khoản vay|vay vốn|tín dụng|lãi suất)\b")
# A time of day or opening hours (folded); "mấy giờ" is not "bây giờ".
_HOURS = re.compile(r"\b(?:may|bao nhieu) gio\b|\bgio (?:lam viec|mo cua|dong cua|hanh chinh)\b"
                    r"|\b(?:mo|dong) cua\b(?: \w+){0,3} (?:may gio|luc nao|khi nao|den may|tu may)\b"
                    r"|\b(?:lam viec|mo cua)(?: \w+){0,2} (?:thu bay|chu nhat|cuoi tuan)\b")
_HOURS_HINTS = ("may gio", "bao nhieu gio", "gio lam", "gio mo", "gio dong", "gio hanh", "mo cua", "dong cua",
                "thu bay", "chu nhat", "cuoi tuan")
_HOURS_SAID = re.compile(r"\b\d+ ?(?:gio|h)\b|\b\d+h\d+\b|\bgio (?:hanh chinh|lam viec)\b|\bthu bay\b|\bchu nhat\b")
# Every item of a set asked ("liệt kê đầy đủ", "kể hết / từng", "danh sách đầy đủ") with the set's size named.
_WHOLE_LIST = re.compile(r"\bliet ke\b|\bke (?:ten |ra )?(?:het|tung|day du|tat ca|toan bo)\b"
                         r"|\bdanh sach (?:day du|chi tiet|tat ca|toan bo|cu the|het)\b")
_LIST_HINTS = ("liet ke", "ke het", "ke tung", "ke ten", "ke ra", "ke day", "ke tat", "ke toan", "danh sach")
_LIST_SIZE = re.compile(r"\b(\d{1,3})\b")
LIST_MIN = 5  # a set of fewer items is listed by the entries that name it ("ba trụ cột")
_LIST_ITEM = re.compile(r"(?m)^\s*(?:[-•*]|\d+[.)])\s")
# How many staff, units or offices (folded): the noun counted must be the entry's.
_COUNTED = re.compile(r"\b(?:bao nhieu|may) (nhan vien|can bo|cong chuc|vien chuc|chien si|nguoi lao dong|phong ban"
                      r"|chi nhanh|don vi|van phong)\b")
# Blocking calls, numbers or messages; changing an account's details ("chuyển đổi số điện thoại" is no change of
# a number); a certificate or diploma.
_COUNT_NOUNS = ("nhan vien", "can bo", "cong chuc", "vien chuc", "chien si", "nguoi lao dong", "phong ban", "chi nhanh",
                "don vi", "van phong")
_BLOCK = re.compile(r"\bchan (?:cuoc goi|so|tin nhan|spam|quang cao|sdt|cac cuoc|nhung cuoc|nhung so|cac so)\b")
_BLOCK_SAID = re.compile(r"\bchặn\b")
_CHANGE = re.compile(r"(?<!chuyen )\b(?:thay doi|cap nhat|thay|sua|chinh sua) (?:lai )?"
                     r"(?:so dien thoai|sdt|so dt|email|thu dien tu|mat khau|ho ten|anh dai dien)\b")
_CHANGE_HINTS = ("so dien thoai", "sdt", "so dt", "email", "thu dien tu", "mat khau", "ho ten", "anh dai")
_CHANGE_SAID = re.compile(r"\b(?:đổi|thay đổi|cập nhật|chỉnh sửa) (?:lại )?(?:số điện thoại|email|thư điện tử|mật khẩu"
                          r"|họ tên|ảnh)\b")
# Folded, "đổi" (change) is "đòi" (demand: "người lạ đòi mật khẩu") and "chặn" (block) is "chán" (tired of): both
# verbs are read as typed, with their marks; unmarked, "doi" is not read as a change and "chan" not as a block.
_CHANGE_TYPED = re.compile(r"(?<!chuyển )\bđổi (?:lại )?"
                           r"(?:số điện thoại|sđt|sdt|số đt|email|thư điện tử|mật khẩu|họ tên|ảnh đại diện)\b")
_BLOCK_TYPED = re.compile(r"\bchặn\b")
_CERTIFICATE = re.compile(r"\bchung chi\b|\bvan bang\b|\bbang tot nghiep\b")
_CERTIFICATE_SAID = re.compile(r"\b(?:chứng chỉ|văn bằng|bằng tốt nghiệp)\b")
_CERTIFICATE_HINTS = ("chung chi", "van bang", "bang tot")
# The word pairs (and two words) without which none of these kinds can match: a question holding none of them is
# passed over with one set test of its neighbouring words (latency: most questions ask none of these kinds).
_PAIRS = frozenset(tuple(pair.split()) for pair in (
    *(h for h in (*_BANK_HINTS, *_HOURS_HINTS, *_LIST_HINTS, *_COUNT_NOUNS, *_CHANGE_HINTS, *_CERTIFICATE_HINTS)
      if h.count(" ") == 1),
    "nhieu gio", "nguoi lao", "dien thoai", "thu dien", "chan cuoc", "chan so", "chan tin", "chan spam", "chan quang",
    "chan sdt", "chan cac", "chan nhung", "re nhat", "gia re", "dat nhat"))
_WORDS = frozenset(("sdt", "email"))



def _asked(normalized: str, raw: str, found: Set[str]) -> set[str]:
    """``found``: whether the question asks a fee or pay already (read before, ``bot.kb.asks.amounts``)."""
    fee, pay = "fee" in found, "pay" in found
    kinds: set[str] = set()
    if not fee:
        words = normalized.split()
        if _PAIRS.isdisjoint(zip(words, words[1:], strict=False)) and _WORDS.isdisjoint(words):
            return kinds  # latency: one set test for the many questions that hold none of the kinds' words
    if fee and _AMOUNT.search(normalized):
        kinds.add("amount")
    elif not pay and "re" in normalized and _CHEAPEST.search(normalized):
        kinds.update(("fee", "amount"))
    if patterns.hinted(normalized, _BANK_HINTS) and _BANK.search(normalized):
        kinds.add("bank")
    if patterns.hinted(normalized, _HOURS_HINTS) and _HOURS.search(normalized):
        kinds.add("hours")
    if patterns.hinted(normalized, _LIST_HINTS) and _WHOLE_LIST.search(normalized):
        sizes = [int(n) for n in _LIST_SIZE.findall(normalized) if LIST_MIN <= int(n) < 1000]
        kinds.update(f"list:{n}" for n in sizes[:1])
    if patterns.hinted(normalized, _COUNT_NOUNS):
        kinds.update(f"count:{m.group(1)}" for m in _COUNTED.finditer(normalized))
    typed = "" if raw.isascii() else unicodedata.normalize("NFC", raw).lower()
    if "chan " in normalized and _BLOCK.search(normalized) and _BLOCK_TYPED.search(typed):
        kinds.add("block")
    if patterns.hinted(normalized, _CHANGE_HINTS) and (_CHANGE.search(normalized) or _CHANGE_TYPED.search(typed)):
        kinds.add("change")
    if patterns.hinted(normalized, _CERTIFICATE_HINTS) and _CERTIFICATE.search(normalized):
        kinds.add("certificate")
    return kinds


def _provided(said: Said) -> set[str]:
    kinds = set()
    if _AMOUNT_SAID.search(said.written):
        kinds.add("amount")
    if _BANK_SAID.search(said.written):
        kinds.add("bank")
    if _HOURS_SAID.search(said.folded):
        kinds.add("hours")
    kinds.update(f"list:{n}" for n in range(LIST_MIN, len(_LIST_ITEM.findall(said.answer)) + 1))
    kinds.update(kind for kind, rx in (("block", _BLOCK_SAID), ("change", _CHANGE_SAID),
                                       ("certificate", _CERTIFICATE_SAID)) if rx.search(said.written))
    kinds.update(f"count:{noun}" for noun in _COUNT_NOUNS if noun in said.everything)
    return kinds


register(_asked, _provided)
