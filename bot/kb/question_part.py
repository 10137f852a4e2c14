"""The part of a letter's questions that asks, without the story told around it in the same sentence (round 25).

A rambling letter often runs its story and its question into one sentence joined by commas ("o ngoai ni lam lo than
Ha Long, …, la nhung cai chi rua?", "e lam o UBND xa ben Hai Duong, …, nam 2025 la bn % z"), and a question clause
then holds the story's places, names and kinds of fact: Hạ Long read as a place asked made the three pillars an
answer that "does not say Quảng Ninh". A comma piece that asks nothing (no question word, request or question mark,
``bot.nlp.clauses.is_question``) is the asker's story, not what is asked; the pieces that ask are what an entry must
say, with a short piece right before one, which may front the subject asked ("Còn ở Huế, tỷ lệ … là bao nhiêu?").
A sentence of several pieces none of which asks is kept whole (the question is then the sentence itself).

Pieces are cut at commas and sentence marks, never inside a number ("4,22", "1.000"): one pass over the text.
Round 32: and after an emoji followed by a space. In chat an emoji is punctuation: it closes what was said with the
feeling it carries, where speech would pause and writing would put a comma or a full stop ("h khách toàn quét qr 😂😂
cho c hỏi …", "ngày cds qg là ngày nào z 🤔 e lm o kcn …"; McCulloch, *Because Internet*, 2019, ch. 5; Gawne &
McCulloch, "Emoji as digital gestures", *Language@Internet* 17, 2019: emoji accompany an utterance as gestures
accompany speech). Uncut, the story before or after it stayed in the question's piece: its words, places and kinds
were read as asked, and the trained off-topic model read the asking part as the story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.nlp.clauses import is_question
from bot.nlp.normalize import fold

# round 31: a tag question asks only whether what was just told is true ("Thật rứa không?", "phải hông?", "đúng ko?"):
# "phải không", "đúng không" close a statement as English "isn't it?" does (Nguyễn Đình Hoà, *Vietnamese*, 1997, on
# question particles; Wikipedia "Vietnamese grammar", *Questions*). Its words, folded: the truth asked, the words
# around it ("có thật vậy không"), and the negation or particle that makes it a question
_TAG_TRUTH = frozenset({"that", "thiet", "dung", "phai"})
_TAG_ASK = frozenset({"khong", "hong", "ko", "k", "hem", "ha", "chang", "chu"})
_TAG_AROUND = frozenset({"co", "vay", "the", "rua", "z", "day", "a", "ak", "nhi", "nhe", "ad", "ta", "hay", "chua"})
FRONTING_WORDS = 5  # words of a piece that may front the subject asked right after it ("Còn ở thành phố Huế,")
# a cut after a sentence mark, or after a comma or full stop that no digit follows and no digit precedes; round 29:
# or that a space follows, after a number too ("… từ năm 2021, giờ …": the year closes the story's piece; only a mark
# between digits, "4,22", "1.000", is a number's own)
# round 32: or after an emoji that a space follows (pictographs, emoticons, symbols and dingbats; the variation
# selector that may end one)
_EMOJI = "\U0001F300-\U0001FAFF\u2600-\u27BF\uFE0F"
_CUT = re.compile(rf"(?<=[!?;\n])|(?<=(?<!\d)[.,])(?!\d)|(?<=[.,])(?=\s)|(?<=[{_EMOJI}])(?=\s)")


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


def only_confirms(piece: str) -> bool:
    """Whether ``piece`` is only a tag question ("Thật rứa không?", "có phải không", "đúng hông?"): it asks whether
    the story told before it is true and names nothing of its own, so a long letter's asking part read alone is the
    questions after or before it (round 31: "… Thật rứa không? Nhập vào bộ nào, từ ngày nào?")."""
    words = fold(piece).replace("?", " ").replace(",", " ").replace(".", " ").replace("!", " ").split()
    return bool(words) and len(words) <= 5 and any(w in _TAG_TRUTH for w in words) \
        and any(w in _TAG_ASK for w in words) and all(w in _TAG_TRUTH | _TAG_ASK | _TAG_AROUND for w in words)
