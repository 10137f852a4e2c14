"""Find the question(s) inside a chat message: the part after the context, and a second question if any.

Citizens write context before the question ("Nhà tôi ở quê, con cháu đi làm xa hết. Cho hỏi VNeID cài ở
đâu?") and sometimes two questions in one message. The message is cut at sentence punctuation and at the
connectors people use to start another question ("còn", "với lại", "ngoài ra"); a clause is a *question*
when it has a question word or a request/need phrase. Deterministic and linear in the message length.
"""

from __future__ import annotations

import itertools
import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

from bot.nlp.explanation_asked import asks_explanation, says_need
from bot.nlp.introductions import introduces
from bot.nlp.knowing_nothing import knows_nothing, nothing_at
from bot.nlp.normalize import continues_name, fold, fold_token

# A full stop ends a sentence only before a space: "c63.mic.gov.vn", "1.000" and "10.10" are one word.
# Every whitespace run is tried once, from its start ((?<!\s)): a run of spaces costs its length, not its square.
# a run of marks ends one sentence ("… top mấy??? Năm 2030 …", "thật à?!"): cut after its last mark
_SENTENCE = re.compile(r"(?<=[?!;…\n])(?![?!;…])\s*|(?<=\.)\s+|(?<!\s)\s*\n\s*")
# Words that open a second question inside one sentence (folded). Cut before them.
_CONNECTORS = ("còn", "voi lai", "ngoai ra", "them nua", "them cau nua", "va cho hoi", "cho hoi them",
               "hoi them", "tien thi cho hoi", "nhan tien cho hoi", "tien cho hoi")
_CONNECTOR = re.compile(r"[,]?(?<!\s)\s+(?=(?:" + "|".join(c.replace(" ", r"\s+") for c in _CONNECTORS) + r")\b)")
# Question words and request/need phrases, written with their marks: a word typed with marks must match
# them exactly ("bảo" is not "bao", "đầu" is not "đâu"); an unmarked word is compared folded.
_QUESTION_TEXT = ("gì nào sao đâu mấy bao nhiêu ai không chưa hả à nhỉ hông hem chi răng mô thế khi"
                  " j ko k hok hog hk kg ntn bn")
_QUESTION_MARKED = frozenset(_QUESTION_TEXT.split())
_QUESTION_FOLDED = frozenset(fold(w) for w in _QUESTION_MARKED) - {"bao", "the", "khi", "chi", "mo", "a"}
# the question words spelt without marks as they are ("sao", "ai") and the chat shorthand ("ko", "j", "bn")
_QUESTION_SHORTHAND = frozenset(w for w in _QUESTION_MARKED if w.isascii()) & _QUESTION_FOLDED
# Phrases that ask by themselves, and request/need phrases that only announce a question ("cho hỏi", "cần thông
# tin"): these also appear in the context people tell first ("Sếp giao tìm hiểu kỹ.", "Thầy hướng dẫn bảo em…").
_ASKING_PHRASES = tuple(fold(p) for p in (
    "là gì", "ở đâu", "thế nào", "như nào", "làm sao", "bao nhiêu", "có phải", "được không", "bao giờ", "khi nào",
))
_REQUEST_PHRASES = tuple(fold(p) for p in (
    "cho hỏi", "xin hỏi", "muốn hỏi", "muốn biết", "cần biết", "cần thông tin", "muốn tìm hiểu", "tìm hiểu",
    "hướng dẫn", "chỉ giúp", "chỉ dùm", "chỉ giùm", "giải thích", "thắc mắc", "tư vấn",
    "tò mò",  # round 13: "… mới tò mò: hồi đó cả nước lập được bao nhiêu tổ?" (curious, like "thắc mắc")
    "cần nắm", "muốn nắm",  # round 17: "Tôi cần nắm mục đích của …" (to grasp, like "cần biết")
))
MAX_CLAUSES = 6
MAX_SOFT_CUTS = 4 * MAX_CLAUSES  # commas (and "và") of one sentence judged as cuts (linear time)


def _clean(part: str) -> str:
    return part.strip(" ,.;:!…-–—\t")


def clauses(text: str) -> list[str]:
    """Sentences of ``text``, each further cut before a second-question connector (at most MAX_CLAUSES)."""
    out: list[str] = []
    for sentence in _sentences(text):
        for part in _split_connectors(sentence):
            part = _clean(part)
            if part:
                out.append(part)
    # marks or emoji typed alone between questions ("VNeID là gì? ?? Chữ ký số là gì?") ask nothing of their own
    out = [p for p in out if any(c.isalnum() for c in p)] or out
    if len(out) == 1 and _RUN_ON.search(text) is None:
        out = _spoken(out[0])
    if len(out) > MAX_CLAUSES:  # a long message: keep the tail whole (the question usually ends it)
        out = [*out[: MAX_CLAUSES - 1], " ".join(out[MAX_CLAUSES - 1 :])]
    return out


_RUN_ON = re.compile(r"[.?!;…,\n]")
_SPOKEN_TAIL = 12  # words read as the question of such a message when no opener says where it starts
_SPOKEN_WINDOW = 40  # last words of such a message where the opener of its question is looked for
_SPOKEN_STORY = 24  # words of such a message with no opener before its last words are read as the question
_SPOKEN_MIN = 16  # words of a message dictated without punctuation before its openers are looked for
_OPENERS = frozenset({"vậy", "thế", "rứa", "vay", "rua"})
_ASK_VERBS = frozenset({"hỏi", "hoi", "biết", "biet"})
_ASKERS = frozenset({"cho", "xin", "muốn", "muon"})


def _spoken(text: str) -> list[str]:
    """A message dictated to a phone keyboard, with no punctuation at all (round 12): cut before the last opener of
    its question ("… vậy ngày đó là ngày nào", "… cho tôi hỏi …", "… muốn hỏi …") whose words after it ask."""
    words = text.split()
    if len(words) < _SPOKEN_MIN:
        return [text]
    plain = [_plain(w) for w in words]
    # only the last _SPOKEN_WINDOW words hold the opener: each is tested on the words after it (linear time)
    for i in range(len(words) - 3, max(2, len(words) - _SPOKEN_WINDOW), -1):
        opener = plain[i] in _OPENERS or (plain[i] in _ASKERS and (
            plain[i + 1 : i + 2] != [] and plain[i + 1] in _ASK_VERBS
            or plain[i + 2 : i + 3] != [] and plain[i + 2] in _ASK_VERBS))
        tail = " ".join(words[i:])
        if opener and asks_by_itself(tail):
            return [" ".join(words[:i]), tail]
    # no opener: a story told by the asker ("tôi …", "con tui …") before the question, which ends the message (who
    # explains first asks last): its last words are read as the question
    if len(words) < _SPOKEN_STORY:
        return [text]
    head, tail = " ".join(words[:-_SPOKEN_TAIL]), " ".join(words[-_SPOKEN_TAIL:])
    told = any(fold(w) in _SPEAKER for w in head.split()[:_SPOKEN_TAIL]) and not asks_by_itself(head)
    return [head, tail] if told and asks_by_itself(tail) else [text]


_COLON = re.compile(r":\s+")
_PLACEHOLDERS = frozenset({"này", "sau", "đây", "nay", "day"})  # "việc này", "như sau", "sau đây"


