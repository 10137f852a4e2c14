"""Several questions in one message: which is answered, which offered (rounds 9–16; docs/question-answering.md).

Citizens ask two or three things at once ("VNeID là gì? Đăng ký ở đâu?"). The first question answered is answered
and the next one's entry offered as a button (``decision.with_second``); a short follow-up that names no subject of
its own borrows the first one's (``bot.kb.explained.borrowed_subject``, ``bot.kb.follow_up``); one fact asked of two
years is answered by an entry that states both (``bot.kb.years``); one entry may say both questions. These are
functions of the readings the engine made (``bot.kb.reading``): each reading is the decision on one text and its
ranked hits, and nothing here searches again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.kb.both_years import asked_names, named_both, says_names, stating_both
from bot.kb.decision import (
    FLOOR_COVERAGE,
    FLOOR_MATCH,
    SUGGESTIONS,
    TIE_MARGIN,
    Answer,
    confident,
    unsure_with_second,
)
from bot.kb.explained import ELLIPTICAL_WORDS, OUTSIDE_ELLIPTICAL_WORDS, borrowed_subject, subject_left
from bot.kb.follow_up import borrowed_kind, opens_with_connector
from bot.kb.index import Hit
from bot.kb.lexicon import CONTENT
from bot.kb.loader import Entry
from bot.kb.records import EntryRecord
from bot.kb.texts import Texts
from bot.kb.years import asked_again, lists_both, names_year, one_year, same_title, states_both, two_years
from bot.nlp.clauses import self_contained
from bot.nlp.normalize import is_syllable

Decided = tuple[Answer, list[Hit]]  # one reading: the decision on one text and its ranked hits

# A second question whose own top entry explains all of it (coverage 1.0) at this match or more has a full answer
# of its own, so no entry of the whole message "says both" (``says_both``; the case it was built for matched 0.78,
# the review's counter-example 1.0)
SAYS_BOTH_FULL_MATCH = 0.9
# a follow-up of this many words or fewer ("Bao lâu thì có?") may name no subject of its own (review of round 15, M2)
SHORT_FOLLOW_UP = 4
# a second question whose top entry explains this much of it names its own subject (``names_own_subject``)
OWN_SUBJECT_COVERAGE = 0.8


def said_whole(hit: Hit | None) -> bool:
    """Whether a question is said whole by its top entry (coverage 1.0, match ``SAYS_BOTH_FULL_MATCH`` or more: one
    of its phrasings, "VNeID là gì?", review 15, H1)."""
    return hit is not None and hit.coverage >= 1.0 and hit.match >= SAYS_BOTH_FULL_MATCH


def names_itself(hit: Hit | None) -> bool:
    """Whether a short question said whole by its top entry (:func:`said_whole`) names its own subject: a word of it
    is no Vietnamese syllable but a name or an abbreviation the entry says ("VNeID là gì?", "EGDI là gì?"), where
    one syllable ("mấy tỉnh thế?") asks of the subject the talk holds (review of round 20, M2)."""
    if not said_whole(hit) or hit is None or hit.question is None:
        return False
    return any(uv.role == CONTENT and any(not is_syllable(t) for alt in uv.alts for t in alt)
               for uv in hit.question.units)


def first_answered(texts: Texts, tried: Sequence[str], whole: Decided, first: Decided, second: Decided,
                   by_id: Mapping[str, Entry], messages: dict[str, str]) -> tuple[Decided, Entry | None] | None:
    """Two questions read (``tried``; ``first`` and ``second`` their readings, ``whole`` the whole message's): the
    reading answered and the entry offered after it, or ``None`` where the message is read as one question (the
    best of its readings that agree with the whole message)."""
    # round 16: one fact asked of two years in turn ("… đến 2025 top mấy, còn 2030 top mấy?")
    apart = years_in_turn(tried, whole, first, second, messages)
    if apart is not None:
        return apart, None
    # a first question pointing back at the context ("Cháu hỏi ngày này để làm gì mà tôi không trả lời
    # được. Ngày Chuyển đổi số có mục đích gì?") may be the story told, not a question: answered first only
    # where the whole message agrees (round 11)
    told = not self_contained(tried[0])
    if first[0].confident and second[0].confident and second[1][0].entry.id != first[0].entry and not told:
        both = says_both(whole, first, second, by_id)
        if both is not None:
            return both
        own = first[1][0].record if first[1] and first[1][0].entry.id == first[0].entry else None
        if len(tried[-1].split()) <= SHORT_FOLLOW_UP and borrowed_by(texts, tried[0], first[0], second, by_id, own,
                                                                     tried[-1]):
            # review of round 15, M2: a follow-up naming no subject of its own ("Bao lâu thì có?") answered
            # by an entry that does not explain the first question's subject: its button would be about
            # another subject, so nothing is offered
            return first, None
        return first, second[1][0].entry
    if first[0].confident and told and first[0].entry not in {h.entry.id for h in whole[1][:3]}:
        return None  # read as one question, its entry agreeing with the whole message
    if first[0].confident:
        # an unsure second question ("… và hoạt động từ ngày nào?" says no subject) is offered only
        # where the whole message agrees; else the whole message's next entry
        near = {h.entry.id for h in whole[1][:3]}
        own = [h.entry for h in second[1][:1] if h.entry.id in near] if second[0].kind != "unknown" else []
        others = [e for e in (*own, *(h.entry for h in whole[1])) if e.id != first[0].entry]
        if not second[0].confident:
            # review of round 15, M2: a second question not answered on its own ("ai lam ra?" says no
            # subject) asks of the first one's subject: only an entry of the first answer's topic is offered
            # (round 17 offered its own entry of another topic where it did not borrow the first's subject;
            # taken out by review 17: its own top entry was often of another subject than the one asked, "Mà
            # VNeID đăng ký ở đâu?" offered the digital signature's registration, LOW-4). Round 23: a longer second
            # question naming its own subject, its own top entry clearly first and agreeing with the whole message
            # (``own``), is offered that entry first (``names_own_subject``)
            topic = by_id[first[0].entry].topic if first[0].entry in by_id else None
            named = [e for e in own if e.id != first[0].entry] if names_own_subject(tried[-1], second[1]) else []
            others = [*named, *(e for e in others if e.topic == topic and e not in named)]
        return first, (others[0] if others else None)
    return None


def names_own_subject(question: str, hits: Sequence[Hit]) -> bool:
    """Whether a second question that was not answered on its own still asks of a subject it names itself, not of
    the first question's: longer than a follow-up (``SHORT_FOLLOW_UP`` words), pointing back at nothing, its top
    entry explaining ``OWN_SUBJECT_COVERAGE`` of it or more and leading its runner-up by more than ``TIE_MARGIN``
    ("…? Mà Bộ Thông tin và Truyền thông giờ nhập vào bộ nào rồi?", round 23: the ministry asked was left
    unoffered, as of another topic than the first answer's). A tie ("…, theo quyết định số mấy vậy?": the
    programme's decision and the day's, both 1.0) is a question of the first one's subject."""
    if not hits or len(question.split()) <= SHORT_FOLLOW_UP or not self_contained(question):
        return False
    top, runner = hits[0], (hits[1] if len(hits) > 1 else None)
    leads = runner is None or top.coverage > runner.coverage + TIE_MARGIN or top.match > runner.match + TIE_MARGIN
    return top.coverage >= OWN_SUBJECT_COVERAGE and leads


def unsure_first(first: str, reading: Decided, answered: Answer, by_id: Mapping[str, Entry],
                 messages: dict[str, str]) -> Decided | None:
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
    entry = by_id[answered.entry]
    if entry.topic in {by_id[i].topic for i in opening.choice_entries if i in by_id}:
        return None
    return unsure_with_second(opening, entry, messages), reading[1]


def says_both(whole: Decided, first: Decided, second: Decided,
              by_id: Mapping[str, Entry]) -> tuple[Decided, Entry | None] | None:
    """Two questions, each answered by its own entry, the second only partly (it has no subject of its own and
    borrows the first's), and the whole message answered by one entry that ranks among the top three of both
    questions: that entry says both (round 14: "tổ đó gồm những ai, ai ký quyết định lập" answered the
    members, the second question alone, with no subject, the day's decision at coverage 0.88 / match 0.78;
    who sets the team up says both). Answered, the first question's entry offered. A second question fully
    answered by its own entry ("Tổ công nghệ số cộng đồng là gì? Cả nước còn bao nhiêu tỉnh?", coverage and
    match 1.0) names its own subject: the whole message's entry answers neither (review of round 14, M1)."""
    top = second[1][0] if second[1] else None
    if top is None or said_whole(top):
        return None
    entry = whole[0].entry
    if not whole[0].confident or entry is None or entry in (first[0].entry, second[0].entry):
        return None
    if not all(entry in {h.entry.id for h in r[1][:SUGGESTIONS]} for r in (first, second)):
        return None
    return whole, by_id.get(first[0].entry or "")


def years_apart(question: str, result: Answer, hits: Sequence[Hit], by_id: Mapping[str, Entry],
                messages: dict[str, str]) -> tuple[Answer, Entry | None]:
    """Two years asked side by side ("… top bao nhiêu về chính phủ điện tử, năm 2025 vs 2030", ``bot.kb.years``)
    and answered with an entry that names one of them only: the other year is the message's next question
    (round 15). An entry of the top three that states both in one sentence, and says enough of the question to
    be answered (the hard floors of coverage and match), is answered instead; else the first year's answer
    stands and the best-ranked entry naming the other year is offered."""
    years = two_years(question)
    entry = by_id.get(result.entry or "")
    if years is None or entry is None:
        return result, None
    named = [y for y in years if names_year(f"{entry.title} {entry.answer}", y)]
    if len(named) != 1:
        return result, None
    own = next((h for h in hits if h.entry is entry), None)
    written = named_both(question, hits)  # the short name asked pins the fact (bot.kb.both_years)
    if written is not None and written.entry is not entry:
        return confident(written, messages, result.normalized, result.margin), None
    for hit in hits[:SUGGESTIONS]:
        # review of round 15, H1: only an entry of the answer's topic that says at least as much of the
        # question's own words, its match within the tie margin ("xã hội số" is not answered by a "kinh tế số"
        # entry stating 2025 and 2030)
        if hit.entry is not entry and states_both(hit.entry.answer, years) and own is not None \
                and hit.entry.topic == entry.topic and hit.coverage >= own.coverage \
                and hit.match >= own.match - TIE_MARGIN \
                and hit.coverage >= FLOOR_COVERAGE and hit.match >= FLOOR_MATCH:
            return confident(hit, messages, result.normalized, result.margin), None
    # an entry stating the fact of both years year by year ("Đến năm 2025: … Đến năm 2030: …"), as for an unsure
    # answer (bot.kb.both_years: the highest coverage of the first three, the short name asked written)
    stated = stating_both(question, hits)
    if stated is not None and stated.entry is not entry:
        return confident(stated, messages, result.normalized, result.margin), None
    missing = next(y for y in years if y not in named)
    # review of round 15, M3: the other year's entry of the same kind (topic, and the title once the years are
    # taken out), not any entry that names the year
    other = next((h.entry for h in hits if h.entry is not entry and h.entry.topic == entry.topic
                  and names_year(f"{h.entry.title} {h.entry.answer}", missing)
                  and same_title(h.entry.title, entry.title)), None)
    return result, other


def years_in_turn(tried: Sequence[str], whole: Decided, first: Decided, second: Decided,
                  messages: dict[str, str]) -> Decided | None:
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
    order = {h.entry.id: i for i, h in enumerate(whole[1])}
    # the first question unsure alone and the second the same fact asked again of the other year, no subject of
    # its own ("… ? Năm 2030 là top mấy?"): any of its hits, which rank what it leaves unsaid by chance
    # (years.asked_again; a first question answered alone keeps its year's entry: "Chủ đề 2023 là gì? Năm 2024…")
    # Round 33: a first question answered alone that types the short name of the fact ("Mục tiêu xếp hạng … EGDI …
    # năm 2025 là top mấy, tới 2030 là top mấy") pins the fact as the unsure one's ranking does not: the name says
    # which fact both years are asked of (``bot.kb.both_years.asked_names``), so the same wide reading holds, among
    # the entries that write that name (the 2025 e-government targets were answered, the 2030 ones offered)
    named = asked_names(tried[0], first[1][:SUGGESTIONS])
    wide = (not first[0].confident or bool(named)) and asked_again(tried[0], tried[1])
    # Round 33 (fix33c): with the short name typed, the name pins the fact the second question asks again, and its
    # ranking holds only five entries by chance (content33's phrasings moved the 2030 digital-economy target in
    # ahead of the EGDI targets of both years): membership there is not asked; the name, the first question's
    # topic and both years stated keep other facts of these years (the cyber-security targets) out
    pinned = bool(named) and wide
    again = {h.entry.id for h in second[1][:None if wide else SUGGESTIONS]}
    candidates = sorted((h for h in first[1][:SUGGESTIONS] if (pinned or h.entry.id in again)
                         and says_names(h.entry, named)),
                        key=lambda h: order.get(h.entry.id, len(order)))
    for hit in candidates:
        if hit.entry.topic == topic and hit.coverage >= FLOOR_COVERAGE and hit.match >= FLOOR_MATCH \
                and (states_both(hit.entry.answer, pair) or lists_both(hit.entry.answer, pair)):
            hits = [hit, *(h for h in whole[1] if h.entry is not hit.entry)]
            return confident(hit, messages, first[0].normalized, first[0].margin), hits
    return None


def borrowed(texts: Texts, tried: Sequence[str], readings: Mapping[str, Decided], best: Decided) -> bool:
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


def borrowed_by(texts: Texts, first: str, answered: Answer, second: Decided, by_id: Mapping[str, Entry],
                own_record: EntryRecord | None = None, follow_up: str = "") -> bool:
    """Whether the second question's entry, of another topic than the first question's ``answered`` entry,
    answers it without the subject the ``first`` question gave it (``bot.kb.explained.borrowed_subject``): a
    short follow-up's reading is about another subject. With the answer's record (``own_record``), a number the
    first question names that the answer says and the follow-up's entry leaves out is that subject too ("Quyết
    định 749 … do ai ký, ký ngày nào": the DX day's Decision 505 is another decision's signing;
    ``bot.kb.explained.subject_left``, round 15). A ``follow_up`` opened by a connector asks one of its own."""
    own = by_id.get(answered.entry or "")
    if not second[1] or own is None or second[1][0].entry.topic == own.topic or names_itself(second[1][0]):
        return False  # review 20, M2: "Tổ làm những việc gì, VNeID là gì?" names the second subject itself
    if opens_with_connector(follow_up):
        return False  # "…, còn năm 2023 là gì?": a question of its own (bot.kb.follow_up)
    asked, top = texts.query(first), second[1][0]
    if asked is not None and own_record is not None:
        return subject_left(asked.view, top.question, top.record, own_record, ELLIPTICAL_WORDS)
    return asked is not None and borrowed_subject(asked.view, top.question, top.record, ELLIPTICAL_WORDS)
