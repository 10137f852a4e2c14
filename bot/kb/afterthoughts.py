"""What the asker heard, told vaguely: context before the question, an afterthought asked after it.

Round 15 read a clause closed by an indefinite after a verb of hearing ("Tôi có nghe chủ đề năm 2023 là gì đó.
Chủ đề năm 2026 là gì?", ``bot.nlp.clauses.told_vaguely``) as what the asker heard: beside a clause that asks, it was
dropped. Told *after* a question the asker already put, the same clause asks again of what they heard
("chuyen doi so la gi vay, …, nghe noi truoc tien la phai chuyen doi cai gi do": what is it that comes first?): the
asker adds a second, narrower question as an afterthought, and its entry is the one to offer next (issue 12: answer
the first, offer the next). One pass over the clauses (linear in their number).

The afterthought is only ever offered (review 17, H1): the message is read first as round 15 did, without it, and
read again with it only where that reading is confident; the second reading stands only where it answers the same
(``only_offered``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.kb.decision import Answer
from bot.nlp.clauses import told_vaguely


def vaguely_told(asks: Sequence[str], after: bool = True) -> list[str]:
    """The asking clauses without those told vaguely before any other clause asked (and, ``after`` false, without
    those told after one either: round 15's reading); where every clause is told vaguely, all of them (a message
    of such clauses alone is still read as asking)."""
    kept: list[str] = []
    asked = False
    for clause in asks:
        vague = told_vaguely(clause)
        if not vague or (asked and after):
            kept.append(clause)
        asked = asked or not vague
    return kept or list(asks)


def only_offered(with_it: Answer, without: Answer, first_alone: Callable[[], Answer]) -> bool:
    """Whether the reading with the afterthoughts kept (``with_it``) may stand for the reading without them
    (``without``, round 15's): the afterthought may only add the entry offered next, never change what is
    answered or the reply to a question left unsure or out of scope (review 17, H1 and M1: "Chủ đề năm 2026 là
    gì? Tôi có nghe chủ đề năm 2023 là gì đó" answered the 2023 theme; "Lương hưu năm nay tăng bao nhiêu? Nghe nói
    phải cài VNeID gì đó" lost its out-of-scope reply). So it stands where it is confident and answers what the
    message without the afterthought answered, or what the first question answers alone (``first_alone``, read
    only then: "Chuyển đổi số là gì, nghe bảo có ngày gì đó" is answered "what DX is", the day offered)."""
    if not with_it.confident or with_it.entry is None:
        return False
    if without.confident and with_it.entry == without.entry:
        return True
    own = first_alone()
    return own.confident and own.entry == with_it.entry
