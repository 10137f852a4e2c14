"""Round 14's kinds of fact asked that no entry gives (``bot.kb.asks`` reads them).

The session-14 look-alikes the KB answered were, once more, entries *about* the question's words that do not *say*
what it asks. The kinds below are requests, checked against every title, question, keyword and learned phrasing of
the KB (a test keeps that true), so a question of the channel is never refused by one.

* ``opinion`` also reads a claim doubted as talk: "… có đạt 30 % GDP thiệt hông, hay (chỉ) nói cho vui / cho hay /
  nói chơi / nói suông", "… hay chỉ là khẩu hiệu / trên giấy". The asker wants a judgement of whether a target is
  real; the entry that states the target does not judge it. Three of dev14a's four writers (and one of dev13a's)
  closed a doubt this way; the verb and the "hay" are both needed ("khẩu hiệu ngày chuyển đổi số" is the day's
  slogan, a fact of the KB). Round 15: not after a fact asked ("… tiết kiệm được bao nhiêu tiền, có thiệt không hay
  nói cho vui?"): the figure answers the doubt.
* ``phone`` also reads a number asked with "where" ("số điện thoại với địa chỉ của Cục … ở đâu", "số tổng đài
  … chỗ nào"): round 7's ``phone`` needed "bao nhiêu / số mấy / là gì / nào" after the phone word. An entry gives
  it when it speaks of a phone number or a hotline (round 7's test, the channel's own redirect among them).
* ``leader`` — which country leads a ranking ("nước nào đứng đầu bảng xếp hạng EGDI", "top 1 là quốc gia nào"):
  the entry states Viet Nam's rank, not who is first. Not "nhóm nước nào" (the group Viet Nam joined) nor "nước
  nào" alone. Given by an answer that names who leads (none does).
* ``broadband:fixed`` — the speed or rank of fixed broadband ("tốc độ internet cáp quang cố định xếp thứ mấy"): the
  2025 figures rank the *mobile* speed (146.64 Mb/s, 20th), and fixed and mobile speeds are ranked apart (Ookla's
  Speedtest Global Index publishes the two lists). Given by an answer that says "cố định" or "cáp quang" in a
  sentence with a speed or a rank.
* ``region`` — a rank or a comparison within a region ("Việt Nam đứng sau mấy nước ASEAN về EGDI", "trong Đông Nam
  Á nước nào hơn mình"): the entries state world ranks (71/193), none a place in ASEAN. Given by an answer that
  names ASEAN, Southeast Asia or Asia in a sentence with a rank ("thứ", "hạng", "đứng"). No question of the tuned
  sets names these regions; found by probes of the EGDI entry.
"""

from __future__ import annotations

import re
import unicodedata

from bot.nlp.normalize import analyze, fold

# A claim doubted as talk (folded): "hay (chỉ) nói cho vui", "hay nói chơi", "hay chỉ là khẩu hiệu". Before a noun
# the "chỉ" is needed (review 14b, M2): "… là 'Nhanh hơn, …' hay là khẩu hiệu?" is the plain "or", theme or slogan.
_SAID_IDLY = (r"\bhay (?:chi |la |chi la |cung chi )?(?:noi|ho|hua|ghi|viet|de) "
              r"(?:cho vui|cho hay|cho co|choi|suong|lay le|vay thoi|cho sang)\b")
_DOUBT = re.compile(_SAID_IDLY + r"|\bhay (?:chi |chi la |cung chi la )(?:khau hieu|tren giay|ban giay|hua suong"
                    r"|noi suong)\b")
# Fix15conf (review 15, H2): only a doubt of idle talk ("hay nói cho vui") gives way to a fact asked; "hay chỉ là
# khẩu hiệu / trên giấy" names words the ranker reads ("khẩu hiệu" is the day's slogan, an entry of its own), so the
# judgement it asks stays asked and the message is not answered with confidence.
_SAID_IDLY_ONLY = re.compile(_SAID_IDLY)
# Round 15: a fact asked before the doubt ("Cổng … mỗi năm tiết kiệm được bao nhiêu tiền rứa, có thiệt không hay nói
# cho vui?"): the figure is what is asked and answers the doubt; the doubt alone over a target ("… tới 2030 có chiếm
# được 30% GDP thiệt hông hay nói cho vui") still asks a judgement. Question words of a fact (folded), not "mấy" ("theo
# mấy người thì": Southern "you all").
# Fix15conf (review 15, M1): not a question word followed by "cũng", an indefinite universal ("Năm nào cũng hô …",
# "ở đâu cũng có …", "Bộ nào cũng làm …"), which tells, not asks.
_FACT_ASKED = re.compile(r"\b(?:bao nhieu|la gi|khi nao|bao gio|o dau|(?:ngay|nam|thang|bo|nuoc|co quan|cai) nao"
                         r"|(?:cai|nhung|viec) gi)\b(?! cung\b)")
