"""The asker introducing themself before the question, with only a comma between ("e chạy xe ôm ở Bình Dương, ba trụ
cột của cđs là gì vậy?", "tui lam ruong o Dong Thap, …?", "chị buôn vải ở chợ …, …?").

Chat writers say who they are and what they do in the question's own sentence. Read as one clause, the stall, the
school, the market are words of the question the right entry does not explain (its coverage falls under the
floors). ``bot.nlp.clauses`` cuts at that comma when the words before it introduce the asker — a first person, or
the kin term the asker calls themself by, then a verb of their life (selling, working, living, teaching, studying)
— and the sentence after it asks and ends on "?": the introduction is context, as round 13's "…, em là giáo viên
mầm non ở Thuận Thành, cho em hỏi …" was. Only the sentence's first words are read (constant work per comma).

The words are in ``content/introductions.toml``. A word typed with its marks counts only with the same marks: "Tổ
làm những việc gì", "Có bán ở đâu", "Đi làm ở đâu", "Còn làm ở xã" are no one introducing themself (their folded
forms are "tớ", "cô", "dì", "con"). Typed without marks, "to / chi / co / di / con / ba / ong / cau" are everyday
words as often as persons ("to lam nhung viec gi" is the team's work): in a clause typed with marks elsewhere the
word is read as typed ("Con làm ở Hà Nội" introduces), in a wholly unmarked clause it introduces only where the clause
asks nothing (``_look_alike``: place names such as "ha", "hong", "dau" ask only as the clause's last word).
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol

from bot.nlp.normalize import fold

_FILE = Path(__file__).resolve().parents[2] / "content" / "introductions.toml"
_LOOK = 3  # words read after who
_STRIP = ".,!?;:…\"'()"


class _Decision(Protocol):
    confident: bool
    out_of_scope: bool


class _Words(NamedTuple):
    """One word class of content/introductions.toml: its words typed with marks, and their plain forms."""

    marked: frozenset[str]
    plain: frozenset[str]

    def has(self, raw: str) -> bool:
        """Whether the word as typed is one of the class: with its marks where it has any, else its plain form."""
        word = unicodedata.normalize("NFC", raw).lower().strip(_STRIP)
        return word in self.marked if not word.isascii() else word in self.plain


class _Vocabulary(NamedTuple):
    who: _Words
    ambiguous: frozenset[str]
    asks: frozenset[str]
    asks_at_end: frozenset[str]
    closing: frozenset[str]
    between: _Words
    life: _Words
    subjectless: _Words


def _class(words: list[str], chat: list[str] = ()) -> _Words:  # type: ignore[assignment]
    marked = frozenset(unicodedata.normalize("NFC", w).lower() for w in words)
    return _Words(marked, frozenset(fold(w) for w in marked) | frozenset(chat))


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    data = tomllib.loads(_FILE.read_text(encoding="utf-8"))
    return _Vocabulary(_class(data["who"], data.get("who_chat", [])), frozenset(data["ambiguous_unmarked"]),
                       frozenset(data["asks"]), frozenset(data["asks_at_end"]), frozenset(data["closing"]),
                       _class(data["between"]), _class(data["life"]), _class(data["subjectless"]))


def closing_particles() -> frozenset[str]:
    """The particles that may close a question after its question word, folded (``closing``: "vay", "a", "nhi")."""
    return _vocabulary().closing


def _look_alike(words: list[str], vocabulary: _Vocabulary) -> bool:
    """Whether the clause's first word, an everyday word typed without marks that looks like a person
    (``ambiguous_unmarked``), is no one introducing themself. Where the clause carries marks elsewhere the word is
    read as typed ("Con làm ở Hà Nội": con; "Co làm ở xã": no one). Wholly unmarked, it is no one where the clause
    asks: a word of ``asks`` anywhere, or of ``asks_at_end`` last before closing particles ("ha", "dau" in the
    middle are Hà, đầu mối: "chi ban rau o cho ha dong"). One pass over the clause."""
    first = words[0].strip(_STRIP).lower()
    if not first.isascii() or fold(first) not in vocabulary.ambiguous:
        return False
    plain = [w.strip(_STRIP).lower() for w in words]
    if not all(w.isascii() for w in plain):
        return first not in vocabulary.who.marked
    if any(w in vocabulary.asks for w in plain):
        return True
    for word in reversed(plain):
        if word in vocabulary.asks_at_end:
            return True
        if word not in vocabulary.closing:
            return False
    return False


def _opens_life(words: list[str], who: _Words, vocabulary: _Vocabulary) -> bool:
    """Whether ``words`` open with a word of ``who``, then within ``_LOOK`` words a verb of life, with only
    ``between`` words before it."""
    if len(words) < 3 or not who.has(words[0]):
        return False
    for word in words[1 : 1 + _LOOK]:
        if vocabulary.life.has(word):
            return True
        if not vocabulary.between.has(word):
            return False
    return False


def points_forward(clause: str) -> bool:
    """Whether ``clause`` asks with no subject of its own: opened by a look-alike that is no noun (``subjectless``:
    "Có / Còn / Chỉ / Đi", typed with or without marks) and a verb of life ("Có làm ở xã được không", "co lam duoc
    tren dien thoai ko"), with no "?" and no comma. It asks about the noun the next clause names ("…, chữ ký số cấp
    ở đâu?"): read alone it matches whatever help entry it resembles (review of round 19, H2)."""
    return "?" not in clause and "," not in clause and _opens_life(clause.split(), _vocabulary().subjectless,
                                                                   _vocabulary())


def introduces(left: str) -> bool:
    """Whether ``left`` (a sentence's words before its first comma) opens with the asker introducing themself: who,
    then within ``_LOOK`` words a verb of their life, with only ``between`` words before it (content/
    introductions.toml). The caller checks that ``left`` asks nothing and the words after the comma ask."""
    words = left.split()
    if len(words) < 3:
        return False
    vocabulary = _vocabulary()
    if not vocabulary.who.has(words[0]):
        return False
    for word in words[1 : 1 + _LOOK]:
        if vocabulary.life.has(word):
            return not _look_alike(words, vocabulary)
        if not vocabulary.between.has(word):
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
    nothing. So does a first clause that names no subject of its own (``points_forward``): the next clause asks it
    with its noun. A clause with "?" is kept, and so is one that goes on after a comma (it asks more)."""
    if len(asks) < 2 or not parts or asks[0] != parts[0] \
            or not (only_introduces(asks[0]) or points_forward(asks[0])):
        return asks
    return asks[1:]
