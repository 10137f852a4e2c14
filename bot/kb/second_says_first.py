"""Two questions in one message, the second one's entry saying the first one's fact as well (round 24).

"Cổng dịch vụ công quốc gia khai trương ngày nào, lúc đầu có những dịch vụ gì?" read clause by clause answers the
first question with the portal's launch entry and offers the first services' entry as a button. That second entry
opens with "Khi khai trương ngày 9/12/2019, …": it says both facts, and the citizen who taps nothing never sees the
second one. The same shape recurs wherever an entry of one subject recaps its neighbour ("ai ký quyết định"
restates the day, "tên đăng nhập VNeID" restates which ministry built the app, "ai lập tổ" restates how many teams a
village may have).

The evidence that the offered entry says the first question too is the engine's own: the whole message is
answered with that entry on its own confidence (it ranks first over both questions together); read against the
first question alone it explains ``STATES_FIRST_COVERAGE`` of it or more; and it says every kind of fact the first
question asks that the fact readers tell (``bot.kb.asks``: a date, a document number, a count). Round 31: where the
whole message cannot tell the two entries apart (not confident, the first question's entry and the offered one its
top two), the offered entry restating the first entry's own fact of the kind asked (``bot.kb.restates``) is evidence
enough where it restates every such fact of the first entry's and the first entry says none of the offered one's fact
the second question asks: it answers its own question and says the first one's, where the first entry says only its
own ("VNeID do cơ quan nào làm, tên đăng nhập là số gì?": the login entry says "do Bộ Công an xây dựng"). Only a first
question asking a fact an entry states in passing (who, when, how many, where: ``bot.kb.wh``) is moved; one asking
what something is, what it does, how or why ("Chuyển đổi số là gì? Gồm những trụ cột nào?", "Tổ công nghệ số làm gì,
gồm những ai?") keeps its own entry: a neighbour naming the subject throughout covers its words without explaining
it. Where the rule holds, the whole message's answer is given and the first question's entry is offered instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from bot.kb.asks import unanswered
from bot.kb.decision import confident
from bot.kb.loader import Entry
from bot.kb.restates import restates
from bot.kb.several import Decided
from bot.kb.texts import Texts
from bot.kb.wh import kinds

# the share of the first question the second question's entry must explain (``Hit.coverage``) to be taken as saying
# it: on the tuned sets the entries that recap their neighbour explain 0.88–1.0 of it
STATES_FIRST_COVERAGE = 0.85
# the share of the first question the second question's entry must explain where it restates the first entry's own
# fact of the kind asked (``bot.kb.restates``, round 30): the fact stands for the words of the first question it
# leaves out ("VNeID do bộ nào làm": the login entry says "do Bộ Công an xây dựng", and explains 0.49–0.56 of it)
RESTATED_COVERAGE = 0.5
# the kinds of answer (``bot.kb.wh``) an entry states in passing while recapping its neighbour: a name or body, a
# date, a count, a place ("Khi khai trương ngày 9/12/2019, …")
IN_PASSING = frozenset({"who", "when", "count", "where"})
# the kinds only the entry about them explains: what a thing is, what it does, how, why
EXPLAINED = frozenset({"what", "task", "how", "why"})


def answered_by_second(texts: Texts, first_question: str, whole: Decided, first: Decided, offered: Entry | None,
                       by_id: Mapping[str, Entry], messages: dict[str, str],
                       second_question: str = "", second: Decided | None = None) -> tuple[Decided, Entry | None] | None:
    """The whole message's reading and the first question's entry to offer, where the entry ``offered`` after the
    first question's answer says the first question too (the module's rule); ``None`` keeps the first answer."""
    answered = first[0].entry
    if offered is None or answered is None or not first[0].confident or offered.id == answered:
        return None
    if offered.family and by_id.get(answered) is not None and by_id[answered].family == offered.family:
        return None  # siblings (bot.kb.siblings) say each other's facts by design: the member asked keeps its own
    # the tie is read only where the second question, read alone, was answered with the entry offered: an entry
    # offered for want of its own answer ("…, vì sao dời?" names no subject) is not known to answer it
    tied = second is not None and second[0].confident and second[0].entry == offered.id \
        and _tied(whole, answered, offered.id)
    if not tied and (not whole[0].confident or whole[0].entry != offered.id or not whole[1]
                     or whole[1][0].entry is not offered):
        return None
    asked = kinds(texts.analysis(first_question).text)
    if not asked & IN_PASSING or asked & EXPLAINED:
        return None
    if unanswered(texts.kinds(first_question), offered):
        return None  # the first question asks a kind of fact the entry does not say (a date, a number, a name)
    said = next((h for h in first[1] if h.entry is offered), None)
    own = next((h for h in first[1] if h.entry.id == answered), None)
    if tied and own is not None and restates(own.entry, offered, first_question, asked, every=True) \
            and not restates(offered, own.entry, second_question, kinds(texts.analysis(second_question).text)):
        # the whole message ties the two; the offered one says both, and is answered in the whole's place
        hits = sorted(whole[1], key=lambda h: h.entry is not offered)
        result = replace(confident(hits[0], messages, whole[0].normalized, whole[0].margin), score=whole[0].score)
        return (result, hits), by_id.get(answered)
    if tied and not whole[0].confident:
        return None
    if said is None or own is None:
        return None
    if said.coverage >= max(STATES_FIRST_COVERAGE, own.coverage):
        return whole, by_id.get(answered)  # it explains the first question as fully as its own entry does
    if said.coverage < RESTATED_COVERAGE or not restates(own.entry, offered, first_question, asked):
        return None  # nor does it restate the first entry's own fact of the kind asked (bot.kb.restates)
    return whole, by_id.get(answered)


def _tied(whole: Decided, answered: str, offered: str) -> bool:
    """Whether the whole message was not answered and its two best entries are the first question's and the one
    offered, in either order: the engine cannot tell which of the two the message asks."""
    return not whole[0].confident and {h.entry.id for h in whole[1][:2]} == {answered, offered}
