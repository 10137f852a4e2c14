"""Which words of a question carry its topic, which are chat scaffolding, and which decide between neighbours.

Why tone-aware: folded forms conflate filler and content ("hỏi"/"hội", "bạn"/"bản", "để"/"đề", "đi"/"di",
"tôi"/"tối", "thế"/"thẻ", "đã"/"đá"). A syllable the user typed with marks is filler only if its tone key is a
filler's key; an unmarked one that folds like a filler is *optional*: it counts for an entry only where that
entry uses it next to a content word ("chu de" → "chủ đề", not "để"). Ambiguous abbreviations with a filler
reading ("mk" = mật khẩu | mình, "bn" = bao nhiêu | bạn) are optional in the same way, so a chatty prefix
("ad ơi", "cho mk hỏi", "bot ơi") never dilutes coverage.

Discriminators are the words that tell neighbouring entries apart although everything else is shared: numbers
(2025 vs 2030, mức 1 vs mức 2) and stopping verbs (đăng ký vs hủy đăng ký).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from bot.nlp.normalize import Analysis, Unit, analyze, fold, split_tone, syllable_key

# Question scaffolding, politeness, pronouns and chat addresses, written with their marks.
STOP_TEXT = """
à ạ á ả ơi ờ ừ ừm ư ah vậy vầy nhé nha nhá hả hở ha hen cho mình hỏi xin tôi tui em anh chị bạn
có là gì nào thì không hông được của và với như thế này đó ấy ở về các những một cần muốn biết giúp hay rồi đi
nhỉ sao vui lòng dùm giùm nè dạ đã khi bao giờ ok oke cám cảm ơn cái nữa để phải ra vô luôn đây kia hem sẽ đang lắm
ad admin shop
mấy nhiêu bao bây giờ hiện nay khoảng chừng cụ thể còn ta nói nghe bảo thưa phép chút thắc mắc theo lúc hồi bữa
thứ đấy cơ chứ chớ ấy mọi người mn cô chú bác ông bà cụ cháu con em anh chị quý vị dạ vâng
e
hihi hehe haha hic hix
"""
# Folded fillers that have no common content reading: never optional, always ignored.
PURE_FILLER = frozenset({
    "a", "ah", "oi", "u", "um", "nhe", "nha", "gi", "khong", "hong", "duoc", "cua", "voi", "nhung", "cac",
    "minh", "xin", "tui", "muon", "biet", "giup", "roi", "nhi", "vui", "dum", "gium", "ne", "ok", "oke",
    "cam", "on", "nua", "phai", "luon", "hem", "vay", "admin", "ad", "shop", "nao", "sao", "nhu", "la",
    "va", "ay", "em", "nhieu", "mn", "chut", "thua",
    "e",  # chat's "em" typed as one letter ("dạ e chào ad"): no word of the KB folds to it
    # round 14: chat laughter and sighs ("… lười tra qá hihi"), no word of the KB
    "hihi", "hehe", "haha", "hic", "hix",
})
# Multi-word question scaffolding: ignored as a whole although its words carry content elsewhere ("làm" in
# "làm định danh", "nghĩa" in "ý nghĩa", "kênh" in "kênh Zalo"). A phrase is not scaffolding after one of its
# blockers ("ý nghĩa là", "định nghĩa là") nor after an abbreviation ("CĐS nghĩa là gì" asks what the letters
# stand for).
# Verbs asking for an answer, after which how briefly or plainly it is wanted is not the subject ("giải thích ngắn
# gọn", "được hiểu một cách nôm na"; "được hiểu" is read by "hiểu"). Not "kể": telling a story briefly is the subject
# of the channel's advice on stories.
_ANSWER_VERBS = ("hiểu", "nói", "trả lời", "tóm tắt", "giải thích", "trình bày", "biết", "viết", "định nghĩa",
                 "diễn giải")
STOP_PHRASES: dict[str, frozenset[str]] = {
    "nghĩa là": frozenset({"y", "dinh", "co"}), "có nghĩa là": frozenset({"y", "dinh"}),
    "làm sao": frozenset(), "làm thế nào": frozenset(), "làm như thế nào": frozenset(),
    "hiểu thế nào": frozenset({"khong"}), "hiểu như thế nào": frozenset({"khong"}),
    "giải thích": frozenset(), "chưa hiểu": frozenset(), "ad ơi": frozenset(), "bot ơi": frozenset(),
    "kênh ơi": frozenset(), "bạn ơi": frozenset(),
    # questions of quantity and need phrases: how the question is asked, not what about
    "phần trăm": frozenset(), "bao nhiêu": frozenset(), "số mấy": frozenset(), "thứ mấy": frozenset(),
    "thông tin về": frozenset({"toan", "nghe", "mat", "lo", "cong"}), "cần thông tin": frozenset(),
    "tìm hiểu": frozenset(), "muốn hiểu": frozenset(), "muốn hỏi": frozenset(),
    # round 13: finding out whether ("hiểu xem", "biết xem", "hỏi xem": "Tui muốn hiểu coi tới năm 2030 …", "coi"
    # being Southern and Central "xem"), and being curious ("mới tò mò"), like "thắc mắc": how it is asked
    "hiểu xem": frozenset(), "biết xem": frozenset(), "hỏi xem": frozenset(), "tò mò": frozenset(),
    "cho hỏi": frozenset(), "xin hỏi": frozenset(),
    "người ta": frozenset(), "nghe nói": frozenset(), "nghe bảo": frozenset(), "xin phép": frozenset(),
    # what people often say, before the question ("Người ta hay nói chuyển đổi số trước tiên là chuyển đổi cái gì?"),
    # hearsay like "nghe nói": "người ta" was dropped, "hay nói" ranked entries that say "nói"
    **{f"người ta {often} {say}": frozenset() for often in ("hay", "thường", "vẫn", "cứ") for say in ("nói", "bảo")},
    # round 13: hearsay seen on television ("coi tivi thấy nói …") like "nghe nói", and the exclamation opening a
    # spoken message ("chời ơi", the Southern "trời ơi")
    "thấy nói": frozenset(), "thấy bảo": frozenset(), "trời ơi": frozenset(), "chời ơi": frozenset(),
    "làm ơn": frozenset(), "chỉ giúp": frozenset(), "chỉ giùm": frozenset(), "chỉ dùm": frozenset(),
    "nói thật": frozenset(), "thật tình": frozenset(), "thật ra": frozenset(),  # "to be honest", "in fact"
    # round 7 (qa7r): hearsay ("… mà ai cũng nói", "thấy ai cũng nhắc"), framing like "nghe nói"
    "ai cũng nói": frozenset(), "ai cũng nhắc": frozenset(), "ai cũng bàn": frozenset(),
    # a statement of need for figures ("Tôi cần số liệu …", "xin số liệu …") asks how many, like "bao nhiêu"
    "cần số liệu": frozenset(), "xin số liệu": frozenset(),
    # asking the room ("Ai biết nói giúp …", "có ai biết …") and "tell me" ("nói giúp", "nói giùm")
    "ai biết": frozenset(), "nói giúp": frozenset(), "nói giùm": frozenset(), "nói dùm": frozenset(),
    # round 9 (qa9in): a greeting before the question ("Cháu chào các bác, cho cháu hỏi …", "dạ e chào ad"): the
    # greeting and whom it greets, never "chào" alone ("chương trình chào mừng" is the KB's own words)
    **{f"chào {whom}": frozenset() for whom in (
        "ad", "admin", "anh", "chị", "em", "bạn", "các", "cô", "chú", "bác", "ông", "bà", "mọi", "cả", "kênh", "bot",
        "quý", "thầy", "mấy", "cháu", "con")},
    "xin chào": frozenset(), "kính chào": frozenset(),
    # when the citizen heard it and which of two they heard ("hôm qua … nói …, hay là …", "nghe lộn quá"): how it
    # is told, not what about ("đúng không" stays a word: dropped, a look-alike asking a check was answered)
    "hôm qua": frozenset(), "hôm trước": frozenset(), "dạo này": frozenset(),
    "hay là": frozenset(), "lộn quá": frozenset(), "nhầm quá": frozenset(),
    # how a meaning is asked ("… được hiểu là gì", "nên hiểu là sao"), like "hiểu thế nào"
    "hiểu là": frozenset({"tim"}),
    # how briefly or plainly the answer is wanted ("… được hiểu một cách ngắn gọn là gì", "hiểu nôm na là gì", "nói
    # đơn giản là gì", "giải thích ngắn gọn …", "cho tôi biết ngắn gọn …"): the manner of the answer, not its subject.
    # Only after a verb asking for an answer (``_ANSWER_VERBS``), never "ngắn gọn" or "đơn giản" alone nor after
    # "kể" ("kể ngắn gọn", "một cách đơn giản khác" are what the channel's entries say). A request for the manner
    # alone ("nói ngắn gọn thôi", "thôi nói dễ hiểu đi") leaves no subject, not "thôi" (stop) either: read alone it
    # was a cancellation
    **{f"{lead}{verb}{how}{manner}{end}": frozenset()
       for verb in _ANSWER_VERBS for how in ("", " một cách")
       for manner in (" ngắn gọn", " nôm na", " đơn giản", " dễ hiểu")
       for lead, end in (("", ""), ("thôi ", ""), ("", " thôi"))},
    "ngắn gọn là": frozenset(), "nôm na là": frozenset(),
    # telling what went wrong before asking: read and did not understand, searched and did not find ("tui đọc
    # hoài hổng hiểu", "e tìm mãi ko thấy", "kiếm không ra")
    # (not "không hiểu" alone: "bot không hiểu" asks what to do when the channel does not understand)
    "đọc không hiểu": frozenset(), "hoài không hiểu": frozenset(), "mãi không hiểu": frozenset(),
    "đọc hoài": frozenset(), "đọc mãi": frozenset(),
    **{f"{verb} {how}": frozenset() for verb in ("tìm", "kiếm") for how in (
        "không ra", "không thấy", "chưa ra", "chưa thấy", "mãi không", "hoài không", "mãi chưa", "hoài chưa")},
    **{f"{how} {seen}": frozenset() for how in ("mãi không", "hoài không", "mãi chưa", "hoài chưa")
       for seen in ("thấy", "ra")},
    # round 10 (mixed style): what the asker forgot or got wrong before asking ("t đọc lướt r quên mất", "tui quên
    # mất r", "mà t trả lời sai bét"); "quên mất" and "quên rồi" only typed with marks (``MARKED_PHRASES``)
    "quên mất": frozenset(), "quên rồi": frozenset(), "đọc lướt": frozenset(), "trả lời sai": frozenset(),
    # round 14: "in the end" before the question ("Rốt cuộc năm 2025 tổ chức hôm nào?"), how it is asked
    "rốt cuộc": frozenset(), "rốt cục": frozenset(),
    # round 14 (Southern speech): intensifiers "hết trơn" (all, completely), "quá trời" (very much) and the
    # exclamations "chèn ơi", "mèn ơi" (like "trời ơi"): how it is said, not what about
    "hết trơn": frozenset(), "quá trời": frozenset(), "chèn ơi": frozenset(), "mèn ơi": frozenset(),
    # round 14: where the asker heard it — on television, the news, the commune's loudspeaker — like "nghe nói"
    # (the KB says none of these words: they only thinned the question); "trên tivi" and "loa xã" only as
    # framing, next to a verb of hearing or seeing (``FRAMED_PHRASES``): "Loa xã có được chuyển đổi số không?"
    # and "Cài VNeID trên tivi được không?" ask about the loudspeaker and the set (review of round 14, L2)
    "trên tivi": frozenset(), "trên ti vi": frozenset(), "xem thời sự": frozenset(), "trên thời sự": frozenset(),
    "loa xã": frozenset(), "loa phường": frozenset(), "loa ấp": frozenset(), "loa thôn": frozenset(),
    "hoài mà không hiểu": frozenset(), "mãi mà không hiểu": frozenset(),
    # round 14: what the asker does not know well ("ông tui ko rành", "nói tiếng Việt không rành"), like "chưa hiểu"
    # (typed with marks only, ``MARKED_PHRASES``)
    "không rành": frozenset(), "chưa rành": frozenset(),
    # round 16 (qa16conf): the authority the asker wants the answer from ("định nghĩa chuẩn của chuyển đổi số theo
    # tài liệu chính thức"): every answer of the channel is sourced, so it only thinned the question; "theo văn
    # bản" alone stays a word ("… theo văn bản nào" asks the document)
    "theo tài liệu chính thức": frozenset(), "theo văn bản chính thức": frozenset(),
    "theo nguồn chính thức": frozenset(),
    # round 17 (qa17conf): the article the asker cites as the answer's source ("theo bài viết của Sở Thông tin và
    # Truyền thông thì chuyển đổi số trước tiên là chuyển đổi cái gì?"): the channel's answers are all drawn from such
    # articles, so the citation only pulled the entry about who runs the channel; "bài viết" without "theo" stays
    # words ("những hạn chế mà bài viết năm 2022 … nêu ra")
    "theo bài viết": frozenset(), "theo bài báo": frozenset(),
    "theo bài viết của sở thông tin và truyền thông": frozenset(),
    # round 22 (dev22a): not knowing well before the question ("Mà em chưa rõ lắm, một tổ …
    # gồm những ai"), like "không rành"; and forgetting outright ("cháu quên béng mất"), like "quên mất"
    "chưa rõ lắm": frozenset(), "không rõ lắm": frozenset(),
    "quên béng": frozenset(), "quên béng mất": frozenset(), "quên bẵng": frozenset(),
}
# Stop phrases read only where typed with their marks (a chat abbreviation such as "ko" for "không" counts as
# marked: it has one reading): unmarked, "quen mat" is also "quên mật (khẩu)", the password a citizen forgot,
# which the KB answers, and "khong ranh" is also "không rảnh", not free (review of round 14, L3).
MARKED_PHRASES = frozenset({"quên mất", "quên rồi", "không rành", "chưa rành", "quên béng", "quên béng mất",
                            "quên bẵng"})
# Stop phrases that are framing only next to a verb of hearing or seeing, before ("nghe loa phường nói", "coi
# trên tivi") or after ("loa phường nói", "trên tivi có đưa tin"); elsewhere they are what the question is about
# (folded words; review of round 14, L2).
_HEARD_BEFORE = frozenset({"nghe", "coi", "xem", "thay"})
_HEARD_AFTER = frozenset({"noi", "bao", "doc", "dua", "phat", "chieu", "thay"})  # not "có": "Loa xã có được …"
FRAMED_PHRASES = frozenset({"trên tivi", "trên ti vi", "loa xã", "loa phường", "loa ấp", "loa thôn"})
# Politeness and address only: excluded from phrasing similarity (scaffolding like "là gì" stays there).
FILLER_TEXT = """
à ạ ơi ah vậy nhé nha hả ha cho mình hỏi xin tôi tui em anh chị bạn giúp vui lòng dùm giùm nè ừ ok cám cảm ơn
với ad admin bot dạ vâng thưa cô chú bác ông bà cháu con mọi người mn đấy cơ chứ ấy nhỉ
"""

# Verbs that turn a request into its opposite ("đăng ký" → "hủy đăng ký"). Keys when typed with marks;
# unmarked, only the unambiguous folds ("dung" is also dùng/đúng, "bo" is bộ) or pairs.
NEGATION_TEXT = "hủy huỷ ngừng ngưng dừng bỏ"  # not "thôi": also a particle ("có mấy cái thôi vậy")
NEGATION_FOLDS = frozenset({"huy", "ngung"})
NEGATION_PAIRS = frozenset({"dung_lai", "dung_nhan", "dung_gui", "thoi_nhan", "thoi_gui", "khong_muon", "bo_nhan"})
# "bỏ" before "vô/vào" puts something in ("bỏ vô báo cáo", Southern for "đưa vào"): it stops nothing (round 10).
_PUT_INTO = frozenset({("vo",), ("vao",)})
# Round 13: "bỏ" before a level of the state ("bỏ cấp huyện", "bỏ huyện") abolishes it — news the KB tells (the
# two-level local government), not a request to stop something the channel does.
_LEVELS = frozenset({("huyen",), ("tinh",), ("xa",), ("quan",), ("phuong",), ("thon",)})
# Round 29: a stopping verb right after the passive "bị" tells what happened to the thing ("tài khoản cũ bị ngưng xài
# từ bữa nào", "bị bỏ từ bao giờ", "không để ai bị bỏ lại phía sau"), not a request to stop it: the citizen asks
# about the thing stopped, which the entry about it says in its own words. Typed with marks, only "bị" itself; unmarked,
# "bi" (no other reading of "bi" comes before "hủy / ngưng / dừng / bỏ"). The command readers read "bị bỏ / bị hủy"
# so too (content/intents.toml).
_PASSIVE_KEY = syllable_key(*split_tone("bị"))
# Small numbers written as words (typed with marks only: unmarked "ba", "hai" have other readings).
NUMBER_WORD_KEYS = {"hai0": "2", "ba0": "3", "bôn1": "4"}


def _keys(text: str) -> tuple[frozenset[str], frozenset[str]]:
    folds, keys = set(), set()
    for word in text.split():
        base, tone = split_tone(word)
        keys.add(syllable_key(base, tone))
        folds.add(fold(word))
    return frozenset(folds), frozenset(keys)


STOP_FOLDS, STOP_KEYS = _keys(STOP_TEXT)
_PHRASES = [
    (tuple(fold(w) for w in phrase.split()), tuple(syllable_key(*split_tone(w)) for w in phrase.split()), blockers,
     phrase in MARKED_PHRASES, phrase in FRAMED_PHRASES)
    for phrase, blockers in STOP_PHRASES.items()
]
# the phrases by their first syllable (latency: a message is compared only with the phrases its syllables start,
# not with all of them)
_PHRASES_BY_START: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], frozenset[str], bool, bool]]] = {}
for _phrase in _PHRASES:
    _PHRASES_BY_START.setdefault(_phrase[0][0], []).append(_phrase)
_PHRASE_STARTS = frozenset(_PHRASES_BY_START)
FILLER_FOLDS, FILLER_KEYS = _keys(FILLER_TEXT)
_, NEGATION_KEYS = _keys(NEGATION_TEXT)

STOP, CONTENT, OPTIONAL = 0, 1, 2


# What citizens call things the KB names otherwise; the query keeps both readings (like an ambiguous
# abbreviation). Only unmarked words: "bột" typed with marks is not the chatbot.
SYNONYMS = {"bot": "kênh", "top": "nhóm"}
_SYNONYM_UNITS = {
    word: Unit(((word,), tuple(fold(w) for w in target.split())),
               (f"{word}0", *(syllable_key(*split_tone(w)) for w in target.split())), "abbrev", False)
    for word, target in SYNONYMS.items()
}


def with_synonyms(analysis: Analysis) -> Analysis:
    """The query with every unmarked synonym also read as the KB's word ("bot" → "bot" | "kênh")."""
    if not any(not u.marked and u.tokens[:1] and u.tokens[0] in SYNONYMS and len(u.tokens) == 1
               for u in analysis.units):
        return analysis
    return Analysis.from_units(tuple(
        _SYNONYM_UNITS[u.tokens[0]] if not u.marked and len(u.tokens) == 1 and u.tokens[0] in SYNONYMS else u
        for u in analysis.units
    ))


