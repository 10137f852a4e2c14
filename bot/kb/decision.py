"""From ranked hits to what the citizen sees: a confident answer, "Ý bạn là…?", or an apology.

A logistic model turns the ranker's signals into the probability that the top entry answers the question:
*coverage* — the share of the query's content words (and word pairs) found in the top entry, which separates
in-domain from off-topic questions — *match* — how much of one phrasing of the entry the query says — the
*margin* and gap between the top two combined scores, the runner-up's coverage, and the *discriminators*
(numbers, "hủy/ngừng") on which neighbouring entries disagree. Hand-set thresholds on these signals were tuned
on questions written from the entries and refused most questions from people who never saw them (34 % answered
on a blind set); the weights are now fitted on the blind dev split and the old set (``tools/calibrate_qa.py``).
Ranking scores alone cannot refuse: they are normalized per query, so the best of bad candidates scores high.
"""

from __future__ import annotations

import datetime as dt
import math
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from bot.kb.asks import asks_address, asks_elsewhere, typed_address, unanswered, web_addresses
from bot.kb.bound import unbound_year
from bot.kb.explained import gap
from bot.kb.index import KIND_LEAD, Hit, says_more
from bot.kb.intent_model import RESCUE_P, Reading, agrees, no_reader
from bot.kb.loader import Entry, Source
from bot.kb.own_subject import KnownPair, other_subject
from bot.kb.year_rivals import year_rivals_dropped

DECISIVE = 1.0  # discriminator lead (see Index.discriminator) that decides between close neighbours
SUGGESTIONS = 3
NEAR_MISS = 0.2  # coverage from which a hit is worth offering (choices, and the near misses after an apology)
NEIGHBOUR = 0.3  # runner-up coverage from which the two "edges" (what tells them apart) are features
# The calibrated decision (tools/calibrate_qa.py fits WEIGHTS on the blind dev split and the old set).
CONFIDENT_P = 0.70  # at or above: answer (round 3: held-out halves of dev + dev2, tools/calibrate_qa.py --cv)
OFFER_P = 0.2  # at or above: "Ý bạn là…?" with the top three; below: apologise and suggest near topics
OFFER_COVERAGE = 0.45  # ... provided the question is mostly found in the top entry (off-topic stays an apology)
# Hard floors under the model: whatever the other signals say, the question must be mostly found in the entry.
# A near tie with an equally covered runner-up is offered unless the model is very sure (TIE_P, round 4).
FLOOR_COVERAGE, FLOOR_MATCH, FLOOR_MARGIN, TIE_MARGIN = 0.45, 0.25, 0.03, 0.1
# round 22: where the model is sure (SURE_P), the coverage floor is SURE_COVERAGE — a rambling message's question
# says its topic in its own words ("tài khoản thanh toán điện tử… bao nhiêu phần trăm") and misses 0.45 just;
# only where the naive Bayes finds the question plainly in scope (OOS_CONFIRM) and the trained off-topic model
# does not lean out (OOS_TRAINED): a look-alike keeps the floor
SURE_P, SURE_COVERAGE = 0.8, 0.36
TIE_P = 0.90
OVERTAKEN_LEAD = 0.2  # coverage and match by which a runner-up that says more of the question overtakes (round 11)
FAR_LEAD = 0.3  # coverage by which one of the top three, matching no less, says far more of the question (round 13)
OUTSIDE_LEAD = 0.1  # out-of-scope match over the top entry's that refuses without a word beyond it (outside)
# The out-of-scope classifier (bot.kb.outside, session 6): its probability that confirms the nearest-phrasing rule,
# and the one that refuses alone (held-out table in docs/qa-history/round-06.md).
OOS_CONFIRM, OOS_ALONE = 0.2, 0.99
OOS_SAID = 0.9  # a question that says an out-of-scope phrasing nearly word for word needs no confirmation
# The trained off-topic model (bot.kb.offtopic_model, round 8) refuses where the naive Bayes leans out too, never
# one of the KB's own redirect entries (written for requests the channel does not handle: "go to the police").
OOS_TRAINED, OOS_TRAINED_NB = 0.5, 0.8
REDIRECT_TOPIC = "ngoai-pham-vi"
GAP_OOS = 0.5  # a name the entry does not say (bot.kb.explained) gets the out-of-scope reply from this probability
WEIGHTS = (-11.693, 3.160, 2.703, -0.073, 5.455, 3.202, 2.714, 1.417, -0.408, 5.709, -0.807, -4.711, -1.630, 0.871,
           -0.003, 2.214, 0.893, 1.321, 1.192, -0.947, -2.171, -0.676)


