"""Amounts asked: a percentage, pay, a fee, a calculation, foreign money.

The ranker finds the entry *about* the question's topic; it cannot tell whether that entry *says* the amount asked
(``bot.kb.asks``). Kinds (read on the folded text unless said otherwise):

* ``percent`` — "bao nhiêu phần trăm", "%", "tỉ lệ … bao nhiêu": the answer has a percentage;
* ``pay`` — "trả lương", "mức lương", "thù lao", "phụ cấp", "bao nhiêu tiền một tháng", and "lương" typed with its
  marks wherever it stands ("Lương tổ trưởng … bao nhiêu?"; folded it is "lượng": số lượng, chất lượng, lực lượng):
  the answer speaks of pay, or names a sum of money ("… triệu đồng") — a yes/no "có được trả lương không" is
  answered by an entry that says "không hưởng lương" as well;
* ``fee`` — "lệ phí", "bao nhiêu tiền", "giá bao nhiêu", "có mất phí không" (not where pay is asked: "bao nhiêu tiền
  một tháng" is pay): the answer speaks of a fee or names a sum of money ("Chứng chỉ kỹ năng số thi ở đâu, lệ phí
  bao nhiêu?" over where to learn the skills). How much the fee is: ``amount`` (``bot.kb.asks.services``);
* ``compute`` — a calculation asked ("giải giúp em bài toán", "17273 chia cho 7", "mỗi tổ 5 người thì tổng cộng
  bao nhiêu", "27.218 tổ chia đều cho 34 tỉnh", "từ ngày … đến hôm nay là bao nhiêu ngày", "còn mấy ngày nữa",
  "kỷ niệm bao nhiêu năm"), or a conversion ("tính ra được bao nhiêu", "quy ra", "đổi ra / sang tiền …"): the
  knowledge base states figures, it never computes, so no entry provides it — a count the KB states ("tổng cộng có
  bao nhiêu tổ") is no calculation: the question gives no figure to compute with;
* ``currency`` — an amount in a foreign currency or an exchange rate ("bao nhiêu tỷ đô la", "USD", "euro", "tỷ
  giá", "ngoại tệ"): the answer names that kind of money (none does: the KB gives its sums in đồng and its shares in
  % of GDP). Read on the message as typed for "đô": folded, "đô la" is "đó là".

(percent from round 2, pay from round 6, fee and compute from round 7, currency from round 9;
docs/question-answering.md)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set

from bot.kb.asks import patterns
from bot.kb.asks.patterns import Either
from bot.kb.asks.registry import Said, register

_PERCENT = Either((re.compile(r"\bpha[nm] tram\b|\bbao nhieu ?%"),
                    (re.compile(r"\bt[iy] le\b"), re.compile(r"\b(?:bao nhieu|may)\b"))))
_COUNT = re.compile(r"\b(?:bao nhieu|may)\b")
_PAY = re.compile(r"\b(?:tra|tien|muc|huong|nhan|bang|quy) luong\b|\bluong (?:bao nhieu|may|thang|mot thang|co ban)\b"
                  r"|\bthu lao\b|\bphu cap\b(?! quang)|\bbao nhieu tien (?:mot|1|moi|hang) thang\b")
_PAY_TYPED = re.compile(r"\blương\b")  # as typed: folded it is "lượng" (số lượng, chất lượng, lực lượng)
_PAY_SAID = re.compile(r"\b(?:tra|tien|muc|huong|nhan|bang|quy|khong) luong\b|\bthu lao\b|\bphu cap\b"
                       r"|\d\s*(?:trieu|nghin|ngan|dong|vnd)\b")
# A fee or price asked (folded question); "phi tiền mặt" is non-cash, not a fee.
_FEE = re.compile(r"\ble phi\b|\b(?:chi|kinh) phi\b|\bphi\b(?! tien mat)(?: \w+){0,3} (?:bao nhieu|may|the nao)\b"
                  r"|\b(?:mat|het|ton|dong|tra|nop) (?:bao nhieu|may) (?:tien|phi|dong)\b|\bbao nhieu tien\b"
                  rf"|{patterns.NOT_COMPOUND_GIA}\bgia (?:bao nhieu|may|the nao|ca)\b"
                  r"|\b(?:mat|ton|thu) (?:phi|tien)\b"
                  r"|\bmien phi (?:khong|ko|k|hong)\b")
_FEE_HINTS = ("phi", "tien", "gia ")
# A fee said (the answer as written, lower case): fee words or a sum; "tiền mặt" (cash), "tiền điện" are neither.
_FEE_SAID = re.compile(r"\b(?:lệ phí|phí|chi phí|miễn phí|kinh phí|mất tiền|trả tiền|tốn tiền)\b"
                       r"|\d\s*(?:nghìn |ngàn |triệu |tỷ |tỉ )?(?:đồng|usd|đô la)\b"
                       r"|\b(?:nghìn|ngàn|triệu|tỷ|tỉ) đồng\b")
# A calculation asked of the bot: "giải/tính giúp", an operation between two numbers the question gives, "each X
# has N … how many" (a product), the time from a date to today or until a day. Never a count the KB states: each
# reading needs a figure or a request to compute in the question itself.
_NUMBER_OPS = r"(?:nhan|nhan voi|chia|chia cho|cong|cong voi|cong them|tru|tru di|x)"
_COMPUTE = re.compile(r"\b(?:giai|tinh) (?:giup|ho|dum|gium|thu|xem)\b"
                      rf"|\b\d+ {_NUMBER_OPS} \d+"
                      r"|\b\d+(?: \w+){1,3} (?:chia deu cho|chia deu|chia cho|nhan voi|cong voi|tru di) \d+"
                      r"|\bmoi(?: \w+){1,2} (?:co |la |gom |duoc )?\d+\b(?: \w+){0,8} (?:bao nhieu|may)\b"
                      r"|\b(?:den|toi) (?:hom nay|nay|bay gio|gio|hien tai)(?: \w+){0,3} (?:bao nhieu|may) "
                      r"(?:ngay|tuan|thang|nam)\b"
                      r"|\bcon (?:bao nhieu|may) (?:ngay|tuan|thang|nam|gio)\b(?: \w+){0,6} nua\b"
                      r"|\bcach (?:day|nay) (?:bao nhieu|may) (?:ngay|tuan|thang|nam)\b"
                      r"|\bk[iy] niem (?:bao nhieu|may) nam\b"
                      r"|\btinh ra (?:duoc )?(?:bao nhieu|may|la)\b|\bquy (?:doi )?ra\b"
                      r"|\bdoi (?:ra|sang) (?:tien|do|usd|dong|euro)\b")
_COMPUTE_HINTS = ("giai ", "tinh ", "moi ", "nay", "gio", "hien tai", "nua", "cach ", "nhan", "chia", "cong", "tru",
                  " x ", "niem", "quy ", "doi ra", "doi sang")
# An operation between two numbers as typed: "5 x 3", "12*4", "7 + 8" (not "/" or "-": dates and ranges).
_OPERATION = re.compile(r"\d\s*[+*×÷]\s*\d|\d\s+[x:]\s+\d")
# Money other than the đồng, or its rate. As typed (lower case, NFC) for "đô": folded it is "đó" or "độ";
# folded for the rest, so an unmarked "ty gia usd" counts too.
_CURRENCY_TYPED = re.compile(r"\bđô[ -]?la\b|\b(?:tỷ|tỉ|triệu|nghìn|ngàn|trăm) đô\b|\bđô mỹ\b")
_CURRENCY = re.compile(r"\busd\b|\bdollar|\beuro\b|\byen nhat\b|\bnhan dan te\b|\bbang anh\b|\bngoai te\b"
                       r"|\bt[iy] gia\b|\bdo la my\b")
_CURRENCY_HINTS = ("usd", "dollar", "euro", "yen nhat", "dan te", "bang anh", "ngoai te", "y gia", "i gia", "do la my")
_CURRENCY_SAID = re.compile(r"\busd\b|\bđô[ -]?la\b|\beuro\b|\bngoại tệ\b|\btỷ giá\b|\$")


def _asks_currency(normalized: str, raw: str) -> bool:
    """Whether the question speaks of foreign money or an exchange rate (``currency``)."""
    if patterns.hinted(normalized, _CURRENCY_HINTS) and _CURRENCY.search(normalized):
        return True
    if "$" in raw:
        return True
    if raw.isascii():
        return False
    typed = unicodedata.normalize("NFC", raw).lower()
    return "đô" in typed and _CURRENCY_TYPED.search(typed) is not None



def _asked(normalized: str, raw: str, _found: Set[str]) -> set[str]:
    kinds = {kind for kind, rx in (("percent", _PERCENT), ("pay", _PAY)) if rx.search(normalized)}
    if "pay" not in kinds and "luong" in normalized and not raw.isascii() \
            and _PAY_TYPED.search(unicodedata.normalize("NFC", raw).lower()):
        kinds.add("pay")  # "lương" typed with its marks is pay, whatever stands between it and "bao nhiêu"
    if "pay" not in kinds and patterns.hinted(normalized, _FEE_HINTS) and _FEE.search(normalized):
        kinds.add("fee")  # "bao nhiêu tiền một tháng" is pay, not a fee
    if (patterns.hinted(normalized, _COMPUTE_HINTS) and _COMPUTE.search(normalized)) or _OPERATION.search(raw):
        kinds.add("compute")  # provided by no entry: offered, never answered with confidence
    if _asks_currency(normalized, raw):
        kinds.add("currency")
    if "%" in raw and _COUNT.search(normalized):
        kinds.add("percent")
    return kinds


def _provided(said: Said) -> set[str]:
    kinds = set()
    if "%" in said.answer or "phan tram" in said.folded:
        kinds.add("percent")
    if _PAY_SAID.search(said.folded):
        kinds.add("pay")
    if _FEE_SAID.search(said.written):
        kinds.add("fee")
    if _CURRENCY_SAID.search(said.written):
        kinds.add("currency")
    return kinds


register(_asked, _provided)
