"""A question without a subject of its own, asked after a question the channel does not answer (round 34, issue 12).

Vietnamese drops the subject of a clause that continues the one before it (zero anaphora, "chủ ngữ ẩn"): in "thủ
tục chuyển đổi đất lúa sang trồng cây lâu năm làm ở đâu, có tốn tiền không?" the second question asks the fee *of
that procedure*. The clause splitter cuts it as a question of its own, and read alone "có tốn tiền không" is the
channel's own question about the online portal's fees, answered with confidence — while the first question, the
procedure the citizen is asking about, is one the channel does not handle (``bot.kb.outside``). The tuned sets hold
four such letters about farmland (dev24a, dev30c, dev31a, dev33c), each a story, a land procedure asked, and the fee
asked after a comma.

The rule reads the shape, not the subject: where the first question of a sentence is read as out of scope, a later
question *of the same sentence or the next one* that names nothing besides what it asks (a fee, a place, a time,
the papers, the manner: ``_PREDICATE_ONLY``) asks about the first one's subject, and the message is given the first
one's out-of-scope reading. A later question that names something of its own ("…, còn VNeID mức 2 thì sao?") keeps
its reading, and a first question the channel answers is untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from bot.kb.message import Sentence, together
from bot.kb.several import Decided

# Words (analysed and folded) a subjectless follow-up is made of: asking particles and pronouns, and the facts such a
# follow-up asks of a procedure told before it — its fee ("có tốn tiền không", "mất phí bao nhiêu"), its place ("làm
# ở đâu", "lên đâu nộp"), its time ("mấy ngày có kết quả", "bao lâu"), its papers ("cần giấy tờ gì") and its manner
# ("làm sao", "thế nào"). None names a thing the channel or anyone else handles.
_PREDICATE_WORDS = """
co khong ko k hong hok hem chua vay va a ah ha nhi nhe ne the nao sao gi j dau o mo bao nhieu may lau khi gio
duoc dc roi thi la ma con cung can phai nua luon z v hay rang ri chi nhu oi u da vang
ton mat tien phi le dong tra nop thu kem ngan
lam len di den toi xin giay to ho so tuc dang ky
ngay thang tuan xong ket qua som
minh em tui chau ad admin ban anh bac chu cac moi nguoi mn
"""
_PREDICATE_ONLY = frozenset(_PREDICATE_WORDS.split())
_MOST_WORDS = 10  # a follow-up is a short piece; a longer one tells something of its own


def names_nothing(analysed: str) -> bool:
    """Whether a question (its analysed, folded text) names nothing besides what it asks: every word is an asking
    word, a pronoun or a fact asked of a procedure (``_PREDICATE_ONLY``), and it is short."""
    words = analysed.split()
    return 0 < len(words) <= _MOST_WORDS and all(w in _PREDICATE_ONLY for w in words)


def refused_first(tried: Sequence[str], readings: Mapping[str, Decided], sentences: Mapping[str, Sentence | None],
                  analysed: Callable[[str], str]) -> Decided | None:
    """The first question's out-of-scope reading, where a later question of the same sentence that names nothing of
    its own (:func:`names_nothing`) is what would be answered; else None. ``tried``: the message's questions read
    (``bot.kb.reading``), ``readings`` their decisions, ``sentences`` their sentences, ``analysed`` a question's
    analysed text."""
    if len(tried) < 2 or not readings[tried[0]][0].out_of_scope:
        return None
    first = tried[0]
    answered = [q for q in tried[1:] if readings[q][0].confident]
    if not answered:
        return None
    if all(_continues(first, q, sentences) and names_nothing(analysed(q)) for q in answered):
        return readings[first]
    return None


def _continues(first: str, then: str, sentences: Mapping[str, Sentence | None]) -> bool:
    """Whether the question ``then`` continues ``first``: asked in turn in one sentence (``together``), or in the
    sentence right after it ("… làm ở đâu? Có tốn tiền không?": the dropped subject reaches across one full stop,
    as in speech)."""
    if together(first, then, sentences):
        return True
    one, other = sentences.get(first), sentences.get(then)
    return one is not None and other is not None and other.index == one.index + 1
