"""What kind of fact a question asks for, and whether an entry's answer holds one.

The ranker finds the entry *about* the question's topic; it cannot tell whether that entry *says* the fact
asked. "Kế hoạch năm 2022 là quyết định số mấy?" ranks the 2022 entry first although its answer names no
document number; "cuối năm 2023 có bao nhiêu…" ranks the entry with the end-2024 count. Such an entry may be
offered ("Ý bạn là…?") but never answered with confidence (``bot.kb.decision``). Kinds (checked on the folded
text, so unmarked and telex/VNI questions count alike):

* ``percent`` — "bao nhiêu phần trăm", "%", "tỉ lệ … bao nhiêu": the answer has a percentage;
* ``docnumber`` — "quyết định / công văn / kế hoạch … số mấy", "số hiệu": the answer names a numbered document;
* ``reason`` — "vì sao", "tại sao", "lý do", "sao lại / sao bị": the answer gives a cause or a purpose;
* ``year:NNNN`` — a year the question names: the answer or the entry's phrasings name it;
* ``age`` — "bao nhiêu tuổi", "sinh năm bao nhiêu", "năm sinh": the answer gives an age or a birth date;
* ``hometown`` — "quê ở đâu", "quê quán": the answer says where a person comes from;
* ``pay`` — "trả lương", "mức lương", "thù lao", "phụ cấp", "bao nhiêu tiền một tháng": the answer speaks of
  pay, or names a sum of money ("… triệu đồng") — a yes/no "có được trả lương không" is answered by an entry
  that says "không hưởng lương" as well;
* ``place:<key>`` — a province, city or country the question names (``bot.kb.subjects``): the answer or the
  entry's phrasings name it (round 6, "Tỉnh Hà Giang có bao nhiêu tổ công nghệ số?" over the national count).
"""

from __future__ import annotations

import re

from bot.kb.loader import Entry
from bot.kb.subjects import places
from bot.nlp.normalize import fold

_PERCENT = re.compile(r"\bpha[nm] tram\b|\bbao nhieu ?%|\bt[iy] le\b.*\b(?:bao nhieu|may)\b")
_DOC = r"(?:quyet dinh|cong van|nghi dinh|ke hoach|thong tu|nghi quyet|chi thi|van ban)"
_DOCNUMBER = re.compile(rf"\b{_DOC}\b.*\bso (?:may|bao nhieu|hieu|gi)\b|\bso hieu\b|\bso bao nhieu\b.*\b{_DOC}\b")
# "sao … lại / bị …" (why … again / get …), but not "làm sao" (how).
_REASON = re.compile(r"\b(?:vi sao|tai sao|l[iy] do|nguyen nhan|vi dau|do dau)\b"
                     r"|(?<!lam )\bsao\b(?: \w+){0,8} (?:lai|bi)\b")
_COUNT = re.compile(r"\b(?:bao nhieu|may)\b")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
# A cause or a purpose in the answer ("vì", "do", "bởi", "nhằm", "để"), except "thay vì" (instead of).
_CAUSE = re.compile(r"(?<!thay )\bvi\b|\bdo\b|\bboi\b|\bnham\b|\bde\b|\bnguyen nhan\b|\bl[iy] do\b")
# Round 6: facts about a person, and pay. "lương" folds to "luong" like "lượng" (chất lượng, số lượng, lực
# lượng): only the words that go with pay count; "phụ cấp" folds like "phủ cáp (quang)".
_AGE = re.compile(r"\b(?:bao nhieu|may) tuoi\b|\btuoi (?:bao nhieu|may)\b|\bsinh (?:nam|ngay) (?:bao nhieu|may|nao)\b"
                  r"|\bnam sinh\b|\bsinh nam\b")
_HOMETOWN = re.compile(r"\bque (?:o |quan )?(?:dau|nao)\b|\bque quan\b|\bnguoi (?:tinh|o) (?:dau|nao)\b")
_PAY = re.compile(r"\b(?:tra|tien|muc|huong|nhan|bang|quy) luong\b|\bluong (?:bao nhieu|may|thang|mot thang|co ban)\b"
                  r"|\bthu lao\b|\bphu cap\b(?! quang)|\bbao nhieu tien (?:mot|1|moi|hang) thang\b")
