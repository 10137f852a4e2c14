"""The source the asker cites before the question, taken out of the message before it is ranked.

"Theo loa xã thông báo thì tổ công nghệ số làm gì?", "Theo đài truyền hình thì …", "Nghe đài nói …": where the asker
heard of the topic says nothing of which entry answers it. Its words are no stop phrase everywhere ("thông báo" is also
what a portal's first services announce), and "theo … thông báo thì" thinned the question until the team's tasks were
only offered. A citation after the question is read by ``bot.nlp.clauses.cites_source``; this reads one before it:

* "theo (như) <source …> thì <question>" — at most ``MAX_CITED`` words between "theo" and "thì", one of them a
  source: a loudspeaker, radio or television, the press ("báo", not "báo cáo"), a notice, a bulletin, an official of
  the commune or village, the neighbours, social media ("theo kế hoạch / quyết định … thì" names a document the
  question is about, and is kept);
* "nghe <source …> nói / bảo / đọc / đưa tin / thông báo (là / rằng) <question>" — the same source words.

"thì" is read as typed, or unmarked in a message typed without marks. The rest must ask (``bot.nlp.clauses``).
Linear: the lead is read on the message's first words only.
"""

from __future__ import annotations

import re

from bot.nlp.clauses import is_question
from bot.nlp.normalize import fold

MAX_CITED = 8  # words a citation holds between "theo / nghe" and the question
# what cites (folded): a source the asker heard it from
_SOURCE = re.compile(r"\b(?:loa|dai|tivi|ti vi|tv|truyen hinh|phat thanh|radio|bao(?! cao| nhieu| lau| gio| ve)"
                     r"|ban tin|thong bao|tin tuc|can bo|truong (?:thon|ap|ban|xom|khu pho)|hang xom|nguoi ta"
                     r"|mang xa hoi|facebook|zalo|youtube)\b")
_LEAD = frozenset({"theo", "nghe"})
_SAYING = frozenset({"noi", "bao", "doc", "dua", "thong", "cho"})  # "nói / bảo / đọc / đưa tin / thông báo / cho biết"
_SAID_THAT = frozenset({"la", "rang"})
_THEN = "thì"  # as typed (a word of the message, not a phrase of the bot's)


def _then(typed: str, ascii_message: bool) -> bool:
    word = typed.lower().strip(",.:;")
    return word == _THEN or (ascii_message and word == "thi")


def without_citation(text: str) -> str | None:
    """``text`` without the citation it opens with (see the module's doc), or ``None`` where it opens with none."""
    words = text.split(maxsplit=MAX_CITED + 4)
    if len(words) < 3:
        return None
    folded = [fold(w).strip() for w in words[:MAX_CITED + 3]]
    start = 2 if folded[0] in {"hom", "sang", "toi"} and folded[1] in {"qua", "nay", "truoc"} else 0
    if start >= len(folded) or folded[start] not in _LEAD:
        return None
    ascii_message = text.isascii()
    if folded[start] == "theo":
        ends = [i for i in range(start + 2, min(len(folded), start + MAX_CITED + 2)) if _then(words[i], ascii_message)]
        if not ends:
            return None
        end = ends[0]
        cited, rest_at = " ".join(folded[start + 1:end]), end + 1
    else:  # "nghe <source> nói (là) …"
        said = [i for i in range(start + 2, min(len(folded), start + MAX_CITED + 1)) if folded[i] in _SAYING]
        if not said:
            return None
        end = said[0]
        cited, rest_at = " ".join(folded[start + 1:end]), end + 1
        if folded[end] in {"dua", "thong", "cho"}:
            rest_at += 1  # "đưa tin", "thông báo", "cho biết"
        if rest_at < len(folded) and (folded[rest_at] in _SAID_THAT or _then(words[rest_at], ascii_message)):
            rest_at += 1
    if not _SOURCE.search(cited) or rest_at >= len(words):
        return None
    rest = " ".join(words[rest_at:])
    return rest if is_question(rest) else None
