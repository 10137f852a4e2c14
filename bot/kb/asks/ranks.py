"""Ranks asked: a country's rank in an index, which country leads, a place within a region, fixed broadband.

The KB states two ranks (the UN e-government survey, 71/193, and mobile internet speed, 20th) and only *targets* for
the other indexes ("nhóm 35 về Đổi mới sáng tạo"); an entry that states Viet Nam's rank does not say who is first,
nor a place within ASEAN (``bot.kb.asks``). Kinds (read on the folded question):

* ``rank:<index>`` — a country's rank in a named index ("Việt Nam xếp thứ mấy về chỉ số đổi mới sáng tạo GII năm
  2024?"): the entry states a rank in that index, in the same sentence ("xếp thứ 71/193 về Chính phủ điện tử"), or
  one of its phrasings asks that rank. A target is no rank, so a question that asks a target ("mục tiêu … top mấy",
  "phấn đấu đứng thứ bao nhiêu") asks no rank. An index the KB does not know, named "chỉ số …", is ``rank:other``
  (no entry gives it);
* ``leader`` — which country leads a ranking ("nước nào đứng đầu bảng xếp hạng EGDI", "top 1 là quốc gia nào"): not
  "nhóm nước nào" (the group Viet Nam joined) nor "nước nào" alone. Given by an answer that names who leads (none
  does);
* ``broadband:fixed`` — the speed or rank of fixed broadband ("tốc độ internet cáp quang cố định xếp thứ mấy"): the
  2025 figures rank the *mobile* speed, and fixed and mobile speeds are ranked apart (Ookla's Speedtest Global Index
  publishes the two lists). Given by an answer that says "cố định" or "cáp quang" in a sentence with a speed or a
  rank;
* ``region`` — a rank or a comparison within a region ("Việt Nam đứng sau mấy nước ASEAN về EGDI", "trong Đông Nam Á
  nước nào hơn mình"): given by an answer that names ASEAN, Southeast Asia or Asia in a sentence with a rank ("thứ",
  "hạng", "đứng").

(rank from round 12, more indexes in round 13, leader, broadband and region from round 14; docs/question-answering.md)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set

from bot.kb.asks.registry import Said, register
from bot.nlp.normalize import analyze, fold

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
_RANK_HINTS = ("thu may", "thu bao", "thu nhieu", "hang may", "hang bao", "hang nhieu", "tri may", "tri bao")
# Which country leads (folded): the country asked first or after the lead.
# "thứ nhất / thứ 1 / hạng 1" bare ("thứ nhất là nước nào") ask the first place as "đứng thứ nhất" does (round 15)
_LEAD = (r"(?:dung dau|dan dau|dung nhat|xep nhat|thu nhat|thu 1|hang nhat|hang 1|top 1|top mot|top dau"
         r"|so 1|so mot)")
# Review 15, M2: the lead said right after Viet Nam is Viet Nam's own place ("Việt Nam xếp hạng 1 về chỉ số nào"), and
# the lead and the country asked must stand in one sentence (the analysed text has no sentence ends: "… hạng 1 về chỉ
# số nào? Nước nào xếp sau?" asks who comes after, see :func:`_asks_leader`)
_OWN = r"(?<!viet nam )(?<!viet nam xep )(?<!viet nam dung )(?<!viet nam dat )(?<!nuoc ta xep )(?<!nuoc ta dung )"
_LEADER = re.compile(rf"(?<!nhom )\b(?:nuoc|quoc gia) (?:nao|gi)\b(?: \w+){{0,3}} (?:la |thi )?{_LEAD}\b"
                     rf"|{_OWN}\b{_LEAD}\b(?: \w+){{0,10}} (?:la |thuoc |ve tay )?(?:nuoc|quoc gia) (?:nao|gi)\b")
_RAW_SENTENCE_END = re.compile(r"(?<=[.?!;…])\s+|\n+")
_LEADER_SAID = re.compile(r"\b(?:đứng đầu|dẫn đầu|xếp thứ nhất|hạng nhất) (?:là|thuộc về)\b")
# Fixed broadband named (folded) in a question that asks a speed or a rank.
# "co dinh" is also "có định (danh / kỳ)", "có đính (kèm)", and "xếp hàng" (to queue) folds onto "xếp hạng" (review
# 14b, M1: "lên mạng có định danh mức 2 được không hay phải xếp hàng ở công an xã"): neither counts.
_FIXED = re.compile(r"\b(?:cap quang|wifi|mang day)\b"
                    r"|\b(?:internet|mang|bang rong|duong truyen)(?: \w+){0,2} co dinh\b(?! (?:danh|ky|kem|huong)\b)")
_SPEED_OR_RANK = re.compile(r"\b(?:toc do|mbps|mb s|xep thu|xep hang (?:may|bao nhieu|thu|the nao|ra sao)"
                            r"|hang (?:may|bao nhieu|thu)|thu (?:may|bao nhieu)|dung thu)\b")
# An answer's sentences (as written), each tested for both word sets apart (review 14b, L1: one pattern "X[^.]*Y"
# was quadratic in a sentence's length).
_SENTENCES = re.compile(r"[^.;\n]+")
_FIXED_NAMED = re.compile(r"\b(?:cố định|cáp quang)\b")
_FIXED_MEASURE = re.compile(r"\b(?:tốc độ|mb/s|xếp thứ|hạng)\b")
# A region (folded) and a rank or a comparison asked within it; a region said with a rank by an answer (as written).
# "thua" only before what is lost to: folded, "thưa" (the polite "sir") is "thua" too.
# "chau a" is also "cháu ạ / cháu à", the bot addressed as a grandchild (review 14b, H1): Asia counts typed "châu á",
# or unmarked with a region's words around it ("o chau a", "cac nuoc chau a", "chau a thai binh duong").
_REGION_HINTS = ("asean", "dong nam a", "chau a", "khu vuc")
_REGION = re.compile(r"\b(?:asean|dong nam a|trong khu vuc)\b")
_ASIA_TYPED = re.compile(r"\bchâu á\b")
_ASIA_FOLDED = re.compile(r"\b(?:khu vuc|o|trong|tai|cac nuoc|nuoc|vung) chau a\b"
                          r"|\bchau a (?:thai binh duong|\w+ thai binh)\b")
_REGION_RANK = re.compile(r"\b(?:thu|hang|top) (?:may|bao nhieu)\b|\b(?:dung|xep) (?:sau|truoc)\b"
                          r"|\bthua (?:kem|nuoc|may)\b|\bvuot (?:qua|mat)\b"
                          r"|\b(?:may|bao nhieu) nuoc\b|\bnuoc nao\b|\b(?:dan|dung) dau\b")
_REGION_NAMED = re.compile(r"\b(?:asean|đông nam á|châu á)\b")
_REGION_PLACE = re.compile(r"\b(?:thứ|hạng|đứng)\b")


def _asks_leader(normalized: str, raw: str) -> bool:
    """Whether the question asks which country leads a ranking (:data:`_LEADER`) within one of its sentences: typed
    in several, each is analysed and read apart (only when the whole text matched: rare)."""
    if not _LEADER.search(normalized):
        return False
    sentences = [s for s in _RAW_SENTENCE_END.split(raw) if s.strip()] if raw else []
    return len(sentences) < 2 or any(_LEADER.search(analyze(s).text) for s in sentences)


def _names_region(normalized: str, raw: str) -> bool:
    """Whether the question names ASEAN, Southeast Asia or Asia; "chau a" only as :data:`_ASIA_TYPED` or
    :data:`_ASIA_FOLDED` say (not "cháu ạ")."""
    if _REGION.search(normalized):
        return True
    if "chau a" not in normalized:
        return False
    if _ASIA_TYPED.search(unicodedata.normalize("NFC", raw).lower()):
        return True
    return _ASIA_FOLDED.search(normalized) is not None


def _said_together(written: str, first: re.Pattern[str], second: re.Pattern[str]) -> bool:
    """Whether one sentence of ``written`` holds both patterns (two linear searches per sentence)."""
    return any(first.search(s) and second.search(s) for s in _SENTENCES.findall(written))



def _asked(normalized: str, raw: str, _found: Set[str]) -> set[str]:
    kinds: set[str] = set()
    if any(h in normalized for h in _RANK_HINTS) and _RANK.search(normalized) and not _TARGET.search(normalized):
        named = {_INDEX_KEY[m.group(1)] for m in _INDEX_ALIASES.finditer(normalized)}
        if not named and _OTHER_INDEX.search(normalized):
            named = {"other"}
        kinds.update(f"rank:{key}" for key in named)
    if ("nuoc" in normalized or "quoc gia" in normalized) and _asks_leader(normalized, raw):
        kinds.add("leader")
    if _FIXED.search(normalized) and _SPEED_OR_RANK.search(normalized):
        kinds.add("broadband:fixed")
    if any(r in normalized for r in _REGION_HINTS) and _names_region(normalized, raw) \
            and _REGION_RANK.search(normalized):
        kinds.add("region")
    return kinds


def _provided(said: Said) -> set[str]:
    kinds: set[str] = set()
    for clause in _CLAUSE_END.split(said.answer):
        folded = fold(clause)
        if _RANK_SAID.search(folded):
            kinds.update(f"rank:{_INDEX_KEY[m.group(1)]}" for m in _INDEX_ALIASES.finditer(folded))
    for phrasing in said.asked_as:
        if _RANK.search(phrasing) and not _TARGET.search(phrasing):
            kinds.update(f"rank:{_INDEX_KEY[m.group(1)]}" for m in _INDEX_ALIASES.finditer(phrasing))
    kinds.update(written_ranks(said.answer))
    return kinds


def written_ranks(answer: str) -> frozenset[str]:
    """The kinds an answer (as written) gives by its own words: who leads a ranking, a fixed-broadband speed or rank,
    a rank within a region."""
    written = unicodedata.normalize("NFC", answer).lower()
    kinds = set()
    if _LEADER_SAID.search(written):
        kinds.add("leader")
    if _said_together(written, _FIXED_NAMED, _FIXED_MEASURE):
        kinds.add("broadband:fixed")
    if _said_together(written, _REGION_NAMED, _REGION_PLACE):
        kinds.add("region")
    return frozenset(kinds)


register(_asked, _provided)
