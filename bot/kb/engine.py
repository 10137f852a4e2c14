"""The knowledge base as one object: entries + index + messages, answering questions."""

from __future__ import annotations

import logging
import re
import time
from bisect import bisect_left
from collections.abc import Mapping, Sequence, Set
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from bot.kb.afterthoughts import vaguely_told
from bot.kb.asks import asked, named_places
from bot.kb.both_years import answered_both
from bot.kb.decision import (
    FLOOR_COVERAGE,
    FLOOR_MATCH,
    NEAR_MISS,
    REDIRECT_TOPIC,
    SUGGESTIONS,
    TIE_MARGIN,
    Answer,
    confident,
    decide,
    redirected,
    unknown,
    unsure_with_second,
    with_second,
)
from bot.kb.explained import (
    ELLIPTICAL_WORDS,
    OUTSIDE_ELLIPTICAL_WORDS,
    borrowed_subject,
    names,
    subject_left,
)
from bot.kb.follow_up import borrowed_kind
from bot.kb.index import Hit, Index, Query
from bot.kb.intent_model import NOTHING, IntentModel, Reading, load_intent_model
from bot.kb.loader import DEFAULT_KB_DIR, DEFAULT_MESSAGES, Entry, load_messages, parse_kb
from bot.kb.outside import Group, Outside, load_outside
from bot.kb.phrasings import load_phrasings
from bot.kb.subjects import SPEAKER
from bot.kb.years import asked_again, lists_both, names_year, one_year, same_title, states_both, two_years
from bot.nlp.clauses import (
    announces,
    asks_by_itself,
    asks_to_know,
    clauses,
    is_question,
    names_subject,
    self_contained,
    tells_purpose,
    tells_reason,
)
from bot.nlp.dialect import standardize
from bot.nlp.normalize import Analysis, analyze, fold
from bot.nlp.reference import resolve

MAX_READINGS = 3  # searches of one message: the whole message's and at most two of its questions (latency)
_RANK = {"confident": 2, "ambiguous": 1, "unknown": 0}
GATED = "\0gated"  # key of the reading ranked on the whole message and gated on its question
YEAR = "year:"  # the prefix of a year asked among the kinds (``bot.kb.asks``)
# A second question whose own top entry explains all of it (coverage 1.0) at this match or more has a full answer
# of its own, so no entry of the whole message "says both" (``KnowledgeBase._says_both``; the case it was built for
# matched 0.78, the review's counter-example 1.0)
SAYS_BOTH_FULL_MATCH = 0.9

log = logging.getLogger(__name__)


