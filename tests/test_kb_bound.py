"""Round 12: a year the question names must be said about what it asks (bot.kb.bound).

The look-alikes here were written for these tests (the dev set's were about the 2024 GII rank, answered with the
entry on the ranking *targets*, whose 2024 sentence is the e-government result). Each test also checks that the
channel's own questions about a year keep their answers.
"""

from __future__ import annotations

from bot.kb import KnowledgeBase
from bot.kb.bound import paragraphs, unbound_year
from bot.kb.lexicon import View
from bot.kb.records import EntryRecord
from bot.nlp.normalize import analyze

TARGETS = "ct-xep-hang-quoc-te-muc-tieu"  # targets per index (2025, 2030), then the 2024 e-government result
EGDI = "ct-xep-hang-egdi-2024"  # its phrasings name 2024 and 2020


def view(kb: KnowledgeBase, question: str) -> View:
    query = kb.index.query(analyze(question))
    assert query is not None
    return query.view


def record(kb: KnowledgeBase, entry_id: str) -> EntryRecord:
    return kb.index.records[next(i for i, e in enumerate(kb.entries) if e.id == entry_id)]


def test_a_year_said_only_in_another_paragraph_than_the_thing_asked_is_unbound(real_kb: KnowledgeBase) -> None:
    """The targets entry says "2024" (the e-government rank) and "GII" (a 2025 target) in different paragraphs."""
    targets = record(real_kb, TARGETS)
    assert len(paragraphs(targets)) >= 3
    question = view(real_kb, "Năm 2024 chỉ số GII của Việt Nam đứng hạng bao nhiêu?")
    idf = real_kb.index.idf_of
    assert unbound_year(question, targets, frozenset({"year:2024"}), idf) == "2024"
    # the same words with the year of the target: said together, so bound
    assert unbound_year(view(real_kb, "Năm 2025 chỉ số GII của Việt Nam phải vào nhóm mấy?"), targets,
                        frozenset({"year:2025"}), idf) is None
    # nothing to check: no year asked, a year the entry never says (bot.kb.asks refuses that), no index weights
    assert unbound_year(question, targets, frozenset(), idf) is None
    assert unbound_year(question, targets, frozenset({"year:2019"}), idf) is None
    assert unbound_year(question, targets, frozenset({"year:2024"}), None) is None


def test_an_entry_whose_phrasings_name_the_year_claims_it(real_kb: KnowledgeBase) -> None:
    """"năm 2020 việt nam xếp hạng chính phủ điện tử thứ mấy" is one of the EGDI entry's phrasings."""
    egdi = record(real_kb, EGDI)
    question = view(real_kb, "Năm 2020 Việt Nam xếp thứ mấy về chính phủ điện tử?")
    assert unbound_year(question, egdi, frozenset({"year:2020"}), real_kb.index.idf_of) is None


def test_the_decision_offers_an_unbound_year_and_answers_the_bound_ones(real_kb: KnowledgeBase) -> None:
    for look_alike in ("Năm 2024 nước ta đứng thứ mấy về Chỉ số Đổi mới sáng tạo toàn cầu GII?",
                       "Năm 2024 Việt Nam xếp hạng mấy về chỉ số GII đổi mới sáng tạo?"):
        offered = real_kb.answer(look_alike)
        assert not offered.confident, look_alike
        assert TARGETS in offered.choice_entries  # offered, not refused: the entry is one tap away
    for question, entry in (("Chương trình chuyển đổi số đặt mục tiêu GII năm 2025 là nhóm mấy?", TARGETS),
                            ("Năm 2024 Việt Nam xếp hạng chính phủ điện tử thứ mấy?", EGDI),
                            ("Năm 2020 Việt Nam xếp thứ mấy về chính phủ điện tử?", EGDI),
                            ("Năm 2030 Việt Nam muốn vào top mấy về chính phủ điện tử?", "ct-muc-tieu-2030")):
        kept = real_kb.answer(question)
        assert kept.confident and kept.entry == entry, question
