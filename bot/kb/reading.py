"""Reading a message: which of its readings answers it (round 7 on; docs/question-answering.md).

A message is read several ways: whole (regional words standardized), ranked whole but gated on its question
(``Index.search_gated``), and each question alone (``bot.kb.message`` says which clauses ask). The best reading is
the most decided (confident, then "Ý bạn là", then unknown), then the strongest evidence; a clause read alone must
agree with the whole message. A question that points back or drops its subject is read with the sentence before
it; with two questions the first answered wins and the next is offered (``bot.kb.several``). At most
``MAX_READINGS`` searches a message (latency), their texts read once (``bot.kb.texts``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import Protocol

from bot.kb import several
from bot.kb.afterthoughts import only_offered
from bot.kb.agreed import agreed
from bot.kb.asks import named_places
from bot.kb.citations import without_citation
from bot.kb.decision import NEAR_MISS, REDIRECT_TOPIC, SUGGESTIONS, ambiguous_entries
from bot.kb.explained import names, subject_left
from bot.kb.first_alone import first_read_alone
from bot.kb.further_questions import offered_too
from bot.kb.heading import without_heading
from bot.kb.held import RANKED, Holdings, restated
from bot.kb.held import checked as checked_held
from bot.kb.index import Hit, Index
from bot.kb.intent_model import NOTHING, IntentModel
from bot.kb.introduced import cut_introduction, names_entry
from bot.kb.loader import Entry
from bot.kb.message import (
    Sentence,
    first_two,
    last_asking,
    marked,
    points_back,
    questions,
    resolved_parts,
    sentences_of,
    together,
)
from bot.kb.named import long_enough, named
from bot.kb.own_phrasing import own_phrasing
from bot.kb.purposes import without_purpose
from bot.kb.question_part import asking_pieces
from bot.kb.records import EntryRecord
from bot.kb.refused_first import refused_first
from bot.kb.second_says_first import answered_by_second
from bot.kb.several import SAYS_BOTH_FULL_MATCH, Decided
from bot.kb.shown import widened
from bot.kb.siblings import Families, checked
from bot.kb.story_cut import cut_from_story
from bot.kb.story_pull import question_own
from bot.kb.tails import without_tail
from bot.kb.texts import Texts
from bot.kb.unranked import unranked
from bot.nlp.clauses import clauses, names_before_pointing, self_contained, told_vaguely
from bot.nlp.dialect import standardize
from bot.nlp.introductions import confidently_in_scope, only_introduces

MAX_READINGS = 3  # searches of one message: the whole message's and at most two of its questions (latency)
_RANK = {"confident": 2, "ambiguous": 1, "unknown": 0}
GATED = "\0gated"  # key of the reading ranked on the whole message and gated on its question
# a long letter whose asking sentences are at most this share of its words is read with them again (round 33)
STORY_SHARE = 0.5
_NUMBER_COMMA = re.compile(r"(?<=\d),(?=\s)")  # a comma after a number, before a space (``_siblings``)


class Knowledge(Protocol):
    """What reading a message needs of the knowledge base (``bot.kb.engine.KnowledgeBase``)."""

    index: Index
    intent: IntentModel | None
    by_id: dict[str, Entry]
    records: dict[str, EntryRecord]
    messages: dict[str, str]
    measure_all: bool  # the off-topic model's tools are recording the engine's readings (``bot.kb.engine``)
    families: Families  # siblings the ranker cannot tell apart (``bot.kb.siblings``)
    holdings: Holdings  # the subjects entries hold each kind of fact for (``bot.kb.held``)

    def decide(self, texts: Texts, text: str, hits: list[Hit] | None = None, exact: bool = True,
               among: Collection[str] | None = None) -> Decided:
        """The decision on ``text``, one text of the message ``texts`` holds, and its ranked hits (``among``: only a
        confident answer with one of these entries is of use; none is decided where none can be)."""
        ...


def read(kb: Knowledge, question: str) -> tuple[Decided, Entry | None]:
    """The best reading of a message, and the entry of its second question when it asks two.

    Readings: the whole message (regional words standardized) and each clause that asks something — the
    question after a context ("Nhà tôi ở quê… Cho hỏi …"). The best is the most decided (confident, then
    "Ý bạn là", then unknown), then the strongest evidence. With two questions, the first one answered
    confidently wins and the second's best entry (its own clause, else the whole message) is offered.
    """
    (found, second), texts, text, cut, asks = _read_message(kb, question)
    if found[0].confident and (kb.families.members or kb.holdings.of_entry):
        checked_found, second = _siblings(kb, texts, text, cut, asks, found, second)
        if checked_found is not found:  # the members named, answered or offered as they are (nothing widened)
            return checked_found, second
    if second is not None or found[0].confident:
        return found, second
    # unanswered: its choices drawn from every reading, the chosen one's first entry first (bot.kb.shown)
    last = texts.ranked.get(asks[-1], []) if asks else []
    intent = texts.intent(texts.whole) if texts.whole else NOTHING
    return (widened(found[0], intent, last, texts.ranked.get(text, []), kb.by_id, kb.messages), found[1]), None


def _cut(questions: Sequence[str]) -> list[str]:
    """The asking pieces of ``questions``, a comma after a number and before a space cutting a piece."""
    return asking_pieces([_NUMBER_COMMA.sub(" ,", a) for a in questions])


def _analysed(texts: Texts, pieces: Sequence[str]) -> str:
    """The pieces read as the ranker reads them (``Texts.analysis``, memoised per piece), joined."""
    return " ".join(texts.analysis(p).text for p in pieces)


def _siblings(kb: Knowledge, texts: Texts, text: str, cut: Sequence[str], asks: Sequence[str], found: Decided,
              second: Entry | None) -> tuple[Decided, Entry | None]:
    """The confident answer ``found`` checked against the family members its asking part names (round 28,
    ``bot.kb.siblings``): the member named answered, or the members offered (the second question's entry among
    them, ``second`` then offered no more). The asking part is the asking pieces of the question clauses ``asks`` (of
    the message ``text`` where none is read; of the first question alone where a second is offered: the answer is the
    first's, the second names its own member); where a clause points back ("quyết định đó", read with what the story
    said: ``resolved_parts``), what the whole message names counts too. A comma after a number and before a space
    cuts a piece here ("… làm mức 2, vậy mức 1 thì …"); a number's own comma ("4,22") has no space after it.
    Round 29: an answer no family moved is checked against the facts its entry holds (``bot.kb.held``): a kind
    asked of a subject the entry holds it for none of, held by an entry the reading ranked, goes to that entry."""
    asked = asks[:1] if second is not None else (asks or [text])
    pieces = _cut(asked)
    asking = _analysed(texts, pieces)
    resolved = bool(asks) and not set(asks) <= set(cut)  # ``cut``: the clauses of ``text``, split once (latency)
    whole = texts.analysis(text).text if resolved else ""
    kinds = lambda: frozenset().union(*(texts.kinds(p) for p in pieces)) | texts.places  # noqa: E731
    result = checked(kb.families, found[0], kb.by_id, asking, whole, kb.messages, kinds)
    if result is found[0]:  # round 29: an asked kind of fact held for another subject (bot.kb.held)
        ranked = [(h.entry.id, h.score) for h in found[1][:RANKED]]
        offered = {second.id} if second is not None else set()
        # round 31b: the question clause read alone ranks what the question itself asks, no other topic sharing a
        # word: a long letter's story may rank the whole message away from it (the portal made the single one,
        # told first; its start asked after: "… không biết nó bắt đầu hoạt động từ lúc nào")
        own = texts.ranked.get(asks[0], []) if asks else []
        offered |= {own[0].entry.id} if own else set()
        rest = _cut(asks[1:]) if second is not None else []
        held_asking = restated(asking, _analysed(texts, rest))
        result = checked_held(kb.holdings, found[0], kb.by_id, held_asking, ranked, offered, kb.messages, kinds)
    if result is found[0]:
        return found, second
    if result.confident:
        return (result, found[1]), (None if second is not None and second.id == result.entry else second)
    if second is not None and second.id not in result.choice_entries and len(result.choice_entries) < SUGGESTIONS:
        shown = [kb.by_id[i] for i in result.choice_entries if i in kb.by_id]
        result = replace(ambiguous_entries([*shown, second], kb.messages, result.normalized), score=result.score)
    return (result, found[1]), None


def _read_message(kb: Knowledge, question: str) -> tuple[tuple[Decided, Entry | None], Texts, str, list[str],
                                                         list[str]]:
    """:func:`read`'s reading of ``question``, with the message's texts, the message as read (regional words
    standardized, a purpose, tail or citation cut), its clauses (``bot.nlp.clauses.clauses`` of it: split once per
    message, round 34) and its asking clauses."""
    text = standardize(question, kb.index.known_pair)
    cut = clauses(text)
    if (told := without_purpose(cut, text)) is not None:  # the purpose's words rank nothing (bot.kb.purposes)
        text, cut = told, clauses(told)
    if (pleaded := without_tail(cut, text)) is not None:  # "…? trên kênh có nhắc không" (bot.kb.tails)
        text, cut = pleaded, clauses(pleaded)
    if (asked := without_citation(text)) is not None:  # nor the source cited before it (bot.kb.citations)
        text, cut = asked, clauses(asked)
    parts = resolved_parts(cut)
    # each clause's sentence, found as typed (a resolved clause reads the story's words)
    sentences = dict(zip(parts, sentences_of(cut, text), strict=True))
    # a lone question pointing back at nothing said ("Ứng dụng ấy do ai phát triển") is not read by the intent
    # reader: it would name the entry its words suggest, a guess the ranker's evidence alone must carry; one that
    # named its subject in a comma piece before pointing back points back at itself (round 28)
    texts = Texts(kb.index, kb.intent,
                  text if len(parts) > 1 or self_contained(text) or names_before_pointing(text) else "")
    ranked = lambda p: texts.query(p) is not None  # noqa: E731
    heard = lambda p: texts.analysis(p).text  # noqa: E731
    # a first sentence only heading the question after it is no question of its own (bot.kb.heading, round 32)
    asks = without_heading(questions(parts, cut, text, sentences, ranked), sentences, heard)
    texts.asking = _asking_sentences(text, asks, sentences)  # read again beside a long letter (round 33)
    # the questions without afterthoughts differ only where a clause after the first is told vaguely (latency: the
    # clauses are read once for most messages)
    plain = without_heading(questions(parts, cut, text, sentences, ranked, afterthoughts=False), sentences, heard) \
        if any(map(told_vaguely, parts[1:])) else asks
    if plain == asks:
        return _read_asks(kb, texts, text, parts, sentences, asks), texts, text, cut, asks
    # review 17, H1: a vague afterthought ("…, nghe nói năm 2025 là gì đó") is only ever offered: the message is
    # read without it (round 15), and with it only where that is answered, to offer its entry next
    without = _read_asks(kb, texts, text, parts, sentences, plain)
    if not without[0][0].confident or without[1] is not None:
        return without, texts, text, cut, plain
    with_it = _read_asks(kb, texts, text, parts, sentences, asks)
    if only_offered(with_it[0][0], without[0][0], lambda: kb.decide(texts, asks[0])[0]):
        return with_it, texts, text, cut, asks
    return without, texts, text, cut, plain


def _asking_sentences(text: str, asks: Sequence[str], sentences: dict[str, Sentence | None]) -> str:
    """The sentences of the long letter ``text`` that hold its questions ``asks``, in the letter's order, which the
    intent reader reads again beside the whole letter (``bot.kb.intent_model.IntentModel.read``, round 33); "" where
    the story cannot outvote the question or the question needs the story:

    - a letter shorter than ``bot.kb.named.LONG_WORDS``, or one whose asking sentences are more than half of it
      (``STORY_SHARE``): its story is too short to outvote what it asks;
    - a question that names nothing by itself ("Ad cho tôi xin nguyên văn chủ đề năm đó được không?",
      ``bot.nlp.clauses.self_contained``): what it asks about is told in the story, and read again alone it reads
      as nothing the channel says;
    - a question whose sentence is not found as typed."""
    if not asks or not long_enough(text) or not all(map(self_contained, asks)):
        return ""
    found = [sentences.get(a) for a in asks]
    if any(s is None for s in found):
        return ""
    asking = " ".join(dict.fromkeys(s.text for s in sorted(found, key=lambda s: s.index) if s is not None))
    return asking if len(asking.split()) <= STORY_SHARE * len(text.split()) else ""


def _asked_by(kb: Knowledge, entry: str | None) -> frozenset[str] | None:
    """The question vocabulary of ``entry`` (title, keywords, phrasings), ``None`` for none."""
    record = kb.records.get(entry or "")
    return None if record is None else record.q_vocab


def _read_asks(kb: Knowledge, texts: Texts, text: str, parts: Sequence[str],
               sentences: dict[str, Sentence | None], asks: list[str]) -> tuple[Decided, Entry | None]:
    """``read`` of the message ``text`` (its clauses ``parts``, their ``sentences``) whose questions are ``asks``;
    left unanswered, one of its questions answered where the whole message agrees (``bot.kb.agreed``), else a long
    message whose whole the intent reader names as the ranker does (``bot.kb.named``), else a long letter's asking part
    whose entry its story kept out of the whole letter's ranking (``bot.kb.unranked``), else the question cut from the
    story run into its sentence, where the readers of both agree (``bot.kb.story_cut``)."""
    wholes: list[Decided] = []  # the whole message's decision, as the questions' reading made it
    found = _read_questions(kb, texts, text, parts, sentences, asks, wholes)
    if found[0][0].confident or found[1] is not None:
        return found
    # the same decision, not made again (latency, round 24: a second ranking of a long letter nobody answers; the
    # questions' reading decided the whole message with its plain hits, which a search of it ranks alike)
    whole = wholes[-1] if wholes else kb.decide(texts, text)
    rescued = agreed(kb, texts, text, asks, whole) if asks else None
    if rescued is None and (asks or long_enough(text)):
        rescued = named(texts, text, whole, kb.messages, kb.index.idf_of, asks)
    if rescued is None and not kb.measure_all:
        # round 28: a long letter whose story kept its question's entry out of its ranking (bot.kb.unranked); not
        # while the off-topic model's tools record the engine's readings, as the story cut below (its guard reads
        # that model over the asking part too)
        rescued = unranked(kb, texts, text, asks, whole, kb.index.idf_of)
    if rescued is None and not kb.measure_all:
        # round 27: the question cut from the story run into its sentence (bot.kb.story_cut). Not while the off-topic
        # model's tools record the engine's readings (tools/train_offtopic.py sets ``measure_all``): the cut's guard
        # reads that model over the part, and fitted on the parts of the tuned sets' off-topic stories it would be
        # fitted to its own guard (regenerated so, it also moved held-out answers: the round-21 shuffle noise)
        rescued = cut_from_story(kb, texts, text, asks, whole)
    return (rescued, None) if rescued is not None else found


def _read_questions(kb: Knowledge, texts: Texts, text: str, parts: Sequence[str],
                    sentences: dict[str, Sentence | None], asks: list[str],
                    wholes: list[Decided] | None = None) -> tuple[Decided, Entry | None]:
    """``read`` of the message ``text`` (its clauses ``parts``, their ``sentences``) whose questions are ``asks``;
    the whole message's decision, once made, is added to ``wholes`` (the caller's, to read it again for nothing)."""
    wholes = [] if wholes is None else wholes
    # A place a question names holds for every reading ("Thái Lan có … không, là ngày nào?"), a place in a
    # context sentence for none ("Tôi ở Hà Nội, muốn hỏi cả nước còn 34 tỉnh từ bao giờ?").
    placed = marked(asks, text) or [text]
    texts.places = frozenset().union(*(named_places(texts.analysis(p).text, p) for p in placed))
    texts.names = frozenset().union(*(names(p, kb.index.known_pair) for p in (asks or [text])))
    texts.question, texts.message = (asks[0] if len(asks) == 1 else ""), text
    gated: list[Hit] | None = None
    whole: Decided | None = None
    if len(asks) == 1 or (asks and len(parts) > len(asks)):
        # context around the question: the whole message ranks, the question alone is gated
        plain, gated = kb.index.search_gated(texts.query(text), texts.query(" ".join(asks)))
        whole = kb.decide(texts, text, plain)
        wholes.append(whole)
        if (whole[0].out_of_scope or (whole[1] and whole[1][0].entry.topic == REDIRECT_TOPIC)) \
                and parts[0] not in asks and only_introduces(parts[0]) \
                and not confidently_in_scope(kb.decide(texts, " ".join(asks))[0]):
            return whole, None  # who the asker is told why the question is not the channel's (bot.nlp.introductions)
    elif not asks:
        whole = kb.decide(texts, text)
        wholes.append(whole)
        if whole[0].confident:
            return whole, None  # nothing a clause could add (latency: one search for most messages)
    gated_reading = kb.decide(texts, text, gated, exact=False) if gated is not None else None
    if whole is not None and whole[0].confident and len(asks) < 2:
        if gated_reading is None or gated_reading[0].confident:
            return own_phrasing(kb, texts, asks, parts, whole) or whole, None  # a phrasing said (bot.kb.own_phrasing)
        pulled = whole  # the context explains the top entry, the question does not: read the question alone
    else:
        pulled = None
        if gated_reading is not None and gated_reading[0].confident and len(asks) < 2:
            if whole is not None and whole[0].kind == "unknown" and points_back(parts, asks):
                return _resolved(kb, texts, parts, gated_reading), None
            if whole is not None and cut_introduction(parts, asks, sentences) and not names_entry(
                    texts.query(" ".join(asks)).view, _asked_by(kb, gated_reading[0].entry), kb.index.token_df):
                return whole, None  # a look-alike cut off an introduction (bot.kb.introduced)
            own = question_own(texts, asks[0], gated_reading, lambda q: kb.decide(texts, q))  # bot.kb.story_pull
            if own is not None and not _subject_left(kb, texts, parts, asks[0], own, gated_reading):
                return own, None
            # the question inside its context is answered (latency: no clause search), or a phrasing said
            return own_phrasing(kb, texts, asks, parts, gated_reading) or gated_reading, None
    # the first two questions, or with more (a rambling message whose context sentences read as questions)
    # the first and the last (latency: at most MAX_READINGS searches with the whole message's)
    tried = list(dict.fromkeys(asks if len(asks) <= MAX_READINGS - 1 else first_two(asks, sentences)))
    readings = {p: kb.decide(texts, p) for p in tried}
    if pulled is None and not any(r is not None and r[0].confident for r in (whole, gated_reading)):
        # round 34: "<a procedure we do not handle> làm ở đâu, có tốn tiền không?" (bot.kb.refused_first)
        refused = refused_first(tried, readings, sentences, lambda q: texts.analysis(q).text)
        if refused is not None:
            return refused, None
    if pulled is not None:
        alone = readings[asks[0]]
        if alone[0].confident and alone[0].entry != pulled[0].entry \
                and not _subject_left(kb, texts, parts, asks[0], alone, pulled):
            return alone, None
        return pulled, None
    if gated_reading is not None:
        readings[GATED] = gated_reading
    if whole is None:
        whole = kb.decide(texts, text)
        wholes.append(whole)
    if len(asks) >= 2:
        first_read_alone(kb, texts, tried, readings)  # an unsure first question read as if sent alone
        answered = several.first_answered(texts, tried, whole, readings[tried[0]], readings[tried[-1]], kb.by_id,
                                          kb.messages)
        if answered is not None and len(asks) == 2 and answered[0] is readings[tried[0]]:
            # round 24: the entry offered says the first question too, and the whole message is answered with it
            # (bot.kb.second_says_first); two questions only, as a third one's offer is read against the first's
            answered = answered_by_second(texts, tried[0], whole, answered[0], answered[1], kb.by_id,
                                          kb.messages, tried[-1], readings[tried[-1]]) or answered
        if answered is not None:
            return offered_too(kb, texts, asks, tried, sentences, readings, answered, whole)  # a third one offered too

    def strength(reading: Decided) -> tuple[int, float]:
        result, hits = reading
        return _RANK[result.kind], (hits[0].coverage + hits[0].match) if hits else 0.0

    # A clause ranked on its own must agree with the whole message ("…, số điện thoại hay số gì" alone is
    # another question); the gated reading ranks the whole message, so it always agrees.
    near = {h.entry.id for h in whole[1][:3]}
    # the one question, pointing back at nothing said before ("bộ đó", "app này"), needs no agreement: a long
    # context ("Mình là cán bộ văn hóa xã, …") may pull the whole message elsewhere. It may be followed by
    # sentences that ask nothing ("… là gì? Em cảm ơn nhiều.", round 11): those are closing words, not topic
    alone_ok = asks[-1] if len(asks) == 1 and self_contained(asks[-1]) and last_asking(parts, asks[-1]) else None
    agreeing = [r for key, r in readings.items()
                if key == GATED or (r[1] and (r[1][0].entry.id in near or key == alone_ok))]
    best = max([whole, *agreeing], key=strength)
    if best[0].confident and several.borrowed(texts, tried, readings, best):
        return readings[tried[0]], None
    if len(asks) >= 2 and best[0].confident:
        offered = several.unsure_first(tried[0], readings[tried[0]], best[0], kb.by_id, kb.messages)
        if offered is not None:
            return offered, None
        # the first question was not answered but another reading was: offer the entry that explains most of
        # the first question ("VNeID do cơ quan nào làm": the app's entry, not the one who runs the channel)
        first = max(readings[tried[0]][1][:SUGGESTIONS], key=lambda h: h.coverage, default=None)
        if first is not None and first.entry.id != best[0].entry and first.coverage > NEAR_MISS:
            return best, first.entry
    if len(tried) >= 2 and not best[0].confident and readings[tried[0]][0].kind == "ambiguous" \
            and together(tried[0], tried[1], sentences):
        # round 15: questions of one sentence, none answered ("Vậy giờ nhập vô bộ nào, từ ngày nào, ai làm bộ
        # trưởng?"): the first one's own "Ý bạn là…?", not the whole message's, which the later ones pull
        return readings[tried[0]], None
    if not best[0].confident and len(asks) == 1:
        told = _told_before(kb, texts, parts, asks[0], near)
        if told is not None:
            return told, None
    return best, None


def _subject_left(kb: Knowledge, texts: Texts, parts: Sequence[str], question: str, alone: Decided,
                  whole: Decided) -> bool:
    """Whether the one question's answer read alone drops the subject its context told, which the whole
    message's answer keeps (``bot.kb.explained.subject_left``, round 15: "… Quyết định 749 …. Rốt cuộc ai ký
    vậy?" was answered, alone, with the DX day's Decision 505)."""
    i = parts.index(question) if question in parts else -1
    if i < 1 or not alone[1] or not whole[1]:
        return False
    own = alone[1][0]
    if own.coverage >= 1.0 and own.match >= SAYS_BOTH_FULL_MATCH:
        # review 15, H1: the question is one of its entry's own phrasings, whole ("Tôi đã xem Nghị quyết 52 rồi.
        # Vậy VNeID là gì?", "… Còn Đề án 06 là gì?"): it names its own subject, the talk moved on
        return False
    context, asked = texts.query(". ".join(parts[:i])), texts.query(question)
    return subject_left(context.view if context else None, asked.view if asked else None,
                        kb.records.get(own.entry.id), kb.records.get(whole[1][0].entry.id))


