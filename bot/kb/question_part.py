"""The part of a letter's questions that asks, without the story told around it in the same sentence (round 25).

A rambling letter often runs its story and its question into one sentence joined by commas ("o ngoai ni lam lo than
Ha Long, …, la nhung cai chi rua?", "e lam o UBND xa ben Hai Duong, …, nam 2025 la bn % z"), and a question clause
then holds the story's places, names and kinds of fact: Hạ Long read as a place asked made the three pillars an
answer that "does not say Quảng Ninh". A comma piece that asks nothing (no question word, request or question mark,
``bot.nlp.clauses.is_question``) is the asker's story, not what is asked; the pieces that ask are what an entry must
say, with a short piece right before one, which may front the subject asked ("Còn ở Huế, tỷ lệ … là bao nhiêu?").
A sentence of several pieces none of which asks is kept whole (the question is then the sentence itself).

Pieces are cut at commas and sentence marks, never inside a number ("4,22", "1.000"): one pass over the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.nlp.clauses import is_question

FRONTING_WORDS = 5  # words of a piece that may front the subject asked right after it ("Còn ở thành phố Huế,")
# a cut after a sentence mark, or after a comma or full stop that no digit follows and no digit precedes; round 29:
# or that a space follows, after a number too ("… từ năm 2021, giờ …": the year closes the story's piece; only a mark
# between digits, "4,22", "1.000", is a number's own)
_CUT = re.compile(r"(?<=[!?;\n])|(?<=(?<!\d)[.,])(?!\d)|(?<=[.,])(?=\s)")


def pieces(clause: str) -> list[str]:
    """The comma pieces of ``clause``, each with its own punctuation (a question mark stays with its piece)."""
    return [p.strip() for p in _CUT.split(clause) if p.strip()]


def fronts(piece: str) -> bool:
    """Whether ``piece``, right before an asking piece, may front the subject asked ("Còn ở Huế, tỷ lệ … là bao
    nhiêu?", "Riêng tỉnh Quảng Ninh, …"): a few words. The story's pieces tell a life and are longer ("o ngoai ni
    lam lo than Ha Long,", seven)."""
    return len(piece.split()) <= FRONTING_WORDS


def asking_pieces(asks: Sequence[str]) -> list[str]:
    """Of each question clause in ``asks``, the pieces that ask and a short piece right before one (:func:`fronts`);
    a clause none of whose pieces asks alone stays whole (the clause asks as a whole: "Cho tôi hỏi, năm 2025 …")."""
    found: list[str] = []
    for clause in asks:
        cut = pieces(clause)
        asks_here = [is_question(p) for p in cut] if len(cut) > 1 else [True]
        if not any(asks_here):
            found.append(clause)
            continue
        found.extend(p for i, p in enumerate(cut) if asks_here[i] or (
            i + 1 < len(cut) and asks_here[i + 1] and fronts(p)))
    return found
