"""What surrounds a question in chat and in rambling letters, and asks nothing of a topic.

- A plea for the answer or a question of whether the channel's writing says it, after the question ("…? ai bik chỉ
  mik vs nha", "…? mong ad tl som", "…? bài viết của kênh có nói không"): no question (``bot.kb.tails``), taken out
  before the message is ranked.
- The asker introducing themself before a comma ("mik bán quần áo onl ở ST, …?"): context
  (``bot.nlp.introductions``).
- A story's full-stopped sentences before the question sentence ending on "?" ("… Bà em cứ thắc mắc sao … Thế cái
  tổ này lập ra để làm gì?"): context, down to that one question (``bot.kb.stories``).
- "cái cổng đó" after a story that said "cái trang dịch vụ công quốc gia": the same thing (``bot.nlp.reference``).
"""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase
from bot.kb.message import Sentence
from bot.kb.stories import before_question, wondered_by_other
from bot.kb.tails import only_asks_answer, without_tail
from bot.nlp.clauses import clauses
from bot.nlp.introductions import introduces, only_introduces, without_introduction
from bot.nlp.reference import resolve

pytestmark = pytest.mark.unit


# --- a plea for the answer, a question of the channel's writing ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "ai biết chỉ mình với nha",
    "ai bik chi e voi",
    "mong ad trả lời sớm",
    "mong ad tl som a",
    "mn ơi giúp em với",
    "bài viết của kênh có nói không",
    "trên kênh có nhắc chuyện này không",
])
def test_a_plea_or_a_question_of_the_channels_writing_asks_no_topic(text: str) -> None:
    assert only_asks_answer(text)


@pytest.mark.parametrize("text", [
    "Kênh là ai?",
    "bài viết này của ai",
    "kênh có nói về chuyển đổi số không",
    "k bik có nộp tiền j dc k",
    "Kênh do ai lập",
])
def test_a_question_of_its_own_is_no_plea(text: str) -> None:
    assert not only_asks_answer(text)


def test_the_plea_ending_a_message_is_taken_out_before_ranking() -> None:
    text = "VNeID là gì vậy? bài viết của kênh có nói không"
    assert without_tail(clauses(text), text) == "VNeID là gì vậy?"
    assert without_tail(clauses("mong ad tl som"), "mong ad tl som") is None  # nothing else asks


# --- the asker introducing themself ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["mik bán quần áo onl ở ST", "e lam cong nhan o KCN Tan Tao", "Tôi đang dạy học ở xã",
                                  "chị buôn vải ở chợ Bến Thành"])
def test_who_the_asker_is_and_what_they_do(text: str) -> None:
    assert introduces(text)


@pytest.mark.parametrize("text", ["Tôi muốn hỏi", "Bộ trưởng là ai", "em ko rành may vu nay", "tổ công nghệ số làm gì"])
def test_no_introduction(text: str) -> None:
    assert not introduces(text)


def test_the_introduction_is_cut_off_a_question_ending_on_a_question_mark() -> None:
    assert clauses("e chạy xe ôm ở Bình Dương, ba trụ cột của cđs là gì vậy?")[-1].startswith("ba trụ cột")
    # what the asker tells after the introduction, with no "?", stays one clause with it
    assert len(clauses("chi ban sach vo o ninh kieu, ko rành may vu nay lam")) == 1


def test_an_introduction_alone_asks_nothing_beside_a_question() -> None:
    asks = ["e ban sua dau nanh o cho", "cdso dang o giai doan j vay"]
    assert without_introduction(asks, asks) == asks[1:]
    more = ["e lam o ubnd xa, 2025 la bao nhieu %", "2030 thi bao nhieu"]  # it goes on asking after a comma
    assert without_introduction(more, more) == more


# --- the story before the question sentence --------------------------------------------------------------------------

def test_someone_elses_wondering_is_the_story() -> None:
    assert wondered_by_other("Mẹ tôi cứ thắc mắc sao người ta bán hàng không cần tiền mặt")
    assert not wondered_by_other("Em thắc mắc sao người ta bán hàng không cần tiền mặt")


def test_story_sentences_before_the_question_sentence_are_dropped() -> None:
    story, other, asked = "Bạn bè ở mấy phường khác cũng y như vậy", "Nghệ An có bao nhiêu tổ", "Tổ làm gì?"
    sentences = {story: Sentence(0, ".", story), other: Sentence(1, ".", other), asked: Sentence(2, "?", asked)}
    assert before_question([story, asked], sentences, lambda p: False) == [asked]
    # a full-stopped question telling of no person stays (review 14c)
    assert before_question([other, asked], sentences, lambda p: False) == [other, asked]
    # a request to know stays, whatever its mark
    assert before_question([story, asked], sentences, lambda p: True) == [story, asked]