def announces(head: str) -> bool:
    """A request that names nothing itself before a colon ("Tôi đang cần thông tin về việc này:", "Em hỏi:");
    one that names its subject ("Cần thông tin về tổ công nghệ số: ai lập, gồm những ai") stays whole."""
    words = head.lower().split()
    return (is_question(head) and not asks_by_itself(head)
            and (len(words) <= 3 or unicodedata.normalize("NFC", words[-1]) in _PLACEHOLDERS
                 or _ends_request(head))) or _bare_request(head)


# Round 16 (qa16conf): the words a request opening a message may hold besides ``_REQUEST_ONLY`` and still name
# nothing: a bare question word and the particles around it ("Cho em hỏi răng chớ, chỉ số GCI …": Central "how about
# it", asking nothing itself), folded
# (review of round 16, H1: not "cai", "the", "nay": folded they are also "cài" install, "thẻ" card, "nay" now —
# "Cho em hỏi cài sao vậy" asks how to install)
_BARE_WORDS = frozenset({"rang", "sao", "chut", "ni", "chu", "rua", "nhe", "nha", "ha", "hi", "he", "ti", "xiu", "a",
                         "nhi", "vay", "z", "v"})
_BARE_MAX = 6  # words of such an opening


def _bare_request(head: str) -> bool:
    """A request opening the message that names nothing, only a question word or a particle after it ("Cho em hỏi
    răng chớ", "Xin hỏi chút nha"): it announces the clause after it, as a request before a colon does, and asks
    nothing of its own (read alone it was answered with how to ask the channel)."""
    words = fold(head).split()
    return (0 < len(words) <= _BARE_MAX and _opens_request(head)
            and all(w in _REQUEST_ONLY or w in _BARE_WORDS for w in words))


def _ends_request(head: str) -> bool:
    """Round 13: the head ends with its request phrase ("Bữa ni ngồi nhớ lại mới tò mò:", "… nên em muốn hỏi:"):
    what follows the colon is what it asks, whatever the head told before."""
    padded = _padded(head)
    return any(padded.endswith(p) for p in _REQUEST_PADDED)


def _sentences(text: str) -> list[str]:
    """Sentences of ``text``; a colon after a request that names nothing ends it too ("Tôi đang cần thông tin về
    việc này: …"): what follows is the question it announces. A colon elsewhere ("Lưu ý: …") is kept."""
    out: list[str] = []
    for sentence in _SENTENCE.split(text):
        start = piece = 0  # each piece between colons is read once (linear in the sentence's length)
        for m in _COLON.finditer(sentence):
            head = sentence[piece : m.start()]
            piece = m.end()
            if announces(head):
                out.append(sentence[start : m.start()])
                start = m.end()
        out.append(sentence[start:])
    return out


# The asker speaking of themself ("e bán trái cây ở chợ …", "tui ko rành"): chat's first persons, folded.
_SPEAKER = frozenset({"toi", "tui", "em", "e", "minh", "mik", "t", "chau", "con", "tao", "to"})


def tells_after(right: str) -> bool:
    """A sentence of the asker's own life after the question ("…mở từ năm nào z a, e bán trái cây ở chợ … mà chưa
    xài bao h"): no question of its own, no "?", four words or more, the asker its subject (round 10: read with
    the question, it diluted what the question says). Cut off, it is context: the whole message still ranks."""
    words = fold(right).split()
    return ("?" not in right and len(words) >= 4 and any(w in _SPEAKER for w in words[:_told_from(words)])
            and not is_question(right))


_WHERE = frozenset({"o", "tai", "ngoai", "trong"})  # "ở / tại / ngoài / trong <place> tui …" (folded)
_WHERE_SPAN = 3  # words of the place between


def _told_from(words: list[str]) -> int:
    """How many first words may hold the asker of a sentence told after the question: three, or past a place told
    first ("…, ở Sa Huỳnh tui chưa thấy 5G", round 13: where the asker is opens the sentence of their life)."""
    return 3 + _WHERE_SPAN if words and words[0] in _WHERE else 3


# Round 12 (qa12mixed): what chat writers tell after a question with only a comma before it, where an edited text
# would end the sentence: that they do not know ("…, ở xã nhắc hoài mà mk ko bít", "…, mà tui ko bik"), and the
# deadline they ask for ("…, mai ktra r", "…, t6 e thuyết trình r"). Folded words.
_NOT_KNOWING = frozenset({"biet", "bik", "bit", "hieu", "ranh"})
_NEGATIONS = frozenset({"khong", "ko", "k", "kh", "hk", "hok", "hong", "chua", "chang", "cha"})
_DEADLINES = frozenset({"mai", "t2", "t3", "t4", "t5", "t6", "t7"})  # not "mot" (một), "cn" (công nghệ)


def tells_state(right: str) -> bool:
    """What the asker tells of their own state after the question (see ``_NOT_KNOWING``): no question of its own,
    no "?", three words or more, and either the asker saying they do not know ("<tui> không biết"), or a deadline
    opening it ("mai …", "t6 …")."""
    if "?" in right or is_question(right):
        return False
    words = fold(right).split()
    if len(words) < 3:
        return False
    if words[0] in _DEADLINES:
        return True
    return any(a in _SPEAKER and b in _NEGATIONS and c in _NOT_KNOWING
               for a, b, c in zip(words, words[1:], words[2:], strict=False))


_BECAUSE = frozenset({"tai", "vi", "boi", "do"})  # "tại / vì / bởi / do mình …": the asker's reason, told after


def tells_reason(right: str) -> bool:
    """The asker's reason, told after what they ask ("tại mình chạy xe ôm mà giờ khách toàn chuyển khoản"): a
    sentence of their own life (:func:`tells_after`) opened by "tại / vì / bởi / do" (round 11)."""
    first = fold(right).split()[:1]
    return bool(first) and first[0] in _BECAUSE and tells_after(right)


# Round 15: the asker's purpose, told after the request with a comma ("Mình muốn biết định nghĩa chuyển đổi số …, để
# giải thích cho phụ huynh trong buổi họp lớp tuần sau", "…, để (em / về) nói lại cho bà con"): "để" (folded) and,
# up to two words on, a verb of passing the answer on. What the asker will do with the answer is context, as the
# reason told after a question is (``tells_reason``); "…, để góp phần chuyển đổi số?" stays the question's.
# Round 16 (qa16conf): or a verb of writing it into the asker's own paper ("…, để viết vào bài thu hoạch", "… năm nào
# để ghi vào tài liệu sinh hoạt chi bộ"): "ghi / viết / điền / chép vào", "ghi lại", "soạn".
# Round 17 (qa17conf): putting it into the asker's paper ("để đưa vào phần tồn tại của báo cáo chi bộ"), the paper
# they make ("để làm tiểu luận / luận văn / đề tài / slide"), the speech they give ("để phát biểu / nói trong …").
# Or preparing the talk or paper ("để chuẩn bị bài nói chuyện / tài liệu / cho buổi sinh hoạt"); "để chuẩn bị cho
# chuyển đổi số" (what to prepare) is no paper and stays the question's.
_PURPOSE = re.compile(r"^de (?:\S+ ){0,2}?(?:giai thich|noi lai|ke lai|noi cho|ke cho|chi lai|huong dan lai|trinh bay"
                      r"|thuyet trinh|bao cao|viet bai|viet bao cao|lam bai|tuyen truyen|pho bien|tra loi"
                      r"|ghi vao|viet vao|dien vao|chep vao|ghi lai|soan|dua vao|cho vao|them vao|trich dan"
                      r"|lam (?:tieu luan|luan van|khoa luan|de tai|slide|bao cao)|phat bieu|noi trong"
                      r"|chuan bi (?:bai|tai lieu|noi dung|bao cao|slide|cho buoi|buoi))\b")


