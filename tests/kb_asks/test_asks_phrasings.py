"""No phrasing of the KB asks a kind its own entry lacks: every title, question, keyword and learned phrasing of an
entry is answered by that entry as far as the kinds that no entry — or only some — gives go, so a question of the
channel is never refused by one of them. One test per family (``bot.kb.asks``); each family's look-alikes are in
its own file here.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.kb import KnowledgeBase
from bot.kb.asks import asked, unanswered
from bot.kb.asks.elsewhere import ELSEWHERE
from bot.kb.asks.places import _PROVINCE_WHERE
from bot.nlp.normalize import analyze


def kinds(question: str) -> frozenset[str]:
    return asked(analyze(question).text, question)


def lacking(kb: KnowledgeBase, ours: Callable[[str, str], bool]) -> list[tuple[str, str]]:
    """The (entry, phrasing) pairs whose phrasing asks a kind (``ours(kind, analysed phrasing)``) the entry lacks."""
    return [(e.id, t) for e in kb.entries for t in (e.title, *e.questions, *e.keywords, *kb.phrasings.get(e.id, ()))
            if any(ours(k, analyze(t).text) for k in unanswered(kinds(t), e))]


SERVICES = ("amount", "bank", "hours", "list:", "count:", "block", "change", "certificate")


def test_no_phrasing_of_the_kb_asks_a_service_kind_its_own_entry_lacks(real_kb: KnowledgeBase) -> None:
    """"làm thủ tục online có rẻ hơn không" asks whether, not how much; "đòi mật khẩu" is no change of one."""
    assert lacking(real_kb, lambda kind, _: kind.startswith(SERVICES)) == []


def test_no_phrasing_of_the_kb_asks_a_procedure_its_own_entry_lacks(real_kb: KnowledgeBase) -> None:
    assert lacking(real_kb, lambda kind, _: kind.startswith("procedure:") or kind == "duration") == []


def test_no_phrasing_of_the_kb_asks_an_opinion_its_own_entry_lacks(real_kb: KnowledgeBase) -> None:
    assert lacking(real_kb, lambda kind, _: kind == "opinion") == []


def test_no_phrasing_of_the_kb_asks_a_rank_its_own_entry_lacks(real_kb: KnowledgeBase) -> None:
    """"năm 2025 việt nam muốn xếp thứ bao nhiêu về chính phủ điện tử" asks a target, not a rank."""
    assert lacking(real_kb, lambda kind, _: kind.startswith("rank:")
                   or kind in ("leader", "broadband:fixed", "region")) == []


def test_no_phrasing_of_the_kb_asks_a_place_date_phone_or_world_fact_its_own_entry_lacks(
        real_kb: KnowledgeBase) -> None:
    """Laos typed with its mark, "tỉnh mô", a weekday, a phone number, a disaster, an origin. (Which province, read
    otherwise, some phrasings ask of entries that name none: "Tỉnh nào có Ngày Chuyển đổi số riêng?")"""
    assert lacking(real_kb, lambda kind, text: kind in ("place:nước Lào", "weekday", "phone", "disaster", "origin")
                   or (kind == "province" and _PROVINCE_WHERE.search(text) is not None)) == []


def test_no_phrasing_of_the_kb_asks_another_domains_predicate_its_own_entry_lacks(real_kb: KnowledgeBase) -> None:
    """A taste, a cure, the weather, luck, a day off or a sale (``bot.kb.asks.elsewhere``): "khám chữa bệnh" with
    the citizen card, "nghị định" folded as "nghi", "nâng cao thêm" are none of them."""
    assert lacking(real_kb, lambda kind, _: kind.startswith(ELSEWHERE)) == []


def test_no_phrasing_of_the_kb_asks_a_day_of_the_year_its_own_entry_lacks(real_kb: KnowledgeBase) -> None:
    """Round 27: "10/10 là ngày gì" is the national day's own phrasing; no phrasing asks which day 22/4 is."""
    assert lacking(real_kb, lambda kind, _: kind.startswith(("date:", "day:"))) == []
