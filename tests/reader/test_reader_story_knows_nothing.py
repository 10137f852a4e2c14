"""A story sentence that says someone knows or understands nothing ("ai cũng chả hiểu gì", "em chẳng biết gì") is the
story, not the asker wondering: "gì" right after the negated verb is "nothing" (``bot.kb.message._WONDERS``), so the
sentence is dropped before the question ending on "?" and is not read as the first question."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.message import wonders

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("clause", [
    "họp xong ai cũng chả hiểu gì",
    "bà nội hỏi mà em chẳng biết gì",
    "tôi chưa hiểu gì cả",
    "dân nghe xong chả nhớ gì",
])
def test_knowing_nothing_is_no_wondering(clause: str) -> None:
    assert not wonders(clause)


@pytest.mark.parametrize("clause", [
    "tôi chưa biết VNeID là gì",
    "em không biết ai lập tổ công nghệ số",
    "không rõ đăng ký ở đâu",
    "chưa hiểu ngày đó là ngày nào",
])
def test_not_knowing_what_is_still_wondering(clause: str) -> None:
    assert wonders(clause)


def test_a_story_of_knowing_nothing_before_the_question(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Em ở nhà trông cháu, bà nội hỏi mà em chẳng biết gì. Hôm trước bà có xem tivi nói về ngày "
                            "chuyển đổi số quốc gia. Ngày đó là ngày nào ạ?")
    assert answer.confident and answer.entry == "ngay-cds-la-ngay-nao"


def test_a_story_of_remembering_nothing_before_the_question(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Tôi làm thủ quỹ hội nông dân, năm nào cũng đi tập huấn mà về chả nhớ gì. Tôi có đọc "
                            "một bài về những hạn chế khi làm chuyển đổi số năm 2022 nhưng quên mất rồi. "
                            "Cụ thể gồm những hạn chế nào ạ?")
    assert answer.confident and answer.entry == "cds-han-che-2022"
