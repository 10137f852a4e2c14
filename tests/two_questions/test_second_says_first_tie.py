"""Round 31 (`wrong31`): the whole message torn between the first question's entry and the one offered
(``bot.kb.second_says_first``): the offered entry answers both where it restates every fact of the first entry's of
the kind asked, its own question was answered with it, and the two are no siblings.

Probe entries and readings of my own, read by the module alone (no ranking): a portal's address asked, then its first
services.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from types import SimpleNamespace

from bot.kb.decision import ambiguous_entries, confident
from bot.kb.index import Hit
from bot.kb.loader import Entry, load_messages
from bot.kb.second_says_first import answered_by_second
from bot.nlp.syllables import fold

MESSAGES = load_messages()
FIRST_Q, SECOND_Q = "Cổng của tỉnh vào trang nào", "lúc mới mở có những dịch vụ gì"


def entry(id_: str, answer: str, family: str = "") -> Entry:
    return Entry(id=id_, topic="t", title=id_, questions=("q",), keywords=("k",), answer=answer,
                 verified=dt.date(2026, 1, 1), sources=(), family=family)


PORTAL = entry("portal", "Cổng thông tin của tỉnh có địa chỉ https://congtinh.gov.vn, nơi nộp hồ sơ trực tuyến.")
SERVICES = entry("services", "Khi mở, cổng congtinh.gov.vn có 40 dịch vụ đầu tiên, như cấp giấy phép lái xe.")
BY_ID = {e.id: e for e in (PORTAL, SERVICES)}
TEXTS = SimpleNamespace(analysis=lambda q: SimpleNamespace(text=fold(q)), kinds=lambda q: frozenset())


def hit(e: Entry, coverage: float) -> Hit:
    return Hit(entry=e, score=1.0, coverage=coverage, bm25_all=0.0, bm25_question=0.0, char=0.0)


def answered(e: Entry, hits: list[Hit]) -> tuple:
    return confident(hits[0], MESSAGES, "", 0.5), hits


def torn(*entries: Entry) -> tuple:
    hits = [hit(e, 0.8) for e in entries]
    return ambiguous_entries(entries, MESSAGES, ""), hits


def test_the_offered_entry_restating_the_address_answers_both() -> None:
    first = answered(PORTAL, [hit(PORTAL, 1.0), hit(SERVICES, 0.4)])
    second = answered(SERVICES, [hit(SERVICES, 1.0)])
    moved = answered_by_second(TEXTS, FIRST_Q, torn(SERVICES, PORTAL), first, SERVICES, BY_ID, MESSAGES, SECOND_Q,
                               second)
    assert moved is not None
    (result, hits), offered = moved
    assert result.confident and result.entry == "services" and hits[0].entry is SERVICES
    assert offered is PORTAL


def test_a_second_question_not_answered_with_the_offered_entry_keeps_the_first() -> None:
    first = answered(PORTAL, [hit(PORTAL, 1.0), hit(SERVICES, 0.4)])
    unsure = torn(SERVICES, PORTAL)  # "vì sao …?" alone: no subject, offered for want of its own answer
    assert answered_by_second(TEXTS, FIRST_Q, torn(SERVICES, PORTAL), first, SERVICES, BY_ID, MESSAGES, SECOND_Q,
                              unsure) is None


def test_an_entry_naming_another_address_does_not_restate_it() -> None:
    other = replace(SERVICES, answer="Khi mở, cổng có 40 dịch vụ đầu tiên; xem thêm tại dichvucong.gov.vn.")
    first = answered(PORTAL, [hit(PORTAL, 1.0), hit(other, 0.4)])
    second = answered(other, [hit(other, 1.0)])
    assert answered_by_second(TEXTS, FIRST_Q, torn(other, PORTAL), first, other, {**BY_ID, "services": other},
                              MESSAGES, SECOND_Q, second) is None


def test_siblings_keep_the_member_asked() -> None:
    portal, services = replace(PORTAL, family="sites"), replace(SERVICES, family="sites")
    first = answered(portal, [hit(portal, 1.0), hit(services, 0.4)])
    second = answered(services, [hit(services, 1.0)])
    assert answered_by_second(TEXTS, FIRST_Q, torn(services, portal), first, services,
                              {"portal": portal, "services": services}, MESSAGES, SECOND_Q, second) is None