@dataclass(frozen=True)
class Answer:
    """The engine's reply. ``text`` is ready to send; ``choices`` are (title, payload) quick replies."""

    kind: str  # "confident" | "ambiguous" | "unknown"
    text: str
    entry: str | None
    score: float
    confident: bool
    sources: list[dict[str, Any]] = field(default_factory=list)
    choices: list[tuple[str, str]] = field(default_factory=list)
    candidates: list[str] = field(default_factory=list)
    margin: float = 0.0
    normalized: str = ""
    choice_entries: list[str] = field(default_factory=list)  # the entry id behind each choice, in order
    out_of_scope: bool = False  # the question is one the channel does not answer (bot.kb.outside)

    def to_json(self) -> dict[str, Any]:
        """The ``dxbot ask --json`` object (contract §4 plus ``kind``, ``choices`` and debug fields)."""
        return {
            "answer": self.text, "entry": self.entry, "score": round(self.score, 4),
            "confident": self.confident, "sources": self.sources, "kind": self.kind,
            "choices": [{"title": t, "payload": p} for t, p in self.choices],
            "choice_entries": self.choice_entries, "candidates": self.candidates,
            "margin": round(self.margin, 4), "normalized": self.normalized, "out_of_scope": self.out_of_scope,
        }


def format_date(date: dt.date, messages: dict[str, str]) -> str:
    return messages["date_format"].format(day=date.day, month=date.month, year=date.year)


def source_line(source: Source, messages: dict[str, str]) -> str:
    """One "Nguồn: …" line: a page with its link, or a carried document (round 29) with its publisher and year and
    no link (a link to another site would be one the citizen cannot check the answer against)."""
    if source.document:
        year = source.date.year if source.date else ""
        return messages["source_line_document"].format(title=source.title, publisher=source.publisher, year=year)
    if source.date:
        return messages["source_line"].format(
            title=source.title, date=format_date(source.date, messages), url=source.url
        )
    return messages["source_line_undated"].format(title=source.title, url=source.url)


def answer_text(entry: Entry, messages: dict[str, str]) -> str:
    """The entry's answer followed by one "Nguồn: …" line per source (what ``kb check`` measures).

    An entry quoting two passages of one page cites it twice; the citizen reads its line once. Built once per
    entry and wording of the source lines (latency: every reading decided confidently built it again, up to
    four per message); the entry is held beside its text, so a recycled ``id`` never returns another's.
    """
    wording = (messages.get("source_line"), messages.get("source_line_undated"), messages.get("date_format"),
               messages.get("source_line_document"))
    cached = _ANSWER_TEXTS.get(id(entry))
    if cached is not None and cached[0] is entry and cached[1] == wording:
        return cached[2]
    text = _answer_text(entry, messages)
    if len(_ANSWER_TEXTS) > 65536:
        _ANSWER_TEXTS.clear()
    _ANSWER_TEXTS[id(entry)] = (entry, wording, text)
    return text


_ANSWER_TEXTS: dict[int, tuple[Entry, tuple[str | None, ...], str]] = {}  # by id(entry): entries are immutable


def _answer_text(entry: Entry, messages: dict[str, str]) -> str:
    lines = "\n".join(dict.fromkeys(source_line(s, messages) for s in entry.sources))
    return f"{entry.answer}\n\n{lines}"


def _choice_text(head: str, titles: Sequence[str], messages: dict[str, str]) -> str:
    items = "\n".join(messages["choice_item"].format(title=t) for t in titles)
    return f"{head}\n{items}" if items else head