def scaffolding(analysis: Analysis) -> frozenset[int]:
    """Indices of the units that belong to a multi-word stop phrase (see ``STOP_PHRASES``), and of the particles
    that end the message (see ``FINAL_PARTICLES``)."""
    return _phrases(analysis) | _final_particles(analysis) | _resumptive(analysis)


# Fix15conf (review 15, H5): round 15's reader of who the asker heard it from ("nghe ông trưởng thôn nói …" as
# framing) is taken out: it helped one wording, left its close variants unanswered, and, taking the only noise
# away, made a wrong ranking confident ("nghe con bé nói app vneid đăng ký ở đâu" → the digital-signature entry).


_IT_KEY = syllable_key(*split_tone("nó"))


def _resumptive(analysis: Analysis) -> frozenset[int]:
    """A "nó" (it) right after the name it stands for ("Đề án 06 nó giúp gì", "VNeID nó là gì"): the subject is
    said, "nó" repeats it. Typed with marks only, after a number, an abbreviation or a name the syllable tables
    do not hold; elsewhere ("Giờ nó thuộc bộ nào") it points back at something said before and stays a word, so
    an entry that does not say that thing does not explain the whole question (round 9)."""
    units = analysis.units
    return frozenset(
        i for i in range(1, len(units))
        if units[i].marked and units[i].tokens == ("no",) and units[i].keys[:1] == (_IT_KEY,)
        and units[i - 1].kind in ("number", "abbrev", "other")
    )


