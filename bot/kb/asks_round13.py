"""Round 13's kinds of fact asked that no entry gives (``bot.kb.asks`` reads them).

The session-13 look-alikes the KB answered were, again, entries *about* a word of the question that do not *say*
what is asked. The kinds below are requests, checked against every title, question, keyword and learned phrasing
of the KB (a test keeps that true), so a question of the channel is never refused by one.

* ``disaster`` — the facts of a storm, flood, earthquake or the weather itself: where a storm makes landfall, its
  strength, the damage, the dead, whether it will rain ("Bão số 10 đổ bộ vô tỉnh mô, thiệt hại bao nhiêu?"). The
  KB names the storm of 2025 only as the reason the Digital Transformation Day moved; an entry gives the kind only
  if it states such a fact (none does). A storm named as a cause ("hoãn vì bão", "do bão số 10") asks none of it.
  "Bão" is read as typed, with its mark: folded it is "bao" (bao nhiêu, bao giờ).
* ``opinion`` also reads a yes-or-no judgement asked of the person the asker addresses by kinship ("theo anh /
  chị / bác … thì … có … không", "chị nghĩ … có … không": Vietnamese chat addresses the channel's admin this way,
  and "eng", "a", "c" are teencode for the same words) and a feat the asker doubts ("có lên được 30 % GDP nổi
  không": "nổi" typed with its mark is "manage to"). A fact asked with a question word ("theo anh thì ngày chuyển
  đổi số là ngày nào") or a confirmation asked ("… đúng không", "phải không") is polite framing, not an opinion,
  and keeps its answer.
* ``weekday`` — the day of the week of a date ("Ngày 10/10 năm 2025 là thứ mấy?", "rơi vào thứ mấy", "nhằm thứ
  mấy"): the answer names a weekday ("vào thứ Sáu", "chủ nhật, ngày 12/10"). Not a rank ("xếp / đứng … là thứ
  mấy") nor an ordinal ("năm thứ mấy", "lần thứ mấy": a word stands between "là" and "thứ").
* ``province`` also reads the Central "tỉnh mô" after a verb of going or being ("đổ bộ vô tỉnh mô", "ở tỉnh mô"):
  the dialect reader makes "mô" "đâu" where the message is plainly Central, and "tỉnh đâu" folded is also "tinh
  dầu" ("tinh mô" also "tinh mơ"), so only after "vô / vào / ở / tại / thuộc".
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

# A weather event or a disaster, as typed (lower case, NFC): "bão" folded is "bao"; the rest are unambiguous folded
# too but read the same way for one rule.
_EVENT_TYPED = re.compile(r"\b(?:bão|lũ|lụt|lũ lụt|thiên tai|động đất|áp thấp|sạt lở|thời tiết|mưa|nắng nóng|"
                          r"rét|triều cường|hạn hán|xâm nhập mặn|sóng thần|lốc xoáy|giông)\b")
# A storm named as a cause or an aftermath told ("hoãn vì bão", "do bão số 10", "bị bão", "sau bão"): not asked. The
# cause covers a run of event words ("vì mưa bão", "do bão lũ"): a compound is one cause, not a cause and an event.
_EVENT_AS_CAUSE = re.compile(r"\b(?:vì|do|bởi|tại|bị|chịu|sau|mùa|đợt|nơi|những nơi|ảnh hưởng của|ủng hộ|giúp)"
                             r"(?: cơn| trận)? (?:bão|lũ|lụt|thiên tai|mưa)(?: (?:bão|lũ|lụt|mưa|to|lớn))*")
# The facts of the event asked (as typed): landfall, strength, path, damage, casualties, rain; each needs the event
# word in the same sentence.
_EVENT_FACT = re.compile(r"\b(?:đổ bộ|thiệt hại|sức gió|gió giật|cấp mấy|cấp bao nhiêu|mạnh cấp|tâm bão|hướng đi|"
                         r"di chuyển|người chết|chết|mất tích|bị thương|độ richter|richter|độ lớn|mực nước|"
                         r"lượng mưa|có mưa|mưa không|mưa hông|mưa ko|mưa to không|ngập|sập|tan chưa|"
                         r"đang ở đâu|vào đâu|vô đâu|vào tỉnh|vô tỉnh|vào miền|vô miền|mấy cơn|bao nhiêu cơn|"
                         r"nhiệt độ|bao nhiêu độ|mấy độ|có bão|có lũ|có lụt)")
_EVENT_HINTS = ("bão", "lũ", "lụt", "thiên tai", "động đất", "áp thấp", "sạt lở", "thời tiết", "mưa", "nắng nóng",
                "rét", "triều cường", "hạn hán", "xâm nhập mặn", "sóng thần", "lốc xoáy", "giông")
_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
# The fact said by an entry (folded): a landfall, damage or casualties, a wind force.
_EVENT_SAID = re.compile(r"\b(?:do bo|thiet hai|suc gio|gio giat|nguoi chet|mat tich|do richter|luong mua)\b")

# A judgement asked of the addressee: "theo <kin> (thì)" (folded; the analyser expands "eng", "a", "c").
# Not "em": "theo em thì …" is as often the asker's own view ("theo em thì … phải không ạ").
_KIN = r"(?:anh|chi|anh chi|bac|chu|co|ong|ba|mn|moi nguoi|ca nha|cac ban|ban)"
# "anh / chị / mọi người nghĩ / thấy …": not the kin an elder calls himself ("bác / chú thấy …" is often the asker);
# folded, "nghi" is also "nghỉ" (nghỉ hưu, nghỉ việc) and "nghị" (nghị quyết), "thay" also "thay" (thay đổi, thay thế).
_KIN_THINKS = r"(?:anh|chi|anh chi|mn|moi nguoi|ca nha|cac ban)"
_THEO_KIN = re.compile(rf"\btheo {_KIN} thi\b"
                       rf"|(?:^|\b(?:oi|a|ad|vay|the) )(?P<kin>{_KIN_THINKS}) (?:nghi|thay)\b"
                       r"(?! (?:quyet|dinh|luan|tren|o|bao|huu|viec|le|tet|phep|hoc|lam|ngoi|doi|the)\b)")
# A yes-or-no question ("… có vào top 50 không"), not one that asks to confirm a fact ("… phải không", "đúng không").
_YES_NO = re.compile(r"\b(?:khong|ko|k|hong|hok|hem|chua|khum)\b")
# A confirmation asked ("… đúng không", "phải không"): as typed where it has marks (folded, "dễ dùng không" is "de
# dung khong"), folded otherwise.
_CONFIRM_TYPED = re.compile(r"\b(?:đúng|phải) (?:không|ko|k|hông|hok|hem|chưa|khum)\b")
_CONFIRM_FOLDED = re.compile(r"\b(?:dung|phai) (?:khong|ko|k|hong|hok|hem|chua|khum)\b")
# A question word: then the asker wants a fact ("theo anh thì ngày chuyển đổi số là ngày nào").
_WH = re.compile(r"\b(?:gi|nao|bao nhieu|may|dau|ai|khi nao|bao gio|luc nao|sao|the nao|nhu the nao|ra sao)\b")
# "nổi" typed with its mark before a question particle: a feat doubted ("… có lên 30 % GDP nổi không").
_FEAT_TYPED = re.compile(r"\bnổi (?:không|hông|ko|k|hok|hem|hăm|hong|khum)\b")

# A weekday asked (folded), unless the question speaks of a rank; a weekday said by an answer (as typed).
_WEEKDAY = re.compile(r"\b(?:la|vao|roi vao|nham|trung|trung vao|la ngay) thu (?:may|gi|nao|bao nhieu)\b")
# A rank is also asked as "là thứ mấy" with where it ranks ("… là thứ mấy trên thế giới", "trong ASEAN") or of an
# index ("chỉ số EGDI … là thứ mấy"): those name no date.
_RANKING_WORDS = re.compile(r"\b(?:xep|dung|hang|vi tri|top|the gioi|quoc te|asean|khu vuc|chi so)\b")
_DAYS = r"(?:thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)"
_WEEKDAY_SAID = re.compile(rf"\b(?:vào|hôm|nhằm|rơi vào|là) {_DAYS}\b|\b{_DAYS},? (?:ngày )?\d{{1,2}}/\d{{1,2}}")

# "tỉnh mô" after a verb of going or being, folded ("tinh mo") or as the dialect reader leaves it ("tinh dau").
_PROVINCE_WHERE = re.compile(r"\b(?:vo|vao|o|tai|thuoc) (?:cai )?tinh (?:dau|mo)\b")


def asked_round13(normalized: str, raw: str) -> frozenset[str]:
    """Round 13's kinds asked by a question: ``normalized`` is its analysed, folded text; ``raw`` as typed. Each kind
    runs behind a substring every match holds (latency: most questions ask none of them)."""
    kinds: set[str] = set()
    if ("tinh dau" in normalized or "tinh mo" in normalized) and _PROVINCE_WHERE.search(normalized):
        kinds.add("province")
    if ("theo " in normalized or "nghi" in normalized or "thay" in normalized) and _addresses_kin(normalized, raw) \
            and _YES_NO.search(normalized) and not _WH.search(normalized) and not _confirms(normalized, raw):
        kinds.add("opinion")
    if "thu " in normalized and _WEEKDAY.search(normalized) and not _RANKING_WORDS.search(normalized):
        kinds.add("weekday")
    if raw.isascii():
        return frozenset(kinds)
    typed = unicodedata.normalize("NFC", raw).lower()
    if "nổi" in typed and _FEAT_TYPED.search(typed) and "nổi tiếng" not in typed:
        kinds.add("opinion")
    if any(h in typed for h in _EVENT_HINTS) and _asks_event(typed):
        kinds.add("disaster")
    return frozenset(kinds)


# "chỉ" (only) typed with its mark before a verb of thinking: folded it is "chi" like "chị" ("Chỉ thấy nói …").
_ONLY_THINKS_TYPED = re.compile(r"\bchỉ (?:nghĩ|thấy)\b")


def _addresses_kin(normalized: str, raw: str) -> bool:
    """Whether the question asks the judgement of the person it addresses by kinship. The folded "chi thay" is also
    the adverb "chỉ thấy" (only saw): where the asker typed marks and wrote "chỉ", that reading does not count."""
    for m in _THEO_KIN.finditer(normalized):
        if m.group("kin") != "chi" or raw.isascii():
            return True
        typed = unicodedata.normalize("NFC", raw).lower()
        if not _ONLY_THINKS_TYPED.search(typed) or re.search(r"\bchị (?:nghĩ|thấy)\b", typed):
            return True
    return False


def _confirms(normalized: str, raw: str) -> bool:
    """Whether the question asks to confirm a fact ("… đúng không", "… phải không"), not for a judgement."""
    if raw.isascii():
        return _CONFIRM_FOLDED.search(normalized) is not None
    return _CONFIRM_TYPED.search(unicodedata.normalize("NFC", raw).lower()) is not None


def _asks_event(typed: str) -> bool:
    """Whether a sentence of ``typed`` names a weather event or disaster, not as a cause, and asks one of its facts.

    Linear in the sentence: the cheap fact test first, then the causes found once per sentence (one ``finditer``)
    and each event looked up among their sorted starts, never a rescan per event ("bão, " × 500 stays fast)."""
    for sentence in _SENTENCES.split(typed):
        if not _EVENT_FACT.search(sentence):
            continue
        causes = [(c.start(), c.end()) for c in _EVENT_AS_CAUSE.finditer(sentence)]
        starts = [start for start, _ in causes]
        for m in _EVENT_TYPED.finditer(sentence):
            i = bisect_right(starts, m.start()) - 1
            if i < 0 or m.start() >= causes[i][1]:
                return True
    return False


def provided_round13(answer: str, answer_folded: str) -> frozenset[str]:
    """Round 13's kinds an entry gives (``answer`` as written, ``answer_folded`` folded): the facts of a disaster, a
    weekday."""
    kinds = set()
    if _EVENT_SAID.search(answer_folded):
        kinds.add("disaster")
    if _WEEKDAY_SAID.search(unicodedata.normalize("NFC", answer).lower()):
        kinds.add("weekday")
    return frozenset(kinds)