class KnowledgeBase:
    """Immutable after construction, so one instance is safely shared by every request of a process."""

    def __init__(self, entries: Sequence[Entry], messages: dict[str, str], problems: Sequence[str] = (),
                 path: Path | None = None, phrasings: Mapping[str, Sequence[str]] | None = None,
                 outside: Sequence[Group] = (), intent: IntentModel | None = None) -> None:
        started = time.perf_counter()
        self.entries = tuple(entries)
        self.by_id = {e.id: e for e in self.entries}
        self.messages = messages
        self.problems = list(problems)
        self.path = path
        self.phrasings = {k: tuple(v) for k, v in (phrasings or {}).items() if k in self.by_id}
        self.index = Index(self.entries, self.phrasings, Outside(outside) if outside else None)
        self.records = {e.id: r for e, r in zip(self.entries, self.index.records, strict=True)}
        self.intent = intent  # the trained intent reader (bot.kb.intent_model), evidence for the decision
        self.index_seconds = time.perf_counter() - started
        self.load_seconds = self.index_seconds
        # One representative question per topic, in file order: the fallback suggestions.
        seen: dict[str, Entry] = {}
        for entry in self.entries:
            seen.setdefault(entry.topic, entry)
        self.topic_heads = list(seen.values())

    def search(self, question: str, k: int = 5) -> list[Hit]:
        """Ranked hits of the message's main reading, without any decision (evaluation and debugging)."""
        return self._read(question)[0][1][:k]

    def suggestions(self, hits: Sequence[Hit], n: int = SUGGESTIONS, without: str = "") -> list[Entry]:
        """Up to ``n`` entries: the closest near misses first (even from one topic), then other topics' heads;
        none of topic ``without`` (a redirect's reply offers the channel's own topics, not other redirects)."""
        chosen = [h.entry for h in hits if h.coverage > NEAR_MISS and h.entry.topic != without][:n]
        topics = {e.topic for e in chosen} | {without}
        for entry in self.topic_heads:
            if len(chosen) >= n:
                break
            if entry.topic not in topics:
                chosen.append(entry)
                topics.add(entry.topic)
        return chosen

    def _decide(self, texts: _Texts, text: str, hits: list[Hit] | None = None,
                exact: bool = True) -> tuple[Answer, list[Hit]]:
        analysis = texts.analysis(text)
        if not analysis.tokens:
            return unknown(self.topic_heads[:SUGGESTIONS], self.messages, "", head_key="empty"), []
        if hits is None:
            hits = self.index.hits(texts.query(text), k=5)
        entry = self.index.exact_entry(analysis) if exact else None
        if entry is not None:
            hit = next((h for h in hits if h.entry.id == entry.id), None)
            if hit is not None:
                return confident(hit, self.messages, analysis.text, 1.0), [hit, *(h for h in hits if h is not hit)]
        # the places of the message's question(s), whichever text is read: not those of a context sentence
        asks = texts.kinds(text) | texts.places
        reader = partial(texts.intent, text)  # read only when the decision asks (bot.kb.intent_model.agrees)
        return decide(hits, self.messages, analysis.text, self.suggestions(hits), asks, texts.names, reader,
                      self.index.idf_of), hits

    def _read(self, question: str) -> tuple[tuple[Answer, list[Hit]], Entry | None]:
        """The best reading of a message, and the entry of its second question when it asks two.

        Readings: the whole message (regional words standardized) and each clause that asks something — the
        question after a context ("Nhà tôi ở quê… Cho hỏi …"). The best is the most decided (confident, then
        "Ý bạn là", then unknown), then the strongest evidence. With two questions, the first one answered
        confidently wins and the second's best entry (its own clause, else the whole message) is offered.
        """
        text = standardize(question, self.index.known_pair)
        cut = clauses(text)
        parts = _resolved_parts(cut)
        # each clause's sentence, found as typed (a resolved clause reads the story's words)
        sentences = dict(zip(parts, _sentences_of(cut, text), strict=True))
        # a lone question pointing back at nothing said ("Ứng dụng ấy do ai phát triển") is not read by the intent
        # reader: it would name the entry its words suggest, a guess the ranker's evidence alone must carry
        texts = _Texts(self.index, self.intent, text if len(parts) > 1 or self_contained(text) else "")
        # a request that names nothing ("Tôi đang cần thông tin về việc này:") announces what follows, asks nothing
        # nor does the asker's purpose told after the request ("…, để giải thích cho phụ huynh", round 15)
        asks = [p for i, p in enumerate(parts)
                if is_question(p) and not (i < len(parts) - 1 and announces(p))
                and not (i and tells_purpose(p) and names_subject(parts[i - 1]))] \
            if len(parts) > 1 else []
        if len(asks) > 1:
            # a clause that asks only by the indefinite closing it ("Tôi có nghe chủ đề năm 2023 là gì đó. Chủ đề năm
            # 2026 là gì?", round 15) tells what the asker heard: the question is the other clause's
            asks = vaguely_told(asks)  # one told after a question asks again (bot.kb.afterthoughts)
        if len(asks) > 1:
            # a clause that only holds a request phrase is context when another clause asks by itself ("Sếp giao
            # tìm hiểu kỹ. Ngày chuyển đổi số là ngày nào?"): the whole message still ranks, that question gates
            asking = [p for p in asks if asks_by_itself(p)]
            asks = asking or asks
            # round 15: a sentence of the asker's own story the writer ended with a full stop, where another ends on
            # "?" (``_marked``), is context, not a question ("Tuần rồi … tôi hỏi đổi khi nào thì anh ấy cũng không
            # rõ. Vậy tài khoản cũ dùng được đến ngày nào, …?"): read as the first question, it was answered or
            # held the answer back
            # a request to know ("Tôi muốn hỏi VNeID là gì.") or not knowing ("Em chưa rõ … ở đâu.") is asked
            # whatever its mark (review of round 15, H1), and the story stays where the questions left only point
            # back at it ("… Tôi cũng không rõ. Ngày đó có nghỉ lễ không?", review of round 15, M3)
            kept = _marked(asks, text)
            pointing = {p for p, typed in zip(parts, cut, strict=True) if p != typed}  # read with the story
            asks = _unless_pointing_back([p for p in asks if p in kept or _wonders(p) or asks_to_know(p)], asks,
                                         pointing)
        if len(asks) > 1:
            # round 15: the story told in full-stopped sentences is not asked where the questions end on "?"
            asks = _unstoried(asks, sentences)
        if asks and parts[-1] not in asks and not any(asks_by_itself(p) for p in asks) \
                and not tells_reason(parts[-1]) and not tells_purpose(parts[-1]) and texts.query(parts[-1]) is not None:
            # a request told before ("Sếp giao tìm hiểu kỹ.", "Em cần thông tin này.") announces what ends the
            # message ("ngày cđs 2025", "Tôi cần số lượng tài khoản …"): that is the question
            asks = parts[-1:]
        if len(parts) > 1 and not asks:
            asks = parts[-1:]  # no clause asks ("…, con cháu đi làm xa. chủ đề 2024"): the last one is the question
        # A place a question names holds for every reading ("Thái Lan có … không, là ngày nào?"), a place in a
        # context sentence for none ("Tôi ở Hà Nội, muốn hỏi cả nước còn 34 tỉnh từ bao giờ?").
        # a clause typed twice ("VNeID là gì? VNeID là gì?", "?? ??", "Hả? Hả?") is one question asked again
        asks = list(dict.fromkeys(asks))
        placed = _marked(asks, text) or [text]
        texts.places = frozenset().union(*(named_places(texts.analysis(p).text, p) for p in placed))
        texts.names = frozenset().union(*(names(p, self.index.known_pair) for p in (asks or [text])))
        texts.question, texts.message = (asks[0] if len(asks) == 1 else ""), text
        gated: list[Hit] | None = None
        whole: tuple[Answer, list[Hit]] | None = None
        if len(asks) == 1 or (asks and len(parts) > len(asks)):
            # context around the question: the whole message ranks, the question alone is gated
            plain, gated = self.index.search_gated(texts.query(text), texts.query(" ".join(asks)))
            whole = self._decide(texts, text, plain)
        elif not asks:
            whole = self._decide(texts, text)
            if whole[0].confident:
                return whole, None  # nothing a clause could add (latency: one search for most messages)
        gated_reading = self._decide(texts, text, gated, exact=False) if gated is not None else None
        if whole is not None and whole[0].confident and len(asks) < 2:
            if gated_reading is None or gated_reading[0].confident:
                return whole, None
            pulled = whole  # the context explains the top entry, the question does not: read the question alone
        else:
            pulled = None
            if gated_reading is not None and gated_reading[0].confident and len(asks) < 2:
                if whole is not None and whole[0].kind == "unknown" and points_back(parts, asks):
                    return self._resolved(texts, parts, gated_reading), None
                return gated_reading, None  # the question inside its context is answered (latency: no clause search)
        # the first two questions, or with more (a rambling message whose context sentences read as questions)
        # the first and the last (latency: at most MAX_READINGS searches with the whole message's)
        tried = list(dict.fromkeys(asks if len(asks) <= MAX_READINGS - 1 else _first_two(asks, sentences)))
        readings = {p: self._decide(texts, p) for p in tried}
        if pulled is not None:
            alone = readings[asks[0]]
            if alone[0].confident and alone[0].entry != pulled[0].entry \
                    and not self._subject_left(texts, parts, asks[0], alone, pulled):
                return alone, None
            return pulled, None
        if gated_reading is not None:
            readings[GATED] = gated_reading
        if len(asks) >= 2:
            first, second = readings[tried[0]], readings[tried[-1]]
            # round 16: one fact asked of two years in turn ("… đến 2025 top mấy, còn 2030 top mấy?")
            apart = self._years_in_turn(texts, text, whole, tried, first, second)
            if apart is not None:
                return apart, None
            # a first question pointing back at the context ("Cháu hỏi ngày này để làm gì mà tôi không trả lời
            # được. Ngày Chuyển đổi số có mục đích gì?") may be the story told, not a question: answered first only
            # where the whole message agrees (round 11)
            told = not self_contained(tried[0])
            if first[0].confident and second[0].confident and second[1][0].entry.id != first[0].entry \
                    and not told:
                both = self._says_both(texts, text, whole, first, second)
                if both is not None:
                    return both
                if len(tried[-1].split()) <= SHORT_FOLLOW_UP and self._borrowed_by(texts, tried[0], first[0], second):
                    # review of round 15, M2: a follow-up naming no subject of its own ("Bao lâu thì có?") answered
                    # by an entry that does not explain the first question's subject: its button would be about
                    # another subject, so nothing is offered
                    return first, None
                return first, second[1][0].entry
            if whole is None:
                whole = self._decide(texts, text)
            if first[0].confident and told and first[0].entry not in {h.entry.id for h in whole[1][:3]}:
                pass  # read as one question below, its entry agreeing with the whole message
            elif first[0].confident:
                # an unsure second question ("… và hoạt động từ ngày nào?" says no subject) is offered only
                # where the whole message agrees; else the whole message's next entry
                near = {h.entry.id for h in whole[1][:3]}
                own = [h.entry for h in second[1][:1] if h.entry.id in near] if second[0].kind != "unknown" else []
                others = [e for e in (*own, *(h.entry for h in whole[1])) if e.id != first[0].entry]
                if not second[0].confident:
                    # review of round 15, M2: a second question not answered on its own ("ai lam ra?" says no
                    # subject) asks of the first one's subject: only an entry of the first answer's topic is offered
                    topic = self.by_id[first[0].entry].topic if first[0].entry in self.by_id else None
                    # unless its own entry answers it with a subject of its own ("… ? Mà Bộ Thông tin và Truyền
                    # thông giờ nhập vào bộ nào rồi?"): that question is no follow-up of the first
                    others = [e for e in others if e.topic == topic
                              or (e in own and not self._borrowed_by(texts, tried[0], first[0], second))]
                return first, (others[0] if others else None)

        def strength(reading: tuple[Answer, list[Hit]]) -> tuple[int, float]:
            result, hits = reading
            return _RANK[result.kind], (hits[0].coverage + hits[0].match) if hits else 0.0

        # A clause ranked on its own must agree with the whole message ("…, số điện thoại hay số gì" alone is
        # another question); the gated reading ranks the whole message, so it always agrees.
        if whole is None:
            whole = self._decide(texts, text)
        near = {h.entry.id for h in whole[1][:3]}
        # the one question, pointing back at nothing said before ("bộ đó", "app này"), needs no agreement: a long
        # context ("Mình là cán bộ văn hóa xã, …") may pull the whole message elsewhere. It may be followed by
        # sentences that ask nothing ("… là gì? Em cảm ơn nhiều.", round 11): those are closing words, not topic
        alone_ok = asks[-1] if len(asks) == 1 and self_contained(asks[-1]) and _last_asking(parts, asks[-1]) \
            else None
        agreeing = [r for key, r in readings.items()
                    if key == GATED or (r[1] and (r[1][0].entry.id in near or key == alone_ok))]
        best = max([whole, *agreeing], key=strength)
        if best[0].confident and self._borrowed(texts, parts, tried, readings, best):
            return readings[tried[0]], None
        if len(asks) >= 2 and best[0].confident:
            offered = self._unsure_first(tried[0], readings[tried[0]], best[0])
            if offered is not None:
                return offered, None
            # the first question was not answered but another reading was: offer the entry that explains most of
            # the first question ("VNeID do cơ quan nào làm": the app's entry, not the one who runs the channel)
            first = max(readings[tried[0]][1][:SUGGESTIONS], key=lambda h: h.coverage, default=None)
            if first is not None and first.entry.id != best[0].entry and first.coverage > NEAR_MISS:
                return best, first.entry
        if len(tried) >= 2 and not best[0].confident and readings[tried[0]][0].kind == "ambiguous" \
                and _together(tried[0], tried[1], sentences):
            # round 15: questions of one sentence, none answered ("Vậy giờ nhập vô bộ nào, từ ngày nào, ai làm bộ
            # trưởng?"): the first one's own "Ý bạn là…?", not the whole message's, which the later ones pull
            return readings[tried[0]], None
        if not best[0].confident and len(asks) == 1:
            told = self._told_before(texts, parts, asks[0], near)
            if told is not None:
                return told, None
        return best, None

    def _subject_left(self, texts: _Texts, parts: Sequence[str], question: str, alone: tuple[Answer, list[Hit]],
                      whole: tuple[Answer, list[Hit]]) -> bool:
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
                            self.records.get(own.entry.id), self.records.get(whole[1][0].entry.id))

    def _told_before(self, texts: _Texts, parts: Sequence[str], question: str,
                     near: set[str]) -> tuple[Answer, list[Hit]] | None:
        """The one question, read with the clause told right before it, when neither it nor the whole message was
        answered (round 14). A rambling message names its subject in the sentence before the question and the
        question drops it, as Vietnamese drops a subject the talk already holds ("Ông bảo ngày chuyển đổi số năm
        2025 vẫn tổ chức 10/10 như mọi năm, thằng cháu lại bảo bị lùi vì bão. Rốt cuộc năm 2025 tổ chức hôm nào
        thế?"): alone the question names too little, the whole message too much (the asker's life before). Answered
        only where that reading is confident and its entry is among the whole message's first three."""
        i = parts.index(question) if question in parts else -1
        if i < 1 or not _last_asking(parts, question):
            return None
        together = self._decide(texts, f"{parts[i - 1].rstrip('.,;: ')}. {question}")
        return together if together[0].confident and together[0].entry in near else None

    def _unsure_first(self, first: str, reading: tuple[Answer, list[Hit]],
                      answered: Answer) -> tuple[Answer, list[Hit]] | None:
        """Two questions, the first typed with its "?" and only offered ("Ý bạn là…?"), and another reading answered
        with an entry of a topic none of the first's choices is of: that answer is the second question's, and alone
        it reads as the reply to the first (round 13: "Cổng dịch vụ công quốc gia mở từ bựa mô? Rồi chừ sau sáp
        nhập cả nước còn mấy tỉnh thành?" was answered with the provinces). The first question's choices are offered
        with the answered entry last (``decision.unsure_with_second``). A first "question" typed without "?" is
        often a context sentence ("Giờ đăng nhập tài khoản cũ không được nữa."), and an answer of the first's topic
        often says both ("Mục tiêu EGDI 2025 là top mấy? Năm 2030 là top mấy?"): both are answered as before."""
        opening = reading[0]
        if opening.kind != "ambiguous" or not first.rstrip().endswith("?") or answered.entry is None \
                or answered.entry in opening.choice_entries:
            return None
        entry = self.by_id[answered.entry]
        if entry.topic in {self.by_id[i].topic for i in opening.choice_entries if i in self.by_id}:
            return None
        return unsure_with_second(opening, entry, self.messages), reading[1]

    def _says_both(self, texts: _Texts, text: str, whole: tuple[Answer, list[Hit]] | None,
                   first: tuple[Answer, list[Hit]],
                   second: tuple[Answer, list[Hit]]) -> tuple[tuple[Answer, list[Hit]], Entry | None] | None:
        """Two questions, each answered by its own entry, the second only partly (it has no subject of its own and
        borrows the first's), and the whole message answered by one entry that ranks among the top three of both
        questions: that entry says both (round 14: "tổ đó gồm những ai, ai ký quyết định lập" answered the
        members, the second question alone, with no subject, the day's decision at coverage 0.88 / match 0.78;
        who sets the team up says both). Answered, the first question's entry offered. A second question fully
        answered by its own entry ("Tổ công nghệ số cộng đồng là gì? Cả nước còn bao nhiêu tỉnh?", coverage and
        match 1.0) names its own subject: the whole message's entry answers neither (review of round 14, M1)."""
        if whole is None:
            whole = self._decide(texts, text)
        top = second[1][0] if second[1] else None
        if top is None or (top.coverage >= 1.0 and top.match >= SAYS_BOTH_FULL_MATCH):
            return None
        entry = whole[0].entry
        if not whole[0].confident or entry is None or entry in (first[0].entry, second[0].entry):
            return None
        if not all(entry in {h.entry.id for h in r[1][:SUGGESTIONS]} for r in (first, second)):
            return None
        return whole, self.by_id.get(first[0].entry or "")

    def _years_apart(self, question: str, result: Answer, hits: Sequence[Hit]) -> tuple[Answer, Entry | None]:
        """Two years asked side by side ("… top bao nhiêu về chính phủ điện tử, năm 2025 vs 2030", ``bot.kb.years``)
        and answered with an entry that names one of them only: the other year is the message's next question
        (round 15). An entry of the top three that states both in one sentence, and says enough of the question to
        be answered (the hard floors of coverage and match), is answered instead; else the first year's answer
        stands and the best-ranked entry naming the other year is offered."""
        years = two_years(question)
        entry = self.by_id.get(result.entry or "")
        if years is None or entry is None:
            return result, None
        named = [y for y in years if names_year(f"{entry.title} {entry.answer}", y)]
        if len(named) != 1:
            return result, None
        own = next((h for h in hits if h.entry is entry), None)
        for hit in hits[:SUGGESTIONS]:
            # review of round 15, H1: only an entry of the answer's topic that says at least as much of the
            # question's own words, its match within the tie margin ("xã hội số" is not answered by a "kinh tế số"
            # entry stating 2025 and 2030)
            if hit.entry is not entry and states_both(hit.entry.answer, years) and own is not None \
                    and hit.entry.topic == entry.topic and hit.coverage >= own.coverage \
                    and hit.match >= own.match - TIE_MARGIN \
                    and hit.coverage >= FLOOR_COVERAGE and hit.match >= FLOOR_MATCH:
                return confident(hit, self.messages, result.normalized, result.margin), None
        missing = next(y for y in years if y not in named)
        # review of round 15, M3: the other year's entry of the same kind (topic, and the title once the years are
        # taken out), not any entry that names the year
        other = next((h.entry for h in hits if h.entry is not entry and h.entry.topic == entry.topic
                      and names_year(f"{h.entry.title} {h.entry.answer}", missing)
                      and same_title(h.entry.title, entry.title)), None)
        return result, other

    def _years_in_turn(self, texts: _Texts, text: str, whole: tuple[Answer, list[Hit]] | None,
                       tried: Sequence[str], first: tuple[Answer, list[Hit]],
                       second: tuple[Answer, list[Hit]]) -> tuple[Answer, list[Hit]] | None:
        """Two questions, each naming one year of its own ("… đến 2025 vn phải lọt top bn về chính phủ điện tử, còn
        2030 thì top mấy", "Mục tiêu EGDI 2025 là top mấy? Năm 2030 là top mấy?"), and an entry that states the fact
        of both years (in one sentence, or year by year: ``bot.kb.years``) among the first question's first three and
        of its top entry's topic, holding the hard floors there, and among the second question's first three too (the
        same fact asked again, not another fact of another year: "… phê duyệt năm 2020? Mục tiêu năm 2025 là gì?"):
        that entry answers both (round 16). Before, the first
        year's entry was answered and the other year's offered, or the second year's answered when the first
        question, alone, was unsure. The whole message's order picks among several such entries."""
        if len(tried) < 2:
            return None
        years = (one_year(tried[0]), one_year(tried[1]))
        if None in years or years[0] == years[1] or not first[1]:
            return None
        pair = (years[0] or "", years[1] or "")
        topic = first[1][0].entry.topic
        if whole is None:
            whole = self._decide(texts, text)
        order = {h.entry.id: i for i, h in enumerate(whole[1])}
        # the first question unsure alone and the second the same fact asked again of the other year, no subject of
        # its own ("… ? Năm 2030 là top mấy?"): any of its hits, which rank what it leaves unsaid by chance
        # (years.asked_again; a first question answered alone keeps its year's entry: "Chủ đề 2023 là gì? Năm 2024…")
        wide = not first[0].confident and asked_again(tried[0], tried[1])
        again = {h.entry.id for h in second[1][:None if wide else SUGGESTIONS]}
        candidates = sorted((h for h in first[1][:SUGGESTIONS] if h.entry.id in again),
                            key=lambda h: order.get(h.entry.id, len(order)))
        for hit in candidates:
            if hit.entry.topic == topic and hit.coverage >= FLOOR_COVERAGE and hit.match >= FLOOR_MATCH \
                    and (states_both(hit.entry.answer, pair) or lists_both(hit.entry.answer, pair)):
                hits = [hit, *(h for h in whole[1] if h.entry is not hit.entry)]
                return confident(hit, self.messages, first[0].normalized, first[0].margin), hits
        return None

    def _resolved(self, texts: _Texts, parts: Sequence[str],
                  gated: tuple[Answer, list[Hit]]) -> tuple[Answer, list[Hit]]:
        """The one question points back ("Mục tiêu đó là gì ạ?") and only its gate answered it, the whole message
        being read as nothing: the question is read again with the sentence it points back to ("…còn một mục tiêu
        nữa về doanh nghiệp. Mục tiêu đó là gì ạ?"). Where that reading answers another entry, the question's few
        words ("mục tiêu") named the wrong one (round 11)."""
        together = self._decide(texts, f"{parts[-2].rstrip('.,;: ')}. {parts[-1]}")
        if together[0].confident and together[0].entry != gated[0].entry:
            return together
        return gated

    @staticmethod
    def _borrowed(texts: _Texts, parts: Sequence[str], tried: Sequence[str],
                  readings: Mapping[str, tuple[Answer, list[Hit]]], best: tuple[Answer, list[Hit]]) -> bool:
        """A sentence of two questions whose first was not answered, and whose short second one ("…, có mất phí
        không?") was, by an entry that does not explain the first one's subject (``bot.kb.explained
        .borrowed_subject``, round 9): that answer is about another subject, so the first question's own reply
        (the apology or "Ý bạn là…?", with its closest entries) is given instead."""
        if len(tried) != 2 or best is not readings.get(tried[1]) or not best[1]:
            return False
        first = texts.query(tried[0])
        top = best[1][0]
        # round 14: a first question refused as out of scope leaves a longer follow-up no subject of its own either
        elliptical = OUTSIDE_ELLIPTICAL_WORDS if readings[tried[0]][0].out_of_scope else ELLIPTICAL_WORDS
        closest = (h.entry.id for h in readings[tried[0]][1][:SUGGESTIONS])
        if first is not None and borrowed_kind(texts.kinds(tried[0]), texts.kinds(tried[1]), top.question, top.entry,
                                               closest, readings[tried[0]][0].out_of_scope, tried[1]):
            return True  # round 16: the follow-up asks its fact of what the first question asked (bot.kb.follow_up)
        return first is not None and borrowed_subject(first.view, top.question, top.record, elliptical)

    def _borrowed_by(self, texts: _Texts, first: str, answered: Answer, second: tuple[Answer, list[Hit]]) -> bool:
        """Whether the second question's entry, of another topic than the first question's ``answered`` entry,
        answers it without the subject the ``first`` question gave it (``bot.kb.explained.borrowed_subject``): a
        short follow-up's reading is about another subject."""
        own = self.by_id.get(answered.entry or "")
        if not second[1] or own is None or second[1][0].entry.topic == own.topic:
            return False
        asked, top = texts.query(first), second[1][0]
        return asked is not None and borrowed_subject(asked.view, top.question, top.record, ELLIPTICAL_WORDS)

    def answer(self, question: str) -> Answer:
        """Answer one citizen question (no side effects; the caller records unanswered ones).

        A message with two questions gets the first answered and the second offered as a choice.
        """
        (result, hits), second = self._read(question)
        if second is None and result.confident:
            result, second = self._years_apart(question, result, hits)
        elif second is None:
            result = answered_both(question, result, hits, self.messages)  # two years asked (bot.kb.both_years)
        result = with_second(result, second) if second is not None else result
        entry = self.by_id.get(result.entry or "") if result.confident else None
        if entry is not None and entry.topic == REDIRECT_TOPIC:
            # one of the KB's redirect entries (round 14): the channel's own reply to a request it does not handle,
            # so it is out of scope, still confident (the contract), with the closest in-scope topics offered
            return redirected(result, self.suggestions(hits, without=REDIRECT_TOPIC))
        return result