def test_a_question_pointing_back_named_by_the_story_leaves_the_story_behind() -> None:
    """Round 23: "Thế cái tổ này …?" read with the story's noun names its subject; the wondering told before it is
    the story. Where the pointing back resolves to nothing ("Ngày đó …" read "Ngày …"), the story stays (review 15,
    M3), and so does a story sentence that asks of the subject the question took from it."""
    story = "Bà em cứ thắc mắc sao lại có người đến giúp không công"
    typed = "Thế cái tổ này lập ra để làm những việc gì ạ?"
    resolved = "Thế cái tổ công nghệ số cộng đồng lập ra để làm những việc gì ạ?"
    sentences = {story: Sentence(0, ".", story), resolved: Sentence(1, "?", typed)}
    assert before_question([story, resolved], sentences, lambda p: False) == [resolved]
    bare = "Thế cái tổ lập ra để làm những việc gì ạ?"  # nothing taken from the story
    assert before_question([story, bare], {**sentences, bare: Sentence(1, "?", typed)},
                           lambda p: False) == [story, bare]
    asking = "Bà em cứ hỏi tổ công nghệ số cộng đồng là ai lập"  # the story asks of the subject itself
    assert before_question([asking, resolved], {**sentences, asking: Sentence(0, ".", asking)},
                           lambda p: False) == [asking, resolved]


# --- the same thing named two ways ----------------------------------------------------------------------------------

def test_the_portal_is_the_page_the_story_named() -> None:
    resolved = resolve("Cái cổng đó khai trương khi nào vậy?",
                       ["Con gái tôi mở cái trang dịch vụ công quốc gia cho tôi xem"])
    assert "dịch vụ công quốc gia" in resolved


# --- answered ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, entry", [
    ("e chạy xe ôm ở Bình Dương, ba trụ cột của cđs là gì vậy? ai bik chỉ e với", "ba-tru-cot-cds"),
    ("tui bán rau ở chợ Long Xuyên, Đề án 06 là gì vậy ad? mong ad trả lời sớm", "de-an-06-la-gi"),
    ("em lam cong nhan o KCN Tan Tao, chu ky so la gi vay? mn oi giup em voi", "chu-ky-so-la-gi"),
    ("Mình bán tạp hóa ở Hóc Môn, chữ ký số là gì thế? trên kênh có nhắc chuyện này không", "chu-ky-so-la-gi"),
    ("Cô dạy mẫu giáo ở Thanh Hóa, VNeID là gì vậy? bài viết của kênh có nói không", "vneid-la-gi"),
    ("Nhà tôi ở quê, mẹ tôi hay đi chợ phiên. Mẹ tôi cứ thắc mắc sao người ta bán hàng không cần tiền mặt. Thanh "
     "toán không dùng tiền mặt là gì vậy?", "thanh-toan-khong-dung-tien-mat"),
    ("Tụi bạn em ở mấy trường khác cũng chưa biết gì. Em cũng thế. Chính phủ số là gì ạ?", "chinh-phu-so-la-gi"),
])
def test_the_question_is_answered(real_kb: KnowledgeBase, question: str, entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry


def _asks(text: str) -> list[str]:
    from bot.kb.message import questions, resolved_parts, sentences_of

    cut = clauses(text)
    parts = resolved_parts(cut)
    sentences = dict(zip(parts, sentences_of(cut, text), strict=True))
    return questions(parts, cut, text, sentences, lambda p: True)


def test_a_story_sentence_saying_the_asker_does_not_know_is_still_asked() -> None:
    asks = _asks("Tôi đã cài VNeID từ tháng trước. Tôi cài rồi nhưng chưa biết ai làm ra cái ứng dụng VNeID. Có phải "
                 "của công an không?")
    assert asks[0].startswith("Tôi cài rồi nhưng chưa biết ai")


def test_the_story_before_the_question_sentence_is_not_asked() -> None:
    assert _asks("Tụi bạn em ở mấy trường khác cũng chưa biết gì. Em cũng thế. Chính phủ số là gì ạ?") == [
        "Chính phủ số là gì ạ?"]


@pytest.mark.parametrize("question", [
    "tôi làm ở ngân hàng, số điện thoại tổng đài là số mấy vậy?",
    "em bán vé số ở chợ Bà Chiểu, xổ số hôm nay ra số mấy vậy?",
    "chị bán vàng ở chợ Long Xuyên, giá vàng hôm nay bao nhiêu một chỉ?",
    "tôi làm ở bệnh viện tỉnh, số điện thoại của bệnh viện là bao nhiêu?",
])
def test_a_question_not_ours_after_an_introduction_is_not_answered(real_kb: KnowledgeBase, question: str) -> None:
    assert not real_kb.answer(question).confident


def test_not_knowing_how_to_answer_someone_is_the_story() -> None:
    asks = _asks("Em chào kênh ạ. Mẹ em hỏi VNeID là gì, em cũng không biết trả lời sao. Cho em hỏi ba trụ cột của "
                 "chuyển đổi số là gì ạ?")
    assert asks == ["Cho em hỏi ba trụ cột của chuyển đổi số là gì ạ?"]


def test_a_first_clause_that_goes_on_telling_is_not_only_an_introduction() -> None:
    assert only_introduces("em bán rau ở chợ Long Xuyên")
    assert not only_introduces("Tôi ở Quy Nhơn, tuần sau phải đi làm lại thẻ căn cước vì thẻ cũ bị mất")