# Particles that end a chat question ("… z ta", "… nhe", "… vay a", "… ha"). Unmarked, several are also words
# ("hà", "nhẹ", "vay"), so inside a message they may be content; after the message's last word they are not,
# but counted as words they tipped the out-of-scope classifier ("bo truong khcn ha" was refused).
FINAL_PARTICLE_TEXT = ("à ạ á hả hở ha nhé nha nhá nhe nhỉ vậy vầy dzậy z v ta nè hen nghen nhen hén đó đấy thế hè hỉ"
                       " ak ah")
_FINAL_FOLDS, _FINAL_KEYS = _keys(FINAL_PARTICLE_TEXT)


def _final_particles(analysis: Analysis) -> frozenset[int]:
    """The units after the last word of the message that are chat particles (never the first unit)."""
    accented_text = accented(analysis)
    found: set[int] = set()
    for i in range(len(analysis.units) - 1, 0, -1):
        unit = analysis.units[i]
        if len(unit.tokens) != 1 or unit.tokens[0] not in _FINAL_FOLDS:
            break
        if keyed(unit, accented_text) and unit.keys[0] not in _FINAL_KEYS:
            break
        found.add(i)
    return frozenset(found)


def _phrases(analysis: Analysis) -> frozenset[int]:
    units = analysis.units
    # each unit's one-syllable first reading, and where each starts a unit (latency: a long message is scanned
    # once, then only the places where a phrase can start are compared)
    heads = tuple(u.alts[0][0] if len(u.alts[0]) == 1 else None for u in units)
    starts: dict[str, list[int]] = {}
    for i, head in enumerate(heads):
        if head in _PHRASE_STARTS:
            starts.setdefault(head, []).append(i)
    if not starts:
        return frozenset()
    accented_text = accented(analysis)
    found: set[int] = set()
    for head, at in starts.items():
        for folds, keys, blockers, marked_only, framed in _PHRASES_BY_START[head]:
            n = len(folds)
            for i in at:
                if heads[i : i + n] != folds:
                    continue
                span = units[i : i + n]
                if any(keyed(u, accented_text) and u.keys[0] != k for u, k in zip(span, keys, strict=True)):
                    continue
                if marked_only and not all(u.marked or u.kind == "abbrev" for u in span):
                    continue
                if framed and not ((i and heads[i - 1] in _HEARD_BEFORE)
                                   or (i + n < len(heads) and heads[i + n] in _HEARD_AFTER)):
                    continue
                before = units[i - 1] if i else None
                if before is not None and (before.kind == "abbrev"
                                           or (before.tokens and before.tokens[-1] in blockers)):
                    continue
                found.update(range(i, i + n))
    return frozenset(found)