# a follow-up of this many words or fewer ("Bao lâu thì có?") may name no subject of its own (review of round 15, M2)
SHORT_FOLLOW_UP = 4


def _resolved_parts(parts: list[str]) -> list[str]:
    """The clauses, each question pointing back at a noun the story before it named read with what the story said
    of it ("…có chương trình của Thủ tướng phê duyệt từ năm 2020. Chương trình đó là quyết định số mấy?",
    ``bot.nlp.reference``, round 12): alone it named too little, and the whole message too much."""
    if len(parts) < 2:
        return parts
    return [p if i == 0 or self_contained(p) or not is_question(p) else resolve(p, parts[:i])
            for i, p in enumerate(parts)]


def _marked(asks: Sequence[str], text: str) -> list[str]:
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
class _Sentence:
    """The sentence of ``text`` a clause was cut from: its place among the message's sentences, the mark that ends it
    ("?", ".", … or "" where the message ends without one) and its text."""

    index: int
    mark: str
    text: str


def _sentences_of(cut: Sequence[str], text: str) -> list[_Sentence | None]:
    """The sentence of each clause ``cut`` from ``text`` (``None`` for one not found as typed, as a long message's
    merged tail): the sentence ends are found once and each clause's looked up by bisection (linear in the text)."""
    ends = [m.start() for m in _SENTENCE_END.finditer(text)]
    out: list[_Sentence | None] = []
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
        out.append(_Sentence(i, text[stop : stop + 1], text[start:stop]))
    return out


