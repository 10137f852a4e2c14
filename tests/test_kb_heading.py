"""A first sentence that only heads the letter's question (bot/kb/heading.py, round 32): left out of the questions
read where the next sentence asks a fact and points back at it; kept otherwise. The letters are the engineer's own."""

from __future__ import annotations

from bot.kb.heading import without_heading
from bot.kb.message import sentences_of
from bot.nlp.clauses import clauses
from bot.nlp.normalize import analyze


def _questions(text: str, asks: list[str]) -> list[str]:
    cut = clauses(text)
    sentences = dict(zip(cut, sentences_of(cut, text), strict=True))
    return without_heading(asks, sentences, lambda p: analyze(p).text)


def test_a_heading_then_a_fact_pointing_back_leaves_the_heading_out() -> None:
    text = "Tôi muốn biết tổ công nghệ số hoạt động thế nào. Tổ đó có bao nhiêu người?"
    asks = ["Tôi muốn biết tổ công nghệ số hoạt động thế nào", "Tổ đó có bao nhiêu người?"]
    assert _questions(text, asks) == ["Tổ đó có bao nhiêu người?"]


def test_a_question_naming_its_own_subject_keeps_the_sentence_before() -> None:
    text = "Tôi muốn biết tổ công nghệ số hoạt động thế nào. Cả nước có bao nhiêu tổ công nghệ số?"
    asks = ["Tôi muốn biết tổ công nghệ số hoạt động thế nào", "Cả nước có bao nhiêu tổ công nghệ số?"]
    assert _questions(text, asks) == asks


def test_a_first_sentence_asking_a_fact_or_typed_with_a_question_mark_is_a_question() -> None:
    text = "Tôi muốn biết tổ công nghệ số lập từ năm nào. Tổ đó có bao nhiêu người?"
    asks = ["Tôi muốn biết tổ công nghệ số lập từ năm nào", "Tổ đó có bao nhiêu người?"]
    assert _questions(text, asks) == asks
    text = "Tổ công nghệ số hoạt động thế nào? Tổ đó có bao nhiêu người?"
    asks = ["Tổ công nghệ số hoạt động thế nào?", "Tổ đó có bao nhiêu người?"]
    assert _questions(text, asks) == asks


def test_a_sentence_that_goes_on_telling_is_story_not_a_heading() -> None:
    text = ("Tôi tìm hiểu xem các xã làm bản đồ số thế nào, có người nói tỉnh đã đưa lên một trang web. "
            "Trang đó có bao nhiêu xã?")
    asks = ["Tôi tìm hiểu xem các xã làm bản đồ số thế nào, có người nói tỉnh đã đưa lên một trang web",
            "Trang đó có bao nhiêu xã?"]
    assert _questions(text, asks) == asks
