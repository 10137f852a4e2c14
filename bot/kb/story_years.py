"""The years of the asker's own story, which a question does not ask (round 26, mixed26).

A citizen typing in chat runs what they did into the question's sentence with commas: "tai khoan dich vu cong qg cua
tui lam tu hoi 2022 gio dang nhap hong dc nua, …, tu ngay nao z". The year 2022 is when the asker made the account,
not a year the answer must name, yet read as asked (``year:2022``) it kept the login entry, which names no 2022, from
answering. Round 15 keeps the years a message tells around its question ("Năm 2025 lễ đó tổ chức rồi. Vào ngày
nào?" borrows 2025), and that holds for a year of the topic; a year the speaker tells of their own life is another
thing. Here a year is the speaker's story when every comma piece that names it asks nothing (``bot.nlp.clauses
.is_question``) and is told by the speaker — a first-person pronoun in it (``bot.kb.subjects.SPEAKER``), not asking,
knowing or hearing ("tui nghe nói năm 2025 …" reports the topic) — and no asking piece points back at a year ("năm
đó", "hồi ấy", "lúc đó": the question borrows it). One pass over the pieces.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.kb.asks.dates import years_asked
from bot.kb.question_part import pieces
from bot.kb.subjects import SPEAKER, reports
from bot.nlp.clauses import is_question
from bot.nlp.normalize import fold

# a question pointing back at a time its context told (folded): "năm đó", "hồi ấy", "lúc đó", "khi đấy", "thời điểm đó"
_BACK_TO_A_YEAR = re.compile(r"\b(?:nam|hoi|luc|khi|thoi diem|dot|dip) (?:do|ay|day)\b")


def story_years(text: str, analysed: Callable[[str], str]) -> frozenset[str]:
    """The ``year:NNNN`` kinds that ``text`` names only in pieces of the speaker's own story (see the module
    docstring); ``analysed`` gives a piece's analysed text (the caller's cache)."""
    told: set[str] = set()
    asked: set[str] = set()
    for piece in pieces(text):
        years = years_asked(analysed(piece))
        if is_question(piece):
            if _BACK_TO_A_YEAR.search(fold(piece)):
                return frozenset()
            asked.update(years)
        elif years:
            # round 29: the teller read as analysed, like the years ("tooi cos taif khoanr … tuwf nawm 2021," typed
            # in Telex is "tôi có tài khoản … từ năm 2021")
            (told if _told_by_speaker(analysed(piece).split()) else asked).update(years)
    return frozenset(told - asked)


# folded, "tớ" is "tổ", "tao" is "tạo" (tạo tài khoản) and "mình" also "ours" of a country ("Việt Nam mình năm
# 2024 …"): not a teller here
_TELLERS = SPEAKER - {"to", "tao", "minh"}


def _told_by_speaker(words: list[str]) -> bool:
    """Whether a first-person pronoun tells the piece, neither asking, knowing nor hearing right after it."""
    return any(word in _TELLERS and not reports(words, i + 1, len(words)) for i, word in enumerate(words))