def _unstoried(asks: Sequence[str], sentences: Mapping[str, _Sentence | None]) -> list[str]:
    """The asking clauses without the sentences of the asker's story (round 15): where a question ends on "?", a
    sentence ended by a full stop that tells of the speaker ("Tôi thấy bài viết của kênh năm 2022 cũng có nói về
    mấy cái hạn chế.", "Nó đi làm cả ngày, tôi sợ nó không biết làm cái gì.") reads as a question by a word of
    the story ("mấy", "cái gì") but is what the asker tells, as ``_marked`` reads it for places. A clause that
    says the wish to know ("Tôi muốn hỏi VNeID là gì.") is asked, whatever its mark. Only a message left with two
    questions or more is read so: its first question is looked for, and one question alone is read as before."""
    if not any((s := sentences.get(p)) is not None and s.mark == "?" for p in asks):
        return list(asks)
    kept = [p for p in asks if (s := sentences.get(p)) is None or s.mark not in _TOLD_MARKS
            or not _speaker_in(s.text) or _asks_anyway(p)]
    return kept if len(kept) > 1 else list(asks)


def _asks_anyway(part: str) -> bool:
    """Whether ``part`` is asked even as a full-stopped sentence with the asker in it: it says the wish to know
    ("Tôi muốn hỏi VNeID là gì.", "em muon hoi …", ``asks_to_know``) or that the asker does not know ("Em chưa rõ
    VNeID đăng ký ở đâu.", ``_wonders_first``): ``_unstoried`` keeps it (review of round 15, H2), as ``_read``'s
    first filter keeps a request and any not-knowing (``_wonders``: "Tôi cài rồi nhưng chưa biết ai làm ra …")."""
    return asks_to_know(part) or _wonders_first(part)


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


