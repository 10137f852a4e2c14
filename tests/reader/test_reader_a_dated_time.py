"""Round 32 (``bot.nlp.reference``): a question pointing back at a time ("năm đó", "chủ đề năm ấy") points at the
time the story named by its number, and at no more of the story; and a question pointing back at a noun its own
sentence named just before ("…, ông hỏi ngày đó …") means that noun, not an earlier mention of the story."""

from __future__ import annotations

import pytest

from bot.nlp.reference import resolve

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("story", "question", "resolved"), [
    # a fronted year sets its clause in time: the clause is no part of the year
    (["Năm 2023 cháu tui đi thi vẽ tranh của huyện, được giải nhì"],
     "Năm đó bộ nào tổ chức?", "Năm 2023 bộ nào tổ chức?"),
    # a month dated by its year keeps the year
    (["Hồi tháng 10 năm 2024 siêu thị giảm giá cho ai trả bằng mã QR cả tháng"],
     "Chương trình tháng đó tên là gì?", "Chương trình tháng 10 năm 2024 tên là gì?"),
    # a possessive after the date says whose year it is and comes with it
    (["Trường cần chủ đề năm 2022 của Ngày Chuyển đổi số quốc gia"],
     "Cho xin chủ đề năm đó", "Cho xin chủ đề năm 2022 của Ngày Chuyển đổi số quốc gia"),
])
def test_a_time_pointed_back_at_is_the_dated_time(story: list[str], question: str, resolved: str) -> None:
    assert resolve(question, story) == resolved


def test_a_time_noun_right_before_the_demonstrative_is_the_noun_it_closes() -> None:
    story = ["Năm 2021 tôi còn dạy ở trường làng, thầy hiệu trưởng treo băng rôn chủ đề Ngày Chuyển đổi số"]
    assert resolve("Chủ đề năm ấy là gì?", story) == "Chủ đề năm 2021 là gì?"


def test_an_undated_time_leaves_the_noun_phrase_read_as_before() -> None:
    story = ["Hội phụ nữ họp cả tháng", "Có chương trình khuyến mãi gì đó cho người trả tiền qua mạng"]
    assert resolve("Chương trình tháng đó tên là gì?", story) == resolve("Chương trình tháng đó tên là gì?", story[1:])


def test_a_day_is_no_time_noun_first() -> None:
    # "ngày" also heads a day's name: "ngày đó" after "Ngày Chuyển đổi số" is that day, not a date told before
    story = ["Hồi ngày 10/10 xã treo băng rôn", "Cô giáo kể về Ngày Chuyển đổi số quốc gia"]
    assert resolve("Ngày đó có từ năm nào?", story) == "Ngày Chuyển đổi số quốc gia có từ năm nào?"


def test_the_question_s_own_piece_before_is_read_first() -> None:
    story = ["Bà ngoại tôi ngày nào cũng nghe đài"]
    question = "Hôm qua đài nhắc tới Ngày Chuyển đổi số quốc gia, bà hỏi ngày đó do quyết định số mấy đặt ra"
    assert resolve(question, story) == ("Hôm qua đài nhắc tới Ngày Chuyển đổi số quốc gia, bà hỏi ngày Chuyển đổi "
                                        "số quốc gia do quyết định số mấy đặt ra")


def test_the_own_piece_that_says_only_the_noun_leaves_the_story_s_mention() -> None:
    story = ["Thôn tôi mới lập tổ công nghệ số cộng đồng"]
    question = "Ba tôi muốn vô tổ nên nhờ tôi hỏi: tổ đó có mấy người?"
    assert resolve(question, story) == "Ba tôi muốn vô tổ nên nhờ tôi hỏi: tổ công nghệ số cộng đồng có mấy người?"
