"""A question someone else asked, told in the asker's story, where the asker then makes a request of their own.

"Trong buổi sinh hoạt chi bộ, nhiều đảng viên hỏi chuyển đổi số là gì mà nói mãi. Nhờ kênh giải thích giúp định
nghĩa chuyển đổi số …": the first sentence holds a question word, so it was read as the message's question (and the
request, which asks by no question word, as context); it tells what others asked. Where a later clause is a request
that names its subject (``bot.nlp.clauses.names_subject``), that request is the question and the reported one is
the story. A reported question is a full-stopped clause (no "?") whose "hỏi" has another person named right before
it ("nhiều đảng viên", "con tôi"; not "cho / xin / muốn / cần hỏi", the asker asking, nor the asker by any name).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from bot.nlp.clauses import asks_by_itself, is_question, names_subject
from bot.nlp.normalize import fold

# words right before "hỏi" that make it the asker's own request, folded
_ASKING_NOW = frozenset({"cho", "xin", "muon", "can", "de", "duoc", "dinh", "phai", "hay", "nho", "the", "gi"})
_ASK = "hỏi"  # typed with its marks (not "hội", "hơi"); unmarked "hoi" is read as it too
# Review of round 17 (H1): whoever asks is the asker unless the words that name them say it is someone else. The
# asker calls themself "bác / chú / chị / cháu", greets first ("Chào bác, cháu hỏi …", "Anh chị ơi em hỏi …") or
# asks politely ("Tôi xin phép hỏi …"): a speaker outside a short list is no evidence of another person. Evidence is
# a group or a pointed-at person among the (at most ``_WHO``) words before "hỏi" since the last mark ("nhiều đảng
# viên", "mọi người", "bà con", "anh ấy", "người ta"; folded), or someone of the speaker's ("con tôi", "mẹ em",
# "bạn mình": a person's noun, then the speaker, with no mark between).
_OTHERS = frozenset({"nhieu", "cac", "nhung", "moi", "nguoi", "ay", "kia", "ho", "xom", "huynh", "nghiep", "vien",
                     "khach", "sinh"})
_SPEAKERS = frozenset({"toi", "tui", "em", "e", "minh", "chau", "to", "tao"})
_THEIRS = frozenset({"con", "me", "bo", "ba", "cha", "ong", "anh", "chi", "em", "ban", "vo", "chong", "chau", "co",
                     "chu", "bac", "di", "cau", "thim", "sep", "thay", "hang"})
_WHO = 3
_FOLK = "ba con"  # "bà con" (the folk around the asker), folded: others whoever follows ("Bà con có hỏi …")
# The asker's own question after a reported one (folded, at the clause's start): the speaker, then at most "thì / lại
# / cũng" and "muốn / cần", then "hỏi / biết" ("…, còn tôi muốn hỏi …", "Tôi thì hỏi …", "mà em muốn biết …")
# Review of round 18 (H2): "biết" asks only after a wish ("muốn / cần / xin biết"; "tôi biết đâu mà trả lời" tells
# what the asker does not know), and "con" opens it only as "còn" — typed with its mark, or in a message typed
# without marks ("con tôi muốn biết …" is the asker's child)
_OWN_QUESTION = re.compile(r"^(?:(?:con|ma|nhung|vay|the|con ve) )?(?:toi|tui|em|minh|chau|tao)(?: (?:thi|lai|cung))?"
                           r" (?:(?:(?:muon|can|dinh|xin) )?hoi|(?:muon|can|xin) biet)\b")
_CHILD = "con"  # typed without the mark of "còn"
_MARKS = ".,!:;…\"'()"


def reported(clause: str) -> bool:
    """Whether ``clause`` tells a question another person asked (see the module's doc)."""
    if "?" in clause:
        return False
    typed = [unicodedata.normalize("NFC", w).lower() for w in clause.split()]
    raws = [w.strip(_MARKS) for w in typed]
    for i, raw in enumerate(raws):
        if raw == _ASK or (raw == "hoi" and raw.isascii()):
            return i >= 1 and _someone_else(typed[max(0, i - _WHO):i]) and asks_by_itself(" ".join(raws[i + 1:]))
    return False


def _someone_else(before: Sequence[str]) -> bool:
    """Whether the words ``before`` "hỏi" (as typed, lower-cased) name someone other than the asker."""
    who: list[str] = []
    for word in reversed(before):  # back to the last mark: "Chào bác, cháu hỏi" names "cháu"
        if word[-1:] in _MARKS:
            break
        who.append(fold(word.strip(_MARKS)))
    who.reverse()
    if not who or who[-1] in _ASKING_NOW:
        return False
    if any(w in _OTHERS for w in who) or _FOLK in " ".join(who):
        return True
    return len(who) >= 2 and who[-1] in _SPEAKERS and who[-2] in _THEIRS


def unreported(asks: Sequence[str]) -> list[str]:
    """``asks`` without the reported questions (:func:`reported`) that a later request naming its subject, or the
    asker's own question ("…, còn tôi muốn hỏi …"), follows."""
    keep: list[str] = []
    requested = False  # a request naming its subject comes later (read from the end: each clause judged once)
    for clause in reversed(asks):
        if not (requested and reported(clause)):
            keep.append(clause)
        requested = requested or (not asks_by_itself(clause) and is_question(clause) and names_subject(clause)) \
            or _own_question(clause)
    return keep[::-1]


def _own_question(clause: str) -> bool:
    """Whether ``clause`` opens with the asker's own question ("…, còn tôi muốn hỏi …"; see ``_OWN_QUESTION``)."""
    first = unicodedata.normalize("NFC", clause.split(maxsplit=1)[0]).lower() if clause.strip() else ""
    if first == _CHILD and not clause.isascii():
        return False
    return _OWN_QUESTION.search(fold(clause)) is not None and is_question(clause) and names_subject(clause)
