"""The asker introducing themself before the question, with only a comma between ("e chạy xe ôm ở Bình Dương, ba trụ
cột của cđs là gì vậy?", "tui lam ruong o Dong Thap, …?", "chị buôn vải ở chợ …, …?").

Chat writers say who they are and what they do in the question's own sentence. Read as one clause, the stall, the
school, the market are words of the question the right entry does not explain (its coverage falls under the
floors). ``bot.nlp.clauses`` cuts at that comma when the words before it introduce the asker — a first person, or
the kin term the asker calls themself by, then a verb of their life (selling, working, living, teaching, studying)
— and the sentence after it asks and ends on "?": the introduction is context, as round 13's "…, em là giáo viên
mầm non ở Thuận Thành, cho em hỏi …" was. Only the sentence's first words are read (constant work per comma).
"""

from __future__ import annotations

from typing import Protocol

from bot.nlp.normalize import fold


class _Decision(Protocol):
    confident: bool
    out_of_scope: bool

# who introduces themself (folded): chat's first persons, and the kin terms a speaker calls themself by
_WHO = frozenset({"toi", "tui", "em", "e", "minh", "mik", "mk", "t", "chau", "con", "to", "chi", "anh", "co", "chu",
                  "bac", "ong", "ba", "di", "cau"})
# what may come between who and the verb ("em thì đang làm …", "tui hiện bán …", "mình cũng làm …")
_BETWEEN = frozenset({"thi", "dang", "hien", "cung", "van", "moi", "hay", "chuyen", "la", "vua"})
# the verbs of the asker's life (folded): selling, trading, working, living, teaching, studying, running, raising
_LIFE = frozenset({"ban", "buon", "lam", "o", "song", "day", "hoc", "chay", "mo", "nuoi", "trong", "may", "phu"})
_LOOK = 3  # words read after who


def introduces(left: str) -> bool:
    """Whether ``left`` (a sentence's words before its first comma) opens with the asker introducing themself: who
    (``_WHO``), then within ``_LOOK`` words a verb of their life (``_LIFE``), with only ``_BETWEEN`` words before
    it. The caller checks that ``left`` asks nothing and the words after the comma ask."""
    words = fold(left).split()[: 1 + _LOOK]
    if len(words) < 3 or words[0] not in _WHO:
        return False
    for word in words[1:]:
        if word in _LIFE:
            return True
        if word not in _BETWEEN:
            return False
    return False


def only_introduces(clause: str) -> bool:
    """Whether ``clause`` is only the asker's introduction, cut off the question (``introduces``, no "?", no comma:
    "Tôi ở Phú Yên, tháng sau phải đi làm lại căn cước …" goes on telling and is not only that)."""
    return "?" not in clause and "," not in clause and introduces(clause)


def confidently_in_scope(alone: _Decision) -> bool:
    """Whether the question read alone, without the introduction, is answered and is the channel's: then who the
    asker is (Shopee, a province, a school) does not make it off-topic (review of round 18, H3: "Tôi bán hàng trên
    Shopee. Thanh toán không dùng tiền mặt là gì?")."""
    return alone.confident and not alone.out_of_scope


def without_introduction(asks: list[str], parts: list[str]) -> list[str]:
    """The asking clauses without the message's first clause where it only introduces the asker ("e ban dau phu o
    cho, …": unmarked "dau" (đậu, beans) reads as "đâu", where) and other clauses ask: who the asker is asks
    nothing. A clause with "?" is kept, and so is one that goes on after a comma (it asks more)."""
    if len(asks) < 2 or not parts or asks[0] != parts[0] or not only_introduces(asks[0]):
        return asks
    return asks[1:]
