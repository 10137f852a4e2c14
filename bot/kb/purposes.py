"""The asker's purpose, told after the question, taken out of the message before it is ranked.

"Chuyển đổi số là gì để đưa vào bài thu hoạch": ``bot.nlp.clauses`` cuts the purpose ("để đưa vào …", "để trích dẫn
vào luận văn", ``tells_purpose``) off the question, and the message reader asks only the question. But the whole
message is ranked too, and the purpose's nouns ("bài", "luận văn", "báo cáo") are knowledge-base words: they pulled
another entry through the question's gate (review of round 17, H2). What the asker will do with the answer says
nothing of which entry answers it, so the message is read without it.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.nlp.clauses import names_subject, tells_purpose


def without_purpose(cut: Sequence[str], text: str) -> str | None:
    """``text`` without the clauses of ``cut`` that tell the asker's purpose after a clause naming its subject (as
    ``bot.kb.message.questions`` leaves them unasked), or ``None`` where there are none. Linear: each clause is found
    from where the last one ended."""
    kept: list[str] = []
    pos = 0
    dropped = False
    for i, clause in enumerate(cut):
        at = text.find(clause, pos)
        if at < 0:
            return None  # a clause not found as typed (a long message's merged tail): read as before
        if i and tells_purpose(clause) and names_subject(cut[i - 1]):
            kept.append(text[pos:at].rstrip(" ,"))  # the comma before it goes with it
            dropped = True
        else:
            kept.append(text[pos:at + len(clause)])
        pos = at + len(clause)
    if not dropped:
        return None
    rest = "".join(kept) + text[pos:]
    return rest.strip() or None
