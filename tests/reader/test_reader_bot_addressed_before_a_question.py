"""The bot addressed at the head of a full-stopped question ("Chị ơi …", "Anh cho em hỏi …", "Chào bạn. Bạn cho
mình hỏi …") is no person of a story (``bot.kb.stories.unaddressed``): "Q1. Q2?" from the asker is two questions,
the first answered and the second offered, while a story's own people ("Mẹ tôi hỏi …") still make it a story.
"""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.stories import tells_of_people, wondered_by_other

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("sentence", [
    "Cô ơi đề án 06 là gì",
    "Chị ơi VNeID là gì",
    "Anh cho em hỏi VNeID là gì",
    "Anh ơi cho em hỏi VNeID là gì",
    "Bạn cho mình hỏi VNeID là gì",
    "Anh chị cho em hỏi chính phủ số là gì",
    "Bác cho cháu hỏi đề án 06 là gì",
    "anh oi chinh phu so la gi",
    "Dạ thưa anh chị VNeID là gì",
])
def test_the_bot_addressed_is_no_person_of_a_story(sentence: str) -> None:
    assert not tells_of_people(sentence)
    assert not wondered_by_other(sentence)


@pytest.mark.parametrize("sentence", [
    "Mẹ tôi hỏi VNeID là gì",
    "Bạn em hỏi chính phủ số là gì",
    "Bà em cứ thắc mắc sao cái tổ đó lập ra",
])
def test_a_person_of_the_story_still_tells_it(sentence: str) -> None:
    assert tells_of_people(sentence)
    assert wondered_by_other(sentence)


@pytest.mark.parametrize("question, first, second", [
    ("Cô ơi đề án 06 là gì. Mục tiêu là gì?", "de-an-06-la-gi", None),
    ("Anh cho em hỏi VNeID là gì. Cách cài thế nào?", "vneid-la-gi", None),
    ("Anh ơi cho em hỏi VNeID là gì. Cách cài thế nào?", "vneid-la-gi", None),
    ("Chào bạn. Bạn cho mình hỏi VNeID là gì. Cách cài thế nào?", "vneid-la-gi", None),
    ("Chị cho em hỏi chữ ký số là gì. Đăng ký ở đâu?", "chu-ky-so-la-gi", "chu-ky-so-dang-ky-tren-vneid"),
    ("Chị ơi VNeID là gì. Chữ ký số đăng ký ở đâu?", "vneid-la-gi", "chu-ky-so-dang-ky-tren-vneid"),
    ("Anh chị cho em hỏi chính phủ số là gì. Kinh tế số là gì?", "chinh-phu-so-la-gi", "kinh-te-so-la-gi"),
    ("anh oi chinh phu so la gi. kinh te so la gi?", "chinh-phu-so-la-gi", "kinh-te-so-la-gi"),
    ("Anh ơi đăng ký bản tin thế nào. Còn hủy thì sao?", "kenh-dang-ky-ban-tin", "kenh-huy-dang-ky-ban-tin"),
])
def test_the_first_question_is_answered_and_the_second_offered(real_kb: KnowledgeBase, question: str, first: str,
                                                               second: str | None) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == first
    if second is not None:
        assert second in answer.choice_entries
