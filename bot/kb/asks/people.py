"""Facts of people and offices asked: an age, a home town, a private life, an office's holders, a phone number.

The KB names officials and their offices, and the channel's own redirect says it has no hotline; the entry the
ranker finds for "Bộ trưởng … bao nhiêu tuổi?" names the minister but not the age (``bot.kb.asks``). Kinds (read on
the folded question unless said otherwise):

* ``age`` — "bao nhiêu tuổi", "sinh năm bao nhiêu", "năm sinh": the answer gives an age or a birth date;
* ``hometown`` — "quê ở đâu", "quê quán": the answer says where a person comes from;
* ``personal`` — a person's private life: children, spouse, hobbies, schooling, home, birthday, wealth ("Bộ trưởng
  … có mấy người con?", "sở thích của …", "tốt nghiệp trường nào"): the entry speaks of it (none does). "Vợ / chồng"
  are read as typed (folded, "chồng" is "chống", "vợ" is "vô") and only where they are asked about, not the
  speaker's own ("Chồng tôi bảo …"); "bà con cái gì" is no "con cái", "ra đời từ" no "đời tư";
* ``role:<title>`` — an office the question names ("thứ trưởng", "giám đốc"): the entry names it ("Bộ Khoa học và
  Công nghệ có bao nhiêu thứ trưởng?" over the minister's entry) — not the issuer of a document, nor the speaker's
  own office;
* ``phone`` — "số điện thoại / hotline / tổng đài … là bao nhiêu / số mấy", "cho xin số điện thoại", or the number
  asked with "where" ("số điện thoại với địa chỉ của Cục … ở đâu", "số tổng đài … chỗ nào"): the answer gives a
  number or speaks of a hotline (the channel's own redirect says it has none).

(age and hometown from round 6, role and phone from round 7, personal from round 9, phone asked with "where" from
round 14; docs/question-answering.md)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set

from bot.kb.asks import patterns
from bot.kb.asks.registry import Said, register
from bot.nlp.clauses import is_question
from bot.nlp.normalize import fold

# Facts about a person: an age or a birth date, a home town.
_AGE = re.compile(r"\b(?:bao nhieu|may) tuoi\b|\btuoi (?:bao nhieu|may)\b|\bsinh (?:nam|ngay) (?:bao nhieu|may|nao)\b"
                  r"|\bnam sinh\b|\bsinh nam\b")
_HOMETOWN = re.compile(r"\bque (?:o |quan )?(?:dau|nao)\b|\bque quan\b|\bnguoi (?:tinh|o) (?:dau|nao)\b")
_AGE_SAID = re.compile(r"\btuoi\b|\bsinh (?:nam|ngay)\b|\bnam sinh\b")
_HOMETOWN_SAID = re.compile(r"\bque\b|\bsinh ra (?:tai|o)\b")
_PERSONAL = re.compile(r"\b(?:may|bao nhieu) (?:nguoi con|dua con|con trai|con gai)\b"
                       r"|\bco (?:may|bao nhieu) con\b(?! (?:so|nguoi|duong|chip|dau|tre|em)\b)"
                       r"|\bso thich\b|\btot nghiep (?:truong|dai hoc|nganh|o|nam)\b|\bhoc (?:o )?truong nao\b"
                       r"|\b(?:nha rieng|song|nha) o dau\b|\bsinh nhat\b|\btai san\b|\bbang cap\b"
                       r"|\bgia dinh (?:ong|ba|cua)\b")
_PERSONAL_TYPED = re.compile(r"\bcó vợ\b|\bvợ (?:của|ông|ổng|anh|bộ trưởng|thủ tướng|là ai|tên)\b|\bvợ con\b"
                             r"|\bcó chồng\b|\bchồng (?:của|bà|chị|là ai|tên)\b|\bđời tư\b")
_PERSONAL_HINTS = ("nguoi con", "dua con", "con trai", "con gai", "may con", "nhieu con", "thich", "nghiep",
                   "truong nao", "o dau", "sinh nhat", "tai san", "bang cap", "gia dinh")
_PERSONAL_SAID = re.compile(r"\b(?:vợ|chồng|người con|con cái|sở thích|tốt nghiệp|tiểu sử|gia đình ông|gia đình bà"
                            r"|tài sản|sinh nhật|đời tư)\b")
# Offices a question may ask about; an entry that does not name the office does not speak of its holders. Not the
# issuer in a document's number: "Quyết định 942/QĐ-TTg" reads "quyet dinh thu tuong"; nor the speaker's own office
# ("tôi là bí thư chi đoàn, …": context, like the speaker's whereabouts in bot.kb.subjects).
_ROLE = re.compile(r"(?<!quyet dinh )(?<!chi thi )(?<!cong dien )(?<!toi la )(?<!em la )(?<!minh la )(?<!tui la )"
                   r"\b(?:pho )?"
                   r"(?:thu truong|bo truong|cuc truong|vu truong|giam doc|chu tich|thu tuong|tong bi thu"
                   r"|chanh van phong|truong phong|bi thu)\b")
# The office that issued a numbered document ("quyết định 942 của thủ tướng là về chuyện gì") names the
# document, as "quyết định thủ tướng" does (the look-behinds of _ROLE): the question asks what the document says.
# Review 14b: so does the issuer of a document whose number is asked ("… là quyết định số mấy của Thủ tướng?": the
# number is asked, the Prime Minister names whose decision it is).
_ISSUER = re.compile(r"\b(?:quyet dinh|chi thi|cong dien|nghi quyet|van ban)\s+(?:so\s+)?"
                     r"(?:\d[\w/.-]*|may|bao nhieu|gi|nao)\s+(?:cua|do)\s+$")
_ISSUER_SPAN = 80  # "quyết định số 1234/QĐ-TTg của " fits: each role looks back this far, not to the start
_ROLE_HINTS = ("truong", "tuong", "giam doc", "chu tich", "bi thu")
_PHONE_WORD = r"(?:so dien thoai|so dt|sdt|hotline|so tong dai|tong dai|duong day nong)"
# Not a phone word that is a predicate or an alternative ("tên đăng nhập là số điện thoại hay là số gì": what the
# login is, as round 14's review read the "where" kind, ``_PHONE_WHERE``; round 15)
# Fix15conf (review 15, M2): "bằng <phone word>" is the means only after a verb of logging in or registering
# ("đăng nhập VNeID bằng số điện thoại nào", ``_by_login``); "liên lạc / gọi bằng số nào" asks for a number.
_PHONE = re.compile(rf"(?<!\bla )(?<!\bhay )\b{_PHONE_WORD}\b(?: \w+){{0,8}} "
                    r"(?:bao nhieu|so may|so nao|so gi|la gi|nao)\b"
                    rf"|\b(?:xin|cho)\b(?: \w+){{0,3}} {_PHONE_WORD}\b|\bgoi (?:so|tong dai|hotline) nao\b")
# A phone number asked with "where" (folded), the phone word at most 10 words before (a ministry's name): not a
# predicate or an alternative (review 14b, M3: "tên đăng nhập là số điện thoại hay số định danh, xem ở đâu" asks
# where to look the login up, after "là … hay …").
_PHONE_WHERE = re.compile(rf"(?<!\bla )(?<!\bbang )(?<!\bhay )\b{_PHONE_WORD}\b(?: \w+){{0,10}} "
                          r"(?:o dau|cho nao|o cho nao|tim o dau)\b")
_PHONE_SAID = re.compile(r"\b(?:so dien thoai|tong dai|hotline|duong day nong)\b|\b(?:11[345]|1900|1800)\b"
                         r"|\b0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}\b")
# Substrings every match of the expression holds (checked first: a substring test costs far less).
_PHONE_HINTS = ("dien thoai", "so dt", "sdt", "hotline", "tong dai", "duong day nong", "goi so")
_LOGIN_BY = re.compile(r"\b(?:dang nhap|dang ky|dang ki|xac thuc|xac minh|tao tai khoan)\b(?: \w+){0,6} bang $")
_LOGIN_BY_REACH = 60  # characters looked back (linear)


def _by_login(normalized: str, start: int) -> bool:
    """Whether the phone word at ``start`` is the means of logging in or registering ("đăng nhập … bằng số điện
    thoại nào"), not a number asked (``_PHONE``)."""
    return _LOGIN_BY.search(normalized[max(0, start - _LOGIN_BY_REACH):start]) is not None


def _asks_personal(normalized: str, raw: str) -> bool:
    """Whether the question asks about a person's private life (``personal``)."""
    if patterns.hinted(normalized, _PERSONAL_HINTS) and _PERSONAL.search(normalized):
        return True
    if raw.isascii() or ("vo" not in normalized and "chong" not in normalized and "doi tu" not in normalized):
        return False
    return _PERSONAL_TYPED.search(unicodedata.normalize("NFC", raw).lower()) is not None



# Round 22 (dev22a, village officials introducing themselves): the speaker saying who they are, a first person then
# "là / làm" ("Em là Y Thuân, năm nay 22 tuổi, đang làm bí thư chi đoàn …", "Chào kênh, tôi là Rơ Mah Dũng, phó chủ
# tịch xã ở Ia Grai."), folded; the offices told in the rest of that sentence are the speaker's own, like "tôi là bí
# thư" (the look-behinds of _ROLE), which the name or the age put between.
_SELF_TOLD = re.compile(r"\b(?:toi|tui|em|minh|chau|e|t)\s+(?:(?:hien|dang|cung|thi)\s+){0,2}(?:la|lam)\b")
# Round 34: the speaker's age told first, the office after it ("Tôi năm nay sáu mươi, làm phó chủ tịch Hội Nông dân
# xã …", "Tui 45 tuổi, đang làm trưởng thôn"): the same self-introduction, its "làm" put after the age.
_AGE_WORD = r"(?:\d+|mot|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi|lam|linh|le|tram)"
_AGE_TOLD = re.compile(rf"\b(?:toi|tui|em|minh|chau)\s+(?:nam nay\s+(?:{_AGE_WORD}\s+){{1,4}}(?:tuoi\s+)?"
                       rf"|(?:{_AGE_WORD}\s+){{1,4}}tuoi\s+)(?:,\s*)?(?:(?:hien|dang|cung|thi|van)\s+){{0,2}}"
                       r"(?:la|lam)\b")
# Round 34: an office that tells the asker something, the subject of a verb of saying, reading or bidding ("Giám
# đốc bảo có một năm …", "bí thư đọc tài liệu có câu …", "anh chủ tịch xã dặn …"), up to three words of its unit
# between: the teller of the story, not an office asked about — in a comma piece that asks nothing ("Bộ trưởng nói
# gì về …" asks what the office said, and keeps it). Folded, "bao" is also "bao nhiêu / bao lâu / bao giờ": not those.
_TELLS = re.compile(r"(?:\s+\w+){0,3}?\s+(?:bao|noi|dan|ke|doc|keu|nhac)\b(?!\s+(?:nhieu|lau|gio)\b)")
_SENTENCE = re.compile(r"[^.!?\n]+")
_PIECE = re.compile(r"[^,;:]+")


def _tellers(folded: str, raw: str) -> set[str]:
    """The offices of the sentence ``raw`` (``folded``) that are the subject of a verb of saying in a comma piece
    that asks nothing (``_TELLS``): the people of the story who told the asker something."""
    found: set[str] = set()
    for piece in _PIECE.findall(raw):
        piece_folded = fold(piece)
        if not patterns.hinted(piece_folded, _ROLE_HINTS) or is_question(piece):
            continue
        found.update(m.group(0) for m in _ROLE.finditer(piece_folded) if _TELLS.match(piece_folded, m.end()))
    return found


def _own_offices(raw: str) -> set[str]:
    """The offices ``raw`` names only in sentences where the speaker tells who they are (``_SELF_TOLD``, or the
    age first, ``_AGE_TOLD``; no question in the sentence), or as the teller of the story (``_tellers``), folded:
    not an office asked about. An office also named otherwise stays asked. One pass over the sentences."""
    own: set[str] = set()
    elsewhere: set[str] = set()
    for sentence in _SENTENCE.findall(raw):
        folded = fold(sentence)
        if not patterns.hinted(folded, _ROLE_HINTS):
            continue
        told = _SELF_TOLD.search(folded) or _AGE_TOLD.search(folded)
        start = told.end() if told is not None and not is_question(sentence) else len(folded)
        tellers = _tellers(folded, sentence)
        elsewhere.update(m.group(0) for m in _ROLE.finditer(folded, 0, start) if m.group(0) not in tellers)
        own.update(m.group(0) for m in _ROLE.finditer(folded, start))
        own.update(tellers)
    return own - elsewhere


def _asked(normalized: str, raw: str, _found: Set[str]) -> set[str]:
    kinds = {kind for kind, rx in (("age", _AGE), ("hometown", _HOMETOWN)) if rx.search(normalized)}
    if patterns.hinted(normalized, _PHONE_HINTS) and any(not _by_login(normalized, m.start())
                                                         for m in _PHONE.finditer(normalized)):
        kinds.add("phone")
    if patterns.hinted(normalized, _ROLE_HINTS):
        own = _own_offices(raw) if raw else set()
        kinds.update(f"role:{m.group(0)}" for m in _ROLE.finditer(normalized)
                     if not _ISSUER.search(normalized, max(0, m.start() - _ISSUER_SPAN), m.start())
                     and m.group(0) not in own)
    if _asks_personal(normalized, raw):
        kinds.add("personal")
    if (" dau" in normalized or " cho nao" in normalized) and _PHONE_WHERE.search(normalized):
        kinds.add("phone")
    return kinds


def _provided(said: Said) -> set[str]:
    kinds = {kind for kind, rx in (("age", _AGE_SAID), ("hometown", _HOMETOWN_SAID), ("phone", _PHONE_SAID))
             if rx.search(said.folded)}
    if _PERSONAL_SAID.search(said.written):
        kinds.add("personal")
    kinds.update(f"role:{m.group(0)}" for m in _ROLE.finditer(said.everything))
    return kinds


register(_asked, _provided)
