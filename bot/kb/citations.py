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

Review of round 18 (H1): the source starts right after "theo / nghe" (past "như", "lời" and who speaks: "theo lời
cán bộ xã", "nghe mấy bà hàng xóm"), so "theo dõi / theo học / nghe bản tin … thì …", where the bulletin or the class
is what the question is about, is no citation. Nor is one that holds the subject ("Theo thông báo về tổ công nghệ số
thì …") or names the channel's own bulletin or news ("bản tin của kênh"), nor one whose rest names no subject of its
own ("… thì đọc ở đâu?": ``_NAMES_SUBJECT`` words besides the asking ones). "nghe" reports only by a saying verb
before any "thì" ("cho" as "cho biết", "đưa" as "đưa tin", "thông" as "thông báo").
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
_WHEN, _WHEN_WHICH = frozenset({"hom", "sang", "toi"}), frozenset({"qua", "nay", "truoc"})  # "hôm qua", "sáng nay" …
# words between the lead and the source ("theo như lời", "nghe mấy bà hàng xóm", "theo ông trưởng thôn"), at most two
_BEFORE_SOURCE = frozenset({"nhu", "loi", "may", "cac", "nhung", "ong", "ba", "anh", "chi", "chu", "bac", "co", "thay"})
# the channel's own bulletin or news, or a notice about something: the citation holds what is asked about
_TOPIC_CITED = re.compile(r"\b(?:(?:ban tin|tin tuc|thong bao)(?: \w+){0,3} (?:cua |tren )?kenh|ve)\b")
_SAYING = {"noi": "", "bao": "", "doc": "", "dua": "tin", "thong": "bao", "cho": "biet"}  # and the word each needs
# words that ask without naming a subject ("đọc ở đâu", "làm sao", "có mất phí không"): the rest needs
# ``_NAMES_SUBJECT`` words besides them
_ASKING_ONLY = frozenset({"o", "dau", "gi", "nao", "sao", "the", "lam", "bao", "nhieu", "khong", "ko", "k", "co", "la",
                          "duoc", "dc", "vay", "a", "ha", "chua", "may", "nhu", "ra", "doc", "xem", "hong", "ai"})
_NAMES_SUBJECT = 2
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
    # the lead first, folded alone (latency: most messages open with none, and their words are not folded again)
    start = 2 if fold(words[0]).strip() in _WHEN and fold(words[1]).strip() in _WHEN_WHICH else 0
    if fold(words[start]).strip() not in _LEAD:
        return None
    folded = [fold(w).strip() for w in words[:MAX_CITED + 3]]
    ascii_message = text.isascii()
    source = start + 1  # where the source starts: right after the lead, past at most two words before it
    while source < min(len(folded), start + 3) and folded[source] in _BEFORE_SOURCE:
        source += 1
    if folded[start] == "theo":
        ends = [i for i in range(start + 2, min(len(folded), start + MAX_CITED + 2)) if _then(words[i], ascii_message)]
        if not ends:
            return None
        end = ends[0]
        cited, rest_at = " ".join(folded[source:end]), end + 1
    else:  # "nghe <source> nói (là) …"
        said = [i for i in range(start + 2, min(len(folded), start + MAX_CITED + 1))
                if folded[i] in _SAYING and (not _SAYING[folded[i]] or folded[i + 1:i + 2] == [_SAYING[folded[i]]])]
        if not said:
            return None
        end = said[0]
        if any(_then(w, ascii_message) for w in words[start + 1:end]):
            return None  # "nghe bản tin … thì đọc ở đâu": the asker's own verb, after the question's subject
        cited, rest_at = " ".join(folded[source:end]), end + 1
        if _SAYING[folded[end]]:
            rest_at += 1  # "đưa tin", "thông báo", "cho biết"
        if rest_at < len(folded) and (folded[rest_at] in _SAID_THAT or _then(words[rest_at], ascii_message)):
            rest_at += 1
    if not _SOURCE.match(cited) or _TOPIC_CITED.search(cited) or rest_at >= len(words):
        return None
    rest = " ".join(words[rest_at:])
    named = sum(1 for w in fold(rest).split(maxsplit=MAX_CITED) if w.strip("?.!,") not in _ASKING_ONLY)
    return rest if named >= _NAMES_SUBJECT and is_question(rest) else None