# Share of marked syllables from which a question counts as typed with diacritics: its plain syllables are
# then really tone-less ("mang" in "cần mang gì" is not "mạng").
ACCENTED_SHARE = 0.5
_MARKED = attrgetter("marked")


def accented(analysis: Analysis) -> bool:
    """Whether the user typed this question with diacritics (not just one mark somewhere)."""
    syllables = [u for u in analysis.units if u.kind in ("syllable", "decoded")]
    # counted in C (latency: no generator step per syllable)
    return bool(syllables) and sum(map(_MARKED, syllables)) >= ACCENTED_SHARE * len(syllables)


def keyed(unit: Unit, accented_text: bool) -> bool:
    """Whether ``unit.keys`` say what the user meant (typed marks, an accented sentence, an abbreviation)."""
    return (unit.marked or (accented_text and unit.kind == "syllable")) and len(unit.keys) == len(unit.tokens)


def _token_keys(unit: Unit, accented_text: bool = False) -> tuple[str | None, ...]:
    """One tone key per token when they are trustworthy (typed marks or an abbreviation's written value)."""
    if keyed(unit, accented_text) or (unit.kind == "abbrev" and len(unit.keys) == len(unit.tokens)):
        return unit.keys
    return (None,) * len(unit.tokens)


def _is_stop(token: str, key: str | None, folds: frozenset[str], keys: frozenset[str]) -> bool:
    return token in folds and (key is None or key in keys or token in PURE_FILLER)


