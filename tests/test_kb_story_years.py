"""Round 26 (mixed26): a year the asker tells of their own life is not a year asked (``bot.kb.story_years``)."""

from __future__ import annotations

import time

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.story_years import story_years
from bot.nlp.normalize import analyze

pytestmark = pytest.mark.unit


def told(text: str) -> frozenset[str]:
    return story_years(text, lambda piece: analyze(piece).text)


def test_a_year_of_the_askers_own_doing_is_their_story() -> None:
    text = "tai khoan dich vu cong qg cua tui lam tu hoi 2022 gio dang nhap hong dc nua, tu ngay nao z"
    assert told(text) == frozenset({"year:2022"})


@pytest.mark.parametrize("text", [
    # no speaker tells it: a year of the topic, borrowed by the question (round 15)
    "Năm 2025 lễ đó tổ chức rồi. Vào ngày nào?",
    # the question points back at it
    "Năm 2023 tui có đi dự ngày chuyển đổi số ở huyện, chủ đề năm đó là gì vậy?",
    # what the speaker heard is the topic's
    "tui nghe nói năm 2025 kinh tế số chiếm 20%, đúng không?",
    # "mình" of a country is no teller
    "Việt Nam mình năm 2024 tăng 15 bậc, giờ đứng thứ mấy?",
    # the year is asked as well as told
    "tui tạo tài khoản năm 2021, năm 2021 có những dịch vụ nào?",
])
def test_a_year_of_the_topic_is_not_the_askers_story(text: str) -> None:
    assert told(text) == frozenset()


def test_many_pieces_read_in_linear_time() -> None:
    text = "tui lam tu nam 2022, " * 3000 + "tu ngay nao?"
    started = time.perf_counter()
    told(text)
    assert time.perf_counter() - started < 5.0


def test_a_login_question_told_with_the_year_the_account_was_made_is_answered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("tai khoan dich vu cong qg cua tui lam tu hoi 2022 gio dang nhap hong dc nua, nghe noi "
                            "phai xai VNeID hả, tu ngay nao z")
    assert answer.confident and answer.entry == "vneid-dang-nhap-dich-vu-cong"


def test_a_theme_asked_of_the_year_told_is_still_that_years(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("Năm 2023 tui có đi dự ngày chuyển đổi số ở huyện, chủ đề năm đó là gì vậy?")
    assert answer.entry in (None, "ngay-cds-chu-de-2023")


def test_making_an_account_is_no_pronoun() -> None:
    """Folded, "tạo" (make) is "tao" (I): a piece that only makes an account is told by no one."""
    assert told("hồi 2022 có tạo tài khoản trên cổng dịch vụ công, giờ phải đăng nhập bằng gì?") == frozenset()


@pytest.mark.parametrize("text", [
    "tooi cos taif khoanr treen coong dichj vuj coong tuwf nawm 2021, giowf vaanx ddawng nhaapj dduowcj khoong",
    "toi6 co1 tai2 khoan3 tren cong dich vu cong tu2 nam 2021, gio72 van64 dang nhap duoc khong",
    "tôi có tài khoản trên cổng dịch vụ công từ năm 2021, giờ vẫn đăng nhập được không",
])
def test_the_teller_is_read_as_typed_in_any_keyboard(text: str) -> None:
    """Round 29: the teller is read in the piece as analysed (Telex, VNI decoded), as its years are; and a comma right
    after the year ends the story's piece (``bot.kb.question_part.pieces``)."""
    assert told(text) == frozenset({"year:2021"})


def test_a_telex_letter_told_with_the_year_its_account_was_made_is_answered(real_kb: KnowledgeBase) -> None:
    answer = real_kb.answer("tooi cos taif khoanr treen coong dichj vuj coong quoocs gia tuwf nawm 2021, giowf "
                            "vaanx ddawng nhaapj bawngf taif khoanr ddos dduwowcj khoong hay phair dungf cais khasc")
    assert answer.confident and answer.entry == "vneid-dang-nhap-dich-vu-cong", (answer.kind, answer.entry)