def _told_before(kb: Knowledge, texts: Texts, parts: Sequence[str], question: str,
                 near: set[str]) -> Decided | None:
    """The one question, read with the clause told right before it, when neither it nor the whole message was
    answered (round 14). A rambling message names its subject in the sentence before the question and the
    question drops it, as Vietnamese drops a subject the talk already holds ("Ông bảo ngày chuyển đổi số năm
    2025 vẫn tổ chức 10/10 như mọi năm, thằng cháu lại bảo bị lùi vì bão. Rốt cuộc năm 2025 tổ chức hôm nào
    thế?"): alone the question names too little, the whole message too much (the asker's life before). Answered
    only where that reading is confident and its entry is among the whole message's first three."""
    i = parts.index(question) if question in parts else -1
    if i < 1 or not last_asking(parts, question):
        return None
    # only an answer with one of ``near`` is taken: the others are not decided (latency, round 23)
    joined = kb.decide(texts, f"{parts[i - 1].rstrip('.,;: ')}. {question}", among=near)
    return joined if joined[0].confident and joined[0].entry in near else None


def _resolved(kb: Knowledge, texts: Texts, parts: Sequence[str], gated: Decided) -> Decided:
    """The one question points back ("Mục tiêu đó là gì ạ?") and only its gate answered it, the whole message
    being read as nothing: the question is read again with the sentence it points back to ("…còn một mục tiêu
    nữa về doanh nghiệp. Mục tiêu đó là gì ạ?"). Where that reading answers another entry, the question's few
    words ("mục tiêu") named the wrong one (round 11)."""
    joined = kb.decide(texts, f"{parts[-2].rstrip('.,;: ')}. {parts[-1]}")
    if joined[0].confident and joined[0].entry != gated[0].entry:
        return joined
    return gated