def confident(hit: Hit, messages: dict[str, str], normalized: str, margin: float) -> Answer:
    entry = hit.entry
    return Answer(
        "confident", answer_text(entry, messages), entry.id, hit.coverage, True,
        [s.as_dict() for s in entry.sources], [], [entry.id], margin, normalized,
    )


def ambiguous(hits: Sequence[Hit], messages: dict[str, str], normalized: str, margin: float,
              n: int = SUGGESTIONS) -> Answer:
    titles = [h.entry.title for h in hits[:n]]
    ids = [h.entry.id for h in hits[:n]]
    return Answer(
        "ambiguous", _choice_text(messages["did_you_mean"], titles, messages), None, hits[0].coverage, False,
        [], [(t, t) for t in titles], ids, margin, normalized, ids,
    )


def ambiguous_entries(entries: Sequence[Entry], messages: dict[str, str], normalized: str) -> Answer:
    """"Ý bạn là…?" with ``entries`` (not a ranking's hits: siblings a question names, ``bot.kb.siblings``)."""
    titles = [e.title for e in entries]
    ids = [e.id for e in entries]
    return Answer("ambiguous", _choice_text(messages["did_you_mean"], titles, messages), None, 0.0, False, [],
                  [(t, t) for t in titles], ids, 0.0, normalized, ids)


def unknown(suggested: Sequence[Entry], messages: dict[str, str], normalized: str, score: float = 0.0,
            head_key: str = "unknown", candidates: Sequence[str] = ()) -> Answer:
    titles = [e.title for e in suggested]
    return Answer(
        "unknown", _choice_text(messages[head_key], titles, messages), None, score, False, [],
        [(t, t) for t in titles], list(candidates), 0.0, normalized, [e.id for e in suggested],
    )


def _margin(top: Hit, second: Hit | None) -> float:
    return (top.score - second.score) / top.score if second and top.score > 0 else 1.0


def _decided(top: Hit, second: Hit | None) -> bool:
    """The runner-up contradicts the question (a number, a stopping verb) where the top entry agrees."""
    return second is not None and second.conflict and top.discriminator - second.discriminator >= DECISIVE


def near_tie(hits: Sequence[Hit]) -> bool:
    """The runner-up explains the question as well as the top entry: only the ranking's fine print separates them."""
    top = hits[0]
    second = hits[1] if len(hits) > 1 else None
    if second is None or _decided(top, second):
        return False
    if top.tied:  # the ranker put it first over a near tie because it says more of the question
        return True
    margin = _margin(top, second)
    return ((margin < FLOOR_MARGIN and second.coverage >= top.coverage - 0.1)
            or (margin < TIE_MARGIN and second.coverage >= top.coverage - 0.02 and second.match >= top.match - 0.02))


def features(hits: Sequence[Hit]) -> list[float]:
    """What the calibrated decision looks at (see ``tools/calibrate_qa.py``), with the bias term first.

    Round 3 added what tells the top entry from its neighbours: how much more of the question it says, in
    words, in one phrasing and in characters; the runner-up's match; the third entry's coverage; the near tie;
    the strongest word of the question the entry lacks (off-topic look-alikes keep one); how much more its
    phrasings ask the kind of answer asked (``bot.kb.wh``).
    """
    top = hits[0]
    second = hits[1] if len(hits) > 1 else None
    third = hits[2] if len(hits) > 2 else None
    margin = _margin(top, second)
    gap = min(1.0, top.score - second.score if second else top.score)  # bounded: a lone hit is not proof
    return [
        1.0, top.coverage, top.match, margin, top.score / 4.0, gap, second.coverage if second else 0.0,
        float(top.conflict), float(_decided(top, second)), top.char, min(top.discriminator, 1.0),
        top.coverage * top.match,
        *((top.edge, second.edge) if second is not None and second.coverage >= NEIGHBOUR else (0.0, 0.0)),
        float(near_tie(hits)), top.match - (second.match if second else 0.0),
        top.coverage - (second.coverage if second else 0.0), second.match if second else 0.0,
        third.coverage if third else 0.0, top.char - (second.char if second else 0.0), top.missing,
        top.kind - (second.kind if second else 0.0),
    ]


