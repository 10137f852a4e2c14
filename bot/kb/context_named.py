"""What the sentence before a question names, the entry answering the question alone must say (issue 12).

A citizen tells the thing asked in a sentence and asks about it in the next, pointing back: "Sếp bảo … đến năm
2025 hồ sơ công việc cấp xã phải xử lý trên môi trường mạng theo một tỉ lệ nhất định. Tỉ lệ đấy là bao nhiêu phần
trăm vậy?". Read alone, the question ("tỉ lệ … bao nhiêu phần trăm") is answered with confidence by a neighbouring
fact (the share of dossiers handled online) while the whole message ranks first the entry that says the
context's thing (the 2025 targets: "hồ sơ công việc cấp xã"), too unsure to answer. Round 15's
``bot.kb.explained.subject_left`` reads this only for a question of a few words after a whole message answered
with confidence; this reads it for a question of any length after a whole message left unsure.

:func:`context_left`: the context's content word pairs (two-syllable words: "công việc", "cấp xã") that
the whole message's top entry says as pairs (so words of the knowledge base, not chat) and the entry answering the
question alone says nowhere as pairs. From ``LEFT_PAIRS`` of them (two caught a story's chance pairs: "Thủ tướng
| phê", "từ năm", and lost right answers) the question alone answers another fact; the reader
(``bot.kb.reading``) then gives the whole message's own reply, where both entries are offered.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.kb.lexicon import View
from bot.kb.message import Sentence
from bot.kb.records import EntryRecord
from bot.kb.several import Decided
from bot.kb.texts import Texts
from bot.nlp.clauses import self_contained

LEFT_PAIRS = 3  # words of the context the whole message's entry says and the question's entry does not


def context_left(context: View | None, alone: EntryRecord | None, whole: EntryRecord | None,
                 least: int = LEFT_PAIRS) -> bool:
    """Whether the entry of ``alone`` (the question read by itself) leaves out at least ``least`` two-syllable words
    of the ``context`` that the entry of ``whole`` (the whole message's first) says (see the module docstring)."""
    if context is None or alone is None or whole is None or alone is whole or len(context.pairs) < least:
        return False
    said_q, said_a, own_q, own_a = whole.q_pairs, whole.a_pairs, alone.q_pairs, alone.a_pairs
    left = {p for p in context.pairs if (p in said_q or p in said_a) and p not in own_q and p not in own_a}
    return len(left) >= least


def question_left_context(texts: Texts, parts: Sequence[str], question: str, typed: Sentence | None, alone: Decided,
                          whole: Decided, records: Mapping[str, EntryRecord]) -> bool:
    """:func:`context_left` of a message's one ``question`` (one of its clauses ``parts``; ``typed``: its sentence as
    the citizen typed it) whose reading alone (``alone``) answered another entry than the whole message's first
    (``whole``), the context being the clause told right before the question (a story's earlier sentences tell the
    asker's life: "Tôi làm bốc xếp ở cảng …, quét mã container trên máy tính bảng …"). Only a question that points
    back at the context ("tỉ lệ đấy", "con số đó": ``bot.nlp.clauses.self_contained``) asks about what the context
    names; one that names its own subject leaves a context that tells the asker's life or where they read it ("Bố
    mẹ mình lớn tuổi, dùng smartphone chưa rành …", "… bài viết của Sở Thông tin và Truyền thông …")."""
    i = parts.index(question) if question in parts else -1
    if i < 1 or not alone[0].confident or not alone[1] or not whole[1] or alone[0].entry == whole[1][0].entry.id \
            or self_contained(typed.text if typed is not None else question):
        return False
    context = texts.query(parts[i - 1])  # the clause told right before: the rest of a story is the asker's life
    return context is not None and context_left(context.view, records.get(alone[0].entry or ""),
                                                records.get(whole[1][0].entry.id))