_AGE_SAID = re.compile(r"\btuoi\b|\bsinh (?:nam|ngay)\b|\bnam sinh\b")
_HOMETOWN_SAID = re.compile(r"\bque\b|\bsinh ra (?:tai|o)\b")
_PAY_SAID = re.compile(r"\b(?:tra|tien|muc|huong|nhan|bang|quy|khong) luong\b|\bthu lao\b|\bphu cap\b"
                       r"|\d\s*(?:trieu|nghin|ngan|dong|vnd)\b")
_NUMBERED_DOC = re.compile(r"\d+[/-](?:\d{4}/)?[A-ZĐ]|\b(?:số|Số) \d+|(?:Quyết định|Nghị định|Nghị quyết|Công văn|"
                           r"Kế hoạch|Thông tư|Chỉ thị) (?:số )?\d+")


def asked(normalized: str, raw: str = "", with_places: bool = True) -> frozenset[str]:
    """The kinds of fact a question asks for: ``normalized`` is its analysed text (folded, telex and VNI
    decoded, abbreviations expanded), ``raw`` the message as typed (only its "%" signs are read);
    ``with_places=False`` leaves the places out, for a caller that reads them from the question's own clauses."""
    kinds = {kind for kind, rx in (("percent", _PERCENT), ("docnumber", _DOCNUMBER), ("reason", _REASON),
                                   ("age", _AGE), ("hometown", _HOMETOWN), ("pay", _PAY))
             if rx.search(normalized)}
    if "%" in raw and _COUNT.search(normalized):
        kinds.add("percent")
    kinds.update(f"year:{y}" for y in _YEAR.findall(normalized))
    return frozenset(kinds) | named_places(normalized) if with_places else frozenset(kinds)


def named_places(normalized: str) -> frozenset[str]:
    """The ``place:<key>`` kinds of a question: the provinces, cities and countries it names."""
    return frozenset(f"place:{p}" for p in places(normalized, asked=True))


_PROVIDED: dict[int, tuple[Entry, frozenset[str]]] = {}  # by id(entry): entries are immutable and live long


def provided(entry: Entry) -> frozenset[str]:
    """The kinds of fact ``entry`` can give (years and places: any of its answer, title, questions or keywords)."""
    cached = _PROVIDED.get(id(entry))
    if cached is not None and cached[0] is entry:
        return cached[1]
    kinds = _provided(entry)
    if len(_PROVIDED) > 65536:
        _PROVIDED.clear()
    _PROVIDED[id(entry)] = (entry, kinds)
    return kinds


def _provided(entry: Entry) -> frozenset[str]:
    answer = fold(entry.answer)
    kinds = set()
    if "%" in entry.answer or "phan tram" in answer:
        kinds.add("percent")
    if _NUMBERED_DOC.search(entry.answer):
        kinds.add("docnumber")
    if _CAUSE.search(answer):
        kinds.add("reason")
    kinds.update(kind for kind, rx in (("age", _AGE_SAID), ("hometown", _HOMETOWN_SAID), ("pay", _PAY_SAID))
                 if rx.search(answer))
    phrasings = fold(" ".join((entry.title, *entry.questions, *entry.keywords)))
    kinds.update(f"year:{y}" for y in _YEAR.findall(f"{answer} {phrasings}"))
    kinds.update(f"place:{p}" for p in places(f"{answer} {phrasings}"))
    return frozenset(kinds)


def unanswered(asks: frozenset[str], entry: Entry) -> frozenset[str]:
    """What the question asks that ``entry`` does not say (empty: nothing missing). Of several years asked
    ("giai đoạn 2021–2025") one named by the entry is enough."""
    if not asks:
        return frozenset()
    missing = asks - provided(entry)
    years = {k for k in asks if k.startswith("year:")}
    return missing - years if years - missing else missing


# Round 7: a web address asked ("địa chỉ trang …", "link", "website"), and the web addresses an answer gives.
_ADDRESS = re.compile(r"\bdia chi\b|\blink\b|\bduong (?:dan|link)\b|\btrang web\b|\bwebsite\b|\bweb gi\b")
_WEB = re.compile(r"\b(?:[a-z0-9-]+\.)+(?:gov\.vn|com\.vn|vn|com|net|org)\b")


def asks_address(normalized: str) -> bool:
    """Whether a question (its analysed, folded text) asks for an address or a link ("địa chỉ trang … là gì")."""
    return _ADDRESS.search(normalized) is not None


def web_addresses(entry: Entry) -> frozenset[str]:
    """The web addresses ``entry``'s answer gives, without scheme or "www." ("dichvucong.gov.vn")."""
    return frozenset(a.removeprefix("www.") for a in _WEB.findall(entry.answer.lower()))