def probability(hits: Sequence[Hit]) -> float:
    """Calibrated probability that the top hit answers the question (logistic model over :func:`features`)."""
    values = features(hits)
    if len(values) != len(WEIGHTS):
        raise ValueError(f"{len(values)} features for {len(WEIGHTS)} weights")
    z = sum(map(operator.mul, WEIGHTS, values))  # the same products and additions, in C (latency)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def floors(hits: Sequence[Hit], asks: frozenset[str] | Callable[[], frozenset[str]] = frozenset(), p: float = 0.0,
           moot: bool | Callable[[], bool] = False, idf: Callable[[str], float] | None = None,
           named: Callable[[], bool] | None = None) -> bool:
    """Whether the hard floors under the model allow a confident answer with the top hit.

    A question that stops something answered by an entry that does not, too little of the question found in
    the entry, and an entry that does not say the kind of fact asked (a percentage, a document number, a
    reason, the year named, a place, an age, a home town, pay: ``bot.kb.asks``) are offered, never answered
    with confidence. A number the entry does not name is left to the model ("năm 2022" in a question about
    a 2022 count). A near tie with the
    runner-up (:func:`near_tie`) is also a feature of the model and, since round 4, no floor when the model
    is sure (``TIE_P``) and the top entry says more of the question than the runner-up (:func:`_leads`):
    held out, answering such ties added 4 right answers on dev + dev2 and 5 on dev3, and no wrong one ("có
    bao nhiêu tổ công nghệ số" over what the teams are), where offering both made the citizen tap for it.
    Two entries the question cannot tell apart ("làm thẻ căn cước" for children or the elderly) are still
    offered. ``moot``: both entries of the tie give what the question asks (:func:`moot_tie`), so the tie is no
    ambiguity to the citizen. Round 12: a year the entry names only apart from what the question asks
    (``bot.kb.bound``; ``idf``: the index's word weights) is offered too.

    ``asks`` and ``moot`` may be functions, called only where the floors read them: the kinds asked once the
    cheaper floors hold, the moot tie only for a near tie (latency, round 25: :func:`decide` read the kinds of a
    long letter and two answers' web addresses for every decision).

    Round 31: ``named`` — whether the trained intent reader names the top entry (``bot.kb.intent_model.agrees``),
    read only for a near tie the top entry leads. The tie is two entries the ranker's words cannot tell apart; where
    the ranker's own evidence still leans to the top entry (:func:`_leads`) and the reader, which learned how
    citizens ask for each entry from whole messages and shares no rule with the ranker, names that entry too, the
    question told them apart ("kênh zalo oa cđs … tên j": the channel's name, not who runs it) — provided the words
    that tell the two entries apart lean to the top entry too (:func:`_told_apart`: "Ngày Chuyển đổi số có phải chỉ
    là một ngày kỷ niệm không" says "kỷ niệm", which only the day's purpose says, and stays offered). The model's
    certainty (``TIE_P``) was the only other way out of a tie; every other floor still holds.
    """
    top = hits[0]
    tie = near_tie(hits) and not (moot() if callable(moot) else moot) \
        and not (_leads(top, hits[1]) and (p >= TIE_P or (named is not None and _told_apart(top, hits[1])
                                                          and named())))
    sure = p >= SURE_P and top.oos < OOS_CONFIRM and top.trained < OOS_TRAINED
    covered = top.coverage >= FLOOR_COVERAGE or (sure and top.coverage >= SURE_COVERAGE)
    if not (not tie and not top.against and covered and top.match >= FLOOR_MATCH):
        return False
    asked = asks() if callable(asks) else asks
    return (not unanswered(asked, top.entry) and not outside(top) and not trained_outside(top)
            and not overtaken(hits) and unbound_year(top.question, top.record, asked, idf) is None)


