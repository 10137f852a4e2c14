"""Round 14 (`qa14wrong`): confident wrong answers.

- Two questions of one subject in one sentence ("tổ đó gồm những ai, ai ký quyết định lập"), each answered by its own
  entry, where the whole message is answered by an entry ranked among the top three of both questions: that entry
  says both, and is answered (bot/kb/several.py ``says_both``); the first question's entry is offered.
- Two questions whose entries are not both explained by one entry are still answered first and offered second.
"""

from __future__ import annotations

from bot.kb.engine import KnowledgeBase


def test_an_entry_saying_both_questions_is_answered(real_kb: KnowledgeBase) -> None:
    result = real_kb.answer("Xã tôi mới họp bàn lập tổ công nghệ số cộng đồng. Tổ đó gồm những ai, ai ký quyết định "
                            "lập vậy?")
    assert result.confident
    assert result.entry == "tcns-ai-thanh-lap"  # the chairman's decision, and the team's members
    assert result.choice_entries == ["tcns-thanh-vien"]


def test_two_questions_of_two_entries_answer_the_first_and_offer_the_second(real_kb: KnowledgeBase) -> None:
    result = real_kb.answer("Chủ đề ngày chuyển đổi số năm 2022 là gì? Năm 2024 là gì?")
    assert result.confident
    assert result.entry == "ngay-cds-chu-de-2022"
    assert result.choice_entries == ["ngay-cds-chu-de-2024"]