@dataclass(frozen=True, slots=True)
class UnitView:
    """A unit with its role: STOP (ignored), CONTENT (always counts) or OPTIONAL (counts where it matches)."""

    unit: Unit
    role: int
    alts: tuple[tuple[str, ...], ...]  # readings that are not entirely filler
    key: str | None  # "#key" item of a marked one-syllable unit
    keyed: bool  # its tone key is what the user meant (see ``keyed``)


@dataclass(frozen=True, slots=True)
class View:
    """The query (or a phrasing) split into what it is about and what may or may not be about something."""

    units: tuple[UnitView, ...]
    required: frozenset[str]  # content words, their tone keys (when marked) and content pairs
    optional: frozenset[str]  # optional words and pairs touching them
    pairs: tuple[str, ...]  # content pairs (both sides content)
    optional_pairs: tuple[tuple[int, str], ...]  # (unit index of the optional side, pair)
    numbers: frozenset[str]
    negated: bool
    negations: frozenset[int]  # unit indices of stopping verbs (credited by any entry about stopping)


_Roles = tuple[tuple[tuple[str, ...], tuple[int, ...]], ...]  # per reading of a unit: its tokens and their roles


@lru_cache(maxsize=16384)
def _classify(unit: Unit, accented_text: bool, scaffolded: bool) -> tuple[UnitView, _Roles, bool, tuple[str, ...]]:
    """One unit of a :func:`view`: its role, its tokens' roles, whether it is a stopping verb, its numbers.

    A pure function of the unit, cached: the words of chat messages repeat, and a message's question is viewed
    in each search of the message (latency).
    """
    negation = False
    numbers: list[str] = []
    keys = _token_keys(unit, accented_text)
    is_keyed = keyed(unit, accented_text)
    readings: list[tuple[tuple[str, ...], list[bool]]] = []
    pos = 0
    for alt in unit.alts:
        ks = keys[pos : pos + len(alt)]
        pos += len(alt)
        readings.append((alt, [_is_stop(t, k, STOP_FOLDS, STOP_KEYS) for t, k in zip(alt, ks, strict=True)]))
        for t, k in zip(alt, ks, strict=True):
            if (k in NEGATION_KEYS) if k is not None else t in NEGATION_FOLDS:
                negation = True
            if k is not None and k in NUMBER_WORD_KEYS:
                numbers.append(NUMBER_WORD_KEYS[k])
    if unit.kind == "number":
        numbers.append(unit.tokens[0])
    content_alts = tuple(alt for alt, stops in readings if not all(stops))
    single = len(unit.alts) == 1 and len(unit.alts[0]) == 1 and keys[0] is None
    if scaffolded:
        role, content_alts = STOP, ()
    elif content_alts:
        role = OPTIONAL if len(content_alts) < len(readings) else CONTENT
    elif single and unit.alts[0][0] not in PURE_FILLER:
        role, content_alts = OPTIONAL, unit.alts  # unmarked "de", "hoi", "ban": maybe đề, hội, bản
    else:
        role = STOP
    key = f"#{unit.keys[0]}" if is_keyed and len(unit.keys) == 1 and role != STOP else None
    roles = tuple(
        (alt, tuple(role if ((not s and role != STOP) or (single and role == OPTIONAL)) else STOP for s in stops))
        for alt, stops in readings
    )
    return UnitView(unit, role, content_alts, key, is_keyed), roles, negation, tuple(numbers)