def may_be_answered(coverage: float, match: float) -> bool:
    """Whether :func:`floors` could allow a confident answer with an entry that holds ``coverage`` of the question
    and ``match`` of one of its phrasings, whatever else is measured: the coverage floor at its lowest (a sure
    model's) and the phrasing floor. Known before a ranking (``bot.kb.index.Index.measured``), it spares the
    ranking of a reading whose only usable entries could not be answered (latency, round 24)."""
    return coverage >= min(FLOOR_COVERAGE, SURE_COVERAGE) and match >= FLOOR_MATCH


def overtaken(hits: Sequence[Hit]) -> bool:
    """The runner-up explains more of the question than the top entry, which explains nothing more than it
    (round 7, dev7: "Năm nay Ngày Chuyển đổi số làm ngày nào?" ranked the themes of the years first, by score
    alone, over the entry with as many of its words, more of one phrasing and phrasings that ask a date): the top
    entry is first only by the ranking's fine print, so both are offered."""
    if len(hits) < 2:
        return False
    top, second = hits[0], hits[1]
    if _decided(top, second):
        return False
    # round 11: the runner-up says far more of the question in words and in one phrasing — the top entry is first
    # by the words of a context sentence ("…bài viết của Sở Thông tin và Truyền thông… Chuyển đổi số trước tiên
    # là chuyển đổi cái gì?": who runs the channel over what the question asks)
    if second.coverage >= top.coverage + OVERTAKEN_LEAD and second.match >= top.match + OVERTAKEN_LEAD:
        return True
    # round 13: one of the top three says far more of the question's words and no less of one phrasing — the top
    # entry is first by the context's words ("Hồi 2019 … khai trương cổng dịch vụ công … Cổng đó gồm những phần
    # nào?": the launch, 0.6 of the question, over the portal's components, 1.0 and third)
    if any(h.coverage >= top.coverage + FAR_LEAD and h.match >= top.match and not _decided(top, h)
           for h in hits[1:SUGGESTIONS]):
        return True
    return (second.coverage >= top.coverage and second.match >= top.match and second.kind > top.kind + KIND_LEAD
            and not _leads(top, second))


def outside(top: Hit) -> bool:
    """The question is one the channel does not answer although it shares its words (``bot.kb.outside``).

    Round 5's nearest-phrasing rule: the question says a phrasing of the out-of-scope class at least as closely
    as any phrasing of the top entry and that phrasing says a word of the question the entry does not ("số điện
    thoại *ngân hàng*"), or it says it clearly more closely (``OUTSIDE_LEAD``: "GDP năm nay tăng bao nhiêu").
    Session 6 grew the class fivefold, and alone the rule then refused right answers whose words an
    out-of-scope phrasing happens to share ("Ngày Chuyển đổi số quốc gia … năm 2025" against a 2026 event): it
    now needs the naive Bayes classifier not to find the question plainly in scope (``OOS_CONFIRM``), unless the
    question says an out-of-scope phrasing nearly word for word (``OOS_SAID``: the classifier's words lean in
    scope for "Cục trưởng Cục Chuyển đổi số quốc gia là ai"). The classifier refuses without a word beyond the
    entry when it is sure (``OOS_ALONE``) and the class says the question at least as closely as the entry
    ("Tổ công nghệ số … có được trả lương không"); sure alone, it refused "bộ trưởng bộ khoa học và công nghệ
    sau khi sáp nhập là ai" (round 6's table). Round 8's trained model: :func:`trained_outside`."""
    rule = top.outside > 0 and top.outside >= top.match + (0.0 if top.beyond else OUTSIDE_LEAD)
    return ((rule and (top.oos >= OOS_CONFIRM or top.outside >= OOS_SAID))
            or (top.oos >= OOS_ALONE and top.outside >= top.match > 0))


def trained_outside(top: Hit) -> bool:
    """Round 8: the trained model (``bot.kb.offtopic_model``) reads the question as off-topic over this entry and the
    naive Bayes leans out too (alone the model refused rambling in-scope questions whose context is a citizen's
    life); never over one of the KB's redirect entries, which are what such a request should get. It only stops a
    confident answer (:func:`decide`): a question the engine was unsure of anyway still reaches the editors."""
    return trained_leans_out(top) and top.entry.topic != REDIRECT_TOPIC