def _unless_pointing_back(kept: Sequence[str], asks: Sequence[str], pointing: Set[str]) -> list[str]:
    """``kept`` (the asking clauses without the story), or all of ``asks`` where every clause kept points back at
    what the story named (``pointing``, the clauses resolved with it: "Ngày đó có nghỉ lễ không?") or names no
    subject: alone it asks of nothing (review of round 15, M3)."""
    if not kept or not any(self_contained(p) and p not in pointing for p in kept):
        return list(asks)
    return list(kept)


def _first_two(asks: Sequence[str], sentences: Mapping[str, _Sentence | None]) -> list[str]:
    """The two questions read of a message asking more than two (latency: ``MAX_READINGS``): the first and the one
    after it where both are of one sentence ending on "?" ("… gồm những ai, ai ra quyết định lập, và tổ làm những
    việc gì?": the citizen asks them in turn, the first is answered and the next offered, round 15); else the
    first and the last, as before (a rambling message whose context sentences read as questions asks last)."""
    return [asks[0], asks[1]] if _together(asks[0], asks[1], sentences) else [asks[0], asks[-1]]


def _together(first: str, then: str, sentences: Mapping[str, _Sentence | None]) -> bool:
    """Whether the questions ``first`` and ``then`` are of one sentence that ends on "?" (asked in turn)."""
    one, other = sentences.get(first), sentences.get(then)
    return one is not None and other is not None and one.mark == "?" and one.index == other.index


