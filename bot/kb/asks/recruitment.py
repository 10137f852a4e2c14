"""A job or a recruitment asked (registered with ``bot.kb.asks``): the kind ``recruitment``.

"Cổng thông tin tuyển dụng công chức tỉnh mình năm ni mở chưa rứa, nộp hồ sơ ở mô?" was answered with what the
national public-service portal is: "cổng", "nộp hồ sơ" are its words, but a civil-service recruitment (its exam, its
portal, its papers) or a job sought is a province's or an employer's, and no entry states one. Read (folded):
"tuyển dụng", "thi (tuyển) công chức / viên chức", "tuyển công chức / viên chức / nhân viên / lao động / cán bộ",
"xin việc", "tìm / kiếm việc (làm)", "việc làm thêm / online / tại nhà". Not "tuyển thành viên" (whether a community
digital-technology team takes members is the channel's own question), nor "tuyển sinh" (an admission, round 10).
A message asking about a scam ("lừa đảo", "bị lừa") is not read: the job is the scammer's pretext. Read only in a
sentence that asks: "Tôi đang ôn thi công chức, phần kiến thức chung có chuyển đổi số. … Mục tiêu đó do nghị quyết nào
đặt ra?" tells why the asker studies. Given by an answer that speaks of recruiting or of jobs sought;
none does.
"""

from __future__ import annotations

import re
import unicodedata

from bot.kb.asking_sentences import named_where_asked
from bot.kb.asks.registry import Said, register

_RECRUIT = re.compile(r"\btuyen dung\b|\bthi tuyen\b"
                      r"|\btuyen (?:cong chuc|vien chuc|nhan vien|nhan su|lao dong|can bo)\b"
                      r"|\b(?:xin|tim|kiem) viec\b|\bviec lam (?:them|online|tai nha|thoi vu)\b")
# A civil-service exam (review of round 17, M1): folded, "thì công chức" ("Chuyển đổi số thì công chức xã phải làm
# gì", "X thì công chức nào tiếp nhận") reads "thi cong chuc" too. So "thi" is an exam only as typed without its mark in
# a marked message ("năm nay có thi công chức không"), or after a word of exams ("kỳ / đợt / ôn / dự thi công chức")
_EXAM_FOLDED = re.compile(r"\b(?:(?:ky|ki|dot|on|du|lich|cuoc) )?thi (?:cong chuc|vien chuc)\b")
_EXAM_TYPED = re.compile(r"\b(?:thi|thi tuyển|(?:kỳ|kì|đợt|ôn|dự|lịch|cuộc) thì?) (?:công chức|viên chức|cong chuc"
                         r"|vien chuc)\b")
_EXAM_WORD = re.compile(r"\b(?:ky|ki|dot|on|du|lich|cuoc) thi (?:cong chuc|vien chuc)\b")
# every match holds one ("thi công chức" holds neither "tuyen" nor "viec")
_HINTS = ("tuyen", "viec", "cong chuc", "vien chuc")
# A scam asked about (folded): the job is the scammer's pretext ("gọi bảo cài app để tuyển dụng, có phải lừa đảo
# không", "việc nhẹ lương cao … bị lừa"), and the channel's entries on scams answer it
_SCAM = re.compile(r"\blua dao\b|\b(?:bi|co phai|phai) lua\b")
_RECRUIT_SAID = re.compile(r"\btuyen dung\b|\btuyen (?:cong chuc|vien chuc|nhan vien)\b|\b(?:xin|tim) viec\b")


def _names_exam(folded: str, raw: str) -> bool:
    if _EXAM_FOLDED.search(folded) is None:
        return False
    if raw and not raw.isascii():
        return _EXAM_TYPED.search(unicodedata.normalize("NFC", raw).lower()) is not None
    return _EXAM_WORD.search(folded) is not None


def _names_recruitment(folded: str, raw: str = "") -> bool:
    return _RECRUIT.search(folded) is not None or _names_exam(folded, raw)


def asked_recruitment(normalized: str, raw: str = "") -> frozenset[str]:
    """``recruitment`` when a sentence of ``raw`` (as typed; ``normalized``: the whole question analysed and folded)
    that asks names a recruitment or a job sought (``bot.kb.asking_sentences``)."""
    if any(h in normalized for h in _HINTS) and _names_recruitment(normalized, raw) and not _SCAM.search(normalized) \
            and named_where_asked(raw, _names_recruitment):
        return frozenset({"recruitment"})
    return frozenset()


def provided_recruitment(folded_answer: str) -> frozenset[str]:
    """``recruitment`` when the answer (folded) speaks of recruiting or of a job sought."""
    return frozenset({"recruitment"}) if _RECRUIT_SAID.search(folded_answer) else frozenset()


def _asked(normalized: str, raw: str, found: object) -> frozenset[str]:
    return asked_recruitment(normalized, raw)


def _provided(said: Said) -> frozenset[str]:
    return provided_recruitment(said.folded)


register(_asked, _provided)