def trained_leans_out(top: Hit) -> bool:
    """The two readers of :func:`trained_outside` leaning out over ``top``'s entry, whatever its topic: the trained
    model at ``OOS_TRAINED`` and the naive Bayes at ``OOS_TRAINED_NB``."""
    return top.trained >= OOS_TRAINED and top.oos >= OOS_TRAINED_NB


def _told_apart(top: Hit, second: Hit) -> bool:
    """Of the question's words only one of the two entries says (their edges, ``bot.kb.signals.edges``), the top
    entry's weigh at least as much as the runner-up's: no word of the question points to the runner-up alone more
    than the top entry's own words point to it (round 31)."""
    return second.edge <= top.edge


def _leads(top: Hit, second: Hit) -> bool:
    """The top entry explains more of the question than the runner-up: its words, one phrasing, or its kind."""
    return says_more(top.coverage, top.match, top.kind, top.numbers,
                     second.coverage, second.match, second.kind, second.numbers)


def moot_tie(hits: Sequence[Hit], normalized: str) -> bool:
    """The question asks for a web address and the top two entries' answers give the same one (round 7: "địa
    chỉ trang Cổng Dịch vụ công quốc gia" ties what the portal is with how to tell the real one, and both
    answers name dichvucong.gov.vn): either answer is the answer, so the tie asks the citizen nothing."""
    if len(hits) < 2:
        return False
    both = web_addresses(hits[0].entry) & web_addresses(hits[1].entry)
    # round 9: the question is the address itself ("dichvucong.gov.vn") and both answers say what that site is
    return bool(both) and (asks_address(normalized) or typed_address(normalized) in both)


def decide(hits: Sequence[Hit], messages: dict[str, str], normalized: str,
           suggest: Sequence[Entry], asks: frozenset[str] | Callable[[], frozenset[str]] = frozenset(),
           names: frozenset[str] = frozenset(), intent: Callable[[], Reading] = no_reader,
           idf: Callable[[str], float] | None = None, years: Callable[[], frozenset[str]] | None = None,
           known_pair: KnownPair | None = None) -> Answer:
    """Confident when the calibrated probability is high, or the intent reader agrees (:func:`agrees`), and the
    :func:`floors` allow it, "Ý bạn là…?" in between, else an apology. ``asks``: the kinds of fact the question
    asks for (``bot.kb.asks``); ``names``: the names the question types that the KB does not know
    (``bot.kb.explained.names``); ``intent``: what the trained intent reader makes of the question, when called.
    Round 8: a name the question types that the top entry does not say (``bot.kb.explained.gap``) is not answered
    with confidence either, nor rescued by the reader; the entry stays first among the buttons.

    Round 23 (latency): ``asks`` may be a function, called only where the floors read the kinds, and ``years`` the
    years among them (read alone, cheaply), for the runners-up that name no year asked.

    Round 24: ``known_pair`` (whether the KB says a word pair anywhere) lets the decision see a question that gives
    the head of the entry's subject its own modifier ("kinh tế vĩ mô" against "kinh tế số":
    ``bot.kb.own_subject``): never answered with confidence, the out-of-scope apology where the model was sure.

    Round 25: so does a predicate of another domain asked of the entry's subject (a person's tastes, a cure, the
    weather, luck, a day off, a sale: ``bot.kb.asks.elsewhere``), which the floors already kept from a confident
    answer."""
    if not hits:
        return unknown(suggest, messages, normalized)
    read: list[frozenset[str]] = []

    def kinds() -> frozenset[str]:
        if not read:
            read.append(asks() if callable(asks) else asks)
        return read[0]

    top = hits[0]
    second = hits[1] if len(hits) > 1 else None
    margin = _margin(top, second)
    p = probability(hits)
    if p < CONFIDENT_P:  # runners-up that name no year asked are no rivals (bot.kb.year_rivals)
        p = max(p, probability(year_rivals_dropped(hits, years() if years is not None else kinds())))
    lowest = min(CONFIDENT_P, RESCUE_P)
    unsaid = gap(top.question, top.record, names) if p >= lowest and names else None
    other = other_subject(top.question, top.record, known_pair) if p >= lowest and known_pair else None
    # the floors first, the reader last: it reads the question only for an answer the floors allow (latency)
    allowed = p >= lowest and unsaid is None and other is None \
        and floors(hits, kinds, p, lambda: moot_tie(hits, normalized), idf, lambda: agrees(top, p, intent))
    if allowed and (p >= CONFIDENT_P or agrees(top, p, intent)):
        return replace(confident(top, messages, normalized, margin), score=p)
    gap_outside = unsaid is not None and p >= CONFIDENT_P and top.oos >= GAP_OOS
    # round 25: a predicate of another domain asked of the entry's subject ("Đề án 06 có giúp tôi giảm cân không?")
    foreign = p >= CONFIDENT_P and asks_elsewhere(kinds(), top.entry)
    if outside(top) or (p >= CONFIDENT_P and (trained_outside(top) or other is not None)) or gap_outside or foreign:
        # a look-alike of the channel's topics: the apology, the closest topics (the top entry first) as buttons
        return replace(unknown(suggest, messages, normalized, p, "outside", [h.entry.id for h in hits[:3]]),
                       score=p, out_of_scope=True)
    # "Ý bạn là…?" needs two entries that each explain part of the question; one alone is listed first after
    # the apology (with other topics), not offered beside entries that have nothing to do with the question.
    if p >= OFFER_P and top.coverage >= OFFER_COVERAGE and second is not None and second.coverage > NEAR_MISS:
        near = [h for h in hits if h.coverage > NEAR_MISS]
        return replace(ambiguous(near, messages, normalized, margin), score=p)
    return replace(unknown(suggest, messages, normalized, p, candidates=[h.entry.id for h in hits[:3]]), score=p)