# Fix15conf (review 15, H3): the fact is looked for only in the doubt's own sentence (as typed), after a "nhưng" in it
# ("Chuyển đổi số là gì tôi biết rồi. Nhưng mục tiêu 30% GDP … có thiệt không hay nói cho vui?": the "là gì" is what
# the asker knows, the doubt still asks a judgement).
_SENTENCE_ENDS = re.compile(r"[.!?;:\n…]+")
_BUT = re.compile(r"\bnhung\b")
# A phone number asked with "where" (folded), the phone word at most 10 words before (a ministry's name): not a
# predicate or an alternative (review 14b, M3: "tên đăng nhập là số điện thoại hay số định danh, xem ở đâu" asks
# where to look the login up, after "là … hay …").
_PHONE_WORD = r"(?:so dien thoai|so dt|sdt|hotline|so tong dai|tong dai|duong day nong)"
_PHONE_WHERE = re.compile(rf"(?<!\bla )(?<!\bbang )(?<!\bhay )\b{_PHONE_WORD}\b(?: \w+){{0,10}} "
                          r"(?:o dau|cho nao|o cho nao|tim o dau)\b")
# Which country leads (folded): the country asked first or after the lead.
# Round 15: "thứ nhất / thứ 1 / hạng 1" bare ("thứ nhất là nước nào") ask the first place as "đứng thứ nhất" does
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


def _answered_by_fact(normalized: str, doubt: re.Match[str], raw: str) -> bool:
    """Whether a doubt of idle talk (``_SAID_IDLY``) closes a fact asked in its own sentence (``_FACT_ASKED``): the
    figure answers it. With ``raw``, the sentence is the last one as typed (folded) that holds a doubt; one the
    folding does not find (a doubt typed in telex) keeps the judgement asked. Linear: one pass over ``raw``."""
    if _SAID_IDLY_ONLY.fullmatch(doubt.group()) is None:
        return False
    if not raw:
        return _fact_in(normalized, doubt.start())
    for sentence in reversed(_SENTENCE_ENDS.split(raw)):
        folded = fold(sentence)
        found = _DOUBT.search(folded) if "hay " in folded else None
        if found is not None:
            return _SAID_IDLY_ONLY.fullmatch(found.group()) is not None and _fact_in(folded, found.start())
    return False


def _fact_in(text: str, end: int) -> bool:
    """A fact asked (``_FACT_ASKED``) before ``end``, after the last "nhưng" before it."""
    start = max((m.end() for m in _BUT.finditer(text, 0, end)), default=0)
    return _FACT_ASKED.search(text, start, end) is not None


def asked_round14(normalized: str, raw: str = "") -> frozenset[str]:
    """Round 14's kinds asked by a question (``normalized``: its analysed, folded text; ``raw`` as typed). Each kind
    runs behind a substring every match holds (latency: most questions ask none of them)."""
    kinds: set[str] = set()
    doubt = _DOUBT.search(normalized) if "hay " in normalized else None
    if doubt is not None and not _answered_by_fact(normalized, doubt, raw):
        kinds.add("opinion")
    if (" dau" in normalized or " cho nao" in normalized) and _PHONE_WHERE.search(normalized):
        kinds.add("phone")
    if ("nuoc" in normalized or "quoc gia" in normalized) and _asks_leader(normalized, raw):
        kinds.add("leader")
    if _FIXED.search(normalized) and _SPEED_OR_RANK.search(normalized):
        kinds.add("broadband:fixed")
    if any(r in normalized for r in _REGION_HINTS) and _names_region(normalized, raw) \
            and _REGION_RANK.search(normalized):
        kinds.add("region")
    return frozenset(kinds)


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


def provided_round14(answer: str) -> frozenset[str]:
    """Round 14's kinds an entry gives (``answer`` as written): who leads a ranking, a fixed-broadband speed or rank,
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
