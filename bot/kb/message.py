"""The message reader: which clauses of a message ask, and which only tell (round 12 on; docs/question-answering.md).

Citizens write their question inside a story, ask two or three things at once, or point back at what they told
("Chương trình đó là quyết định số mấy?"). These are pure functions of the text, cut into clauses by
``bot.nlp.clauses``: the clause a question points back from is read with the story's noun (``resolved_parts``),
the sentence each clause was cut from is found with its mark (``sentences_of``), and the asker's own story told in
full-stopped sentences is told apart from the questions ending on "?" (``marked``, ``unstoried``). ``questions``
puts them together: the clauses the engine (``bot.kb.reading``) reads as the message's questions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass

from bot.kb.afterthoughts import vaguely_told
from bot.kb.closings import closes
from bot.kb.reported import unreported
from bot.kb.stories import before_question
from bot.kb.subjects import SPEAKER
from bot.kb.tails import without_tails
from bot.nlp.clauses import (
    announces,
    asks_to_know,
    is_question,
    names_subject,
    self_contained,
    tells_purpose,
    tells_reason,
)
from bot.nlp.clauses import (
    asks_by_itself as clause_asks_by_itself,
)
from bot.nlp.information_asked import requests_information
from bot.nlp.introductions import without_introduction
from bot.nlp.normalize import fold
from bot.nlp.reference import resolve


def questions(parts: Sequence[str], cut: Sequence[str], text: str, sentences: Mapping[str, Sentence | None],
              ranked: Callable[[str], bool], afterthoughts: bool = True) -> list[str]:
    """The clauses of a message that ask, in order and each once: ``parts`` are the clauses ``cut`` from ``text``
    (regional words standardized), resolved (``resolved_parts``); ``sentences`` their sentences (``sentences_of``);
    ``ranked`` tells whether the ranker reads anything of a clause. A message of one clause asks nothing here (the
    whole message is its question); a message of several whose clauses ask nothing asks its last one. Without
    ``afterthoughts``, a clause told vaguely after a question is dropped too (``bot.kb.afterthoughts``)."""
    # a request that names nothing ("Tôi đang cần thông tin về việc này:") announces what follows, asks nothing
    # nor does the asker's purpose told after the request ("…, để giải thích cho phụ huynh", round 15)
    asks = [p for i, p in enumerate(parts)
            if (is_question(p) or requests_information(p)) and not (i < len(parts) - 1 and announces(p))
            and not (i and tells_purpose(p) and names_subject(parts[i - 1]))] \
        if len(parts) > 1 else []
    if len(asks) > 1:
        # a clause that asks only by the indefinite closing it ("Tôi có nghe chủ đề năm 2023 là gì đó. Chủ đề năm
        # 2026 là gì?", round 15) tells what the asker heard: the question is the other clause's
        asks = vaguely_told(asks, afterthoughts)  # one told after a question asks again (bot.kb.afterthoughts)
        asks = unreported(asks) or asks  # "nhiều đảng viên hỏi … là gì. Nhờ kênh giải thích …" (bot.kb.reported)
        asks = without_tails(asks)  # "…? ai bik chỉ e với", "…? trên kênh có nhắc không" (bot.kb.tails)
        asks = without_introduction(asks, parts)  # "e ban sua dau nanh o …, …?" (bot.nlp.introductions)
    if len(asks) > 1:
        # a clause that only holds a request phrase is context when another clause asks by itself ("Sếp giao
        # tìm hiểu kỹ. Ngày chuyển đổi số là ngày nào?"): the whole message still ranks, that question gates
        asking = [p for p in asks if asks_by_itself(p)]
        asks = asking or asks
        # round 15: a sentence of the asker's own story the writer ended with a full stop, where another ends on
        # "?" (``marked``), is context, not a question ("Tuần rồi … tôi hỏi đổi khi nào thì anh ấy cũng không
        # rõ. Vậy tài khoản cũ dùng được đến ngày nào, …?"): read as the first question, it was answered or
        # held the answer back
        # a request to know ("Tôi muốn hỏi VNeID là gì.") or not knowing ("Em chưa rõ … ở đâu.") is asked
        # whatever its mark (review of round 15, H1), and the story stays where the questions left only point
        # back at it ("… Tôi cũng không rõ. Ngày đó có nghỉ lễ không?", review of round 15, M3)
        kept = marked(asks, text)
        pointing = {p for p, typed in zip(parts, cut, strict=True) if p != typed}  # read with the story
        asks = unless_pointing_back([p for p in asks if p in kept or wonders(p) or asks_to_know(p)], asks,
                                    pointing)
    if len(asks) > 1:
        # round 15: the story told in full-stopped sentences is not asked where the questions end on "?"
        asks = unstoried(asks, sentences)
        asks = before_question(asks, sentences, lambda p: asks_anyway(p) or wonders(p))  # down to one (bot.kb.stories)
    if asks and parts[-1] not in asks and not any(asks_by_itself(p) for p in asks) \
            and not tells_reason(parts[-1]) and not tells_purpose(parts[-1]) and not closes(parts[-1]) \
            and ranked(parts[-1]):
        # a request told before ("Sếp giao tìm hiểu kỹ.", "Em cần thông tin này.") announces what ends the
        # message ("ngày cđs 2025", "Tôi cần số lượng tài khoản …"): that is the question
        asks = list(parts[-1:])
    if len(parts) > 1 and not asks:
        asks = list(parts[-1:])  # no clause asks ("…, con cháu đi làm xa. chủ đề 2024"): the last one is the question
    # a clause typed twice ("VNeID là gì? VNeID là gì?", "?? ??", "Hả? Hả?") is one question asked again
    return list(dict.fromkeys(asks))


def asks_by_itself(clause: str) -> bool:
    """Whether ``clause`` asks by itself as the message reader reads it: a question mark, a question word or an asking
    phrase (``bot.nlp.clauses.asks_by_itself``), or a request for a listed piece of information ("Cho bà xin cái địa
    chỉ trang dịch vụ công quốc gia với", ``bot.nlp.information_asked``; round 30). Such a request is said to the
    channel, in the imperative: where a letter's story holds a question word ("giấy tờ gì cũng …", "không biết vào
    trang nào"), the request is what the letter asks, and it asks as much as any question does. Read here only, not
    by the command readers' ``asks_by_itself``: there a request for information is read on its own
    (``bot.nlp.intents.plain_command``)."""
    return clause_asks_by_itself(clause) or requests_information(clause)


def resolved_parts(parts: list[str]) -> list[str]:
    """The clauses, each question pointing back at a noun the story before it named read with what the story said
    of it ("…có chương trình của Thủ tướng phê duyệt từ năm 2020. Chương trình đó là quyết định số mấy?",
    ``bot.nlp.reference``, round 12): alone it named too little, and the whole message too much."""
    if len(parts) < 2:
        return parts
    return [p if i == 0 or self_contained(p) or not is_question(p) else resolve(p, parts[:i])
            for i, p in enumerate(parts)]


def marked(asks: Sequence[str], text: str) -> list[str]:
    """The asking clauses whose places hold for the message: not a sentence of the speaker's own story the writer
    ended with a full stop when another ends on a question mark (round 14b: "Em … mới xuống Bình Dương làm công nhân
    được mấy tháng. … Tên đăng nhập VNeID là số gì vậy anh chị?" — the story's "mấy tháng" reads as a question, the
    marks tell which sentence is asked). A clause cut at a comma stays ("Hà Tĩnh có bao nhiêu tổ, bao nhiêu thành
    viên?"), and so does a full-stopped question with no speaker in it (review 14c: "Nghệ An có bao nhiêu tổ. Bao
    nhiêu thành viên?" — citizens often put "?" only on the short follow-up, which asks about the same place)."""
    if not any(p.rstrip().endswith("?") for p in asks):
        return list(asks)
    kept: list[str] = []
    pos = 0
    for part in asks:
        told, pos = _told(part, text, pos)
        if not (told and _speaker_in(part)):
            kept.append(part)
    return kept


# Where a sentence ends, for the clauses' sentences: the marks ``bot.nlp.clauses`` cuts sentences at (a full stop only
# before a space or the end: "1.000", "dichvucong.gov.vn" are one word)
_SENTENCE_END = re.compile(r"[?!;…\n]|\.(?=\s|$)")
_TOLD_MARKS = frozenset({".", "!", "\n"})


@dataclass(frozen=True, slots=True)
class Sentence:
    """The sentence of ``text`` a clause was cut from: its place among the message's sentences, the mark that ends it
    ("?", ".", … or "" where the message ends without one) and its text."""

    index: int
    mark: str
    text: str


def sentences_of(cut: Sequence[str], text: str) -> list[Sentence | None]:
    """The sentence of each clause ``cut`` from ``text`` (``None`` for one not found as typed, as a long message's
    merged tail): the sentence ends are found once and each clause's looked up by bisection (linear in the text)."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    out: list[Sentence | None] = []
    pos = 0
    for clause in cut:
        at = text.find(clause, pos)
        if at < 0 or not clause:
            out.append(None)
            continue
        pos = at + len(clause)
        i = bisect_left(ends, pos - 1)  # a clause keeps its "?": the end may be its own last character
        start = ends[i - 1] + 1 if i > 0 else 0
        stop = ends[i] if i < len(ends) else len(text)
        out.append(Sentence(i, text[stop : stop + 1], text[start:stop]))
    return out


def unstoried(asks: Sequence[str], sentences: Mapping[str, Sentence | None]) -> list[str]:
    """The asking clauses without the sentences of the asker's story (round 15): where a question ends on "?", a
    sentence ended by a full stop that tells of the speaker ("Tôi thấy bài viết của kênh năm 2022 cũng có nói về
    mấy cái hạn chế.", "Nó đi làm cả ngày, tôi sợ nó không biết làm cái gì.") reads as a question by a word of
    the story ("mấy", "cái gì") but is what the asker tells, as ``marked`` reads it for places. A clause that
    says the wish to know ("Tôi muốn hỏi VNeID là gì.") is asked, whatever its mark. Only a message left with two
    questions or more is read so: its first question is looked for, and one question alone is read as before."""
    if not any((s := sentences.get(p)) is not None and s.mark == "?" for p in asks):
        return list(asks)
    kept = [p for p in asks if (s := sentences.get(p)) is None or s.mark not in _TOLD_MARKS
            or not _speaker_in(s.text) or asks_anyway(p)]
    return kept if len(kept) > 1 else list(asks)


def asks_anyway(part: str) -> bool:
    """Whether ``part`` is asked even as a full-stopped sentence with the asker in it: it says the wish to know
    ("Tôi muốn hỏi VNeID là gì.", "em muon hoi …", ``asks_to_know``) or that the asker does not know ("Em chưa rõ
    VNeID đăng ký ở đâu.", ``_wonders_first``): ``unstoried`` keeps it (review of round 15, H2), as ``questions``'
    first filter keeps a request and any not-knowing (``wonders``: "Tôi cài rồi nhưng chưa biết ai làm ra …"). Round
    30: or it requests a piece of information ("Cho bà xin cái địa chỉ …", ``asks_by_itself``)."""
    return asks_to_know(part) or _wonders_first(part) or requests_information(part)


def _wonders_first(part: str) -> bool:
    """Whether ``part`` opens by saying the asker does not know something ("Em chưa rõ VNeID đăng ký ở đâu.", "tui
    hok bit vneid la gi"): only the speaker may come before the not-knowing, so a story's "Tôi sợ vào rồi không
    biết làm cái gì" (the fear told) stays the story."""
    folded = fold(part)
    found = _WONDERS.search(folded)
    if found is None:
        return False
    before = folded[: found.start()].split()
    return len(before) <= 2 and all(w in _STORY_SPEAKER or w in _OPENING_ADVERBS for w in before)


# the words that may come between the speaker and the not-knowing ("em vẫn chưa rõ", "mình thật không biết"), folded
_OPENING_ADVERBS = frozenset({"van", "that", "cung", "con", "thi"})


def unless_pointing_back(kept: Sequence[str], asks: Sequence[str], pointing: Set[str]) -> list[str]:
    """``kept`` (the asking clauses without the story), or all of ``asks`` where every clause kept points back at
    what the story named (``pointing``, the clauses resolved with it: "Ngày đó có nghỉ lễ không?") or names no
    subject: alone it asks of nothing (review of round 15, M3)."""
    if not kept or not any(self_contained(p) and p not in pointing for p in kept):
        return list(asks)
    return list(kept)


def first_two(asks: Sequence[str], sentences: Mapping[str, Sentence | None]) -> list[str]:
    """The two questions read of a message asking more than two (latency: ``MAX_READINGS``): the first and the one
    after it where both are of one sentence ending on "?" ("… gồm những ai, ai ra quyết định lập, và tổ làm những
    việc gì?": the citizen asks them in turn, the first is answered and the next offered, round 15); else the
    first and the last, as before (a rambling message whose context sentences read as questions asks last)."""
    return [asks[0], asks[1]] if together(asks[0], asks[1], sentences) else [asks[0], asks[-1]]


def together(first: str, then: str, sentences: Mapping[str, Sentence | None]) -> bool:
    """Whether the questions ``first`` and ``then`` are of one sentence that ends on "?" (asked in turn)."""
    one, other = sentences.get(first), sentences.get(then)
    return one is not None and other is not None and one.mark == "?" and one.index == other.index


# Not knowing who / what / where … ("Tôi cài rồi nhưng chưa biết ai làm ra cái ứng dụng này."): a question asked
# indirectly, even in a full-stopped sentence of the asker's story (folded; not "mấy": "không biết mấy cái này")
# "chưa biết gì", "không hiểu gì": knows nothing, no wish to know (the verb right before "gì" ends the clause's sense)
_WONDERS = re.compile(r"\b(?:khong|chua|ko|k|hong|chang|cha) (?:biet|ro|nho|hieu)\b(?! (?:gi|j)\b)(?: \S+){0,6}? "
                      r"(?:ai|gi|nao|dau|sao|bao nhieu|khi nao|bao gio)\b")


def wonders(part: str) -> bool:
    """Whether ``part`` asks by saying the asker does not know something (see ``_WONDERS``), round 15."""
    return _WONDERS.search(fold(part)) is not None


def _told(part: str, text: str, pos: int = 0) -> tuple[bool, int]:
    """Whether ``part`` is a sentence of ``text`` ended by a full stop or an exclamation mark, searched from ``pos``
    (the clauses come in order: each search starts where the last match ended, so the whole walk is linear and a
    repeated clause is judged by its own mark), and where to search next."""
    at = text.find(part, pos)
    if at < 0:
        return False, pos
    after = mark = at + len(part)
    while mark < len(text) and text[mark] == " ":  # the mark after the spaces, read in place (no copy of the rest)
        mark += 1
    return text[mark : mark + 1] in {".", "!", "\n"}, after


# The first-person pronouns of a story sentence, folded (``bot.kb.subjects.SPEAKER``) but for "to": folded, "tớ" is
# also "tổ", the team a question counts ("Nghệ An có bao nhiêu tổ.").
_STORY_SPEAKER = SPEAKER - {"to"}


def _speaker_in(part: str) -> bool:
    """Whether the speaker tells of themself in ``part`` (a first-person pronoun): only then is a full-stopped
    sentence the asker's story rather than a question written without its mark."""
    return any(t in _STORY_SPEAKER for t in fold(part).split())


def last_asking(parts: Sequence[str], question: str) -> bool:
    """Whether ``question`` is the last clause of ``parts`` that asks anything (what follows it, if anything, is
    thanks or the asker's own life: "Cảm ơn ạ.", "Mình cần gấp cho bài thuyết trình.")."""
    after = parts[parts.index(question) + 1 :] if question in parts else ()
    return not any(is_question(p) for p in after)


def points_back(parts: Sequence[str], asks: Sequence[str]) -> bool:
    """The message's one question ends it, after a sentence, and names nothing by itself ("Mục tiêu đó là gì?")."""
    return len(asks) == 1 and len(parts) > 1 and asks[0] == parts[-1] and not self_contained(asks[0])

