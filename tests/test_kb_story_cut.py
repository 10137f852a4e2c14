"""Round 27 (mixed27): the question of a one-sentence chat message cut from the story run into it by commas, answered
only where the readers of the question alone and of the whole message agree (``bot.kb.story_cut``)."""

from __future__ import annotations

import time

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.story_cut import asked_part, one_sentence

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("text", "sentence"), [
    ("tui o Can Tho, nam 2021 tui lam can cuoc, ngay cds la ngay nao v", True),
    ("ad oi, chu de nam 2022 la chi rua ad??", True),  # the marks that end the message end no sentence before another
    ("gia 1.000 dong, web c63.mic.gov.vn la trang j z ad", True),  # a full stop inside a number or an address
    ("e ban tap hoa o Phan Thiet. ma ai xay cai cong nay dzay ta", False),
    ("Mình ở Huế? ngày cds là ngày nào", False),
])
def test_one_sentence_is_a_message_of_commas_only(text: str, sentence: bool) -> None:
    assert one_sentence(text) is sentence


def test_the_asking_part_leaves_the_story_out() -> None:
    assert asked_part("tui o Can Tho, nam 2021 tui lam can cuoc, ngay cds la ngay nao v", []) == \
        "ngay cds la ngay nao v"


def test_a_short_piece_fronting_the_question_is_no_story() -> None:
    """"Còn ở Huế, …": a few words right before the question front its subject (``bot.kb.question_part.fronts``)."""
    assert asked_part("Còn ở Huế, tỷ lệ hồ sơ trực tuyến là bao nhiêu", []) == ""


@pytest.mark.parametrize("text", [
    "ngay cds la ngay nao v",  # nothing told: no part to cut
    "tui o Can Tho, nam 2021 tui lam can cuoc",  # nothing asked: the message is kept whole
])
def test_no_part_where_nothing_is_left_out(text: str) -> None:
    assert asked_part(text, []) == ""


def test_many_pieces_read_in_linear_time() -> None:
    text = "nam 2021 tui lam can cuoc, " * 5000 + "ngay cds la ngay nao v"
    started = time.perf_counter()
    assert asked_part(text, []) == "ngay cds la ngay nao v"
    assert one_sentence(text)
    assert time.perf_counter() - started < 5.0


@pytest.mark.parametrize(("text", "entry"), [
    # dev22a gb-0034: an address asked, then that the asker did not understand the article
    ("c63 la trang j z ad, thấy bài báo nhắc mà k hỉu", "55-bai-toan-cds"),
    # dev11a w1-0003: a banner of the asker's boat, then the question, then a plea
    ("ghe tui co treo cai bang ron ngay cds 2022 ma bi bao xe mat chu roi, chu de nam 2022 la chi rua ad, nho giup "
     "voi", "ngay-cds-chu-de-2022"),
    # dev24a ia-0009: the question first, then what a neighbour said
    ("may ong cho hoi toi nam 2025 kinh te so phai chiem bao nhieu phan tram GDP dzay, ong hang xom noi ma tui quen "
     "mat tieu, hoi lai thi ky qua", "ct-2025-kinh-te-so"),
])
def test_a_question_run_into_its_story_is_answered(real_kb: KnowledgeBase, text: str, entry: str) -> None:
    answer = real_kb.answer(text)
    assert answer.confident and answer.entry == entry


@pytest.mark.parametrize("text", [
    # the story makes the question another domain's: the question alone is one of the KB's redirect requests
    "Zalo của tôi bị hack rồi, làm sao lấy lại tài khoản?",
    "Ví điện tử MoMo trừ tiền oan của tôi, khiếu nại ở đâu?",
    # the question alone is the channel's own unsubscribe wording to the ranker; the readers of the part disagree
    "Mạng cáp quang VNPT nhà tôi chậm quá, làm sao để tăng tốc?",
    "dien thoai oppo cu cua e ko cai dc VNeID, bao phien ban android ko ho tro, lam sao nang cap dc",
])
def test_an_off_topic_story_keeps_its_question_unanswered(real_kb: KnowledgeBase, text: str) -> None:
    assert not real_kb.answer(text).confident


def test_a_place_the_story_asks_of_still_holds(real_kb: KnowledgeBase) -> None:
    """A place of the story that is not where the asker lives is still asked: the national day is no answer to a
    question about Thailand's."""
    answer = real_kb.answer("nghe noi ben Thai Lan cung co ngay chuyen doi so, ngay do la ngay nao v ad")
    assert not answer.confident or answer.entry != "ngay-cds-la-ngay-nao"
