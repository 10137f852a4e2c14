"""Round 12's kinds of fact asked that no entry — or only some — gives (``bot.kb.asks`` reads them).

Every look-alike the session-12 writers asked and the KB answered anyway was an entry *about* the question's
subject that does not *say* what is asked. The kinds below are requests, not phrasings: each was checked against
every title, question, keyword and learned phrasing of the KB (a test keeps that true), so a question of the
channel is never refused by one.

* ``rank:<index>`` — a country's rank in a named index ("Việt Nam xếp thứ mấy về chỉ số đổi mới sáng tạo GII
  năm 2024?"): the entry states a rank in that index, in the same sentence ("xếp thứ 71/193 về Chính phủ điện
  tử"), or one of its phrasings asks that rank. The KB states two ranks (the UN e-government survey and mobile
  internet speed) and only *targets* for the other indexes ("nhóm 35 về Đổi mới sáng tạo"): a target is no rank,
  so a question that asks a target ("mục tiêu … top mấy", "phấn đấu đứng thứ bao nhiêu") asks no rank.
  An index the KB does not know, named "chỉ số …", is ``rank:other`` (no entry gives it).
* ``procedure:<name>`` — another agency's procedure the question names (a passport, a land title, the judicial
  record, a birth or marriage registration, residence, social or health insurance, taxes, traffic fines, school
  records, patents …): the entry names it. The KB explains the portals (VNeID, the national public-service portal)
  and names a few services on them (a driving licence, the electricity bill, health insurance in Đề án 06); how
  long a passport takes or what a land transfer costs is the agency's, not the channel's.
* ``duration`` — how long a procedure takes ("bao lâu thì có", "mấy ngày mới có", "mất mấy ngày", "mấy ngày làm
  việc"): the answer names a length of time ("trong 6 tháng", "7 ngày làm việc").
* ``place:nước Lào`` — Laos typed with its mark ("Lào có ngày chuyển đổi số không?"): folded it is "lao" (lao
  động), so ``content/countries.toml`` lists it only as "nước Lào"; as typed, "Lào" is the country (not "Lào Cai").
* ``opinion`` also reads a guess or a forecast asked of the bot ("ad đoán thử coi", "dự đoán", "dự báo"): the
  channel states facts and targets, it does not predict whether they will be met.
"""

from __future__ import annotations

import re
import unicodedata

from bot.kb.subjects import places
from bot.nlp.normalize import fold

# A rank asked (folded): "xếp thứ mấy", "đứng thứ bao nhiêu", "xếp hạng mấy", "hạng mấy", "vị trí thứ mấy"; not a
# target ("mục tiêu … top mấy": the KB gives targets as groups, "nhóm 50") and not a weekday ("rơi vào thứ mấy").
_RANK = re.compile(r"\b(?:xep|dung|xep hang|dung hang)(?: \w+){0,10} (?:thu|hang|vi tri|vi tri thu) (?:may|bao nhieu)\b"
                   r"|\b(?:xep|dung) (?:thu|hang) (?:may|bao nhieu|nhieu)\b|\bhang (?:may|bao nhieu|nhieu)\b"
                   r"|\bxep hang (?:may|bao nhieu|nhieu)\b")
_TARGET = re.compile(r"\b(?:muc tieu|phan dau|chi tieu|dat ra|ke hoach|huong toi|h[iy] vong|can dat"
                     r"|(?:se|phai|muon|mong) (?:dung|xep|vao|lot))\b")
# Indexes a rank may be asked in, folded aliases → key. "ai" (artificial intelligence) is "who" folded: not read.
_INDEXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("egdi", ("egdi", "chinh phu dien tu", "cp dien tu", "chinh phu so")),
    ("internet", ("internet", "toc do mang", "mang di dong", "toc do di dong", "bang thong", "5g", "4g")),
    ("gii", ("gii", "doi moi sang tao")),
    ("idi", ("idi", "phat trien cong nghe thong tin", "ha tang cong nghe thong tin")),
    ("gci", ("gci", "an toan an ninh mang", "an ninh mang", "an toan thong tin mang", "an toan thong tin")),
    ("competitiveness", ("gcr", "nang luc canh tranh")),
    ("dti", ("dti", "chi so chuyen doi so", "chuyen doi so cap tinh")),
    ("pci", ("pci", "papi", "par index", "cai cach hanh chinh", "sipas", "hai long")),
    ("happiness", ("hanh phuc",)),
    ("human capital", ("von nhan luc", "nhan luc")),
    # round 13: indexes of other fields a look-alike names (none is ranked by the KB)
    ("hdi", ("hdi", "phat trien con nguoi")),
    ("corruption", ("tham nhung", "cpi")),
    ("education", ("pisa", "giao duc")),
    ("logistics", ("logistics", "lpi")),
    ("press", ("tu do bao chi",)),
    ("sdg", ("sdg", "phat trien ben vung")),
    ("gdp", ("gdp", "binh quan dau nguoi", "quy mo kinh te")),
    ("business", ("moi truong kinh doanh",)),
    ("english", ("tieng anh", "epi")),
)
_INDEX_ALIASES = re.compile(r"\b(" + "|".join(sorted({a for _, al in _INDEXES for a in al}, key=len, reverse=True))
                            + r")\b")