def tells_purpose(right: str) -> bool:
    """What the asker will do with the answer, told after the request (see ``_PURPOSE``): no question of its own, no
    "?", four words or more."""
    return "?" not in right and len(right.split()) >= 4 and _PURPOSE.match(fold(right).strip()) is not None \
        and not asks_by_itself(right)


# Round 17 (qa17conf): the source the asker cites after the question ("… góp sức cho chuyển đổi số bằng cách nào, theo
# kênh này kêu gọi", "…, theo như báo đưa tin"): "theo (như)" opening a short clause with a verb of saying, folded. A
# qualifier ("…, theo quy định mới") has no such verb and stays the question's; "nói / đưa / đăng" alone fold like
# "nội / đủa / đang" ("theo quy định nội bộ"), so only the verbs with one reading folded.
_CITES = re.compile(r"^theo (?:nhu )?(?:\S+ ){1,4}?(keu goi|dua tin|cho biet|viet|thong bao|gioi thieu"
                    r"|tuyen truyen|phat dong)\b")
MAX_CITATION = 9  # words of a citation clause


# Review of round 17 (M1): folded "viet" is also "Việt" ("theo tiếng Việt", "theo quy định của Việt Nam"): the verb
# counts only typed as "viết" or all unmarked ("theo bao viet"); "tuyên truyền / phát động" are nouns after these
_PLANS = frozenset({"ke hoach", "chuong trinh", "dot", "chien dich", "phong trao", "cong tac", "noi dung", "tai lieu"})


def cites_source(right: str) -> bool:
    """Whether ``right`` only says where the asker heard what they ask (see ``_CITES``): no question of its own."""
    folded = fold(right).strip()
    found = _CITES.match(folded)
    if len(folded.split()) > MAX_CITATION or found is None or asks_by_itself(right):
        return False
    verb = found.group(1)
    typed = right.strip().split()
    if verb == "viet":
        at = len(found.group().split())
        said = typed[at - 1].lower().strip(".,!?") if at <= len(typed) else ""
        then = folded.split()[at : at + 1]
        return then != ["nam"] and (said == "viết" or said.isascii() and right.isascii())
    if verb in {"tuyen truyen", "phat dong"}:
        before = found.group()[: -len(verb)].split()
        return " ".join(before[-2:]) not in _PLANS and before[-1:] != ["dot"]
    return True


# Fix15conf (review 15, H4): the words of a request that name no subject ("Nhờ anh chị hướng dẫn giúp", "cho em hỏi
# với", "Chỉ giúp em với"): who asks and is asked, politeness, the request's own verbs (folded).
_REQUEST_ONLY_TEXT = (
    "nhờ anh chị em mình tôi tui tớ cháu con bạn ad admin ơi cho xin giúp giùm dùm với ạ nha nhé hỏi biết muốn cần"
    " hướng dẫn chỉ giải thích tư vấn tìm hiểu thắc mắc tò mò thông tin vui lòng làm ơn có thể được không mọi người"
    " thầy cô chú bác ông bà ấy vậy đi")
_REQUEST_ONLY = frozenset(fold(w) for w in _REQUEST_ONLY_TEXT.split())


def names_subject(request: str) -> bool:
    """Whether a request names what it asks about: two words or more besides who asks, politeness and the request's
    verbs (``_REQUEST_ONLY``). Only then is a purpose told after it (``tells_purpose``) context; a request that
    names nothing ("Nhờ anh chị hướng dẫn giúp, để hướng dẫn lại cho mẹ cách cài VNeID") needs the purpose's words."""
    return sum(1 for w in fold(request).split() if w not in _REQUEST_ONLY) >= 2


def _asks_for(left: str, right: str) -> bool:
    """A request ("Mình muốn biết …", "cho hỏi …") before the comma and the asker's reason for it after ("…, tại
    mình chạy xe ôm mà giờ khách toàn chuyển khoản"): the reason is context, as a life told after a question is
    (round 11)."""
    return is_question(left) and tells_reason(right)


_STILL = re.compile(r"^\W*con\b.*\b(?:khong|ko|k|kg|hong|hok|chua"
                    r"|(?:den|toi|cho den|cho toi) (?:khi nao|bao gio|luc nao|nam nao|hom nao|ngay nao)"
                    r"|(?:bao lau|may nam|bao nhieu nam) nua)\W*(?:\w+\W*)?$")


def _still(piece: str) -> bool:
    """"còn … không?", "còn dùng đến khi nào?", "còn bao lâu nữa?": whether something is *still* so, or until when
    it still is — one question with what precedes it. "Còn" is then the continuative aspect marker ("still"), which
    pairs with a yes/no ending or with an end point asked (đến khi nào / bao giờ, bao lâu nữa), not the contrastive
    conjunction that opens a new topic ("…, còn cổng của tỉnh thì sao?"; Wikipedia, *Vietnamese grammar*, tense and
    aspect: "còn" continuative). Round 30: "…, vậy cổng … của tỉnh còn dùng đến khi nào?" was read as "còn dùng đến
    khi nào?", its subject cut off. A closing particle may follow ("… đến khi nào vậy?") and is not counted, and
    one word may close the question after its ending (the one asked, "… được không con?"; "… chưa có?")."""
    words = piece.split()
    if len(words) > 1 and words[-1].strip("?!.,").lower() in _AFTER_END:
        words = words[:-1]  # a closing particle ("… đến khi nào vậy?") lengthens no question
    return len(words) <= _STILL_WORDS and bool(_STILL.match(fold(piece)))


_STILL_WORDS = 5  # "còn" + a verb + its end point ("còn dùng đến khi nào"); longer, "còn" fronts a new subject


# "với" (folded "voi") joins a second question only after a question word (``_ends_on_question``, round 13)
_SOFT_CUT = re.compile(r",\s*|(?<!\s)\s+(?=(?:và|va|rồi|roi|voi)\s)")
_WITH = re.compile(r"\s+voi\s")


