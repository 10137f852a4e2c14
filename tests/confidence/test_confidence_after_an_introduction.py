"""Who the asker is, told before the question, neither refuses a question of the channel's nor lets a look-alike
through.

- The introduction guard (``bot.kb.reading``, ``bot.nlp.introductions.confidently_in_scope``) keeps the whole
  message's "not ours" only where the question read alone is not answered as the channel's: Shopee, a province, a
  school in the introduction do not make "Thanh toán không dùng tiền mặt là gì?" off-topic.
- A question cut off an introduction at a comma is answered alone only where the entry is asked by every content word
  of it the knowledge base knows (``bot.kb.introduced``): "xã hội học", "kinh tế vĩ mô" are no subjects of the
  channel's, while an unknown chat abbreviation ("cdso") tells nothing.
"""

from __future__ import annotations

import pytest

from bot.kb.engine import KnowledgeBase

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, entry", [
    ("Tôi bán hàng trên Shopee. Thanh toán không dùng tiền mặt là gì?", "thanh-toan-khong-dung-tien-mat"),
    ("Em bán hàng online ở Hà Nội. VNeID là gì vậy?", "vneid-la-gi"),
    ("Chú chạy xe ôm ở Đà Nẵng. thanh toán không dùng tiền mặt là gì?", "thanh-toan-khong-dung-tien-mat"),
    ("Em bán hàng online ở Shopee, thanh toán không dùng tiền mặt là gì?", "thanh-toan-khong-dung-tien-mat"),
    ("Cô dạy mẫu giáo ở Nghệ An, VNeID là gì vậy? bài viết của kênh có nói không", "vneid-la-gi"),
    ("Cô dạy mẫu giáo ở Cà Mau, VNeID là gì vậy?", "vneid-la-gi"),
    ("tui lam ruong o Dong Thap, kinh te so la gi vay?", "kinh-te-so-la-gi"),
    ("Tôi làm ruộng, xã hội số là gì?", "xa-hoi-so-la-gi"),
    ("mik bán quần áo onl ở ST, cdso gồm mấy trụ cột z mn? ai bik chỉ mik vs nha", "ba-tru-cot-cds"),
])
def test_a_question_of_the_channels_is_answered_whoever_asks(real_kb: KnowledgeBase, question: str,
                                                             entry: str) -> None:
    answer = real_kb.answer(question)
    assert answer.confident and answer.entry == entry


@pytest.mark.parametrize("question", [
    "Tôi làm ruộng, xã hội học là gì?",
    "Tôi làm ruộng, kinh tế vĩ mô là gì?",
    "Tôi ở quê, lợi ích của nông nghiệp là gì?",
])
def test_a_look_alike_after_an_introduction_is_not_answered(real_kb: KnowledgeBase, question: str) -> None:
    assert not real_kb.answer(question).confident