_INDEX_KEY = {a: key for key, al in _INDEXES for a in al}
_OTHER_INDEX = re.compile(r"\bchi so\b")
# A rank said in a sentence of the answer: "xếp thứ 71/193", "hạng 86", "thứ 20 thế giới".
_RANK_SAID = re.compile(r"\b(?:thu|hang) \d+")
_CLAUSE_END = re.compile(r"[.;!?\n]+\s*")

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
_RANK_HINTS = ("thu may", "thu bao", "thu nhieu", "hang may", "hang bao", "hang nhieu", "tri may", "tri bao")
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

# Laos as typed, with its mark; not the province "Lào Cai" nor "lào xào".
_LAOS_TYPED = re.compile(r"(?<!xào )\blào\b(?! cai\b)")
LAOS = "nước Lào"
# A guess or a forecast asked (folded); "đoán" typed with its mark ("đoàn", "đoạn" fold alike).
_FORECAST = re.compile(r"\bdu (?:doan|bao)\b(?! (?:nhieu|lau|gio)\b)|\btien doan\b"
                       r"|\b(?:ad|admin|ban|bot|kenh) doan\b|\bdoan (?:thu|coi|gium|giup|dum|ho)\b")
_GUESS_TYPED = re.compile(r"\bđoán\b")


def asked_round12(normalized: str, raw: str) -> frozenset[str]:
    """Round 12's kinds asked by a question: ``normalized`` is its analysed, folded text; ``raw`` as typed. Each kind
    runs behind substrings or word pairs every match holds (latency: most questions ask none of them)."""
    kinds: set[str] = set()
    if any(h in normalized for h in _RANK_HINTS) and _RANK.search(normalized) and not _TARGET.search(normalized):
        named = {_INDEX_KEY[m.group(1)] for m in _INDEX_ALIASES.finditer(normalized)}
        if not named and _OTHER_INDEX.search(normalized):
            named = {"other"}
        kinds.update(f"rank:{key}" for key in named)
    words = normalized.split()
    if not _PROCEDURE_PAIRS.isdisjoint(zip(words, words[1:], strict=False)) \
            or not _PROCEDURE_WORDS.isdisjoint(words):
        kinds.update(_procedures(normalized, raw))
    if any(h in normalized for h in _DURATION_HINTS) and _DURATION.search(normalized) \
            and (_PAPERS.search(normalized) or any(k.startswith("procedure:") for k in kinds)):
        kinds.add("duration")
    guessed = "doan " in normalized or normalized.endswith("doan") or "du bao" in normalized
    if guessed and (_FORECAST.search(normalized) or (not raw.isascii() and _GUESS_TYPED.search(_typed(raw)))):
        kinds.add("opinion")
    return frozenset(kinds)


def _typed(raw: str) -> str:
    """The message as typed, composed and lower case: what the expressions that need the marks read."""
    return unicodedata.normalize("NFC", raw).lower()


def typed_countries(raw: str) -> frozenset[str]:
    """The countries a question names that only its marks tell from common words (``place:<name>``): Laos
    ("Lào", folded "lao" as in "lao động"), unless it is where the speaker is ("tôi đi làm ở Lào về, …")."""
    if raw.isascii():
        return frozenset()
    typed = unicodedata.normalize("NFC", raw).lower()
    if "lào" not in typed or not _LAOS_TYPED.search(typed):
        return frozenset()
    return frozenset({f"place:{LAOS}"}) if LAOS in places(fold(_LAOS_TYPED.sub(LAOS, typed)), asked=True) \
        else frozenset()


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


def provided_round12(answer: str, answer_folded: str, phrasings_folded: tuple[str, ...]) -> frozenset[str]:
    """Round 12's kinds an entry gives: ``answer`` as written, ``answer_folded`` folded, and its title, questions,
    keywords and learned phrasings folded one by one."""
    kinds: set[str] = set()
    for clause in _CLAUSE_END.split(answer):
        folded = fold(clause)
        if _RANK_SAID.search(folded):
            kinds.update(f"rank:{_INDEX_KEY[m.group(1)]}" for m in _INDEX_ALIASES.finditer(folded))
    for phrasing in phrasings_folded:
        if _RANK.search(phrasing) and not _TARGET.search(phrasing):
            kinds.update(f"rank:{_INDEX_KEY[m.group(1)]}" for m in _INDEX_ALIASES.finditer(phrasing))
    everything = " ".join((answer_folded, *phrasings_folded))
    kinds.update(f"procedure:{_PROCEDURE_KEY[m.group(1)]}" for m in _PROCEDURE_ALIASES.finditer(_iy(everything)))
    if "sổ đỏ" in unicodedata.normalize("NFC", answer).lower():
        kinds.add("procedure:dat dai")
    if _DURATION_SAID.search(answer_folded):
        kinds.add("duration")
    return frozenset(kinds)

