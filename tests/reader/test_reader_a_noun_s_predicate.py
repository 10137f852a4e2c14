"""Round 31 (``bot.nlp.reference``): what a demonstrative stands for ends where the story's noun phrase does — before
the copula "là" or the existential "có" that opens what the story says of the thing ("cổng dịch vụ công quốc gia
[có từ 2012]": one side of a quarrel), and right after a time named by its number ("Hồi năm 2023 [trường nó treo
băng rôn]": the clause the time fronts). Carried into the question, a claim's year outweighed the question's words
and the letter went unanswered."""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.nlp.reference import resolve

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("story", "question", "resolved"), [
    # the existential "có" opens the claim, not the portal's name
    (["Ông lớn bảo cổng dịch vụ công quốc gia có từ 2012, ông nhỏ bảo mới có mấy năm nay"],
     "cổng đó khai trương ngày nào?", "cổng dịch vụ công quốc gia khai trương ngày nào?"),
    # the copula "là" opens what the day is, not which day
    (["Cô giáo nói ngày chuyển đổi số quốc gia là dịp cả nước làm lễ"],
     "Ngày đó có từ năm nào?", "Ngày chuyển đổi số quốc gia có từ năm nào?"),
    # a fronted time named by its number: the clause after it is no modifier of the year
    (["Hồi năm 2023 trường nó treo băng rôn to lắm"],
     "năm 2023 đó chủ đề là gì?", "năm 2023 chủ đề là gì?"),
    (["Tháng 10 xã mở lớp dạy dùng điện thoại"],
     "Tháng 10 đó là ngày gì?", "Tháng 10 là ngày gì?"),
])
def test_the_noun_phrase_ends_before_its_predicate(story: list[str], question: str, resolved: str) -> None:
    assert resolve(question, story) == resolved


@pytest.mark.parametrize(("story", "question", "resolved"), [
    # a modifier still comes with its noun: "chương trình [của Thủ tướng phê duyệt từ năm 2020]"
    (["Nghe nói có chương trình của Thủ tướng phê duyệt từ năm 2020"],
     "Chương trình đó là quyết định số mấy?", "Chương trình của Thủ tướng phê duyệt từ năm 2020 là quyết định số mấy?"),
    # a number that names no time ("quyết định 749") keeps what the story said of it
    (["Sếp giao tìm quyết định 749 về chương trình chuyển đổi số"],
     "Quyết định 749 đó ai ký?", "Quyết định 749 về chương trình chuyển đổi số ai ký?"),
])
def test_a_noun_s_own_modifiers_are_still_carried(story: list[str], question: str, resolved: str) -> None:
    assert resolve(question, story) == resolved


def test_a_quarrel_over_the_portal_s_year_is_answered_with_its_opening(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Hai ông con rể nhà tui ngồi nhậu cãi nhau, ông lớn bảo cổng dịch vụ công quốc gia có từ "
                            "2012, ông nhỏ bảo mới có mấy năm nay thôi. Cãi tới khuya không ai chịu thua. Nhờ kênh coi "
                            "giùm: cổng đó khai trương ngày tháng năm nào vậy?")
    assert answer.confident and answer.entry == "dvcqg-ra-doi"


@pytest.mark.parametrize(("story", "question", "resolved"), [
    (["Công an xã nói về Đề án 06 của Chính phủ"], "Đề án 06 đó là gì?", "Đề án 06 của Chính phủ là gì?"),
    (["Công an xã nói về Đề án 06"], "Đề án 06 đó là gì?", "Đề án 06 là gì?"),
])
def test_what_the_question_says_after_its_noun_is_not_said_twice(story: list[str], question: str,
                                                                  resolved: str) -> None:
    assert resolve(question, story) == resolved
