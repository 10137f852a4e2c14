"""Round 14 (qa14long): a rambling message's question read with the sentence told right before it.

The question drops the subject the sentence before it named ("… năm 2025 ngày chuyển đổi số bị lùi lại vì mưa bão
ngoài Bắc. Vậy cuối cùng năm 2025 tổ chức vào hôm nào?"): alone it names too little, the whole message too much (the
asker's life first). ``bot.kb.reading._told_before`` reads the two together when neither was answered, and answers
only where that reading is confident and agrees with the whole message's first three entries.
"""

from __future__ import annotations

from bot.kb.engine import KnowledgeBase

RAMBLING = ("Bà nội tôi năm nay tám mươi, ngày nào cũng hỏi chuyện thời sự. Hôm qua tivi nói năm 2025 ngày chuyển đổi "
            "số bị lùi lại vì mưa bão ngoài Bắc. Vậy cuối cùng năm 2025 tổ chức vào hôm nào?")


def test_the_question_is_read_with_the_sentence_before_it(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer(RAMBLING)
    assert answer.confident and answer.entry == "ngay-cds-2025-ngay-to-chuc"


def test_alone_the_question_names_too_little(real_kb: KnowledgeBase) -> None:
    # the reason the sentence before is needed: the question by itself is only offered
    alone = real_kb.answer("Vậy cuối cùng năm 2025 tổ chức vào hôm nào?")
    assert not alone.confident
    assert "ngay-cds-2025-ngay-to-chuc" in alone.choice_entries