def _split_connectors(sentence: str) -> list[str]:
    """Cut before a second-question connector; at a comma or "và" only when both sides are questions."""
    if len(sentence.split()) < 6:
        return [sentence]
    folded = fold_keep_positions(sentence)
    cuts = [m.end() for m in _CONNECTOR.finditer(folded) if not _adverb_con(folded, m)]
    # each comma is judged on the whole sentence either side of it: only the first MAX_SOFT_CUTS are, so a sentence
    # of thousands of commas stays linear (clauses() keeps at most MAX_CLAUSES pieces anyway)
    # a prepositional "với" is skipped before the budget counts ("so với" × 24 must not starve the real comma)
    soft = (m for m in _SOFT_CUT.finditer(folded)
            if not _preposition_with(sentence, folded, m) and not _and_in_name(folded, m))
    for m in itertools.islice(soft, MAX_SOFT_CUTS):
        left, right = sentence[: m.start()], sentence[m.end() :]
        # the sentence's own "?" does not make its tail a question: "… của Bộ Khoa học và Công nghệ sau hợp nhất?"
        # a request before the comma announces the question after it ("Tôi cần thông tin về việc này, …"): one
        if (len(left.split()) >= 3 and len(right.split()) >= 3 and asks_by_itself(left)
                and not _closes_several(left, right)
                and (is_question(right.rstrip(" ?")) or tells_after(right) or tells_state(right))):
            cuts.append(m.end())
        elif m.group().startswith(",") and len(left.split()) >= 3 and len(right.split()) >= 3 \
                and _opens_request(right) and not is_question(left):
            # round 13: the asker tells who they are with only commas before asking ("Dạ thưa anh chị, em là giáo
            # viên mầm non ở Thuận Thành, cho em hỏi năm 2025 …"): the request opens the question, the rest is context
            cuts.append(m.end())
        elif m.group().startswith(",") and len(right.split()) >= 3 and introduces(left) and not is_question(left) \
                and "?" in right and is_question(right):
            cuts.append(m.end())  # the asker introduces themself first ("e chạy xe ôm ở …, …?", bot.nlp.introductions)
        elif m.group().startswith(",") and len(right.split()) >= 3 and knows_nothing(left) \
                and asks_by_itself(right):
            cuts.append(m.end())  # "Tôi chưa biết gì về tổ công nghệ số, tổ làm gì?" (bot.nlp.knowing_nothing)
        elif m.group().startswith(",") and len(left.split()) >= 3 and is_question(left) and tells_purpose(right) \
                and names_subject(left):
            cuts.append(m.end())  # round 15: the asker's purpose after the request is context (``tells_purpose``)
        elif m.group().startswith(",") and len(left.split()) >= 3 and is_question(left) and cites_source(right):
            cuts.append(m.end())  # round 17: "…, theo kênh này kêu gọi": where the asker heard it (``cites_source``)
        elif m.group().startswith(",") and (_ends_asking(left) or _asks_for(left, right)) \
                and (tells_after(right) or tells_state(right)):
            # a question, then what the citizen tells after it ("… nhiệm vụ gì ạ, em là đoàn viên muốn tham gia"):
            # the context is cut off so the question is read alone (round 10). Only the asker's own life: a
            # qualifier after the comma ("…, tính riêng cấp xã năm 2024") is still the question's, and what the
            # entry must explain
            cuts.append(m.end())
    cuts.extend(_purpose_cuts(sentence, folded))
    if not cuts:
        return [sentence]
    bounds = [0, *sorted(set(cuts)), len(sentence)]
    pieces = [sentence[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    # Keep a cut only when both sides are long enough to be questions of their own, and not before "còn … không"
    # ("trồng sầu riêng còn lời không", "tài khoản cũ còn dùng được không": *still* …?, the same question).
    merged: list[str] = []
    for piece in pieces:
        if merged and (len(piece.split()) < 3 or len(merged[-1].split()) < 3 or _still(piece)):
            merged[-1] = f"{merged[-1]}{piece}"
        else:
            merged.append(piece)
    return merged


def _closes_several(left: str, right: str) -> bool:
    """Whether the "rồi" a soft cut would open ``right`` with closes the quantifier "mấy" ending ``left`` ("Tôi dùng
    cổng đó mấy năm rồi mà không biết nó có từ lúc nào": for several years now, ``_several``): "mấy + time noun +
    rồi" asks nothing (round 31b: cut before "rồi", "mấy năm" ended the story's clause and was read as "how many
    years", the message's first question). The left is read with that "rồi", so it asks only if it asks without it."""
    then = right.split(maxsplit=1)[:1]
    return bool(then) and fold(then[0]) == "roi" and not asks_by_itself(f"{left} {then[0]}")


# "để" opening the asker's purpose with no comma before it ("… khai trương vào ngày tháng năm nào để ghi vào tài liệu
# sinh hoạt chi bộ", round 16): found folded, then kept only where typed with its marks ("đề án" folds alike)
_PURPOSE_AT = re.compile(r"(?<!\s)\s+(?=de\s)")
_PURPOSE_WORDS = 6  # words read of either side before the costly tests: "để" + two words + a verb of three


def _purpose_cuts(sentence: str, folded: str) -> list[int]:
    """Cuts before a "để" that opens the asker's purpose (``tells_purpose``) right after the question ends
    (``_ends_asking``: "… năm nào để ghi vào …"), where no comma parts them. The question must name its subject
    (``names_subject``); only the first MAX_SOFT_CUTS are judged, so a long sentence stays linear."""
    cuts: list[int] = []
    for m in itertools.islice(_PURPOSE_AT.finditer(folded), MAX_SOFT_CUTS):
        left, right = sentence[: m.start()], sentence[m.end() :]
        # the cheap tests first (review of round 17, L3): the purpose's opening words, then the question's last ones
        if _PURPOSE.match(fold(" ".join(right.split(maxsplit=_PURPOSE_WORDS)[:_PURPOSE_WORDS]))) is None \
                or len(left.split(maxsplit=3)) < 3 or asks_how(left):
            continue
        if not names_subject(left) or not tells_purpose(right):
            continue
        # round 19: or after a need or request for an explanation ("Tôi cần một định nghĩa … ngắn gọn để nói trong
        # buổi họp …"; "Tui can dinh nghia … de trinh bay …" typed with no marks at all too, but not "đề", "dễ");
        # a need for anything else (materials, opinions, a guide) keeps its purpose (review of round 19, H1-H4, M2)
        first = _plain(right.split(maxsplit=1)[0])
        if (first == "để" and _ends_asking(left)) \
                or (first in ("để", "de") and asks_explanation(left) and (is_question(left) or says_need(left))) \
                or (_for_the_asker(right) and is_question(left)):
            cuts.append(m.end())
    return cuts


# Round 17 (qa17conf): who will pass the answer on, right after an unmarked "de" ("… theo tài liệu chính thức de toi
# pho bien lai cho ba con"): "đề tôi / đề em" is no phrase, so the folded "de" is the purpose's "để" here, and the
# request before it need not end on its question word ("Nhờ kênh giải thích giúp định nghĩa …").
_PASSING_ON = frozenset({"toi", "tui", "em", "minh", "chau", "con", "to"})


# Review of round 17 (H3): "làm thế nào / làm sao / bằng cách nào / cần làm gì … để …" asks how to reach the goal
# after "để" ("Tài khoản VNeID làm thế nào để thêm vào thông tin người thân", "lam sao de em them vao giay phep lai
# xe"): that goal is what is asked, not what the asker will do with the answer. The how-words ending the left side,
# folded (end particles dropped).
_HOW = ("the nao", "lam sao", "cach nao", "lam gi", "ra sao")


def asks_how(left: str) -> bool:
    """Whether ``left`` ends on a how / what-to-do question word, so a "để" after it opens the goal asked (its last
    few words are read: linear in the message however many "để" it holds)."""
    words = [w for w in map(_plain, left.rsplit(maxsplit=_PURPOSE_WORDS)[-_PURPOSE_WORDS:]) if w]
    while words and words[-1] in _AFTER_END:
        words.pop()
    tail = f" {fold(' '.join(words[-3:]))}"
    return any(tail.endswith(f" {h}") for h in _HOW)


def _for_the_asker(right: str) -> bool:
    words = fold(right).split()[:2]
    return len(words) == 2 and words[0] == "de" and words[1] in _PASSING_ON


# The names of ministries that hold "và" (folded: the word before it, the two after), one noun, not two questions
# joined ("Bộ trưởng Bộ Khoa học và Công nghệ là ai", round 15: cut there, "… Bộ Khoa học" asked by its "Thế")
_NAMES_FILE = Path(__file__).resolve().parents[2] / "content" / "names_with_and.toml"
_NAME_WORDS = re.compile(r"[^\W_]+")
_AND_AT = re.compile(r"\s+va\s+")


@lru_cache(maxsize=1)
def _names_with_and() -> tuple[frozenset[tuple[tuple[str, ...], tuple[str, ...]]], frozenset[str]]:
    """The names with "và" inside (content/names_with_and.toml), each as its folded words before "và" (without
    "Bộ") and after it, and the words that show a name ended earlier (review of round 15, M1)."""
    data = tomllib.loads(_NAMES_FILE.read_text(encoding="utf-8"))
    names = set()
    for name in data.get("names", []):
        words = _NAME_WORDS.findall(fold(name))
        if "va" not in words or words[:1] != ["bo"]:
            continue
        at = len(words) - 1 - words[::-1].index("va")
        names.add((tuple(words[1:at]), tuple(words[at + 1 :])))
    return frozenset(names), frozenset(fold(w) for w in data.get("continues", []))


def _and_in_name(folded: str, m: re.Match[str]) -> bool:
    """Whether the soft cut ``m`` is a "và" inside a ministry's name (content/names_with_and.toml), read on the folded
    sentence: the name's words before "và" with "bộ" 1–3 words before them, its words after "và", and no word that
    continues the phrase right after it (a bounded look of a few words either side, linear over the cuts)."""
    if _AND_AT.match(folded, m.start()) is None:
        return False
    before = _NAME_WORDS.findall(folded[max(0, m.start() - 120) : m.start()])[-10:]
    after = _NAME_WORDS.findall(folded[m.start() : m.start() + 120])[1:10]  # without the "va"
    names, continues = _names_with_and()
    for left, right in names:
        if tuple(before[len(before) - len(left) :]) != left or tuple(after[: len(right)]) != right:
            continue
        lead = before[: len(before) - len(left)][-3:]
        if "bo" in lead and (len(after) == len(right) or after[len(right)] not in continues):
            return True
    return False


def _opens_request(right: str) -> bool:
    """Whether ``right`` opens with a request to ask ("cho em hỏi …", "xin hỏi …", "em muốn hỏi …", "cho tôi biết
    …"): the words of ``_spoken``'s openers, the asker first or not."""
    plain = [_plain(w) for w in right.split()[:4]]
    if plain[:1] and fold(plain[0]) in _SPEAKER:
        plain = plain[1:]
    return bool(plain) and plain[0] in _ASKERS and any(w in _ASK_VERBS for w in plain[1:3])


def _plain(raw: str) -> str:
    """A typed word as the question-word lists compare it: NFC, lower case, no punctuation around it."""
    return unicodedata.normalize("NFC", raw).lower().strip(".,!;:…\"'()")


# "với <noun phrase> thì …" (folded, up to the next comma): "as for …", the topic of the question before it
_WITH_TOPIC = re.compile(r"voi [^,]*?\bthi\b")


def _preposition_with(sentence: str, folded: str, m: re.Match[str]) -> bool:
    """Whether the soft cut ``m`` is a "với" that is a preposition, not a second question: after any word but a
    question word ("so với 2019", "liên kết với ngân hàng nào"), or a topic after one ("Ví điện tử là gì với người
    già … thì dùng được không": the subject of what follows, review 13 L3). Only the last 200 characters before it are
    read, so filtering every "với" of a long sentence stays linear."""
    if not _WITH.match(folded, m.start()):
        return False
    return not _ends_on_question(sentence[max(0, m.start() - 200) : m.start()]) \
        or _WITH_TOPIC.match(folded, m.end()) is not None


def _ends_on_question(clause: str) -> bool:
    """Whether the last word of ``clause``, end particles aside, is a question word ("… năm 2022 là gì", "…
    bao nhiêu"): "với" after it joins a second question ("… là gì với năm 2024 là gì", round 13), where after
    any other word it is the preposition ("so với 2019", "liên kết với ngân hàng nào")."""
    words = [w for w in map(_plain, clause.split()) if w]
    while words and words[-1] in _AFTER_END:
        words.pop()
    if not words:
        return False
    last = words[-1]
    return last in _QUESTION_FOLDED if last.isascii() else last in _QUESTION_MARKED


def _ends_asking(clause: str) -> bool:
    """Whether ``clause`` ends with its question: a question word among its last three words (a "không" only as
    the last), or an asking phrase, followed by end particles only."""
    words = [w for w in map(_plain, clause.split()) if w]
    while words and words[-1] in _AFTER_END:
        words.pop()
    if not words:
        return False
    for i, word in enumerate(words[-3:]):  # "… bao nhiêu tỉnh vậy": the question word and its noun
        asking = word in _QUESTION_FOLDED if word.isascii() else word in _QUESTION_MARKED
        if asking and (word not in _END_ONLY or i == len(words[-3:]) - 1):
            return True
    tail = f" {fold(' '.join(words[-3:]))} "
    return any(tail.endswith(p) for p in _ASKING_PADDED)


# Words after which "còn" is the adverb "still / left" ("hiện còn thiếu", "thì còn thêm mấy người"), not
# the opening of a second question.
_BEFORE_STILL = frozenset({"thi", "hien", "van", "ma", "chi", "cung", "dang", "se", "co", "khong", "chua", "nay",
                           "gio", "nua", "la", "ra"})
# After "nói", "còn" is the adverb ("nghe nói còn có cả một tháng khuyến mãi gì đó": it is said there is also …)
# except before what opens a question of its own: a year, or what the next question is about ("…, nói còn năm 2024?",
# "nói còn về …", "nói còn cái …"; review 17, M2)
_SAID = "noi"
_NEXT_AFTER_SAID = re.compile(r"còn\s+(?:nam\b|\d|ve\b|cai\b|viec\b|vu\b|chuyen\b)")


def _adverb_con(folded: str, m: re.Match[str]) -> bool:
    """Whether the connector at ``m`` is "còn" used as an adverb (no comma before it, an adverb's neighbour)."""
    if not folded.startswith("còn", m.end()) or "," in m.group():  # ò is kept: "con" is a child
        return False
    if _REMAINING.match(folded, m.end()):  # "mục tiêu còn lại", "còn bao nhiêu tỉnh": no second question
        return True
    before = _word_before(folded, m.start())
    if before == _SAID:
        return _NEXT_AFTER_SAID.match(folded, m.end()) is None
    return before in _BEFORE_STILL


# "còn lại" (the remaining one), and "còn bao nhiêu / mấy" without a comma before it: how many are *left* ("cả nước
# còn bao nhiêu tỉnh", round 10), one question
_REMAINING = re.compile(r"còn\s+(?:lai|bao\s+nhieu|may|bn)\b")


def _word_before(text: str, end: int) -> str:
    """The word ending at ``end`` (a connector's match starts right after one): scanned back from ``end``, not by
    splitting everything before it at each connector (quadratic in a message of many "còn")."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end]


def _fold_char(c: str) -> str:
    f = fold_token(c) if c.strip() and c not in "òÒ" else c
    return f if len(f) == 1 else c.lower()


class _FoldTable(dict[int, str]):
    """``str.translate`` table of :func:`_fold_char`, filled on first sight of a character (latency: a message is
    folded in C instead of character by character in Python); bounded, since any character may arrive."""

    def __missing__(self, code: int) -> str:
        folded = _fold_char(chr(code))
        if len(self) < _FOLD_TABLE_SIZE:
            self[code] = folded
        return folded


_FOLD_TABLE_SIZE = 4096
_FOLD_TABLE = _FoldTable()


def fold_keep_positions(text: str) -> str:
    """Character-wise fold (lowercase, no marks, đ→d) that keeps every position, so cuts map back."""
    return text.translate(_FOLD_TABLE)


# "không", "chưa" ask only at the end of a clause ("… có được không ạ"); inside it they negate ("mà không nghe
# rõ", "không ai rành điện thoại"). "ai" after a negation is anyone ("không hỏi được ai"), except after "không
# biết", which opens a question ("không biết ai ký"). Round 11: a question word before "cũng" is an indefinite,
# "every / any" ("ai cũng cài", "đêm nào cũng rảnh", "đi đâu cũng nghe", "gì cũng phải", "ngày nào tôi cũng"): with
# "cũng" the interrogatives read as universal quantifiers (Thuan Tran, *Wh-quantification in Vietnamese*, PhD thesis,
# University of Delaware, 2009), a fact told, not a question.
_END_ONLY = frozenset({"không", "chưa", "hông", "khong", "chua", "hong", "ko", "k", "hok", "hog", "hk", "kg"})
_NEGATION = frozenset({"không", "chẳng", "chả", "chưa", "hông", "khong", "chang", "cha", "chua", "ko", "k", "hok",
                       "hog"})
# "mấy" ending a negated clause is "(not) very" ("ko ranh cong nghe may", "không hiểu mấy"), not "how many".
_NOT_VERY = frozenset({"mấy", "may"})
_AFTER_END = frozenset({"ạ", "a", "vậy", "vay", "nhỉ", "nhi", "nhé", "nhe", "ta", "hả", "ha", "à", "thế", "z", "v",
                        "nè", "ne", "hen", "nghen", "đó", "do", "ad", "admin", "bạn", "ban", "ạh", "nữa", "nua",
                        "rứa", "dzậy", "zậy", "hè", "hỉ"})


def _asks_by_word(words: list[str]) -> bool:
    """Whether a question word of ``words`` (NFC, lowercase, no punctuation) asks — see ``_END_ONLY``."""
    # ends_after[i]: only particles follow word i — one pass from the right, so a message of many "không" stays
    # linear (testing the rest of the message at each one was quadratic)
    ends_after = [True] * len(words)
    for i in range(len(words) - 2, -1, -1):
        ends_after[i] = ends_after[i + 1] and words[i + 1] in _AFTER_END
    negated = False
    # a clause typed with marks spells its question words with them: an unmarked word there is another word
    # ("công nhân may", "xưởng may": to sew, not "mấy"), unless it is chat shorthand ("ko", "j", "bn")
    marked = len(words) >= _MARKED_MIN and sum(not w.isascii() for w in words) * 3 >= 2 * len(words)
    folded = _QUESTION_SHORTHAND if marked else _QUESTION_FOLDED
    for i, word in enumerate(words):
        if not (word in folded if word.isascii() else word in _QUESTION_MARKED):
            negated = negated or (word in _NEGATION and words[i + 1 : i + 2] != ["biết"]
                                  and words[i + 1 : i + 2] != ["biet"])
            continue
        if _denies(words, i):
            negated = True  # "tui đâu có hiểu gì": "đâu" denies (round 12), it asks no place
            continue
        if _negative_indefinite(words, i, ends_after) or _several(words, i, ends_after):
            continue  # "tìm mãi không thấy đâu", "không hiểu gì hết"; "mấy năm nay", "mấy đứa nhỏ … lập" (round 12)
        if word in _END_ONLY:
            if ends_after[i]:
                return True
            negated = negated or words[i + 1 : i + 2] not in (["biết"], ["biet"])
        elif _universal(words, i) or _somewhere(words, i, ends_after) or (word == "ai" and negated):
            continue  # "every / any", no question ("đêm nào cũng", "đi đâu cũng", "ai cũng", "ngày nào tôi cũng")
        elif word in _NOT_VERY and negated and ends_after[i]:
            continue  # "không rành công nghệ mấy": not very (round 10), no question
        else:
            return True
    return False


# Round 12: three more uses of the question words that ask nothing, each common in the stories citizens tell before
# their question (dev12a: a context sentence read as a question took the message's first reading, and its words were
# answered — "e tìm mãi không thấy đâu" got the entry on typing without marks):
# - under a negation a question word is an indefinite, "any-" (Thuan Tran, 2009, cited above, on wh-indefinites
#   licensed by negation): "không thấy đâu" (nowhere), "chẳng hiểu gì (hết)" (nothing). Only right after the negated
#   verb and ending the clause: "không có VNeID thì làm gì" still asks, and so does not knowing ("không biết đăng ký
#   ở đâu", "chưa rõ làm gì": a question asked indirectly);
# - "đâu" before "có / phải" with no verb of place before it is the colloquial negation ("tui đâu có biết", "đâu phải
#   ngày 10/10"), not "where";
# - "mấy" is also the quantifier "several" (Wikipedia, *Vietnamese grammar*, quantifiers: "mấy con gà"): before a time
#   noun and "nay / rồi / qua / trước" ("mấy năm nay", "mấy bữa nay", "mấy chục năm rồi": these past few), alone
#   before "nay" ("mấy nay"), and before a person with the sentence going on ("mấy đứa nhỏ … lập cái tổ", "mấy anh
#   đoàn thanh niên xuống …": those people); "tổ có mấy người", "gồm mấy anh?" ending the clause still ask.
_INDEFINITE = frozenset({"gì", "đâu", "gi", "dau", "j"})
# "không biết làm gì", "chưa rõ ở đâu": not knowing what / where is a question asked indirectly, unless "gì" says
# nothing ("không biết gì về …", ``bot.nlp.knowing_nothing``)
_KNOW = frozenset({"biết", "rõ", "nhớ", "biet", "ro", "nho", "bít", "bik"})
_AT_ALL = frozenset({"cả", "hết", "luôn", "ca", "het", "luon"})
_AT_ALL_REACH = 8  # words before "gì / đâu + cả" where its negation may stand (round 14)
# words that close a negated condition before what it leads to (review 14b, M5: "không có thì mượn đâu")
_CONDITION_TURNS = frozenset({"thì", "mà", "chứ", "vậy", "thi", "ma", "chu", "vay"})
_NEGATORS = _NEGATION | {"đâu", "dau"}
_DENIED = frozenset({"có", "phải", "co", "phai"})
_PLACE_VERBS = frozenset({"ở", "đi", "tới", "về", "đến", "từ", "chỗ", "nơi", "vô", "vào", "ra", "lên", "xuống", "tại",
                          "bên", "o", "di", "toi", "ve", "den", "tu", "cho", "noi", "vo", "vao", "len", "xuong",
                          "tai", "ben"})
_TIME_NOUNS = frozenset({"năm", "hôm", "bữa", "ngày", "tháng", "tuần", "bận", "lần", "nam", "hom", "bua", "ngay",
                         "thang", "tuan", "ban", "lan"})
_PAST = frozenset({"nay", "rồi", "qua", "trước", "rày", "gần", "vừa", "roi", "truoc", "ray", "gan", "vua"})
_TENS = frozenset({"chục", "trăm", "chuc", "tram"})
_PEOPLE = frozenset({"đứa", "anh", "chị", "ông", "bà", "cô", "chú", "bác", "cụ", "bạn", "em", "cháu", "thằng", "ổng",
                     "bả", "ảnh", "chỉ", "cổ", "dua", "ong", "ba", "co", "chu", "bac", "cu", "ban", "chau", "thang"})


def _denies(words: list[str], i: int) -> bool:
    """"đâu" denying ("tui đâu có hiểu gì", "đâu phải ngày 10/10"), not asking where (see ``_INDEFINITE``)."""
    return (words[i] in ("đâu", "dau") and words[i + 1 : i + 2] != [] and words[i + 1] in _DENIED
            and (i == 0 or words[i - 1] not in _PLACE_VERBS))


def _negative_indefinite(words: list[str], i: int, ends_after: list[bool]) -> bool:
    """"gì / đâu" right after a negated verb, ending the clause or before "cả / hết / luôn": "nothing / nowhere"."""
    at_all = words[i + 1 : i + 2] != [] and words[i + 1] in _AT_ALL
    # round 14: with "cả / hết" after it the negation may stand further back ("không muốn để thông tin cũ ở đâu cả":
    # nowhere at all), within the clause; and "đâu" ending a negated clause, no verb of place before it, is the
    # emphatic negation ("không phải kênh viết dở đâu": not at all — Wikipedia, *Vietnamese grammar*, sentence-final
    # particles), while "không biết bắt đầu từ đâu" still asks where
    # review 14b, M5: a negation followed by "thì / mà / chứ / vậy" negates a condition, not what "đâu" ends
    # ("công an xã không làm thì làm đâu": if not there, where then?)
    emphatic = words[i] in ("đâu", "dau") and ends_after[i] and i > 0 and words[i - 1] not in _PLACE_VERBS
    before = words[max(0, i - (_AT_ALL_REACH if at_all or emphatic else 3)) : i]
    negated = [j for j, w in enumerate(before) if w in _NEGATORS]
    # "chưa biết gì (về chuyển đổi số)", "không hiểu gì nhiều": "nothing" (bot.nlp.knowing_nothing, the one
    # reader of it), where "không biết làm gì" still asks what
    nothing = nothing_at(words, i, ends_after[i])
    if words[i] not in _INDEFINITE or not negated or (any(w in _KNOW for w in before) and not nothing) \
            or any(w in _CONDITION_TURNS for w in before[negated[-1] + 1 :]):
        return False
    return ends_after[i] or at_all or nothing


def _several(words: list[str], i: int, ends_after: list[bool]) -> bool:
    """"mấy" the quantifier: these past few ("mấy năm nay", "mấy chục năm rồi", "mấy nay") or those people with the
    sentence going on ("mấy đứa nhỏ … lập cái tổ") — see ``_INDEFINITE``."""
    if words[i] not in _NOT_VERY:
        return False
    rest = words[i + 1 : i + 4]
    if rest[:1] and rest[0] in ("nay", "rày", "ray"):
        return True
    if rest[:1] and rest[0] in _TENS:
        rest = rest[1:]
    if len(rest) >= 2 and rest[0] in _TIME_NOUNS and rest[1] in _PAST:
        return True
    return bool(rest) and rest[0] in _PEOPLE and i + 2 < len(words) and not ends_after[i + 1]


_ALSO = frozenset({"cũng", "cung"})
_WHICH = frozenset({"nào", "nao"})
_RANGING = frozenset({"gì", "ai", "đâu", "gi", "dau"})
_WHICH_SPAN = 3  # "[noun] nào [subject] cũng": a word or two between ("ngày nào tôi cũng", "tối nào ba cũng")


def _universal(words: list[str], i: int) -> bool:
    """The question word ``words[i]`` is an indefinite of "every / any": right before "cũng" ("ai cũng", "gì cũng",
    "đâu cũng"), or "nào" with a short subject between ("ngày nào tôi cũng đi") — see ``_END_ONLY``'s comment."""
    if words[i + 1 : i + 2] and words[i + 1] in _ALSO:
        return True
    if words[i] in _WHICH:
        return any(w in _ALSO for w in words[i + 2 : i + 1 + _WHICH_SPAN])
    # round 14: "gì / ai / đâu" with what it ranges over between ("cái gì trên mạng cũng lưu lại hết", "ai ở xóm cũng
    # biết"): the same universal reading (Tran 2009), two words between at most, the clause going on after "cũng"
    return words[i] in _RANGING and any(w in _ALSO for w in words[i + 2 : i + 1 + _WHICH_SPAN]) \
        and words[-1] not in _ALSO


_THAT = frozenset({"đó", "đấy"})
_MARKED_MIN = 4  # words from which a clause's marks say how it is typed


def _somewhere(words: list[str], i: int, ends_after: list[bool]) -> bool:
    """The question word ``words[i]`` is an indefinite "some-": before "đó" / "đấy" with the sentence going on
    ("đọc đâu đấy bảo…", "ai đó nói…", "cái gì đó không ổn") — at the end, "cái gì đó?" still asks what that is."""
    return words[i + 1 : i + 2] != [] and words[i + 1] in _THAT and not ends_after[i + 1]


# "gì / ai / đâu / nào" + "đó / đấy" closing a clause typed without "?": "something / someone" (round 15)
_VAGUE_WH = frozenset({"gì", "gi", "j", "ai", "đâu", "dau", "nào", "nao"})
_VAGUE_THAT = frozenset({"đó", "đấy", "do"})
# Review 15, M1: "là gì đó / ở đâu đó" also closes a plain Southern question typed without "?" ("Cái app VNeID la gi
# do"), so the indefinite reading needs the asker to say they heard or read it: a verb of hearing, telling or reading
# ("nghe", "bảo", "nói", "kể", "kêu", "biểu", "đọc", "thấy", "nhớ") or "hình như" before the closing words
_HEARD = frozenset({"nghe", "bảo", "bao", "nói", "noi", "kể", "ke", "kêu", "keu", "biểu", "bieu", "đọc", "doc",
                    "thấy", "thay", "nhớ", "nho"})
_SEEMS = ("hình như", "hinh nhu")


def told_vaguely(clause: str) -> bool:
    """Whether ``clause`` tells what the asker heard, asking only by an indefinite that closes it ("Tôi có nghe … chủ
    đề năm 2023 là gì đó": the theme is something or other, the asker does not recall it): no "?", the clause ends
    on "gì / ai / đâu / nào + đó / đấy", a word before those says it was heard, told or read (``_HEARD``, "hình
    như"), and without the two closing words it asks nothing. Without such a word it is a question ("Chuyển đổi số
    là gì đó", review 15, M1); typed with "?" ("cái gì đó?") it asks what that is, and a message of this clause
    alone is read as a question still (the engine drops it only beside a clause that asks)."""
    if "?" in clause:
        return False
    raws = clause.split()
    if len(raws) < 3 or _plain(raws[-1]) not in _VAGUE_THAT or _plain(raws[-2]) not in _VAGUE_WH:
        return False
    told = [_plain(w) for w in raws[:-2]]
    heard = any(w in _HEARD for w in told) or any(f"{a} {b}" in _SEEMS for a, b in itertools.pairwise(told))
    return heard and not asks_by_itself(" ".join(raws[:-2]))


# The readings of one clause are asked again and again while a message is cut and its questions chosen (each
# comma's two sides, ``announces``, the engine's tests: a clause was folded up to six times), so each is cached for
# the last clauses seen (latency; bounded, and each a pure function of the clause).
_CLAUSE_CACHE = 256
_ASKING_PADDED = tuple(f" {p} " for p in _ASKING_PHRASES)
_REQUEST_PADDED = tuple(f" {p} " for p in _REQUEST_PHRASES)


@lru_cache(maxsize=_CLAUSE_CACHE)
def _padded(clause: str) -> str:
    """The folded clause between spaces, where a phrase is found whole."""
    return f" {fold(clause)} "


def _opens_name(raws: list[str], i: int) -> bool:
    """Whether the word at ``i`` (not the first) opens a name typed without marks: capitalised after a lower-case
    word and before another capitalised word ("quê Ha Tinh", "ở Ha Noi": not the particle "hả"). A title-cased
    message ("Cho Hoi Ai La …") has no lower-case word before, and keeps its question words (round 11)."""
    raw = raws[i]
    return (raw.isascii() and raw[:1].isupper() and raws[i - 1][:1].islower()
            and i + 1 < len(raws) and raws[i + 1][:1].isupper())


@lru_cache(maxsize=_CLAUSE_CACHE)
def asks_by_itself(clause: str) -> bool:
    """Whether ``clause`` asks with a question mark, a question word or an asking phrase ("là gì", "ở đâu") — not
    only with a request phrase ("tìm hiểu", "hướng dẫn"), which a context sentence may hold as well."""
    if "?" in clause:
        return True
    raws = clause.split()
    # a word of a name is no question word ("ở Cái Răng", and round 11: an unmarked "Ha" opening "Ha Tinh")
    words = ["" if i and (continues_name(raws[i - 1], raw) or _opens_name(raws, i)) else _plain(raw)
             for i, raw in enumerate(raws)]
    if _asks_by_word([w for w in words if w]):
        return True
    padded = _padded(clause)
    return any(p in padded for p in _ASKING_PADDED if p != _WHERE_PADDED or not _NOWHERE.search(padded))


# "ở đâu" as nowhere, not where (round 14): a negation before it in the clause and "cả / hết" right after ("không muốn
# để thông tin cũ ở đâu cả"); its words are read by ``_negative_indefinite``, the phrase here
_WHERE_PADDED = " o dau "
# No verb of knowing may stand between (review 14b, M4: "không biết thông tin lưu ở đâu cả" asks where), and no tag
# question may close it ("… lưu ở đâu cả không").
_NOWHERE = re.compile(r" (?:khong|chang|cha|chua|ko|k|hong) (?:(?!(?:biet|ro|nho|bit|bik) )\S+ ){0,6}o dau (?:ca|het) "
                      r"(?!(?:khong|ko|k|hong|chua|ha|vay) $)")


def says_nowhere(text: str) -> bool:
    """Whether ``text`` says "ở đâu cả / hết" as nowhere (see :data:`_NOWHERE`), not as a where asked."""
    return _NOWHERE.search(_padded(text)) is not None


# a wish to know, said (folded): "cho (tôi) hỏi", "xin hỏi", "muốn hỏi / biết", "cần biết", "thắc mắc", "tò mò"
_TO_KNOW = re.compile(r" (?:(?:cho|xin)(?: \S+)? hoi|muon (?:hoi|biet)|can biet|thac mac|to mo) ")


def asks_to_know(sentence: str) -> bool:
    """Whether ``sentence`` asks something and says the wish to know it ("Nay muốn biết năm 2025 … có chủ đề gì"):
    a question by every sign, where a question word alone is often a story's ("có gì bác hỏi sau", "khi nào rảnh tôi
    tự vào đọc", round 14). The command reader asks it of a long letter's sentences after a request."""
    return asks_by_itself(sentence) and _TO_KNOW.search(_padded(sentence)) is not None


def is_question(clause: str) -> bool:
    """Whether ``clause`` asks something (a question word, a request/need phrase, or a question mark)."""
    if asks_by_itself(clause):
        return True
    padded = _padded(clause)
    return any(p in padded for p in _REQUEST_PADDED)


# Words that point back at something the context said ("bộ đó", "app này", "nó", and "còn lại": the one left of
# those the context named), typed with marks; unmarked
# "do", "nay", "no" are also other words, so an unmarked question is judged by "kia" only.
_BACK_REFERENCES = frozenset({"đó", "đấy", "ấy", "nó", "này", "kia", "đây", "họ", "ổng", "bả"})


def self_contained(clause: str) -> bool:
    """Whether the question clause names what it asks about: two words or more, none pointing back at the context
    before it ("bộ đó", "app này"). A bare query ends a message as well ("…. Sếp giao tìm hiểu kỹ. ngày cđs 2025")."""
    # NFC and lower case of the whole clause at once: neither crosses a space, so each word is as if done alone
    # (latency: two calls per word before)
    words = [raw.strip(".,!?;:…\"'()") for raw in unicodedata.normalize("NFC", clause).lower().split()]
    return (len(words) >= 2 and not any(w in _BACK_REFERENCES for w in words)
            and not any(a == "còn" and b == "lại" for a, b in zip(words, words[1:], strict=False)))


def names_before_pointing(message: str) -> bool:
    """Whether a message of one clause names what it is about before it points back: its first comma piece is
    :func:`self_contained` and more pieces follow (round 28). A chat message runs its story and its question into
    one sentence joined by commas ("tui mới mua điện thoại, cháu nó cài vneid cho, chừ đăng nhập nó bắt nhập tên
    đăng nhập, là số gì"): the clause splitter keeps it whole (a comma cuts only between two questions), and its
    "nó", "này" point back at what its own first pieces said, not at something the conversation said before — as
    a message of several clauses, it is read whole. Each piece is read once: linear in the message."""
    pieces = [piece for piece in message.split(",") if piece.strip()]
    return len(pieces) > 1 and self_contained(pieces[0])