# Not knowing who / what / where … ("Tôi cài rồi nhưng chưa biết ai làm ra cái ứng dụng này."): a question asked
# indirectly, even in a full-stopped sentence of the asker's story (folded; not "mấy": "không biết mấy cái này")
_WONDERS = re.compile(r"\b(?:khong|chua|ko|k|hong|chang|cha) (?:biet|ro|nho|hieu)\b(?: \S+){0,6}? "
                      r"(?:ai|gi|nao|dau|sao|bao nhieu|khi nao|bao gio)\b")


def _wonders(part: str) -> bool:
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


def _last_asking(parts: Sequence[str], question: str) -> bool:
    """Whether ``question`` is the last clause of ``parts`` that asks anything (what follows it, if anything, is
    thanks or the asker's own life: "Cảm ơn ạ.", "Mình cần gấp cho bài thuyết trình.")."""
    after = parts[parts.index(question) + 1 :] if question in parts else ()
    return not any(is_question(p) for p in after)


class _Texts:
    """The texts of one message (the whole, its question, each clause), each analysed and prepared for the ranker
    once however many readings use it (latency: up to three searches of one message share this work)."""

    def __init__(self, index: Index, intent: IntentModel | None = None, whole: str = "") -> None:
        self.index = index
        self.model = intent
        self.whole = whole  # the whole message (regional words standardized): what the intent reader reads
        self._intents: dict[str, Reading] = {}
        self._analyses: dict[str, Analysis] = {}
        self._queries: dict[str, Query | None] = {}
        self._asked: dict[str, frozenset[str]] = {}
        self._readings: dict[str, tuple[Analysis, Query | None]] = {}  # by analysed text (see ``query``)
        # The places the message's question clauses name (bot.kb.subjects), held by every reading, so a clause read
        # alone ("…, là ngày nào?") keeps them and a context sentence ("tôi ở Hà Nội, …") adds none.
        self.places: frozenset[str] = frozenset()
        # The same for the names typed capitalised that the KB does not know (bot.kb.explained.names).
        self.names: frozenset[str] = frozenset()
        # the message's one question clause, and the message: the years the question names hold over those of its
        # context when the whole message is read (``kinds``); a clause read alone keeps its own
        self.question = ""
        self.message = ""

    def analysis(self, text: str) -> Analysis:
        found = self._analyses.get(text)
        if found is None:
            found = self._analyses[text] = analyze(text)
        return found

    def asked(self, text: str) -> frozenset[str]:
        """The kinds of fact ``text`` asks for, places left out (``bot.kb.asks.asked``): once per text, though the
        whole message is decided twice when its question is gated (latency: round 7's kinds read a dozen
        expressions)."""
        found = self._asked.get(text)
        if found is None:
            found = self._asked[text] = asked(self.analysis(text).text, text, with_places=False)
        return found

    def kinds(self, text: str) -> frozenset[str]:
        """The kinds of fact a reading of ``text`` is held to: those ``text`` asks, but where ``text`` is the whole
        message and its one question names a year of its own, that year and not a year told around it (round 15:
        "Tôi có nghe … chủ đề năm 2023 là gì đó. Chủ đề năm 2026 là gì?" asks 2026; the 2023 told before made any
        2023 entry enough). A question naming no year keeps the years of its context ("Năm 2025 lễ đó tổ chức rồi.
        Vào ngày nào?" borrows 2025); a clause read alone keeps its own."""
        found = self.asked(text)
        if not self.question or text != self.message:
            return found
        years = frozenset(k for k in self.asked(self.question) if k.startswith(YEAR))
        if not years:
            return found
        return frozenset(k for k in found if not k.startswith(YEAR)) | years

    def intent(self, text: str) -> Reading:
        """What the intent reader makes of ``text`` (nothing without a model), once per text.

        Only the whole message is read: the reader learned whole messages, context and all, and a context
        sentence read alone as a question ("…muốn lập nhóm hướng dẫn bà con làm dịch vụ công.") is no question it
        knows — held out, agreeing on one answered it instead of the question after it (round 8)."""
        if self.model is None or text != self.whole:
            return NOTHING
        found = self._intents.get(text)
        if found is None:
            found = self._intents[text] = self.model.read(self.analysis(text).text)
        return found

    def query(self, text: str) -> Query | None:
        """``text`` as the ranker reads it. Two texts that analyse alike — the whole message and its one question
        told apart by punctuation only — share one ``Query`` (latency: it is prepared once, and
        ``Index.search_gated`` then measures the gate on the ranking's own view instead of again)."""
        if text not in self._queries:
            analysis = self.analysis(text)
            same = self._readings.get(analysis.text)
            if same is not None and same[0] == analysis:  # an analysis is its units: equal units, equal query
                query = same[1]
            else:
                query = self.index.query(analysis)
                self._readings[analysis.text] = (analysis, query)
            self._queries[text] = query
        return self._queries[text]


