"""An opinion asked: the channel states facts and targets; only an entry that speaks of opinions (the redirect: the
channel gives none of its own) answers a question that asks the bot — or the person it addresses — to judge, guess
or doubt (``opinion``, ``bot.kb.asks``). Read on the folded question unless said otherwise:

* asked of the bot: "theo bạn" (not "theo kênh", which cites the channel's articles as a source), "bạn nghĩ",
  "bạn thấy thế nào", "ý ad / ý bạn thế nào", "bạn / ad thấy … có tốt / hay / hiệu quả … không" (not "văn bản nghị
  quyết / nghị định": "ban nghi quyet" folded);
* a guess or a forecast ("ad đoán thử coi", "dự đoán", "dự báo"; "đoán" typed with its mark, since "đoàn", "đoạn"
  fold alike): the channel does not predict whether its targets will be met;
* a yes-or-no judgement asked of the person the asker addresses by kinship ("theo anh / chị / bác … thì … có …
  không", "chị nghĩ … có … không": Vietnamese chat addresses the channel's admin this way, and "eng", "a", "c" are
  teencode for the same words), and a feat the asker doubts ("có lên được 30 % GDP nổi không": "nổi" typed with its
  mark is "manage to"). A fact asked with a question word ("theo anh thì ngày chuyển đổi số là ngày nào") or a
  confirmation asked ("… đúng không", "phải không") is polite framing, not an opinion, and keeps its answer;
* a claim doubted as talk: "… có đạt 30 % GDP thiệt hông, hay (chỉ) nói cho vui / cho hay / nói chơi / nói suông",
  "… hay chỉ là khẩu hiệu / trên giấy". The asker wants a judgement of whether a target is real; the entry that
  states the target does not judge it. The verb and the "hay" are both needed ("khẩu hiệu ngày chuyển đổi số" is the
  day's slogan, a fact of the KB). Not after a fact asked in the doubt's own sentence ("… tiết kiệm được bao nhiêu
  tiền, có thiệt không hay nói cho vui?"): the figure answers the doubt.

(Added in round 7, grown in rounds 9, 11, 12 — the guess —, 13 — kinship, the feat —, 14 and 15 — the doubt;
docs/question-answering.md)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Set

from bot.kb.asks import patterns
from bot.kb.asks.registry import Said, register
from bot.nlp.normalize import fold

# An opinion asked of the bot; not "văn bản nghị quyết / nghị định" ("ban nghi quyet" folded). "theo <someone>" asks
# a view only of a person addressed ("theo bạn / ad / bot"); "theo kênh (nói) thì …" cites the channel as the source of
# a fact, as "theo bài viết / theo Bộ" do (round 31: the channel publishes the articles the entries are drawn from, and
# "theo kênh thì … hạn chế gì / chuyển đổi cái gì" asks what they say). "kênh nghĩ / thấy sao", "ý kênh thế nào" still
# ask the channel's own view.
_OPINION = re.compile(r"\btheo (?:ban|bot|ad|admin)\b"
                      r"|\b(?:ban|bot|ad|admin|kenh) (?:nghi\b(?! (?:quyet|dinh|luan|si|le|hoi|phep|ngo)\b)"
                      r"|thay (?:sao|the nao|gi)\b)"
                      r"|\by kien (?:cua |rieng cua )?(?:ban|bot|ad|kenh)\b"
                      r"|\by (?:ban|bot|ad|admin|kenh) (?:the nao|sao|ra sao|nhu the nao)\b"
                      r"|\b(?:ban|bot|ad|admin|kenh) thay(?: \w+){1,8} (?:co )?(?:tot|hay|hieu qua|on|nen|dang)"
                      r" (?:khong|ko|k|hong|hok)\b")
_OPINION_HINTS = ("theo ", "nghi", "thay", "y kien", "y ban", "y bot", "y ad", "y kenh")
_OPINION_SAID = re.compile(r"\by kien\b")
# A guess or a forecast asked (folded); "đoán" typed with its mark ("đoàn", "đoạn" fold alike).
_FORECAST = re.compile(r"\bdu (?:doan|bao)\b(?! (?:nhieu|lau|gio)\b)|\btien doan\b"
                       r"|\b(?:ad|admin|ban|bot|kenh) doan\b|\bdoan (?:thu|coi|gium|giup|dum|ho)\b")
_GUESS_TYPED = re.compile(r"\bđoán\b")

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
# A fact asked before the doubt (round 15) ("Cổng … mỗi năm tiết kiệm được bao nhiêu tiền rứa, có thiệt không hay nói
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



def _asked(normalized: str, raw: str, _found: Set[str]) -> set[str]:
    if patterns.hinted(normalized, _OPINION_HINTS) and _OPINION.search(normalized):
        return {"opinion"}
    guessed = "doan " in normalized or normalized.endswith("doan") or "du bao" in normalized
    if guessed and (_FORECAST.search(normalized) or (not raw.isascii() and _GUESS_TYPED.search(_typed(raw)))):
        return {"opinion"}
    if ("theo " in normalized or "nghi" in normalized or "thay" in normalized) and _addresses_kin(normalized, raw) \
            and _YES_NO.search(normalized) and not _WH.search(normalized) and not _confirms(normalized, raw):
        return {"opinion"}
    if not raw.isascii():
        typed = unicodedata.normalize("NFC", raw).lower()
        if "nổi" in typed and _FEAT_TYPED.search(typed) and "nổi tiếng" not in typed:
            return {"opinion"}
    doubt = _DOUBT.search(normalized) if "hay " in normalized else None
    if doubt is not None and not _answered_by_fact(normalized, doubt, raw):
        return {"opinion"}
    return set()


def _typed(raw: str) -> str:
    """The message as typed, composed and lower case: what the expressions that need the marks read."""
    return unicodedata.normalize("NFC", raw).lower()


def _provided(said: Said) -> set[str]:
    return {"opinion"} if _OPINION_SAID.search(said.folded) else set()


register(_asked, _provided)