# Kinship words are address ("cho con hỏi", "cháu chào bác"), but counted they are people: "có mấy người con",
# "mấy đứa cháu" ask about someone's children, which no entry says (round 9).
_KIN = frozenset({"con", "chau"})
_COUNTED_BY = frozenset({"nguoi", "dua", "may"})


def _kin_nouns(analysis: Analysis) -> frozenset[int]:
    """Indices of the kinship words that follow a counting word ("người", "đứa", "mấy"): nouns, not address."""
    units = analysis.units
    return frozenset(
        i for i in range(1, len(units))
        if len(units[i].tokens) == 1 and units[i].tokens[0] in _KIN
        and units[i - 1].tokens[-1:] and units[i - 1].tokens[-1] in _COUNTED_BY
    )


def _content(uv: UnitView) -> UnitView:
    """``uv`` read as a content word whatever its stop lists say."""
    key = f"#{uv.unit.keys[0]}" if uv.keyed and len(uv.unit.keys) == 1 else None
    return UnitView(uv.unit, CONTENT, uv.unit.alts, key, uv.keyed)


def view(analysis: Analysis, *, entry: bool = False, scaffold: frozenset[int] | None = None) -> View:
    """Classify every unit and build the content items of ``analysis``.

    A syllable the user typed with marks is represented by its tone key only ("lúa" ≠ "lừa"); an entry's
    phrasing carries both forms so that unaccented questions still match it.
    """
    units: list[UnitView] = []
    token_roles: list[_Roles] = []  # per unit, per reading
    numbers: set[str] = set()
    negations: set[int] = set()
    negated = any(p in NEGATION_PAIRS for p in analysis.bigrams)
    accented_text = accented(analysis)
    if scaffold is None:
        scaffold = scaffolding(analysis)
    nouns = () if entry else _kin_nouns(analysis)
    for index, unit in enumerate(analysis.units):
        uv, roles, negation, unit_numbers = _classify(unit, accented_text, index in scaffold)
        if index in nouns:
            uv, roles = _content(uv), tuple((alt, (CONTENT,) * len(alt)) for alt, _ in roles)
        if negation and unit.tokens == ("bo",) and index + 1 < len(analysis.units) \
                and (analysis.units[index + 1].tokens in _PUT_INTO or _abolishes(analysis, index + 1)):
            negation = False
        if negation and index > 0 and _passive(analysis.units[index - 1]):
            negation = False
        if negation:
            negated = True
            negations.add(index)
        numbers.update(unit_numbers)
        units.append(uv)
        token_roles.append(roles)
    required: set[str] = set()
    optional: set[str] = set()
    for uv, readings_roles in zip(units, token_roles, strict=True):
        if uv.key and not entry:
            (required if uv.role == CONTENT else optional).add(uv.key)
            continue
        for alt, rs in readings_roles:
            for t, r in zip(alt, rs, strict=True):
                if r == CONTENT:
                    required.add(t)
                elif r == OPTIONAL:
                    optional.add(t)
        if uv.key:
            (required if uv.role == CONTENT else optional).add(uv.key)
    pairs: list[str] = []
    optional_pairs: list[tuple[int, str]] = []
    last = len(token_roles) - 1
    for i, readings_roles in enumerate(token_roles):
        following = token_roles[i + 1] if i < last else ()
        for alt, rs in readings_roles:
            # the neighbouring tokens inside the reading, then its last with each next reading's first, in that
            # order: (a, its role, b, its role, b's unit) — one loop, no call per pair (latency)
            links = [(alt[j], rs[j], alt[j + 1], rs[j + 1], i) for j in range(len(alt) - 1)]
            if alt:
                links += [(alt[-1], rs[-1], nalt[0], nrs[0], i + 1) for nalt, nrs in following if nalt]
            for a, ra, b, rb, ib in links:
                if ra == STOP or rb == STOP:
                    continue
                pair = f"{a}_{b}"
                if ra == CONTENT and rb == CONTENT:
                    pairs.append(pair)
                    required.add(pair)
                    continue
                optional.add(pair)
                if ra == OPTIONAL:
                    optional_pairs.append((i, pair))
                if rb == OPTIONAL and ib != i:
                    optional_pairs.append((ib, pair))
    return View(tuple(units), frozenset(required), frozenset(optional), tuple(dict.fromkeys(pairs)),
                tuple(dict.fromkeys(optional_pairs)), frozenset(numbers), negated, frozenset(negations))