def points_back(parts: Sequence[str], asks: Sequence[str]) -> bool:
    """The message's one question ends it, after a sentence, and names nothing by itself ("Mục tiêu đó là gì?")."""
    return len(asks) == 1 and len(parts) > 1 and asks[0] == parts[-1] and not self_contained(asks[0])


def load_kb(path: Path | None = None, messages_path: Path | None = None,
            phrasings_path: Path | None = None, outside_path: Path | None = None,
            intent_path: Path | None = None) -> KnowledgeBase:
    """Load and index the KB (default ``content/kb/``); bad entries are skipped and logged, not fatal.

    Extra phrasings come from ``phrasings_path``, else from the ``phrasings/`` folder beside the KB directory;
    the out-of-scope class from ``outside_path``, else from ``out_of_scope.toml`` beside it — for the default
    KB, ``content/phrasings/`` and ``content/out_of_scope.toml``. An explicit ``content/kb`` (``dxbot kb eval
    --kb``, ``bench_qa``) thus answers exactly as the default KB does (session 6: it used to load neither), and
    a test's KB directory, with no such siblings, loads only its entries. The intent reader's weights likewise
    (``intent_path``, else ``intent_model.tsv`` beside the KB directory; round 8).
    """
    started = time.perf_counter()
    kb_path = path or DEFAULT_KB_DIR
    entries, problems = parse_kb(kb_path)
    phrasings: dict[str, tuple[str, ...]] = {}
    phrasings_path = phrasings_path or _beside(kb_path, "phrasings")
    if phrasings_path is not None:
        phrasings, phrasing_problems = load_phrasings(phrasings_path)
        problems = [*problems, *phrasing_problems]
        known = {e.id for e in entries}
        problems += [f"phrasings: no entry {k!r}" for k in phrasings if k not in known]
    outside: list[Group] = []
    outside_path = outside_path or _beside(kb_path, "out_of_scope.toml")
    if outside_path is not None:
        outside, outside_problems = load_outside(outside_path)
        problems = [*problems, *outside_problems]
    intent_path = intent_path or _beside(kb_path, "intent_model.tsv")
    intent = load_intent_model(intent_path) if intent_path is not None else None
    kb = KnowledgeBase(entries, load_messages(messages_path or DEFAULT_MESSAGES), problems, kb_path, phrasings,
                       outside, intent)
    kb.load_seconds = time.perf_counter() - started
    log.info("kb: %d entries from %s loaded in %.1f ms (index %.1f ms), %d problems", len(entries), kb_path,
             kb.load_seconds * 1000, kb.index_seconds * 1000, len(problems))
    return kb


def _beside(kb_path: Path, name: str) -> Path | None:
    """``name`` in the folder that holds the KB directory, when it exists (``content/kb`` → ``content/name``)."""
    found = kb_path.parent / name
    return found if found.exists() else None
