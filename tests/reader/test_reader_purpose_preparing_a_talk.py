"""The asker's purpose told after the question, preparing the talk or paper the answer goes into ("…, để chuẩn bị bài
nói chuyện cho buổi sinh hoạt …", ``bot.nlp.clauses.tells_purpose``): context, cut off so the question is read
alone; preparing something the question asks about ("…, để chuẩn bị cho chuyển đổi số") stays the question's."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.nlp.clauses import tells_purpose

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("right", [
    " để chuẩn bị bài nói chuyện cho buổi sinh hoạt của Hội Nông dân xã",
    " de chuan bi tai lieu tuyen truyen cho ba con",
    " để em chuẩn bị cho buổi họp chi bộ tuần sau",
])
def test_preparing_a_talk_or_paper_is_a_purpose(right: str) -> None:
    assert tells_purpose(right)


@pytest.mark.parametrize("right", [" để chuẩn bị cho chuyển đổi số ở xã", " để chuẩn bị bài gì ạ"])
def test_preparing_what_is_asked_is_not(right: str) -> None:
    assert not tells_purpose(right)


def test_the_question_before_the_purpose_is_answered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Mình muốn biết Ngày Chuyển đổi số quốc gia được lập ra với mục đích gì, để chuẩn bị bài"
                            " nói chuyện cho buổi sinh hoạt của Hội Nông dân xã vào tháng 10 tới.")
    assert answer.confident and answer.entry == "ngay-cds-muc-dich"
