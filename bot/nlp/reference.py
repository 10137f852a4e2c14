"""What a question pointing back names: "Chương trình đó là quyết định số mấy?" after "…có chương trình của Thủ
tướng phê duyệt từ năm 2020." asks about *that* programme.

Citizens who tell a story first ask about what the story named, with a demonstrative after the noun ("chương trình
đó", "cái tổ này", "tài khoản kiểu cũ đó", "bộ đó", "năm đó"): the question alone names too little to choose an entry
("trang đó địa chỉ là gì" is any site's address), and the whole message says too much (round 12: six of dev12a's
fifteen rambling messages ended so, none was answered). In Vietnamese the demonstrative follows the noun phrase it
closes (*cái bàn này*, "this table"; W. Nguyễn Đình Hoà, *Vietnamese*, London Oriental and African Language Library
9, 1997, ch. 5; the summary in Wikipedia's "Vietnamese grammar", section *Demonstratives*), and a noun's modifiers
follow the noun (*chương trình [của Thủ tướng phê duyệt năm 2020]*). So the noun before the demonstrative is looked
up in the sentences told before, the nearest first, and the words that followed it there, up to a comma, are what
the demonstrative stands for: "Chương trình đó là…" → "Chương trình của Thủ tướng phê duyệt từ năm 2020 là…".

Round 32: a time pointed back at ("năm đó", "chủ đề năm ấy") is the time the story dated ("Năm 2022 …") and no more
of the story; the question's own pieces before the one that points back are read before the story ("… nhắc tới Ngày
Chuyển đổi số quốc gia, ông hỏi ngày đó …").

A noun the story never said ("Đó là văn bản số mấy?", "kênh này": the channel itself) is left as typed. Deterministic
and linear in the message (a handful of clauses of bounded length are scanned once per demonstrative).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from bot.nlp.normalize import fold

# typed with their marks: unmarked "do", "nay", "ay", "no" are other words ("do ai ký", "hôm nay"); "kia" is one word
DEMONSTRATIVES = frozenset({"đó", "đấy", "ấy", "này", "kia", "nọ"})
# a word before a demonstrative that heads no noun phrase of the story: function words, pronouns, numbers, question
# words and particles (folded), and the time words whose "đó / này" is deictic ("hồi đó", "lúc này", "giờ đây")
_NOT_HEADS_TEXT = ("vay the thi ma la cua cho con cai chiec nhung cac may mot hai ba bon sau muoi tram nghin van"
                   " voi va co khong ko k duoc da se dang nen roi bay hien nay ve o tai tu den toi"
                   " em e minh anh chi ong ba chu bac chau cau no ho ay do day kia"
                   " gi j nao sao dau ai bao nhieu khi nhi nhe a ha ne"
                   " hoi luc bua hom dao thoi gio dip")
_NOT_HEADS = frozenset(_NOT_HEADS_TEXT.split())
_WINDOW = 4  # words of the noun phrase before the demonstrative ("tài khoản kiểu cũ đó")
MAX_RESOLVED = 2  # demonstratives of one question looked up in the story
MAX_TAIL = 8  # words the antecedent brings ("của Thủ tướng phê duyệt từ năm 2020")
_STRIP = ".,!?;:…\"'()"


def _plain(raw: str) -> str:
    return unicodedata.normalize("NFC", raw).lower().strip(_STRIP)


def _head(words: Sequence[str], at: int) -> tuple[int, int]:
    """The run of content words closing at ``at`` (the demonstrative's index), as (start, end): up to ``_WINDOW``
    words, stopped by a function word ("Tên đầy đủ của [chương trình] đó", "cái [tổ] này", "Vậy [tài khoản kiểu
    cũ] đó") or by a number before the noun (round 15: "Năm 2025 [lễ] đó" — the year is when, not the noun; a
    number right before the demonstrative is the noun's own, "[quyết định 749] đó")."""
    start = at
    while start > max(0, at - _WINDOW) and fold(_plain(words[start - 1])) not in _NOT_HEADS \
            and _plain(words[start - 1]) and not words[start - 1].endswith(",") \
            and not (start < at and _plain(words[start - 1]).isdigit()):
        start -= 1
    return start, at


def _antecedent(head: Sequence[str], story: Sequence[tuple[list[str], list[str], list[str]]],
                dated: bool = False) -> list[str] | None:
    """Where the story last said the words ``head`` (as typed, :func:`_plain`): the raw words after them there, up
    to a comma, the end of the sentence, a question word (a story's "không còn nữa" is no part of the noun) or
    ``MAX_TAIL`` words; ``None`` when the story never said them (an occurrence that is itself followed by a
    demonstrative or "nay", "năm nay", is deictic too and skipped). ``story``: each sentence's raw, folded and plain
    words (:func:`_words`). A head word typed with its marks matches only the same word with the same marks (round
    13: "cái cổng đó" had found the "công" of "Cổng dịch vụ công quốc gia", the portal read as "quốc gia địa chỉ
    trang"); one typed without marks matches any marks, as chat writers type. ``dated``: only a mention followed by
    its number (a time noun the story dated)."""
    n = len(head)
    folded_head = [fold(w) for w in head]
    marked = [not w.isascii() for w in head]
    for raws, folded, plains in reversed(story):
        for i in range(len(raws) - n, -1, -1):
            if folded[i : i + n] != folded_head or any(
                    m and plains[i + k] != w for k, (w, m) in enumerate(zip(head, marked, strict=True))):
                continue
            if raws[i + n - 1].endswith((",", ";", ":")) or _names_a_time(plains[i : i + n]):
                return []  # said last before a comma, or a time named by its number: the noun alone names it
            after = raws[i + n : i + n + MAX_TAIL]  # not the sentence's whole rest: linear with many matches
            if dated and not (after and _plain(after[0])[:1].isdigit()):
                continue  # only a time the story named by its number ("dated", round 32)
            if after and (_plain(after[0]) in DEMONSTRATIVES or folded[i + n] in {"nay", "day"}):
                continue
            tail: list[str] = []
            if n == 1 and fold(head[0]) in _TIME_NOUNS and after and _plain(after[0])[:1].isdigit():
                # round 32: "năm đó" after "Năm 2022 con gái tui đi thi …" is 2022 and no more; a possessive after
                # the date says whose ("năm 2022 [của Ngày Chuyển đổi số quốc gia]") and is carried with it
                tail, k = _dated(after)
                if k >= len(after) or _plain(after[k]) != "của" or after[k - 1].endswith((",", ";", ":")):
                    return tail
                after = after[k:]
            elif after and _plain(after[0]) in _CLAUSE_OPENERS:
                # said last with a new clause right after it ("vô tổ vì nó …"): the noun alone. An earlier mention
                # is not read instead: what it carried ("chương trình … từ 2020") pulled a question asking another
                # year onto that mention's entry, confidently (review of round 19, H3)
                return []
            gone_to = i > 0 and plains[i - 1] in _MOTION_VERBS
            for raw in after:
                word = raw.rstrip(_STRIP)
                if _plain(word) in _CLAUSE_OPENERS:
                    break  # "tổ công nghệ số [vì nó rành …]": a new clause, no part of the noun
                if gone_to and tail and _plain(word) in _ERRAND_VERBS:
                    break  # "lên cổng dịch vụ công quốc gia [nộp hồ sơ cho mẹ]": the errand, no part of the place
                if fold(_plain(word)) in _QUESTION_WORDS:
                    if tail:
                        break  # "Bộ Thông tin và Truyền thông [không còn nữa]": the story goes on, the noun ended
                    continue  # "quyết định [nào] lấy 10/10 làm …": what it asked is no part of the noun
                if word:
                    tail.append(word)
                if raw.endswith((",", ";", ":")):
                    break
            return tail
    return None


# the nouns a citizen uses for the same thing, typed with their marks: the portal they were shown is "cái trang …"
# in the story and "cái cổng đó" in the question; the app is "app" and "ứng dụng" (each tried when the story never
# said the question's own noun)
_SAME_THING: dict[tuple[str, ...], tuple[list[str], ...]] = {
    ("cổng",): (["trang"], ["web"], ["website"]), ("trang",): (["cổng"],), ("web",): (["trang"], ["cổng"]),
    ("app",): (["ứng", "dụng"],), ("ứng", "dụng"): (["app"],),
}


# words that open a new clause after a noun, typed with their marks (unmarked "vi", "thi", "roi" are other words:
# "ví", "thí điểm", "rơi"): a noun's modifiers never begin so ("thằng con tui vô tổ vì nó rành điện thoại" says why,
# not which team; "do", "mà", "để" may begin a modifier: "chương trình do Thủ tướng phê duyệt")
_CLAUSE_OPENERS = frozenset({"vì", "nên", "nhưng", "thì", "nếu", "rồi", "bởi", "song", "chứ", "có", "là"})
# round 34: a place the speaker went to ("lên", "vào", "vô" …) and the errand done there, verb after place with no
# word between ("hôm trước e lên cổng dịch vụ công quốc gia nộp hồ sơ cho mẹ"): the motion verb, its destination,
# then the purpose's verb phrase, a serial-verb sentence (Nguyễn Đình Hoà 1997, ch. 6) — the errand says what was
# done at the place, not which place it is. Carried into "cái cổng ý khai trương năm nào", "nộp hồ sơ" pulled the
# portal's "what is it" entry level with its launch. Typed with their marks, as ``_CLAUSE_OPENERS`` (unmarked "lam",
# "xem" … are other words too); only after a destination, where a noun's own verb modifier is not expected
_MOTION_VERBS = frozenset({"lên", "vào", "vô", "tới", "đến", "ra", "qua", "xuống"})
_ERRAND_VERBS = frozenset({"nộp", "làm", "đăng", "tra", "khai", "xin", "cài", "tải", "gửi", "đóng", "xem", "coi", "đọc",
                           "tìm", "hỏi", "thanh"})
# round 31: the copula "là" and the existential "có" right after a noun open its predicate — what the story says the
# thing is or has ("cổng dịch vụ công quốc gia [có từ 2015]": one side of a bet, "ngày chuyển đổi số [là 10/10]"),
# not which thing it is (Vietnamese grammar: the subject's noun phrase, then "là" / "có" and the predicate; Nguyễn
# Đình Hoà 1997, ch. 6). Carried into the question, the claim's year outweighed the question's own words.
# A time noun followed by its number ("năm 2024", "tháng 10", "ngày 9/12") is named whole: fronted, it sets a clause
# in time ("Hồi năm 2024 [xã mở lớp …]") and what follows it is that clause, no modifier of the time
_TIME_NOUNS = frozenset({"nam", "thang", "ngay", "quy"})

# question words a story's words must not bring into the question (folded)
_QUESTION_WORDS = frozenset({"gi", "j", "nao", "sao", "dau", "ai", "bao", "nhieu", "may", "khong", "ko", "chua",
                             "hong", "nhi", "ha", "a"})


def _names_a_time(head: Sequence[str]) -> bool:
    """Whether ``head`` (plain words) is a time noun and its number ("năm 2024", "tháng 10", "ngày 9/12")."""
    return len(head) == 2 and fold(head[0]) in _TIME_NOUNS and head[1][:1].isdigit()


def _dated(after: Sequence[str]) -> tuple[list[str], int]:
    """The number that followed a time noun in the story, with the larger times that date it ("10 [năm 2024]",
    "10 [tháng 10]"), and how many of the words ``after`` they are (round 32): a time noun named by its number is
    named whole, and what follows a fronted time is the clause it sets in time ("Năm 2022 [con gái tui đi thi …]",
    ``_TIME_NOUNS``)."""
    tail = [after[0].rstrip(_STRIP)]
    k = 1
    while not after[k - 1].endswith((",", ";", ":")) and k + 1 < len(after) \
            and fold(_plain(after[k])) in _TIME_NOUNS and _plain(after[k + 1])[:1].isdigit():
        tail += [after[k], after[k + 1].rstrip(_STRIP)]
        k += 2
    return tail, k


def _words(sentence: str) -> tuple[list[str], list[str], list[str]]:
    """A story sentence's raw words, their folded and their plain forms, made once per message (each
    demonstrative's lookups scan the story up to 2 × ``_WINDOW`` times)."""
    raws = sentence.split()
    plains = [_plain(w) for w in raws]
    return raws, [fold(w) for w in plains], plains


def resolve(question: str, story: Sequence[str]) -> str:
    """``question`` with each demonstrative that closes a noun the ``story`` (the clauses told before it) named
    replaced by what followed that noun there; the question as typed when it points at nothing the story said."""
    words = question.split()
    if not any(_plain(w) in DEMONSTRATIVES for w in words[1:]):
        return question
    told = [_words(sentence) for sentence in story]
    out: list[str] = []
    changed = False
    tried = 0  # demonstratives looked up: each scans the story once (linear in a message full of "này")
    for i, raw in enumerate(words):
        if i == 0 or _plain(raw) not in DEMONSTRATIVES or tried >= MAX_RESOLVED:
            out.append(raw)
            continue
        tried += 1
        start, end = _head(words, i)
        own = _before(words, start)
        found, s, n = _looked_up(words, i, start, end, own) if own else (None, start, 0)
        if not found:  # the question's own piece before names it and says more, or the story is read as before
            found, s, n = _looked_up(words, i, start, end, told)
        if found is None:
            out.append(raw)
            continue
        changed = True
        # round 31: what the question already says after the noun ("Đề án [06] đó", "quyết định [749] đó") is not
        # said twice where the story said it there too ("Đề án 06 06 của Chính phủ" had weighed the number double)
        said = [_plain(w) for w in words[s + n : end]]
        if said and [_plain(w) for w in found[: len(said)]] == said:
            found = found[len(said) :]
        trail = raw[len(raw.rstrip(_STRIP)) :]  # "đó?" keeps its "?"
        if found:
            out.extend([*found[:-1], found[-1] + trail])
        elif trail and out:
            out[-1] += trail
    return " ".join(out) if changed else question


def _before(words: Sequence[str], start: int) -> list[tuple[list[str], list[str], list[str]]]:
    """The question's own pieces before the one that points back, read as a sentence of the story, before the story
    (round 32): "… đọc tới chỗ Ngày Chuyển đổi số quốc gia, ông hỏi ngày đó do quyết định số mấy đặt ra" names the
    Day in the piece before "ngày đó", and the story's earlier "ngày nào cũng nhờ tôi …" is no antecedent. Only the
    words up to the last comma before the noun phrase: within its own piece a noun is the phrase's own. Read first,
    and taken only where it carries words ("Ba tôi muốn vô tổ nên nhờ tôi hỏi: tổ đó …" carries none: the story's
    "tổ công nghệ số cộng đồng ở thôn" is read as before)."""
    cut = max((k for k in range(start) if words[k].endswith((",", ";", ":"))), default=-1)
    return [_words(" ".join(words[: cut + 1]))] if cut >= 0 else []


def _looked_up(words: Sequence[str], at: int, start: int, end: int,
               told: Sequence[tuple[list[str], list[str], list[str]]]) -> tuple[list[str] | None, int, int]:
    """What the demonstrative at ``at`` stands for (:func:`_antecedent`; ``None`` where the story never said its
    noun), with where its noun starts in ``words`` and how many words it is. The noun phrase runs ``start`` to
    ``end`` (:func:`_head`); the noun first, then what qualifies it ("[tài khoản] kiểu cũ đó")."""
    if fold(_plain(words[at - 1])) in _TIME_NOUNS - {"ngay"}:  # "Ngày" also names a day: "ngày [Chuyển đổi số] đó"
        # round 32: a time noun right before the demonstrative is the noun it closes — "chủ đề [năm ấy]" is the
        # theme of that year, as a noun followed by its possessor (the modifiers follow the noun: Nguyễn Đình Hoà
        # 1997, ch. 5) — and the time it points back to is one the story dated ("Năm 2022 …"); a time the story
        # never dated ("cả tháng", "năm đầu tiên") leaves the noun phrase to be read as before
        found = _antecedent([_plain(words[at - 1])], told, dated=True)
        if found is not None:
            return found, at - 1, 1
    for s in range(start, end):
        for n in (2, 1):
            if s + n <= end:
                head = [_plain(w) for w in words[s : s + n]]
                if all(head) and fold(head[0]) not in _NOT_HEADS:
                    found = _antecedent(head, told)
                    for other in _SAME_THING.get(tuple(head), ()) if found is None else ():
                        found = _antecedent(other, told)  # "cái cổng đó" after "cái trang dịch vụ công …"
                        if found is not None:
                            break
                    if found is not None:
                        return found, s, n
    return None, start, 0