def _passive(unit: Unit) -> bool:
    """Whether ``unit`` is the passive "bị" (typed with its mark, or unmarked "bi"): a stopping verb after it says
    what befell the thing, not a stop asked (round 29)."""
    return unit.tokens == ("bi",) and (not unit.marked or _PASSIVE_KEY in unit.keys)


def _abolishes(analysis: Analysis, at: int) -> bool:
    """Whether the units from ``at`` name a level of the state ("cấp huyện", "huyện"): after "bỏ", abolished."""
    units = analysis.units
    if units[at].tokens == ("cap",) and at + 1 < len(units):
        at += 1
    return units[at].tokens in _LEVELS


def filler_tokens(analysis: Analysis) -> frozenset[str]:
    """Folded tokens of ``analysis`` that are politeness/address only (tone-aware, see module docstring)."""
    if FILLER_FOLDS.isdisjoint(analysis.tokens):  # no token can be filler (most messages, latency)
        return frozenset()
    found: set[str] = set()
    content: set[str] = set()
    accented_text = accented(analysis)
    for unit in analysis.units:
        # A unit none of whose tokens is a filler fold gives no filler, and its tokens, none a filler fold, cannot
        # take one out of ``found``: skipped without its cached look-up (latency: a unit hashes in Python).
        if FILLER_FOLDS.isdisjoint(unit.tokens):
            continue
        filler, other = _fillers(unit, accented_text)
        found.update(filler)
        content.update(other)
    return frozenset(found - content)


@lru_cache(maxsize=16384)
def _fillers(unit: Unit, accented_text: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A unit's politeness/address tokens and its other tokens, in order (pure, cached like :func:`_classify`)."""
    filler: list[str] = []
    other: list[str] = []
    for t, k in zip(unit.tokens, _token_keys(unit, accented_text), strict=True):
        (filler if _is_stop(t, k, FILLER_FOLDS, FILLER_KEYS) else other).append(t)
    return tuple(filler), tuple(other)


def numbers_of(texts: Iterable[str]) -> frozenset[str]:
    """Number tokens written in ``texts`` (an entry's title and keywords: the numbers it is about)."""
    return frozenset(n for text in texts for n in view(analyze(text)).numbers)