def unsure_with_second(first: Answer, entry: Entry, messages: dict[str, str]) -> Answer:
    """"Ý bạn là…?" for the first question of two, its last choice giving way to the second question's entry (round
    13): the second question was answered with confidence where the first was not, and that answer alone read to
    the citizen as the reply to what they asked first (a confident wrong answer). ``first``: the first question's
    own "Ý bạn là…?"."""
    pairs = [(t, i) for (t, _), i in zip(first.choices, first.choice_entries, strict=False) if i != entry.id]
    pairs = [*pairs[: SUGGESTIONS - 1], (entry.title, entry.id)]
    titles = [t for t, _ in pairs]
    return replace(first, text=_choice_text(messages["did_you_mean"], titles, messages),
                   choices=[(t, t) for t in titles], choice_entries=[i for _, i in pairs])


def redirected(answer: Answer, closest: Sequence[Entry], n: int = SUGGESTIONS) -> Answer:
    """A confident answer from one of the KB's redirect entries (``REDIRECT_TOPIC``: "ask the police", "the channel
    has no hotline") marked out of scope (round 14): on every blind set they fired only on off-topic requests, so
    they are the channel's specific out-of-scope replies. ``confident`` stays (the contract: the answer is the
    entry's); like the out-of-scope apology, the closest in-scope entries ``closest`` are offered after any second
    question's entry, up to ``n`` choices in all."""
    have = set(answer.choice_entries)
    extra = [e for e in closest if e.id not in have][: max(0, n - len(answer.choices))]
    return replace(answer, out_of_scope=True, choices=[*answer.choices, *((e.title, e.title) for e in extra)],
                   choice_entries=[*answer.choice_entries, *(e.id for e in extra)])


def with_second(first: Answer, entry: Entry) -> Answer:
    """A confident answer to the first question, with the second question's entry offered as a choice (the later
    questions' entries already offered after it stay: ``bot.kb.further_questions``)."""
    if entry.id in first.choice_entries:
        return first
    return replace(first, choices=[(entry.title, entry.title)], choice_entries=[entry.id])
