"""Round 33 (rank33): a long letter's asking sentences read again beside the whole letter by the intent reader
(``bot.kb.intent_model.IntentModel.read``'s ``asking``, chosen by ``bot.kb.reading._asking_sentences``).

The probes are written for these tests, not copied from an eval set: a citizen's everyday life told at length (a
market stall, a motorbike taxi, a kindergarten), then a question the channel answers."""

from __future__ import annotations

import pytest

from bot.kb import KnowledgeBase
from bot.kb.intent_model import ASKING_WEIGHT, OUTSIDE
from bot.kb.message import resolved_parts, sentences_of
from bot.kb.reading import STORY_SHARE, _asking_sentences
from bot.nlp.clauses import clauses
from bot.nlp.normalize import analyze

STALL = ("Chị bán bún riêu ở chợ Đồng Xuân hơn hai chục năm, sáng nào cũng dậy từ ba giờ, chồng chị chở hàng bằng xe "
         "máy. Con bé nhà chị học lớp chín, về kể cô giáo dặn cả lớp tìm hiểu khẩu hiệu của ngày chuyển đổi số để làm "
         "báo tường. ")
THEME = "Chủ đề của Ngày chuyển đổi số quốc gia năm 2023 là gì em ơi?"
VEGETABLES = ("Bác năm nay bảy mươi, ở nhà trông cháu với nuôi mấy con gà, chiều chiều ra vườn tưới rau cải. Hôm trước "
              "con gái bác đi chợ về kể giá rau tăng quá. ")
PRICE = "Giá rau cải ngoài chợ hôm nay bao nhiêu một bó hả cháu?"


@pytest.fixture(scope="module")
def kb(real_kb: KnowledgeBase) -> KnowledgeBase:
    return real_kb


def _read(kb: KnowledgeBase, letter: str, asking: str) -> tuple[str | None, str | None]:
    model = kb.intent
    assert model is not None
    whole = analyze(letter).text
    return model.read(whole).top, model.read(whole, asking=analyze(asking).text).top


def test_the_question_read_again_outweighs_a_long_story_of_everyday_life(kb: KnowledgeBase) -> None:
    """Over the whole letter the off-topic class, which learned stories of markets and families, names the letter;
    read with its question again, the reader names the theme of the year asked."""
    alone, with_question = _read(kb, STALL + THEME, THEME)
    assert alone == OUTSIDE
    assert with_question == "ngay-cds-chu-de-2023"


def test_an_off_topic_question_read_again_stays_off_topic(kb: KnowledgeBase) -> None:
    assert _read(kb, VEGETABLES + PRICE, PRICE) == (OUTSIDE, OUTSIDE)


def test_no_asking_sentences_read_is_the_plain_reading(kb: KnowledgeBase) -> None:
    model = kb.intent
    assert model is not None and 0 < ASKING_WEIGHT < 1
    text = analyze(STALL + THEME).text
    assert model.read(text, asking="") == model.read(text)


def _asking(letter: str, asks: list[str]) -> str:
    cut = clauses(letter)
    sentences = dict(zip(resolved_parts(cut), sentences_of(cut, letter), strict=True))
    return _asking_sentences(letter, asks, sentences)


def test_a_long_letter_reads_again_the_sentence_that_asks() -> None:
    letter = STALL + THEME
    asked = clauses(letter)[-1]
    assert _asking(letter, [asked]).strip() == THEME.rstrip("?")


def test_a_short_message_has_no_story_to_weigh() -> None:
    assert _asking("Chị bán bún ở chợ. " + THEME, [THEME]) == ""


def test_a_question_pointing_back_at_the_story_is_not_read_alone() -> None:
    letter = STALL + "Ad cho chị xin nguyên văn khẩu hiệu năm đó được không?"
    assert _asking(letter, [clauses(letter)[-1]]) == ""


def test_a_question_longer_than_its_story_is_not_read_again() -> None:
    question = ("Cho chị hỏi chủ đề của Ngày chuyển đổi số quốc gia năm 2023 là gì, năm 2024 là gì, và hai năm đó "
                "ngày hưởng ứng có tổ chức vào cùng một ngày mười tháng mười không em?")
    letter = "Chị bán bún riêu ở chợ Đồng Xuân. " + question
    assert len(question.split()) > STORY_SHARE * len(letter.split())
    assert _asking(letter, [clauses(letter)[-1]]) == ""
