"""What the asker heard, told vaguely: context before the question, an afterthought asked after it.

Round 15 read a clause closed by an indefinite after a verb of hearing ("Tôi có nghe chủ đề năm 2023 là gì đó.
Chủ đề năm 2026 là gì?", ``bot.nlp.clauses.told_vaguely``) as what the asker heard: beside a clause that asks, it was
dropped. Told *after* a question the asker already put, the same clause asks again of what they heard
("chuyen doi so la gi vay, …, nghe noi truoc tien la phai chuyen doi cai gi do": what is it that comes first?): the
asker adds a second, narrower question as an afterthought, and its entry is the one to offer next (issue 12: answer
the first, offer the next). One pass over the clauses (linear in their number).
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlp.clauses import told_vaguely


def vaguely_told(asks: Sequence[str]) -> list[str]:
    """The asking clauses without those told vaguely before any other clause asked; where every clause is told
    vaguely, all of them (a message of such clauses alone is still read as asking)."""
    kept: list[str] = []
    asked = False
    for clause in asks:
        vague = told_vaguely(clause)
        if not vague or asked:
            kept.append(clause)
        asked = asked or not vague
    return kept or list(asks)
